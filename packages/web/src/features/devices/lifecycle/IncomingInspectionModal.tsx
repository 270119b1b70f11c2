import { Button, Collapse, Group, Modal, NumberInput, SegmentedControl, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { FormError } from '../../../components/FormError';
import { notifySuccess } from '../../../components/notify';
import { applyServerErrors } from '../../../components/server-errors';
import { DEVICES_KEY, type DeviceDetail } from '../api';
import { recordIncomingInspection, type IncomingInspectionRequest } from './transitions';

interface Values {
  result: 'pass' | 'fail';
  performedAt: string | null;
  notes: string;
  withSafety: boolean;
  safetyPassed: boolean;
  standard: string;
  appliedPartType: 'none' | 'B' | 'BF' | 'CF';
  protectiveEarthOhms: number | string;
  insulationMegaohms: number | string;
  equipmentLeakageMicroamps: number | string;
  patientLeakageMicroamps: number | string;
  analyzer: string;
}

const num = (value: number | string) => (value === '' ? undefined : Number(value));

function requestOf(values: Values): IncomingInspectionRequest {
  return {
    result: values.result,
    performedAt: new Date(values.performedAt ?? Date.now()).toISOString(),
    notes: values.notes.trim() || null,
    ...(values.withSafety && {
      electricalSafety: {
        passed: values.safetyPassed,
        ...(values.standard.trim() && { standard: values.standard.trim() }),
        ...(values.appliedPartType !== 'none' && { appliedPartType: values.appliedPartType }),
        protectiveEarthOhms: num(values.protectiveEarthOhms),
        insulationMegaohms: num(values.insulationMegaohms),
        equipmentLeakageMicroamps: num(values.equipmentLeakageMicroamps),
        patientLeakageMicroamps: num(values.patientLeakageMicroamps),
        ...(values.analyzer.trim() && { analyzer: values.analyzer.trim() }),
      },
    }),
  };
}

/** The incoming (acceptance) inspection: pass or fail, when, the electrical safety results and notes. */
export function IncomingInspectionModal({ device, opened, onClose }: { device: DeviceDetail; opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      result: 'pass',
      performedAt: dayjs().format('YYYY-MM-DD HH:mm:ss'),
      notes: '',
      withSafety: true,
      safetyPassed: true,
      standard: 'IEC 62353',
      appliedPartType: 'none',
      protectiveEarthOhms: '',
      insulationMegaohms: '',
      equipmentLeakageMicroamps: '',
      patientLeakageMicroamps: '',
      analyzer: '',
    },
    validateInputOnChange: true,
    validate: {
      performedAt: (value) => (!value ? 'When was it inspected?' : dayjs(value).isAfter(dayjs().add(5, 'minute')) ? 'Cannot be in the future' : null),
      result: (value, values) => (value === 'pass' && values.withSafety && !values.safetyPassed ? 'Cannot pass when the electrical safety test failed' : null),
      notes: (value, values) => (values.result === 'fail' && value.trim() === '' ? 'Say what failed' : null),
    },
  });
  const values = form.getValues();
  const close = () => {
    form.reset();
    mutation.reset();
    onClose();
  };
  const mutation = useMutation({
    mutationFn: (formValues: Values) => recordIncomingInspection(device, requestOf(formValues)),
    onSuccess: (_, formValues) => {
      void queryClient.invalidateQueries({ queryKey: DEVICES_KEY });
      notifySuccess(formValues.result === 'pass' ? 'Incoming inspection passed' : 'Incoming inspection failed', formValues.result === 'pass' ? `${device.assetTag} may now go into service.` : 'Quarantine the device or return it to the vendor.');
      close();
    },
    onError: (error) => applyServerErrors(form, error),
  });
  const measure = (field: keyof Values, label: string, unit: string) => <NumberInput label={label} rightSection={<Text size="xs" c="dimmed">{unit}</Text>} rightSectionWidth={44} min={0} decimalScale={3} {...form.getInputProps(field)} />;

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>Incoming inspection of {device.assetTag}</Text>} size="lg">
      <form onSubmit={form.onSubmit((formValues) => mutation.mutate(formValues))} noValidate>
        <Stack>
          <div>
            <Text size="sm" fw={500} mb={4}>
              Result
            </Text>
            <SegmentedControl
              fullWidth
              data={[
                { value: 'pass', label: 'Passed' },
                { value: 'fail', label: 'Failed' },
              ]}
              color={values.result === 'pass' ? 'teal' : 'red'}
              {...form.getInputProps('result')}
            />
            {form.errors.result && (
              <Text size="xs" c="red" mt={4}>
                {form.errors.result}
              </Text>
            )}
          </div>
          <DateTimePicker label="Inspected at" withAsterisk valueFormat="D MMM YYYY HH:mm" maxDate={new Date()} popoverProps={{ withinPortal: true }} {...form.getInputProps('performedAt')} />
          <Switch label="Electrical safety test performed" {...form.getInputProps('withSafety', { type: 'checkbox' })} />
          <Collapse expanded={values.withSafety}>
            <Stack gap="sm">
              <Group gap="lg">
                <Switch label="Electrical safety passed" color="teal" {...form.getInputProps('safetyPassed', { type: 'checkbox' })} />
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput label="Standard" placeholder="IEC 62353, NFPA 99" {...form.getInputProps('standard')} />
                <SegmentedControl aria-label="Applied part type" data={['none', 'B', 'BF', 'CF'].map((value) => ({ value, label: value === 'none' ? 'No applied part' : `Type ${value}` }))} {...form.getInputProps('appliedPartType')} />
                {measure('protectiveEarthOhms', 'Protective earth', 'Ω')}
                {measure('insulationMegaohms', 'Insulation', 'MΩ')}
                {measure('equipmentLeakageMicroamps', 'Equipment leakage', 'µA')}
                {measure('patientLeakageMicroamps', 'Patient leakage', 'µA')}
              </SimpleGrid>
              <TextInput label="Safety analyzer" placeholder="Asset tag or serial of the analyzer" {...form.getInputProps('analyzer')} />
            </Stack>
          </Collapse>
          <Textarea label="Notes" withAsterisk={values.result === 'fail'} autosize minRows={2} {...form.getInputProps('notes')} />
          <FormError error={mutation.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={mutation.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending} color={values.result === 'pass' ? 'teal' : 'red'}>
              Record {values.result === 'pass' ? 'pass' : 'failure'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
