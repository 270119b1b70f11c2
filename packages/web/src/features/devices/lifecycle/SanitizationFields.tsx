import { Checkbox, Fieldset, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import type { UseFormReturnType } from '@mantine/form';
import { SANITIZATION_METHOD_LABELS, SANITIZATION_METHODS, type SanitizationMethod } from '@openhtm/domain';

export interface SanitizationValues {
  sanitizationMethod: SanitizationMethod | null;
  sanitizedBy: string;
  /** 'YYYY-MM-DD HH:mm:ss' as the date-time picker gives it. */
  sanitizedAt: string | null;
  certificate: string;
  attestation: boolean;
}

/** The data-sanitization record (NIST SP 800-88) required to dispose of a device that stored patient data. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function SanitizationFields<V extends SanitizationValues>({ form }: { form: UseFormReturnType<V, any> }) {
  return (
    <Fieldset legend="Data sanitization" variant="filled" radius="md">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          This device stored patient data. Record how the data was removed before it leaves the hospital.
        </Text>
        <Select
          label="Method"
          withAsterisk
          placeholder="How the data was removed"
          data={SANITIZATION_METHODS.map((method) => ({ value: method, label: SANITIZATION_METHOD_LABELS[method] }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('sanitizationMethod')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Performed by" withAsterisk {...form.getInputProps('sanitizedBy')} />
          <DateTimePicker
            label="Performed at"
            withAsterisk
            placeholder="Date and time"
            valueFormat="D MMM YYYY HH:mm"
            maxDate={new Date()}
            popoverProps={{ withinPortal: true }}
            {...form.getInputProps('sanitizedAt')}
          />
        </SimpleGrid>
        <TextInput label="Certificate or ticket" description="Optional: the sanitization certificate or work ticket number" {...form.getInputProps('certificate')} />
        <Checkbox
          label="I attest that the patient data on this device has been removed by the method above"
          {...form.getInputProps('attestation', { type: 'checkbox' })}
        />
      </Stack>
    </Fieldset>
  );
}
