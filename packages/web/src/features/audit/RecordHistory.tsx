import { Badge, Button, Center, Group, Skeleton, Stack, Text, ThemeIcon, Timeline } from '@mantine/core';
import { IconHistory, IconPencil, IconPlus, IconTrash, IconUserCircle } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { DateTime } from '../../components/DateTime';
import { ErrorState } from '../../components/ErrorState';
import { AUDIT_KEY, fetchAuditPage, type AuditEvent } from './api';
import { ChangeList } from './ChangeList';
import { useActorName } from './useRecordTitle';
import { ACTION_COLORS, actionLabel } from './labels';

const PAGE_SIZE = 20;

function bulletOf(event: AuditEvent) {
  const Icon = event.action === 'create' ? IconPlus : event.action === 'delete' ? IconTrash : event.action === 'update' ? IconPencil : IconUserCircle;
  return (
    <ThemeIcon size={24} radius="xl" variant="light" color={ACTION_COLORS[event.action] ?? 'gray'}>
      <Icon size={14} />
    </ThemeIcon>
  );
}

/** The audit trail of one record as a timeline: who did what and when, with each change's before → after. */
export function RecordHistory({ entity, entityId }: { entity: string; entityId: string }) {
  const actorName = useActorName();
  const query = useInfiniteQuery({
    queryKey: [...AUDIT_KEY, 'record', entity, entityId],
    queryFn: ({ pageParam, signal }) => fetchAuditPage({ limit: PAGE_SIZE, cursor: pageParam, sort: undefined, filters: { entity, entityId }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

  if (query.isPending) {
    return (
      <Stack gap="md" aria-busy aria-label="Loading history">
        {[0, 1, 2].map((index) => (
          <Group key={index} wrap="nowrap" align="flex-start">
            <Skeleton circle height={24} />
            <Stack gap={6} style={{ flex: 1 }}>
              <Skeleton height={12} width="40%" />
              <Skeleton height={10} width="65%" />
            </Stack>
          </Group>
        ))}
      </Stack>
    );
  }
  if (query.error) return <ErrorState error={query.error} title="The history could not be loaded" onRetry={() => void query.refetch()} />;

  const events = query.data.pages.flatMap((page) => page.items);
  if (events.length === 0) {
    return (
      <Center py="lg">
        <Stack align="center" gap={4}>
          <IconHistory size={28} stroke={1.4} style={{ opacity: 0.5 }} />
          <Text size="sm" c="dimmed">
            No recorded changes yet.
          </Text>
        </Stack>
      </Center>
    );
  }

  return (
    <Stack gap="md">
      <Timeline bulletSize={24} lineWidth={2} aria-label="Record history">
        {events.map((event) => (
          <Timeline.Item key={event.id} bullet={bulletOf(event)}>
            <Group gap="xs" wrap="wrap">
              <Badge variant="light" color={ACTION_COLORS[event.action] ?? 'gray'} style={{ textTransform: 'none' }}>
                {actionLabel(event.action)}
              </Badge>
              <Text size="sm">
                by <strong>{actorName(event)}</strong>
              </Text>
              <DateTime value={event.occurredAt} relative c="dimmed" size="xs" />
            </Group>
            {Object.keys(event.changes).length > 0 && (
              <div style={{ marginTop: 6 }}>
                <ChangeList changes={event.changes} action={event.action} entity={entity} />
              </div>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
      {query.hasNextPage && (
        <Group justify="center">
          <Button variant="default" size="xs" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
            Show older changes
          </Button>
        </Group>
      )}
    </Stack>
  );
}
