import { Button, EmptyState, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconActivity, IconRotateClockwise } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { messageOf } from '../../app/api/problem';
import { useCan } from '../../app/auth/session';
import { DateTime } from '../../components/DateTime';
import { PageHeader } from '../../components/PageHeader';
import { notifySuccess } from '../../components/notify';
import { FilterBar, SelectFilter } from '../../components/data-table/filters';
import { ServerTable } from '../../components/data-table/ServerTable';
import type { Column } from '../../components/data-table/types';
import { useListParams } from '../../components/data-table/useListParams';
import { fetchJobsPage, JOB_STATES, JOBS_KEY, queuesQuery, retryJob, type Job } from './api';
import { durationOf, JobStateBadge, outputSummary, STATE_LABELS } from './format';
import { QueueCards } from './QueueCards';

const FILTERS = ['queue', 'state'] as const;
const STATE_OPTIONS = JOB_STATES.map((state) => ({ value: state, label: STATE_LABELS[state] }));

function RetryButton({ job }: { job: Job }) {
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: () => retryJob(job),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: JOBS_KEY });
      notifySuccess('Job queued again', 'It will be retried shortly.');
    },
    onError: (error) => notifications.show({ color: 'red', title: 'The job could not be retried', message: messageOf(error) }),
  });
  return (
    <Button size="xs" variant="light" leftSection={<IconRotateClockwise size={14} />} loading={retry.isPending} onClick={() => retry.mutate()}>
      Retry
    </Button>
  );
}

export function JobsPage() {
  const can = useCan();
  const list = useListParams(FILTERS);
  const queues = useQuery(queuesQuery);
  const descriptions = new Map((queues.data?.items ?? []).map((queue) => [queue.name, queue.description]));

  const columns: Column<Job>[] = [
    {
      key: 'job',
      header: 'Job',
      render: (job) => (
        <div>
          <Text size="sm" fw={500}>
            {descriptions.get(job.queue) ?? job.queue}
          </Text>
          <Text size="xs" c="dimmed" className="mono">
            {job.id.slice(0, 8)}
          </Text>
        </div>
      ),
    },
    { key: 'state', header: 'State', render: (job) => <JobStateBadge state={job.state} /> },
    { key: 'created', header: 'Queued', render: (job) => <DateTime value={job.createdAt} relative /> },
    { key: 'duration', header: 'Took', render: (job) => <Text size="sm">{durationOf(job.startedAt, job.completedAt) ?? '—'}</Text> },
    { key: 'attempts', header: 'Attempts', render: (job) => <Text size="sm">{job.retryCount + (job.startedAt ? 1 : 0)} of {job.retryLimit + 1}</Text> },
    {
      key: 'output',
      header: 'Result',
      render: (job) => {
        const summary = outputSummary(job.output);
        if (!summary) return <Text size="sm" c="dimmed">—</Text>;
        return (
          <Tooltip label={summary} multiline w={360} disabled={summary.length < 60}>
            <Text size="sm" c={job.state === 'failed' ? 'red' : undefined} lineClamp={2} maw={360}>
              {summary}
            </Text>
          </Tooltip>
        );
      },
    },
  ];
  if (can('job.manage')) {
    columns.push({ key: 'actions', header: '', align: 'right', render: (job) => (job.state === 'failed' || job.state === 'cancelled' ? <RetryButton job={job} /> : null) });
  }

  return (
    <>
      <PageHeader title="Jobs" description="Background work that OpenHTM does on a schedule or on request, and how each run went." />
      <Stack gap="xl">
        <QueueCards onSelect={(queue) => list.setFilters({ queue, state: null })} />
        <Stack gap="sm">
          <Title order={2} size="h4">
            Recent runs
          </Title>
          <ServerTable
            label="Job runs"
            queryKey={JOBS_KEY}
            fetchPage={fetchJobsPage}
            filters={{ queue: list.filters.queue, state: list.filters.state }}
            columns={columns}
            rowKey={(job) => job.id}
            refetchInterval={10_000}
            filtered={list.active}
            onClearFilters={list.clear}
            toolbar={
              <FilterBar activeCount={list.countSet(['queue', 'state'])} onClear={list.clear}>
                <SelectFilter
                  label="Job"
                  value={list.filters.queue}
                  onChange={(queue) => list.setFilter('queue', queue)}
                  data={(queues.data?.items ?? []).map((queue) => ({ value: queue.name, label: queue.description }))}
                  width={280}
                />
                <SelectFilter label="State" value={list.filters.state} onChange={(state) => list.setFilter('state', state)} data={STATE_OPTIONS} width={200} />
              </FilterBar>
            }
            empty={<EmptyState icon={<IconActivity size={26} stroke={1.6} />} withIndicatorBackground title="No job has run yet" description="Scheduled jobs appear here after their first run." py="xl" />}
          />
        </Stack>
      </Stack>
    </>
  );
}
