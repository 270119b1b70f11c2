import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconWand } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { parseUdi } from '@openhtm/domain';
import { useMemo } from 'react';
import { findModelByDeviceIdentifier, modelLabel } from '../reference-api';
import { UdiPreview } from '../udi/UdiPreview';
import type { DeviceFormValues } from './form-values';

interface UdiFieldProps {
  form: UseFormReturnType<DeviceFormValues>;
  /** Called with the catalog model whose device identifier the UDI carries, so that the model picker can show it. */
  onModelFound: (model: { id: string; label: string }) => void;
}

/** The UDI input with a live parse: fields, check digits, problems; and the serial and model it gives. */
export function UdiField({ form, onModelFound }: UdiFieldProps) {
  const values = form.getValues();
  const [text] = useDebouncedValue(values.udi.trim(), 150);
  const udi = useMemo(() => (text ? parseUdi(text) : null), [text]);
  const deviceIdentifier = udi?.issuer !== 'unknown' ? udi?.deviceIdentifier : undefined;
  const model = useQuery({
    queryKey: ['reference', 'models', 'by-di', deviceIdentifier],
    queryFn: () => findModelByDeviceIdentifier(deviceIdentifier!),
    enabled: Boolean(deviceIdentifier),
    staleTime: 5 * 60_000,
  });

  const serialDiffers = Boolean(udi?.serial && udi.serial !== values.serialNumber.trim());
  const modelDiffers = Boolean(model.data && model.data.id !== values.modelId);

  return (
    <Stack gap="xs" style={{ gridColumn: '1 / -1' }}>
      <TextInput
        label="UDI"
        description="As printed under the barcode, e.g. (01)00844588003288(21)SN123, or scanned"
        placeholder="(01)…(17)…(10)…(21)…"
        autoComplete="off"
        spellCheck={false}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        {...form.getInputProps('udi')}
      />
      {udi && <UdiPreview udi={udi} compact />}
      {(serialDiffers || modelDiffers) && (
        <Group gap="xs" wrap="wrap">
          <Text size="xs" c="dimmed">
            From the UDI:
          </Text>
          {serialDiffers && (
            <Button size="compact-xs" variant="light" leftSection={<IconWand size={13} />} onClick={() => form.setFieldValue('serialNumber', udi!.serial!)}>
              Use serial {udi!.serial}
            </Button>
          )}
          {modelDiffers && model.data && (
            <Button
              size="compact-xs"
              variant="light"
              leftSection={<IconWand size={13} />}
              onClick={() => {
                onModelFound({ id: model.data!.id, label: modelLabel(model.data!) });
                form.setFieldValue('modelId', model.data!.id);
              }}
            >
              Use model {model.data.manufacturer.name} {model.data.modelNumber}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
