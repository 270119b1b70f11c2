import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isApiError } from '../../app/api/problem';
import { DetailSkeleton } from '../DetailSkeleton';
import { ErrorState } from '../ErrorState';

interface RecordLoaderProps<T> {
  query: UseQueryResult<T>;
  /** Shown when the server has no such record (404), or the id in the link is malformed (400). */
  notFound: ReactNode;
  children: (record: T) => ReactNode;
}

/** A record's page once its query has the record: a skeleton before, and why not if it cannot be had. */
export function RecordLoader<T>({ query, notFound, children }: RecordLoaderProps<T>) {
  const { data: record, error, isPending, refetch } = query;
  if (isPending) return <DetailSkeleton />;
  if (error) {
    if (isApiError(error) && (error.status === 404 || error.status === 400)) return notFound;
    return <ErrorState error={error} onRetry={() => void refetch()} />;
  }
  return children(record);
}
