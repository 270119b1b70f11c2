import { Button, Group, Modal, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  DEFAULT_RISK_POLICY,
  EQUIPMENT_FUNCTION_LABELS,
  EQUIPMENT_FUNCTIONS,
  INCIDENT_HISTORIES,
  INCIDENT_HISTORY_LABELS,
  MAINTENANCE_REQUIREMENT_LABELS,
  MAINTENANCE_REQUIREMENTS,
  PHYSICAL_RISK_LABELS,
  PHYSICAL_RISKS,
  scoreRisk,
  type RiskPolicy,
} from '@openhtm/domain';
import { FormError } from '../../../components/FormError';
import { notifySuccess } from '../../../components/notify';
import { DEVICES_KEY, type DeviceDetail } from '../api';
import { assessRisk, type DeviceRiskInputs } from './risk-api';
import { RiskBreakdown } from './RiskBreakdown';

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>, points: Record<K, number>) =>
  keys.map((key) => ({ value: key, label: `${labels[key]} (${points[key] > 0 ? '+' : ''}${points[key]})` }));

const DEFAULT_INPUTS: DeviceRiskInputs = { function: 'patient_related_other', physicalRisk: 'none', maintenanceRequirement: 'average', incidentHistory: 'average' };

/** Sets the device's own risk inputs, with the EM number and high-risk result previewed as they are chosen. */
export function RiskInputsModal({ device, policy = DEFAULT_RISK_POLICY, opened, onClose }: { device: DeviceDetail; policy?: RiskPolicy; opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<DeviceRiskInputs>({ mode: 'controlled', initialValues: { ...DEFAULT_INPUTS, ...(device.risk.inputs ?? {}) } });
  const values = form.getValues();
  const preview = scoreRisk(values, policy);

  const close = () => {
    form.reset();
    mutation.reset();
    onClose();
  };
  const mutation = useMutation({
    mutationFn: (inputs: DeviceRiskInputs | null) => assessRisk(device, inputs),
    onSuccess: (_, inputs) => {
      void queryClient.invalidateQueries({ queryKey: DEVICES_KEY });
      notifySuccess('Risk assessed', inputs ? 'The device is scored with its own inputs.' : "The device is scored with its device type's inputs.");
      close();
    },
  });
  const { points } = policy;

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>Risk inputs of {device.assetTag}</Text>} size="lg">
      <form onSubmit={form.onSubmit((inputs) => mutation.mutate(inputs))} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            Scored with {policy.name}. The device type’s inputs apply until the device has its own.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select label="Equipment function" data={options(EQUIPMENT_FUNCTIONS, EQUIPMENT_FUNCTION_LABELS, points.function)} allowDeselect={false} comboboxProps={{ withinPortal: true }} {...form.getInputProps('function')} />
            <Select label="Physical risk" data={options(PHYSICAL_RISKS, PHYSICAL_RISK_LABELS, points.physicalRisk)} allowDeselect={false} comboboxProps={{ withinPortal: true }} {...form.getInputProps('physicalRisk')} />
            <Select
              label="Maintenance requirement"
              data={options(MAINTENANCE_REQUIREMENTS, MAINTENANCE_REQUIREMENT_LABELS, points.maintenanceRequirement)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('maintenanceRequirement')}
            />
            <Select label="Incident history" data={options(INCIDENT_HISTORIES, INCIDENT_HISTORY_LABELS, points.incidentHistory)} allowDeselect={false} comboboxProps={{ withinPortal: true }} {...form.getInputProps('incidentHistory')} />
          </SimpleGrid>
          <Switch label="Life-support equipment" description="High risk whatever the score (TJC EC.02.04.01)" {...form.getInputProps('lifeSupport', { type: 'checkbox' })} />
          <Switch label="Critical for infection control" {...form.getInputProps('infectionControlCritical', { type: 'checkbox' })} />
          <RiskBreakdown inputs={values} assessment={preview} title="Preview" />
          <FormError error={mutation.error} />
          <Group justify="space-between" gap="sm">
            <Button variant="subtle" onClick={() => mutation.mutate(null)} disabled={!device.deviceType || mutation.isPending}>
              Use the device type’s inputs
            </Button>
            <Group gap="sm">
              <Button variant="default" onClick={close} disabled={mutation.isPending}>
                Cancel
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                Save and rescore
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
