import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Page, QueryValue } from '../../app/api/client';

export interface PageRequest {
  limit: number;
  cursor: string | undefined;
  sort: string | undefined;
  filters: Record<string, QueryValue>;
  signal: AbortSignal;
}

interface Options<T> {
  queryKey: readonly unknown[];
  fetchPage: (request: PageRequest) => Promise<Page<T>>;
  filters: Record<string, QueryValue>;
  sort?: string;
  pageSize: number;
  refetchInterval?: number | false;
}

/**
 * Keyset pagination for any list endpoint: the cursors of the pages before this one are kept on a stack,
 * so "previous" pops and "next" pushes. A new filter or sort starts again at the first page.
 */
export function useCursorPages<T>({ queryKey, fetchPage, filters, sort, pageSize, refetchInterval }: Options<T>) {
  const listKey = JSON.stringify([filters, sort, pageSize]);
  const [state, setState] = useState<{ listKey: string; stack: Array<string | undefined> }>({ listKey, stack: [undefined] });
  const stack = state.listKey === listKey ? state.stack : [undefined];
  const cursor = stack.at(-1);

  const query = useQuery({
    queryKey: [...queryKey, 'page', filters, sort ?? null, pageSize, cursor ?? null],
    queryFn: ({ signal }) => fetchPage({ limit: pageSize, cursor, sort, filters, signal }),
    placeholderData: keepPreviousData,
    refetchInterval,
  });

  const nextCursor = query.data?.nextCursor ?? null;
  return {
    ...query,
    items: query.data?.items ?? [],
    pageNumber: stack.length,
    hasPrevious: stack.length > 1,
    hasNext: nextCursor !== null && !query.isPlaceholderData,
    next: () => nextCursor && setState({ listKey, stack: [...stack, nextCursor] }),
    previous: () => setState({ listKey, stack: stack.slice(0, -1) }),
    first: () => setState({ listKey, stack: [undefined] }),
  };
}
