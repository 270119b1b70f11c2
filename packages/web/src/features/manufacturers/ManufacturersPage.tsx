import { Badge, Button, EmptyState, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingFactory2, IconPlus } from '@tabler/icons-react';
import { useCan } from '../../app/auth/session';
import { DateTime } from '../../components/DateTime';
import { PageHeader } from '../../components/PageHeader';
import { FilterBar, SearchFilter } from '../../components/data-table/filters';
import { ServerTable } from '../../components/data-table/ServerTable';
import type { Column } from '../../components/data-table/types';
import { useListParams } from '../../components/data-table/useListParams';
import { fetchManufacturersPage, MANUFACTURERS_KEY, type Manufacturer } from './api';
import { CreateManufacturerModal } from './CreateManufacturerModal';

const MAX_ALIASES_SHOWN = 3;

function Aliases({ manufacturer }: { manufacturer: Manufacturer }) {
  const { aliases } = manufacturer;
  if (aliases.length === 0) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Group gap={4} wrap="wrap" justify="inherit">
      {aliases.slice(0, MAX_ALIASES_SHOWN).map((alias) => (
        <Badge key={alias.id} variant="default" size="sm" fw={500}>
          {alias.alias}
        </Badge>
      ))}
      {aliases.length > MAX_ALIASES_SHOWN && (
        <Text size="xs" c="dimmed">
          +{aliases.length - MAX_ALIASES_SHOWN} more
        </Text>
      )}
    </Group>
  );
}

const COLUMNS: Column<Manufacturer>[] = [
  { key: 'name', header: 'Name', sortField: 'name', render: (m) => <Text size="sm" fw={600}>{m.name}</Text> },
  { key: 'aliases', header: 'Also known as', render: (m) => <Aliases manufacturer={m} /> },
  { key: 'models', header: 'Models', render: (m) => <Text size="sm">{m.modelCount}</Text>, align: 'right', width: 100 },
  { key: 'updated', header: 'Last changed', sortField: 'updatedAt', render: (m) => <DateTime value={m.updatedAt} relative />, width: 170 },
];

const FILTERS = ['q'] as const;

export function ManufacturersPage() {
  const can = useCan();
  const [creating, createModal] = useDisclosure(false);
  const list = useListParams(FILTERS, 'name');
  const manage = can('reference.manage');

  const addButton = manage && (
    <Button leftSection={<IconPlus size={18} />} onClick={createModal.open}>
      Add manufacturer
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Manufacturers"
        description="One record per company, with the other names it appears under in purchase records and spreadsheets."
        actions={addButton}
      />
      <ServerTable
        label="Manufacturers"
        queryKey={MANUFACTURERS_KEY}
        fetchPage={fetchManufacturersPage}
        filters={{ q: list.filters.q }}
        sort={list.sort}
        onSort={list.setSort}
        columns={COLUMNS}
        rowKey={(m) => m.id}
        rowHref={(m) => `/manufacturers/${m.id}`}
        filtered={list.active}
        onClearFilters={list.clear}
        toolbar={<FilterBar primary={<SearchFilter value={list.filters.q} onChange={(q) => list.setFilter('q', q)} placeholder="Name or alias, e.g. Phillips" />} />}
        empty={
          <EmptyState
            icon={<IconBuildingFactory2 size={26} stroke={1.6} />}
            withIndicatorBackground
            title="No manufacturers yet"
            description="Manufacturers are added as models are created or devices imported, or by hand here."
            py="xl"
          >
            {addButton && <EmptyState.Actions>{addButton}</EmptyState.Actions>}
          </EmptyState>
        }
      />
      {manage && <CreateManufacturerModal opened={creating} onClose={createModal.close} />}
    </>
  );
}
