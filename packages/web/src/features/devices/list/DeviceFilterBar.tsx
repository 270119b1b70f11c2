import { Badge, Button, Group, MultiSelect, Select } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAdjustmentsHorizontal } from '@tabler/icons-react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { OWNERSHIP_LABELS, OWNERSHIPS } from '@openhtm/domain';
import { useMemo } from 'react';
import { usePhone } from '../../../components/data-table/DataTable';
import { FilterBar, SearchFilter, SelectFilter } from '../../../components/data-table/filters';
import { allFacilitiesQuery } from '../../facilities/api';
import { STATUS_OPTIONS } from '../DeviceBadges';
import type { DeviceFilterName, DeviceListFilters } from '../filters';
import { DeviceTypePicker, ManufacturerPicker, ModelPicker } from '../pickers/ReferencePickers';
import { facilityTreeQuery } from '../reference-api';

interface DeviceFilterBarProps {
  filters: DeviceListFilters;
  setFilters: (values: Partial<Record<DeviceFilterName | 'sort', string | null>>) => void;
  activeCount: number;
  onClear: () => void;
  sort: string | undefined;
}

const OWNERSHIP_OPTIONS = OWNERSHIPS.map((value) => ({ value, label: OWNERSHIP_LABELS[value] }));
const YES_NO = (yes: string, no: string) => [
  { value: 'true', label: yes },
  { value: 'false', label: no },
];
const STRATEGY_FILTER = [
  { value: 'manufacturer', label: 'Manufacturer' },
  { value: 'aem', label: 'AEM' },
];
const SORT_OPTIONS = [
  { value: 'assetTag', label: 'Asset tag A–Z' },
  { value: '-assetTag', label: 'Asset tag Z–A' },
  { value: 'status', label: 'Status' },
  { value: '-updatedAt', label: 'Recently changed' },
  { value: '-createdAt', label: 'Recently added' },
  { value: 'relevance', label: 'Best match (with a search)' },
];
/** The filters shown behind "More filters" on wide screens. */
const MORE: readonly DeviceFilterName[] = ['manufacturerId', 'modelId', 'strategy', 'ownership', 'connected'];

/** Departments to filter by: those of the chosen facility, or of every facility (named with its code). */
function useDepartmentOptions(facilityId: string) {
  const facilities = useQuery(allFacilitiesQuery).data?.items ?? [];
  const ids = facilityId ? [facilityId] : facilities.map((facility) => facility.id);
  const trees = useQueries({ queries: ids.map((id) => facilityTreeQuery(id)) });
  const codes = new Map(facilities.map((facility) => [facility.id, facility.code]));
  return ids.flatMap((id, index) =>
    (trees[index]?.data?.departments ?? []).map((department) => ({ value: department.id, label: facilityId ? department.name : `${department.name} · ${codes.get(id) ?? ''}` })),
  );
}

/** Search and the filters of the devices list; every change goes to the URL and back to page one. */
export function DeviceFilterBar({ filters, setFilters, activeCount, onClear, sort }: DeviceFilterBarProps) {
  const phone = usePhone();
  const moreSet = MORE.filter((name) => filters[name] !== '').length;
  const [more, moreToggle] = useDisclosure(moreSet > 0);
  const set = (name: DeviceFilterName | 'sort') => (value: string | null) => setFilters({ [name]: value || null });
  const facilities = useQuery(allFacilitiesQuery);
  const departments = useDepartmentOptions(filters.facilityId);
  // A new array on every render would make the MultiSelect re-render without end.
  const statuses = useMemo(() => (filters.status ? filters.status.split(',') : []), [filters.status]);
  const width = (px: number) => (phone ? undefined : { flex: `0 1 ${px}px`, minWidth: 150 });

  const moreFilters = (
    <>
      <ManufacturerPicker aria-label="Manufacturer" placeholder="Manufacturer: Any" value={filters.manufacturerId || null} onChange={(value) => setFilters({ manufacturerId: value, modelId: null })} style={width(210)} />
      <ModelPicker aria-label="Model" placeholder="Model: Any" manufacturerId={filters.manufacturerId || undefined} value={filters.modelId || null} onChange={set('modelId')} style={width(210)} />
      <SelectFilter label="Strategy" value={filters.strategy} onChange={set('strategy')} data={STRATEGY_FILTER} width={170} />
      <SelectFilter label="Ownership" value={filters.ownership} onChange={set('ownership')} data={OWNERSHIP_OPTIONS} width={190} />
      <SelectFilter label="Network" value={filters.connected} onChange={set('connected')} data={YES_NO('Connected', 'Not connected')} width={170} />
    </>
  );

  return (
    <FilterBar
      primary={<SearchFilter value={filters.q} onChange={(q) => setFilters({ q: q || null })} placeholder="Asset tag, serial or model" label="Search devices" />}
      activeCount={activeCount}
      onClear={onClear}
    >
      <SelectFilter
        label="Facility"
        value={filters.facilityId}
        onChange={(facilityId) => setFilters({ facilityId: facilityId || null, departmentId: null })}
        data={(facilities.data?.items ?? []).map((facility) => ({ value: facility.id, label: facility.name }))}
        searchable
        width={210}
      />
      <SelectFilter label="Department" value={filters.departmentId} onChange={set('departmentId')} data={departments} searchable width={200} />
      <DeviceTypePicker aria-label="Device type" placeholder="Type: Any" value={filters.deviceTypeId || null} onChange={set('deviceTypeId')} style={width(190)} />
      <MultiSelect
        aria-label="Status"
        placeholder={statuses.length ? undefined : 'Status: Any'}
        data={STATUS_OPTIONS}
        value={statuses}
        onChange={(values) => setFilters({ status: values.join(',') || null })}
        clearable
        hidePickedOptions
        comboboxProps={{ withinPortal: true }}
        style={phone ? undefined : { flex: '0 1 250px', minWidth: 160 }}
      />
      <SelectFilter label="Risk" value={filters.highRisk} onChange={set('highRisk')} data={YES_NO('High risk', 'Not high risk')} width={150} />
      {phone ? (
        <>
          {moreFilters}
          <Select
            aria-label="Sort"
            label="Sort by"
            data={SORT_OPTIONS}
            value={sort ?? (filters.q ? 'relevance' : 'assetTag')}
            onChange={(value) => setFilters({ sort: value })}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        </>
      ) : (
        <>
          <Button
            variant={more ? 'light' : 'default'}
            onClick={moreToggle.toggle}
            aria-expanded={more}
            leftSection={<IconAdjustmentsHorizontal size={16} />}
            rightSection={moreSet > 0 ? <Badge size="sm" circle>{moreSet}</Badge> : null}
          >
            More filters
          </Button>
          {more && (
            <Group gap="sm" wrap="wrap" style={{ flexBasis: '100%' }}>
              {moreFilters}
            </Group>
          )}
        </>
      )}
    </FilterBar>
  );
}
