import { Button, EmptyState } from '@mantine/core';
import { IconDevicesPc, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useCan } from '../../app/auth/session';
import { PageHeader } from '../../components/PageHeader';
import { FilterBar, SearchFilter, SelectFilter } from '../../components/data-table/filters';
import { ServerTable } from '../../components/data-table/ServerTable';
import { useListParams } from '../../components/data-table/useListParams';
import { deviceTypeChoicesQuery } from '../device-types/api';
import { manufacturerChoicesQuery } from '../manufacturers/api';
import { fetchModelsPage, MODEL_SOURCE_LABELS, MODELS_KEY } from './api';
import { MODEL_COLUMNS, ModelCardTitle } from './ModelsTable';

const FILTERS = ['q', 'manufacturerId', 'deviceTypeId', 'source'] as const;

export function ModelsPage() {
  const can = useCan();
  const list = useListParams(FILTERS, 'modelNumber');
  const manage = can('reference.manage');
  const manufacturers = useQuery(manufacturerChoicesQuery('')).data ?? [];
  const deviceTypes = useQuery(deviceTypeChoicesQuery('')).data ?? [];

  const addButton = manage && (
    <Button component={Link} to="/models/new" leftSection={<IconPlus size={18} />}>
      Add model
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Models"
        description="The model catalog: each manufacturer’s models with their FDA product code, service life, end of support and UDI device identifiers."
        actions={addButton}
      />
      <ServerTable
        label="Models"
        queryKey={MODELS_KEY}
        fetchPage={fetchModelsPage}
        filters={list.filters}
        sort={list.sort}
        onSort={list.setSort}
        columns={MODEL_COLUMNS}
        rowKey={(m) => m.id}
        rowHref={(m) => `/models/${m.id}`}
        cardTitle={(m) => <ModelCardTitle model={m} />}
        filtered={list.active}
        onClearFilters={list.clear}
        toolbar={
          <FilterBar
            primary={<SearchFilter value={list.filters.q} onChange={(q) => list.setFilter('q', q)} placeholder="Model number or name" />}
            activeCount={list.countSet(['manufacturerId', 'deviceTypeId', 'source'])}
            onClear={list.clear}
          >
            <SelectFilter
              label="Manufacturer"
              value={list.filters.manufacturerId}
              onChange={(value) => list.setFilter('manufacturerId', value)}
              data={manufacturers.map((m) => ({ value: m.id, label: m.name }))}
              searchable
              width={220}
            />
            <SelectFilter
              label="Device type"
              value={list.filters.deviceTypeId}
              onChange={(value) => list.setFilter('deviceTypeId', value)}
              data={deviceTypes.map((t) => ({ value: t.id, label: t.name }))}
              searchable
              width={220}
            />
            <SelectFilter
              label="Source"
              value={list.filters.source}
              onChange={(value) => list.setFilter('source', value)}
              data={Object.entries(MODEL_SOURCE_LABELS).map(([value, label]) => ({ value, label }))}
              width={170}
            />
          </FilterBar>
        }
        empty={
          <EmptyState
            icon={<IconDevicesPc size={26} stroke={1.6} />}
            withIndicatorBackground
            title="No models yet"
            description="Models are added by hand, from FDA GUDID records, or by a device import."
            py="xl"
          >
            {addButton && <EmptyState.Actions>{addButton}</EmptyState.Actions>}
          </EmptyState>
        }
      />
    </>
  );
}
