import { Badge, Group, Text } from '@mantine/core';
import type { QueryValue } from '../../app/api/client';
import { ServerTable } from '../../components/data-table/ServerTable';
import type { Column } from '../../components/data-table/types';
import { fetchModelsPage, MODELS_KEY, type Model } from './api';
import { EndOfSupport, FdaCode, formatYears, ModelIdentity } from './ModelBits';

export const MODEL_COLUMNS: Column<Model>[] = [
  { key: 'model', header: 'Model', sortField: 'modelNumber', hideOnCard: true, render: (m) => <ModelIdentity model={m} /> },
  { key: 'manufacturer', header: 'Manufacturer', sortField: 'manufacturer', hideOnCard: true, render: (m) => <Text size="sm">{m.manufacturer.name}</Text> },
  { key: 'type', header: 'Device type', render: (m) => (m.deviceType ? <Text size="sm">{m.deviceType.name}</Text> : <Text size="sm" c="dimmed">—</Text>) },
  { key: 'fda', header: 'FDA code', render: (m) => <FdaCode model={m} /> },
  { key: 'life', header: 'Expected life', render: (m) => <Text size="sm">{formatYears(m.expectedLifeYears)}</Text>, width: 120 },
  { key: 'eos', header: 'End of support', render: (m) => <EndOfSupport date={m.endOfSupport} />, width: 150 },
  {
    key: 'udi',
    header: 'UDI-DIs',
    hideOnCard: true,
    align: 'right',
    width: 90,
    render: (m) =>
      m.identifiers.some((i) => !i.checkDigitValid) ? (
        <Badge color="red" variant="light" size="sm">
          {m.identifiers.length} · check digit
        </Badge>
      ) : (
        <Text size="sm">{m.identifiers.length || '—'}</Text>
      ),
  },
];

/** A model on a phone: model number and name, then the manufacturer. */
export function ModelCardTitle({ model }: { model: Model }) {
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
      <ModelIdentity model={model} />
      <Text size="sm" c="dimmed" ta="right">
        {model.manufacturer.name}
      </Text>
    </Group>
  );
}

interface ModelsTableProps {
  filters: Record<string, QueryValue>;
  /** Leaves out the manufacturer column, on a manufacturer's own page. */
  hideManufacturer?: boolean;
  hideDeviceType?: boolean;
  emptyText: string;
}

/** The models of one manufacturer or device type, on that record's page. */
export function ModelsTable({ filters, hideManufacturer, hideDeviceType, emptyText }: ModelsTableProps) {
  const columns = MODEL_COLUMNS.filter((c) => !(hideManufacturer && c.key === 'manufacturer') && !(hideDeviceType && c.key === 'type'));
  return (
    <ServerTable
      label="Models"
      queryKey={[...MODELS_KEY, 'of']}
      fetchPage={fetchModelsPage}
      filters={filters}
      pageSize={10}
      columns={columns}
      rowKey={(m) => m.id}
      rowHref={(m) => `/models/${m.id}`}
      cardTitle={(m) => <ModelCardTitle model={m} />}
      empty={
        <Text size="sm" c="dimmed" p="md">
          {emptyText}
        </Text>
      }
    />
  );
}
