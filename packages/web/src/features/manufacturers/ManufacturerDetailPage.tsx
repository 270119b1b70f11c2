import { Anchor, Button, Card, DataList, Grid, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconExternalLink, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router-dom';
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
import { ModelsTable } from '../models/ModelsTable';
import { AliasesCard } from './AliasesCard';
import { deleteManufacturer, manufacturerQuery, MANUFACTURERS_KEY } from './api';
import { ManufacturerForm } from './ManufacturerForm';

const BREADCRUMBS = [{ label: 'Manufacturers', to: '/manufacturers' }];

export function ManufacturerDetailPage() {
  const { id = '' } = useParams();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [deleting, deleteModal] = useDisclosure(false);
  const { data: manufacturer, error, isPending, refetch } = useQuery(manufacturerQuery(id));

  const remove = useMutation({
    mutationFn: deleteManufacturer,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: MANUFACTURERS_KEY });
      notifySuccess('Manufacturer deleted', `${manufacturer?.name ?? 'The manufacturer'} is no longer in the list.`);
      navigate('/manufacturers');
    },
  });

  if (isPending) return <DetailSkeleton />;
  if (error) {
    if (isApiError(error) && (error.status === 404 || error.status === 400)) {
      return <NotFoundState title="This manufacturer does not exist" description="The link may be wrong, or it was merged into another manufacturer." backTo="/manufacturers" backLabel="All manufacturers" />;
    }
    return <ErrorState error={error} onRetry={() => void refetch()} />;
  }

  const manage = can('reference.manage');
  const reload = () => void refetch();

  return (
    <>
      <PageHeader
        breadcrumbs={BREADCRUMBS}
        title={manufacturer.name}
        description={
          manufacturer.website ? (
            <Anchor href={manufacturer.website} target="_blank" rel="noreferrer" size="sm">
              {manufacturer.website} <IconExternalLink size={12} style={{ verticalAlign: 'middle' }} />
            </Anchor>
          ) : undefined
        }
        actions={
          manage && (
            <Button
              variant="default"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={deleteModal.open}
              disabled={manufacturer.modelCount > 0}
              title={manufacturer.modelCount > 0 ? 'A manufacturer with models cannot be deleted' : undefined}
            >
              Delete
            </Button>
          )
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card>
            <Title order={2} size="h4" mb="md">
              Manufacturer
            </Title>
            {manage ? (
              <ManufacturerForm manufacturer={manufacturer} onReload={reload} />
            ) : (
              <DataList labelWidth={140} withDivider>
                <Field label="Name" value={manufacturer.name} />
                <Field label="Website" value={manufacturer.website ?? '—'} />
              </DataList>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card>
            <Title order={2} size="h4" mb="md">
              Record
            </Title>
            <DataList orientation="vertical" gap="md">
              <Field label="Models" value={manufacturer.modelCount} />
              <Field label="Comparison key" value={<span className="mono">{manufacturer.normalizedName}</span>} />
              <Field label="Added" value={<DateTime value={manufacturer.createdAt} />} />
              <Field label="Last changed" value={<DateTime value={manufacturer.updatedAt} relative />} />
            </DataList>
          </Card>
        </Grid.Col>
        <Grid.Col span={12}>
          <AliasesCard manufacturer={manufacturer} manage={manage} />
        </Grid.Col>
        <Grid.Col span={12}>
          <Card>
            <Title order={2} size="h4" mb="md">
              Models
            </Title>
            <ModelsTable filters={{ manufacturerId: manufacturer.id }} hideManufacturer emptyText={`No models of ${manufacturer.name} yet.`} />
          </Card>
        </Grid.Col>
        {can('audit.read') && (
          <Grid.Col span={12}>
            <Card>
              <Title order={2} size="h4" mb={4}>
                History
              </Title>
              <Text size="sm" c="dimmed" mb="md">
                Changes to this manufacturer, newest first.
              </Text>
              <RecordHistory entity="manufacturer" entityId={manufacturer.id} />
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
        onConfirm={() => remove.mutate(manufacturer)}
        title="Delete this manufacturer?"
        confirmLabel="Delete manufacturer"
        danger
        pending={remove.isPending}
        error={remove.error}
      >
        <Text size="sm">
          {manufacturer.name} and its {manufacturer.aliases.length} aliases will be removed. Imports that name it will report an unknown manufacturer.
        </Text>
      </ConfirmModal>
    </>
  );
}
