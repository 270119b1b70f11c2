import { queryOptions } from '@tanstack/react-query';
import { api, type Page } from '../../app/api/client';
import type { PageRequest } from '../../components/data-table/useCursorPages';

export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobQueue {
  name: string;
  description: string;
  schedule: string | null;
  manual: boolean;
  counts: Partial<Record<JobState, number>>;
}

export interface Job {
  id: string;
  queue: string;
  state: JobState;
  retryCount: number;
  retryLimit: number;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  output: unknown;
}

export const JOBS_KEY = ['jobs'] as const;

export const queuesQuery = queryOptions({
  queryKey: [...JOBS_KEY, 'queues'],
  queryFn: ({ signal }) => api<{ items: JobQueue[] }>('/v1/jobs/queues', { signal }),
  refetchInterval: 10_000,
});

/** The jobs list pages by creation time (`before`) rather than by cursor; this adapts it to the table's paging. */
export async function fetchJobsPage({ limit, cursor, filters, signal }: PageRequest): Promise<Page<Job>> {
  const page = await api<{ items: Job[]; nextBefore: string | null }>('/v1/jobs', { query: { limit, before: cursor, ...filters }, signal });
  return { items: page.items, nextCursor: page.nextBefore };
}

export const runJob = (queue: string) => api<{ id: string }>(`/v1/jobs/${encodeURIComponent(queue)}/run`, { method: 'POST' });

export const retryJob = (job: Pick<Job, 'queue' | 'id'>) => api<{ id: string }>(`/v1/jobs/${encodeURIComponent(job.queue)}/${job.id}/retry`, { method: 'POST' });
