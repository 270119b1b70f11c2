import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { CardList } from './CardList';
import type { Column } from './types';
import { WideTable } from './WideTable';

export interface DataTableProps<T> {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** Makes a row a link to its record. */
  rowHref?: (row: T) => string;
  /** Makes a row open something in place (a drawer) instead of navigating. */
  onRowClick?: (row: T) => void;
  sort?: string;
  onSort?: (sort: string) => void;
  loading?: boolean;
  /** Rendered instead of rows when there are none (and nothing is loading). */
  empty?: ReactNode;
  /** The card's title on phones; the other columns are listed under it. Defaults to the first column. */
  cardTitle?: (row: T) => ReactNode;
  /** Accessible name of the table. */
  label: string;
  skeletonRows?: number;
}

/** Phones get cards instead of tables, and filters behind a button. */
export function usePhone(): boolean {
  return useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
}

/** Rows of records: a table from tablet width up, a stack of cards on phones. */
export function DataTable<T>(props: DataTableProps<T>) {
  const phone = usePhone();
  const { rows, loading, empty } = props;
  if (!loading && rows.length === 0 && empty) return <>{empty}</>;
  return phone ? <CardList {...props} /> : <WideTable {...props} />;
}
