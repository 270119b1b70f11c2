import { Button, Group, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormError } from '../../../components/FormError';
import { notifySuccess } from '../../../components/notify';
import { applyServerErrors } from '../../../components/server-errors';
import { DEVICES_KEY, type DeviceDetail } from '../api';
import { overrideRisk } from './risk-api';

/** A clinical engineer decides the high-risk flag against the score; the reason is required and goes on the timeline. */
export function RiskOverrideModal({ device, calculatedHighRisk, opened, onClose }: { device: DeviceDetail; calculatedHighRisk: boolean; opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { highRisk: calculatedHighRisk ? 'false' : 'true', reason: '' },
    validateInputOnChange: true,
    validate: { reason: (value) => (value.trim() === '' ? 'An override needs a reason' : value.length > 1000 ? 'At most 1,000 characters' : null) },
  });
  const close = () => {
    form.reset();
    mutation.reset();
    onClose();
  };
  const mutation = useMutation({
    mutationFn: (values: { highRisk: string; reason: string }) => overrideRisk(device, { highRisk: values.highRisk === 'true', reason: values.reason.trim() }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: DEVICES_KEY });
      notifySuccess('Risk overridden', 'The decision is recorded with your name and the reason.');
      close();
    },
    onError: (error) => applyServerErrors(form, error),
  });

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>Override the high-risk flag</Text>}>
      <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            The score says {calculatedHighRisk ? 'high risk' : 'not high risk'}. An override stays in force when the device is rescored, until it is removed.
          </Text>
          <SegmentedControl
            fullWidth
            data={[
              { value: 'true', label: 'High risk' },
              { value: 'false', label: 'Not high risk' },
            ]}
            {...form.getInputProps('highRisk')}
          />
          <Textarea label="Reason" withAsterisk autosize minRows={3} placeholder="e.g. Used on neonates in the NICU: failure may cause serious injury" data-autofocus {...form.getInputProps('reason')} />
          <FormError error={mutation.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              Record override
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
