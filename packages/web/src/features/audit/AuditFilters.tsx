import { DatePickerInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useCan } from '../../app/auth/session';
import { FilterBar, SelectFilter } from '../../components/data-table/filters';
import { userChoicesQuery } from '../users/api';
import { ACTION_LABELS, ENTITY_LABELS } from './labels';

export const AUDIT_FILTERS = ['userId', 'entity', 'entityId', 'action', 'from', 'to'] as const;
export type AuditFilterName = (typeof AUDIT_FILTERS)[number];

interface AuditFiltersProps {
  filters: Record<AuditFilterName, string>;
  setFilter: (name: AuditFilterName, value: string | null) => void;
  setFilters: (values: Partial<Record<AuditFilterName, string | null>>) => void;
  activeCount: number;
  clear: () => void;
}

const ENTITY_OPTIONS = Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label }));
const ACTION_OPTIONS = Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label }));

/** User, record type, action and date range; dates are whole days in the browser's time zone. */
export function AuditFilters({ filters, setFilter, setFilters, activeCount, clear }: AuditFiltersProps) {
  const can = useCan();
  const users = useQuery({ ...userChoicesQuery, enabled: can('user.read') });
  const userOptions = (users.data?.items ?? []).map((user) => ({ value: user.id, label: `${user.displayName} (${user.email})` }));

  return (
    <FilterBar activeCount={activeCount} onClear={clear}>
      {can('user.read') && (
        <SelectFilter label="User" value={filters.userId} onChange={(value) => setFilter('userId', value)} data={userOptions} searchable width={260} />
      )}
      <SelectFilter
        label="Record type"
        value={filters.entity}
        onChange={(value) => setFilters({ entity: value, entityId: null })}
        data={ENTITY_OPTIONS}
        width={180}
      />
      <SelectFilter label="Action" value={filters.action} onChange={(value) => setFilter('action', value)} data={ACTION_OPTIONS} searchable width={220} />
      <DatePickerInput
        type="range"
        aria-label="Date range"
        placeholder="Any date"
        leftSection={<IconCalendar size={16} stroke={1.7} />}
        value={[filters.from || null, filters.to || null]}
        onChange={([from, to]) => setFilters({ from: from ? String(from) : null, to: to ? String(to) : null })}
        clearable
        allowSingleDateInRange
        maxDate={new Date()}
        valueFormat="D MMM YYYY"
        popoverProps={{ withinPortal: true }}
        style={{ flex: '0 1 260px', minWidth: 200 }}
      />
    </FilterBar>
  );
}
