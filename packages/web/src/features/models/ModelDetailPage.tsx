import { Anchor, Badge, Button, Card, DataList, Grid, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconExternalLink, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../app/api/problem';
import { useCan } from '../../app/auth/session';
import { ConfirmModal } from '../../components/ConfirmModal';
import { DateTime } from '../../components/DateTime';
import { DetailSkeleton } from '../../components/DetailSkeleton';
import { ErrorState } from '../../components/ErrorState';
import { Field } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { notifySuccess } from '../../components/notify';
import { RecordHistory } from '../audit/RecordHistory';
import { NotFoundState } from '../errors/NotFoundPage';
import { deleteModel, MODEL_SOURCE_LABELS, modelQuery, MODELS_KEY, updateModel, type Model, type ModelInput } from './api';
import { IdentifiersCard } from './IdentifiersCard';
import { EndOfSupport, FdaFlags, formatYears } from './ModelBits';
import { formValuesOf, inputOf, ModelForm } from './ModelForm';

const BREADCRUMBS = [{ label: 'Models', to: '/models' }];

/** Only what changed is sent, so that a concurrent change to another field is not overwritten. */
function changesOf(model: Model, values: ModelInput): Partial<ModelInput> {
  const before = inputOf(formValuesOf(model));
  const changes: Partial<ModelInput> = {};
  for (const key of Object.keys(values) as Array<keyof ModelInput>) {
    if (JSON.stringify(values[key]) !== JSON.stringify(before[key])) Object.assign(changes, { [key]: values[key] });
  }
  return changes;
}

export function ModelDetailPage() {
  const { id = '' } = useParams();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [deleting, deleteModal] = useDisclosure(false);
  const { data: model, error, isPending, refetch } = useQuery(modelQuery(id));

  const save = useMutation({
    mutationFn: ({ current, values }: { current: Model; values: ModelInput }) => updateModel(current, changesOf(current, values)),
    onSuccess: (saved) => {
      queryClient.setQueryData(modelQuery(saved.id).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: MODELS_KEY });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      notifySuccess('Model saved', `${saved.manufacturer.name} ${saved.modelNumber} is up to date.`);
    },
  });
  const remove = useMutation({
    mutationFn: deleteModel,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: MODELS_KEY });
      notifySuccess('Model deleted');
      navigate('/models');
    },
  });

  if (isPending) return <DetailSkeleton />;
  if (error) {
    if (isApiError(error) && (error.status === 404 || error.status === 400)) {
      return <NotFoundState title="This model does not exist" description="The link may be wrong, or the model was deleted or merged." backTo="/models" backLabel="All models" />;
    }
    return <ErrorState error={error} onRetry={() => void refetch()} />;
  }

  const manage = can('reference.manage');
  const title = model.name && model.name !== model.modelNumber ? `${model.modelNumber} · ${model.name}` : model.modelNumber;

  return (
    <>
      <PageHeader
        breadcrumbs={BREADCRUMBS}
        title={title}
        description={
          <>
            <Anchor component={Link} to={`/manufacturers/${model.manufacturer.id}`} size="sm">
              {model.manufacturer.name}
            </Anchor>
            {model.deviceType && (
              <>
                {' · '}
                <Anchor component={Link} to={`/device-types/${model.deviceType.id}`} size="sm">
                  {model.deviceType.name}
                </Anchor>
              </>
            )}
          </>
        }
        badges={model.fdaClassification && <FdaFlags classification={model.fdaClassification} />}
        actions={
          manage && (
            <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={deleteModal.open}>
              Delete
            </Button>
          )
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Card>
            <Title order={2} size="h4" mb="md">
              Model
            </Title>
            <ModelForm
              model={model}
              submitLabel="Save changes"
              pending={save.isPending}
              error={save.error}
              readOnly={!manage}
              onSubmit={(values) => save.mutate({ current: model, values })}
              onReload={() => {
                save.reset();
                void refetch();
              }}
            />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Card>
            <Title order={2} size="h4" mb="md">
              At a glance
            </Title>
            <DataList orientation="vertical" gap="md">
              <Field
                label="FDA product code"
                value={
                  model.fdaProductCode ? (
                    <>
                      <span className="mono">{model.fdaProductCode}</span> {model.fdaClassification?.deviceName ?? <Badge size="xs" color="orange" variant="outline">not in the FDA file</Badge>}
                      {model.fdaClassification?.regulationNumber && (
                        <Text size="xs" c="dimmed">
                          21 CFR {model.fdaClassification.regulationNumber}
                        </Text>
                      )}
                    </>
                  ) : (
                    '—'
                  )
                }
              />
              <Field label="Expected life" value={formatYears(model.expectedLifeYears)} />
              <Field label="End of support" value={<EndOfSupport date={model.endOfSupport} />} />
              <Field
                label="Instructions for use"
                value={
                  model.ifuUrl ? (
                    <Anchor href={model.ifuUrl} target="_blank" rel="noreferrer" size="sm">
                      Open the IFU <IconExternalLink size={12} style={{ verticalAlign: 'middle' }} />
                    </Anchor>
                  ) : (
                    '—'
                  )
                }
              />
              <Field label="Source" value={MODEL_SOURCE_LABELS[model.source] ?? model.source} />
              <Field label="Added" value={<DateTime value={model.createdAt} />} />
              <Field label="Last changed" value={<DateTime value={model.updatedAt} relative />} />
            </DataList>
          </Card>
        </Grid.Col>
        <Grid.Col span={12}>
          <IdentifiersCard model={model} manage={manage} />
        </Grid.Col>
        {can('audit.read') && (
          <Grid.Col span={12}>
            <Card>
              <Title order={2} size="h4" mb={4}>
                History
              </Title>
              <Text size="sm" c="dimmed" mb="md">
                Changes to this model, newest first.
              </Text>
              <RecordHistory entity="model" entityId={model.id} />
            </Card>
          </Grid.Col>
        )}
      </Grid>
      <ConfirmModal
        opened={deleting}
        onClose={() => {
          remove.reset();
          deleteModal.close();
        }}
        onConfirm={() => remove.mutate(model)}
        title="Delete this model?"
        confirmLabel="Delete model"
        danger
        pending={remove.isPending}
        error={remove.error}
      >
        <Text size="sm">A model that devices belong to cannot be deleted; the server will say so.</Text>
      </ConfirmModal>
    </>
  );
}
