import { Divider, NumberInput, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { UseFormReturnType } from '@mantine/form';
import { OWNERSHIP_LABELS, OWNERSHIPS } from '@openhtm/domain';
import { useState, type ReactNode } from 'react';
import { ModelPicker, VendorPicker } from '../pickers/ReferencePickers';
import type { DeviceFormValues } from './form-values';
import { LocationFields } from './LocationFields';
import { UdiField } from './UdiField';

const OWNERSHIP_OPTIONS = OWNERSHIPS.map((value) => ({ value, label: OWNERSHIP_LABELS[value] }));

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <div>
        <Title order={2} size="h5">
          {title}
        </Title>
        {description && (
          <Text size="xs" c="dimmed">
            {description}
          </Text>
        )}
      </div>
      {children}
    </Stack>
  );
}

interface DeviceFormFieldsProps {
  form: UseFormReturnType<DeviceFormValues>;
  /** Labels of the model and vendor the form starts with, so the pickers need not look them up. */
  labels?: { model?: string; vendor?: string };
  /** Fields only a new device has (initial status), placed after the identity. */
  statusFields?: ReactNode;
}

/** Every field of a device (DOMAIN.md §3), in sections; used by the new-device page and the edit tab. */
export function DeviceFormFields({ form, labels = {}, statusFields }: DeviceFormFieldsProps) {
  const [modelLabel, setModelLabel] = useState(labels.model);
  const grid = { cols: { base: 1, sm: 2 }, spacing: 'md', verticalSpacing: 'sm' } as const;
  const dateProps = { valueFormat: 'D MMM YYYY', clearable: true, placeholder: 'Pick a date', popoverProps: { withinPortal: true } } as const;

  return (
    <Stack gap="lg">
      <Section title="Identity" description="What the device is: the asset tag on its label, its serial number, UDI and model.">
        <SimpleGrid {...grid}>
          <TextInput label="Asset tag" withAsterisk placeholder="e.g. RGH-004512" autoComplete="off" data-autofocus {...form.getInputProps('assetTag')} />
          <TextInput label="Serial number" autoComplete="off" {...form.getInputProps('serialNumber')} />
          <UdiField form={form} onModelFound={(model) => setModelLabel(model.label)} />
          <ModelPicker
            label="Model"
            withAsterisk
            placeholder="Search by model number or name"
            description="The manufacturer and device type follow from the model."
            valueLabel={modelLabel}
            {...form.getInputProps('modelId')}
            value={form.getValues().modelId}
            style={{ gridColumn: '1 / -1' }}
          />
        </SimpleGrid>
        {statusFields}
      </Section>
      <Divider />
      <Section title="Location">
        <LocationFields form={form} />
      </Section>
      <Divider />
      <Section title="Ownership and acquisition" description="Leased, vendor-maintained and physician-owned devices belong in the inventory too.">
        <SimpleGrid {...grid}>
          <Select label="Ownership" data={OWNERSHIP_OPTIONS} allowDeselect={false} comboboxProps={{ withinPortal: true }} {...form.getInputProps('ownership')} />
          <VendorPicker label="Vendor" placeholder="Who supplied it" valueLabel={labels.vendor} {...form.getInputProps('vendorId')} value={form.getValues().vendorId} />
          <DateInput label="Acquisition date" {...dateProps} {...form.getInputProps('acquisitionDate')} />
          <NumberInput label="Acquisition cost" min={0} decimalScale={2} thousandSeparator="," prefix="$" placeholder="0.00" {...form.getInputProps('acquisitionCost')} />
          <TextInput label="Purchase order" {...form.getInputProps('purchaseOrder')} />
        </SimpleGrid>
      </Section>
      <Divider />
      <Section title="Warranty and service contract">
        <SimpleGrid {...grid}>
          <DateInput label="Warranty ends" {...dateProps} {...form.getInputProps('warrantyEnd')} />
          <TextInput label="Service contract" placeholder="Contract or agreement number" {...form.getInputProps('serviceContract')} />
        </SimpleGrid>
      </Section>
      <Divider />
      <Section title="Network" description="For connected devices: what IT and security need to find and patch them.">
        <SimpleGrid {...grid}>
          <TextInput label="Host name" placeholder="pump-icu-12.hospital.local" autoComplete="off" spellCheck={false} {...form.getInputProps('hostname')} />
          <TextInput label="IP address" placeholder="10.20.30.40" autoComplete="off" spellCheck={false} {...form.getInputProps('ipAddress')} />
          <TextInput label="MAC address" placeholder="00:1a:2b:3c:4d:5e" autoComplete="off" spellCheck={false} {...form.getInputProps('macAddress')} />
          <TextInput label="Operating system" placeholder="e.g. Windows 10 IoT" {...form.getInputProps('operatingSystem')} />
          <TextInput label="Firmware version" {...form.getInputProps('firmwareVersion')} />
          <TextInput label="Software version" {...form.getInputProps('softwareVersion')} />
        </SimpleGrid>
      </Section>
      <Divider />
      <Section title="Data and notes">
        <Switch
          label="Stores patient data"
          description="Disposal then requires a documented data sanitization."
          {...form.getInputProps('storesPatientData', { type: 'checkbox' })}
        />
        <Textarea label="Notes" autosize minRows={2} maxRows={8} {...form.getInputProps('notes')} />
      </Section>
    </Stack>
  );
}
