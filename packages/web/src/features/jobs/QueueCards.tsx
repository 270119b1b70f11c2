import { Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { IconClock, IconPlayerPlay } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCan } from '../../app/auth/session';
import { ErrorState } from '../../components/ErrorState';
import { notifySuccess } from '../../components/notify';
import { notifications } from '@mantine/notifications';
import { messageOf } from '../../app/api/problem';
import { JOB_STATES, JOBS_KEY, queuesQuery, runJob, type JobQueue } from './api';
import { describeSchedule, JobStateBadge } from './format';

/** Every declared job: what it does, when it runs, how its runs went, and "Run now" for those that allow it. */
export function QueueCards({ onSelect }: { onSelect: (queue: string) => void }) {
  const { data, error, isPending, refetch } = useQuery(queuesQuery);
  if (isPending) {
    return (
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Skeleton height={150} radius="md" />
        <Skeleton height={150} radius="md" />
      </SimpleGrid>
    );
  }
  if (error) return <ErrorState error={error} title="The job queues could not be loaded" onRetry={() => void refetch()} />;
  return (
    <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
      {data.items.map((queue) => (
        <QueueCard key={queue.name} queue={queue} onSelect={onSelect} />
      ))}
    </SimpleGrid>
  );
}

function QueueCard({ queue, onSelect }: { queue: JobQueue; onSelect: (queue: string) => void }) {
  const can = useCan();
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: () => runJob(queue.name),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: JOBS_KEY });
      notifySuccess('Job started', `${queue.description} runs in the background.`);
    },
    onError: (error) => notifications.show({ color: 'red', title: 'The job could not be started', message: messageOf(error) }),
  });
  const states = JOB_STATES.filter((state) => (queue.counts[state] ?? 0) > 0);

  return (
    <Card padding="md">
      <Stack gap="sm" h="100%" justify="space-between">
        <div>
          <Text fw={600}>{queue.description}</Text>
          <Text size="xs" c="dimmed" className="mono">
            {queue.name}
          </Text>
        </div>
        <Group gap="xs">
          <IconClock size={15} stroke={1.6} style={{ opacity: 0.6 }} />
          {queue.schedule ? (
            <Tooltip label={`cron: ${queue.schedule}`}>
              <Text size="sm">{describeSchedule(queue.schedule)}</Text>
            </Tooltip>
          ) : (
            <Text size="sm">On demand only</Text>
          )}
        </Group>
        <Group gap={6}>
          {states.length === 0 ? (
            <Text size="sm" c="dimmed">
              Has not run yet
            </Text>
          ) : (
            states.map((state) => <JobStateBadge key={state} state={state} count={queue.counts[state]} />)
          )}
        </Group>
        <Group gap="xs" justify="flex-end">
          <Button size="xs" variant="subtle" onClick={() => onSelect(queue.name)}>
            Show runs
          </Button>
          {queue.manual && can('job.manage') && (
            <Button size="xs" variant="light" leftSection={<IconPlayerPlay size={14} />} loading={run.isPending} onClick={() => run.mutate()}>
              Run now
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
