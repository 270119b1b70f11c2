import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  /** API sort field; the header becomes a sort button when set. */
  sortField?: string;
  width?: number | string;
  align?: 'left' | 'right' | 'center';
  /** Left out of the phone card (e.g. a column already shown in the card's title). */
  hideOnCard?: boolean;
}

/** Sort as the API spells it: `field` ascending, `-field` descending. */
export type SortParam = string;

export function parseSort(sort: SortParam | undefined): { field: string; descending: boolean } | null {
  if (!sort) return null;
  return sort.startsWith('-') ? { field: sort.slice(1), descending: true } : { field: sort, descending: false };
}
