import { Alert, Button, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconWand } from '@tabler/icons-react';
import { useState } from 'react';
import { autoMapColumns, DEVICE_IMPORT_FIELD_META, type DeviceImportField, type DeviceImportMapping } from '@openhtm/domain';
import { FormError } from '../../components/FormError';
import type { DeviceImportDetail } from './api';
import { cleanMapping, FIELD_GROUPS, mappingProblems, REQUIRED_FIELDS, sampleValues, unmappedHeaders } from './mapping';

interface MappingStepProps {
  imp: DeviceImportDetail;
  pending: boolean;
  error: unknown;
  onCheck: (mapping: DeviceImportMapping) => void;
  /** Reads the import again, after someone else changed it. */
  onReload: () => void;
}

/** Step 2: which column of the file feeds which field of a device; proposed from the headers, confirmed by the user. */
export function MappingStep({ imp, pending, error, onCheck, onReload }: MappingStepProps) {
  const initial = Object.keys(imp.mapping ?? {}).length > 0 ? imp.mapping : autoMapColumns(imp.headers).mapping;
  const [mapping, setMapping] = useState<DeviceImportMapping>(initial);
  const problems = mappingProblems(mapping);
  const blocked = problems.general.length > 0 || Object.keys(problems.fields).length > 0;
  const unmapped = unmappedHeaders(imp.headers, mapping);
  const options = imp.headers.map((header, index) => ({ value: header, label: header || `(column ${index + 1} has no header)`, disabled: header === '' }));
  const mappedCount = Object.values(mapping).filter(Boolean).length;

  const set = (field: DeviceImportField, header: string | null) => setMapping((current) => cleanMapping({ ...current, [field]: header ?? undefined }));

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Text size="sm" c="dimmed" maw={640}>
          {mappedCount} of {imp.headers.length} columns are mapped. Each field reads the column chosen for it; columns not chosen are left out. The values
          under each field are from the first rows of the file.
        </Text>
        <Button variant="subtle" size="xs" leftSection={<IconWand size={14} />} onClick={() => setMapping(autoMapColumns(imp.headers).mapping)}>
          Map from the headers again
        </Button>
      </Group>
      {FIELD_GROUPS.map((group) => (
        <div key={group.title}>
          <Title order={3} size="h5" mb="xs">
            {group.title}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="sm">
            {group.fields.map((field) => {
              const values = sampleValues((imp.sampleRows ?? []).map((row) => row.cells), imp.headers, mapping[field]);
              return (
                <Select
                  key={field}
                  label={DEVICE_IMPORT_FIELD_META[field].label}
                  aria-label={`Column for ${DEVICE_IMPORT_FIELD_META[field].label}`}
                  withAsterisk={REQUIRED_FIELDS.has(field)}
                  placeholder="Not imported"
                  data={options}
                  value={mapping[field] ?? null}
                  onChange={(header) => set(field, header)}
                  clearable
                  searchable
                  error={problems.fields[field]}
                  description={values.length > 0 ? `e.g. ${values.map((v) => `“${v.length > 24 ? `${v.slice(0, 24)}…` : v}”`).join(', ')}` : mapping[field] ? 'Empty in the first rows' : ' '}
                  comboboxProps={{ withinPortal: true }}
                  data-testid={`map-${field}`}
                />
              );
            })}
          </SimpleGrid>
        </div>
      ))}
      {unmapped.length > 0 && (
        <Text size="sm" c="dimmed">
          Left out: {unmapped.map((header) => `“${header || '(no header)'}”`).join(', ')}
        </Text>
      )}
      {problems.general.map((message) => (
        <Alert key={message} color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
          {message}
        </Alert>
      ))}
      <FormError error={error} onReload={onReload} />
      <Group justify="flex-end">
        <Button onClick={() => onCheck(cleanMapping(mapping))} loading={pending} disabled={blocked}>
          Check the file
        </Button>
      </Group>
    </Stack>
  );
}
