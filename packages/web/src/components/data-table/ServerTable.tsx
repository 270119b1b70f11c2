import { Button, EmptyState, Group, Paper, Stack, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconFilterOff, IconSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Page, QueryValue } from '../../app/api/client';
import { ErrorState } from '../ErrorState';
import { DataTable, usePhone, type DataTableProps } from './DataTable';
import { useCursorPages, type PageRequest } from './useCursorPages';

interface ServerTableProps<T> extends Omit<DataTableProps<T>, 'rows' | 'loading' | 'empty'> {
  queryKey: readonly unknown[];
  fetchPage: (request: PageRequest) => Promise<Page<T>>;
  filters?: Record<string, QueryValue>;
  pageSize?: number;
  /** Filter inputs, above the table. */
  toolbar?: ReactNode;
  /** What to show when the list is empty and no filter is set: usually a title, a sentence and a create button. */
  empty: ReactNode;
  /** Whether a filter is set; an empty result then offers to clear it. */
  filtered?: boolean;
  onClearFilters?: () => void;
  refetchInterval?: number | false;
}

/** A list endpoint as a table: sortable headers, filters, keyset paging, skeleton, empty and error states. */
export function ServerTable<T>({ queryKey, fetchPage, filters = {}, pageSize = 25, toolbar, empty, filtered, onClearFilters, refetchInterval, ...table }: ServerTableProps<T>) {
  const pages = useCursorPages({ queryKey, fetchPage, filters, sort: table.sort, pageSize, refetchInterval });
  // On phones the rows are cards with their own borders; a frame around them would double the lines.
  const phone = usePhone();

  const noMatch = (
    <EmptyState
      icon={<IconSearch size={24} stroke={1.6} />}
      withIndicatorBackground
      title="Nothing matches these filters"
      description="Try other words, or clear the filters to see everything."
      py="xl"
    >
      {onClearFilters && (
        <EmptyState.Actions>
          <Button variant="default" leftSection={<IconFilterOff size={16} />} onClick={onClearFilters}>
            Clear filters
          </Button>
        </EmptyState.Actions>
      )}
    </EmptyState>
  );

  return (
    <Stack gap="md">
      {toolbar}
      <Paper withBorder={!phone} radius="md" p={0} style={{ overflow: 'hidden' }} bg={phone ? 'transparent' : 'var(--mantine-color-body)'}>
        {pages.error && !pages.data ? (
          <ErrorState error={pages.error} onRetry={() => void pages.refetch()} />
        ) : (
          <DataTable {...table} rows={pages.items} loading={pages.isFetching && (pages.isPending || pages.isPlaceholderData)} empty={filtered ? noMatch : empty} />
        )}
        {(pages.hasNext || pages.hasPrevious) && (
          <Group justify="space-between" px={phone ? 0 : 'md'} py="sm" style={{ borderTop: phone ? undefined : '1px solid var(--mantine-color-default-border)' }}>
            <Text size="sm" c="dimmed">
              Page {pages.pageNumber}
            </Text>
            <Group gap="xs">
              <Button variant="default" size="xs" leftSection={<IconChevronLeft size={14} />} disabled={!pages.hasPrevious} onClick={pages.previous}>
                Previous
              </Button>
              <Button variant="default" size="xs" rightSection={<IconChevronRight size={14} />} disabled={!pages.hasNext} onClick={pages.next}>
                Next
              </Button>
            </Group>
          </Group>
        )}
      </Paper>
    </Stack>
  );
}
