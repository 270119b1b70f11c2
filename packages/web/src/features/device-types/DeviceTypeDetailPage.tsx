import { Button, Card, DataList, Grid, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router-dom';
import { DEFAULT_RISK_POLICY } from '@openhtm/domain';
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
import { riskPolicyQuery } from '../settings/api';
import { deleteDeviceType, DEVICE_TYPES_KEY, deviceTypeQuery, updateDeviceType, type DeviceType, type DeviceTypeInput } from './api';
import { RiskScoreBadge } from './DeviceTypeBits';
import { DeviceTypeForm } from './DeviceTypeForm';

const BREADCRUMBS = [{ label: 'Device types', to: '/device-types' }];

const inputOf = (t: DeviceType): DeviceTypeInput => ({
  name: t.name,
  nomenclatureSystem: t.nomenclatureSystem,
  nomenclatureCode: t.nomenclatureCode,
  riskInputs: t.riskInputs,
  lifeSupport: t.lifeSupport,
  aemExclusion: t.aemExclusion,
});

/** Only what changed is sent, so that a concurrent change to another field is not overwritten. */
function changesOf(current: DeviceType, values: DeviceTypeInput): Partial<DeviceTypeInput> {
  const before = inputOf(current);
  const changes: Partial<DeviceTypeInput> = {};
  for (const key of Object.keys(values) as Array<keyof DeviceTypeInput>) {
    if (JSON.stringify(values[key]) !== JSON.stringify(before[key])) Object.assign(changes, { [key]: values[key] });
  }
  return changes;
}

export function DeviceTypeDetailPage() {
  const { id = '' } = useParams();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [deleting, deleteModal] = useDisclosure(false);
  const { data: deviceType, error, isPending, refetch } = useQuery(deviceTypeQuery(id));
  const policy = useQuery(riskPolicyQuery).data?.policy ?? DEFAULT_RISK_POLICY;

  const save = useMutation({
    mutationFn: ({ current, values }: { current: DeviceType; values: DeviceTypeInput }) => updateDeviceType(current, changesOf(current, values)),
    onSuccess: (saved) => {
      queryClient.setQueryData(deviceTypeQuery(saved.id).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: DEVICE_TYPES_KEY });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      notifySuccess('Device type saved', `${saved.name} now scores ${saved.defaultRisk.score}.`);
    },
  });
  const remove = useMutation({
    mutationFn: deleteDeviceType,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: DEVICE_TYPES_KEY });
      notifySuccess('Device type deleted');
      navigate('/device-types');
    },
  });

  if (isPending) return <DetailSkeleton />;
  if (error) {
    if (isApiError(error) && (error.status === 404 || error.status === 400)) {
      return <NotFoundState title="This device type does not exist" description="The link may be wrong, or the type was deleted." backTo="/device-types" backLabel="All device types" />;
    }
    return <ErrorState error={error} onRetry={() => void refetch()} />;
  }

  const manage = can('reference.manage');

  return (
    <>
      <PageHeader
        breadcrumbs={BREADCRUMBS}
        title={deviceType.name}
        badges={<RiskScoreBadge risk={deviceType.defaultRisk} />}
        description={deviceType.nomenclatureCode ? `${deviceType.nomenclatureSystem === 'local' ? 'Local code' : deviceType.nomenclatureSystem} ${deviceType.nomenclatureCode}` : undefined}
        actions={
          manage && (
            <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={deleteModal.open}>
              Delete
            </Button>
          )
        }
      />
      <Grid gap="lg">
        <Grid.Col span={12}>
          <Card>
            <Title order={2} size="h4" mb="md">
              Device type
            </Title>
            <DeviceTypeForm
              initial={inputOf(deviceType)}
              revision={deviceType.version}
              policy={policy}
              savedScore={deviceType.defaultRisk.score}
              submitLabel="Save changes"
              pending={save.isPending}
              error={save.error}
              readOnly={!manage}
              onSubmit={(values) => save.mutate({ current: deviceType, values })}
              onReload={() => {
                save.reset();
                void refetch();
              }}
            />
          </Card>
        </Grid.Col>
        <Grid.Col span={12}>
          <Card>
            <Title order={2} size="h4" mb="md">
              Models of this type
            </Title>
            <ModelsTable filters={{ deviceTypeId: deviceType.id }} hideDeviceType emptyText="No model is of this type yet." />
          </Card>
        </Grid.Col>
        <Grid.Col span={12}>
          <Card>
            <Title order={2} size="h4" mb="md">
              Record
            </Title>
            <DataList orientation="horizontal" labelWidth={140}>
              <Field label="Scored under" value={deviceType.defaultRisk.policyName} />
              <Field label="Added" value={<DateTime value={deviceType.createdAt} />} />
              <Field label="Last changed" value={<DateTime value={deviceType.updatedAt} relative />} />
            </DataList>
          </Card>
        </Grid.Col>
        {can('audit.read') && (
          <Grid.Col span={12}>
            <Card>
              <Title order={2} size="h4" mb={4}>
                History
              </Title>
              <Text size="sm" c="dimmed" mb="md">
                Changes to this device type, newest first.
              </Text>
              <RecordHistory entity="device_type" entityId={deviceType.id} />
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
        onConfirm={() => remove.mutate(deviceType)}
        title="Delete this device type?"
        confirmLabel="Delete device type"
        danger
        pending={remove.isPending}
        error={remove.error}
      >
        <Text size="sm">A device type that models or devices use cannot be deleted; the server will say so.</Text>
      </ConfirmModal>
    </>
  );
}
