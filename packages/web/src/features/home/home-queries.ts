import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../app/api/client';
import { useCan } from '../../app/auth/session';
import { queuesQuery } from '../jobs/api';

/**
 * The API has no count endpoints, so figures are read as one page of up to 500 rows: exact below that,
 * "500+" above, which is enough for a home page.
 */
const COUNT_LIMIT = 500;
const countOf = (page: Page<unknown> | undefined) => (page ? `${page.items.length}${page.nextCursor ? '+' : ''}` : undefined);

function useCount(key: string, path: string, query: Record<string, string | boolean>, enabled: boolean) {
  const result = useQuery({
    queryKey: ['home', key],
    queryFn: ({ signal }) => api<Page<{ id: string }>>(path, { query: { ...query, limit: COUNT_LIMIT }, signal }),
    enabled,
    staleTime: 60_000,
  });
  return { value: countOf(result.data), loading: enabled && result.isPending, error: Boolean(result.error) };
}

export function useHomeFigures() {
  const can = useCan();
  const queues = useQuery({ ...queuesQuery, enabled: can('job.read') });
  const failed = (queues.data?.items ?? []).reduce((sum, queue) => sum + (queue.counts.failed ?? 0), 0);
  return {
    facilities: useCount('facilities', '/v1/facilities', {}, can('facility.read')),
    users: useCount('users', '/v1/users', { active: true }, can('user.read')),
    tokens: useCount('tokens', '/v1/api-tokens', {}, can('token.read')),
    failedJobs: { value: failed, loading: can('job.read') && queues.isPending, error: Boolean(queues.error) },
  };
}

export interface Health {
  status: 'ok' | 'degraded';
  database: { reachable: boolean; latencyMs: number | null };
  migrations: { current: string | null; pending: number };
  jobs: { running: boolean };
}

export function useHealth(enabled: boolean) {
  return useQuery({
    queryKey: ['health'],
    // /api/health answers 503 with the same body when the database is unreachable.
    queryFn: async ({ signal }) => {
      const response = await fetch('/api/health', { signal });
      return (await response.json()) as Health;
    },
    enabled,
    refetchInterval: 30_000,
  });
}
