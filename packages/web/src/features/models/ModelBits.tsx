import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import dayjs from 'dayjs';
import type { FdaClassification, Model } from './api';

/** Model number first (what is on the label), the marketing name under it. */
export function ModelIdentity({ model }: { model: Pick<Model, 'modelNumber' | 'name'> }) {
  return (
    <Stack gap={0} style={{ minWidth: 0 }}>
      <Text size="sm" fw={600}>
        {model.modelNumber}
      </Text>
      {model.name && model.name !== model.modelNumber && (
        <Text size="xs" c="dimmed" lineClamp={1}>
          {model.name}
        </Text>
      )}
    </Stack>
  );
}

const CLASS_COLORS: Record<string, string> = { '1': 'gray', '2': 'blue', '3': 'red' };

/** Device class and the implant / life-sustaining flags of an FDA product code. */
export function FdaFlags({ classification, withName = false }: { classification: FdaClassification; withName?: boolean }) {
  return (
    <Group gap={4} wrap="wrap" justify="inherit">
      <Tooltip label={`${classification.productCode}: ${classification.deviceName}`} disabled={withName}>
        <Badge variant="light" color={CLASS_COLORS[classification.deviceClass] ?? 'gray'} size="sm">
          {classification.deviceClassLabel}
        </Badge>
      </Tooltip>
      {classification.lifeSustaining && (
        <Badge variant="filled" color="red" size="sm">
          Life-sustaining
        </Badge>
      )}
      {classification.implant && (
        <Badge variant="light" color="grape" size="sm">
          Implant
        </Badge>
      )}
      {withName && (
        <Text size="xs" c="dimmed">
          {classification.deviceName}
        </Text>
      )}
    </Group>
  );
}

export function FdaCode({ model }: { model: Pick<Model, 'fdaProductCode' | 'fdaClassification'> }) {
  if (!model.fdaProductCode) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Group gap={6} wrap="nowrap" justify="inherit">
      <Text size="sm" className="mono">
        {model.fdaProductCode}
      </Text>
      {model.fdaClassification && <FdaFlags classification={model.fdaClassification} />}
    </Group>
  );
}

/** End of manufacturer support, orange within a year and red once passed. */
export function EndOfSupport({ date }: { date: string | null }) {
  if (!date) return <Text size="sm" c="dimmed">—</Text>;
  const days = dayjs(date).diff(dayjs(), 'day');
  const color = days < 0 ? 'red' : days < 365 ? 'orange' : undefined;
  return (
    <Text size="sm" c={color} fw={color ? 600 : undefined}>
      {dayjs(date).format('D MMM YYYY')}
      {days < 0 ? ' (ended)' : ''}
    </Text>
  );
}

export function formatYears(years: number | null): string {
  if (years === null) return '—';
  return `${Number.isInteger(years) ? years : years.toFixed(1)} ${years === 1 ? 'year' : 'years'}`;
}
