import { Card } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { notifySuccess } from '../../components/notify';
import { createModel, MODELS_KEY } from './api';
import { ModelForm } from './ModelForm';

const BREADCRUMBS = [{ label: 'Models', to: '/models' }];

export function NewModelPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: createModel,
    onSuccess: (model) => {
      void queryClient.invalidateQueries({ queryKey: MODELS_KEY });
      void queryClient.invalidateQueries({ queryKey: ['manufacturers'] });
      notifySuccess('Model added', `${model.manufacturer.name} ${model.modelNumber} is in the catalog.`);
      navigate(`/models/${model.id}`);
    },
  });
  return (
    <>
      <PageHeader breadcrumbs={BREADCRUMBS} title="Add a model" description="A manufacturer’s model: the catalog entry devices belong to." />
      <Card>
        <ModelForm model={null} submitLabel="Add model" pending={mutation.isPending} error={mutation.error} onSubmit={(values) => mutation.mutate(values)} onCancel={() => navigate('/models')} />
      </Card>
    </>
  );
}
