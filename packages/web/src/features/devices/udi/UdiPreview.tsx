import { Alert, Badge, DataList, Group, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { formatGs1, type UdiParseResult, type UdiProblem } from '@openhtm/domain';
import { Field } from '../../../components/Field';
import { formatDate } from '../../../components/DateTime';

const FORMAT_LABELS: Record<UdiParseResult['format'], string> = {
  'gs1-bracketed': 'human-readable',
  'gs1-element-string': 'element string',
  'gs1-digital-link': 'Digital Link',
  'gs1-ean-upc': 'EAN/UPC',
  hibcc: '',
  iccbba: 'ISBT 128',
  unknown: '',
};

export function UdiProblems({ problems }: { problems: UdiProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <List size="sm" spacing={2} icon={null} withPadding={false}>
      {problems.map((problem, index) => (
        <List.Item key={`${problem.code}-${index}`}>
          <Text span size="sm" c={problem.severity === 'error' ? 'red' : 'orange'}>
            {problem.severity === 'error' ? 'Error' : 'Warning'}
            {problem.key && !problem.message.startsWith(`(${problem.key})`) ? ` (${problem.key})` : ''}: {problem.message}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

/** The UDI's fields as parsed, its GS1 human-readable form, and every problem found (check digits, dates…). */
export function UdiPreview({ udi, compact }: { udi: UdiParseResult; compact?: boolean }) {
  const gs1 = formatGs1(udi);
  const errors = udi.problems.filter((problem) => problem.severity === 'error');
  return (
    <Alert
      variant="light"
      color={udi.issuer === 'unknown' ? 'gray' : errors.length > 0 ? 'red' : 'teal'}
      icon={udi.issuer === 'unknown' ? <IconInfoCircle size={18} /> : errors.length > 0 ? <IconAlertTriangle size={18} /> : <IconCircleCheck size={18} />}
      title={
        <Group gap="xs">
          <span>{udi.issuer === 'unknown' ? 'Not a UDI the parser recognises' : errors.length > 0 ? 'UDI with problems' : 'Valid UDI'}</span>
          {udi.issuer !== 'unknown' && (
            <Badge variant="white" size="sm">
              {udi.issuer}
              {FORMAT_LABELS[udi.format] && ` · ${FORMAT_LABELS[udi.format]}`}
            </Badge>
          )}
        </Group>
      }
      data-testid="udi-preview"
    >
      <Stack gap="xs">
        {udi.issuer !== 'unknown' && (
          <DataList labelWidth={compact ? 110 : 150} gap={4} size="sm">
            {udi.deviceIdentifier && <Field label="Device identifier" value={<span className="mono">{udi.deviceIdentifier}</span>} />}
            {udi.serial && <Field label="Serial" value={<span className="mono">{udi.serial}</span>} />}
            {udi.lot && <Field label="Lot" value={<span className="mono">{udi.lot}</span>} />}
            {udi.expiryDate && <Field label="Expiry" value={formatDate(udi.expiryDate)} />}
            {udi.manufactureDate && <Field label="Manufactured" value={formatDate(udi.manufactureDate)} />}
            {gs1 && !compact && <Field label="GS1 form" value={<span className="mono" style={{ wordBreak: 'break-all' }}>{gs1}</span>} />}
          </DataList>
        )}
        <UdiProblems problems={udi.problems} />
      </Stack>
    </Alert>
  );
}
