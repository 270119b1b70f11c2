import { Badge, Button, Center, Group, SegmentedControl, Skeleton, Stack, Text, ThemeIcon, Timeline } from '@mantine/core';
import { IconHistory, IconPaperclip, IconPencil, IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Page } from '../../../app/api/client';
import { DateTime } from '../../../components/DateTime';
import { ErrorState } from '../../../components/ErrorState';
import { ChangeList } from '../../audit/ChangeList';
import { DEVICES_KEY, type DeviceEvent } from '../api';
import { EventDetails, EventTitle, eventBullet } from './EventSummary';

/** One entry of the device's history, from whichever source recorded it (lifecycle events, audit, attachments…). */
export interface TimelineItem {
  id: string;
  source: string;
  kind: string;
  occurredAt: string;
  actor: string | null;
  summary: string;
  details: Record<string, unknown>;
}

const PAGE_SIZE = 25;
/** Columns that say nothing to a reader (bookkeeping, or kept in step with another field). */
const HIDDEN = new Set(['id', 'tenant_id', 'version', 'updated_at', 'created_at', 'search_text', 'udi_di', 'connected', 'manufacturer_id', 'device_type_id', 'risk_score', 'high_risk']);

/** Audit changes without bookkeeping; `ChangeList` names the records that ids point at. */
function readableChanges(changes: Record<string, [unknown, unknown]>): Record<string, [unknown, unknown]> {
  return Object.fromEntries(Object.entries(changes).filter(([field]) => !HIDDEN.has(field)));
}

const eventOf = (item: TimelineItem): DeviceEvent => ({
  id: item.id,
  kind: item.kind,
  fromStatus: (item.details.fromStatus as DeviceEvent['fromStatus']) ?? null,
  toStatus: (item.details.toStatus as DeviceEvent['toStatus']) ?? null,
  reason: (item.details.reason as string | null) ?? null,
  details: item.details,
  occurredAt: item.occurredAt,
  actor: item.actor ?? 'system',
});

function Entry({ item }: { item: TimelineItem }) {
  if (item.source === 'event') {
    const event = eventOf(item);
    return (
      <>
        <EventTitle event={event} />
        <EventDetails event={event} />
      </>
    );
  }
  if (item.source === 'audit') {
    const changes = readableChanges((item.details.changes as Record<string, [unknown, unknown]>) ?? {});
    return (
      <>
        <Text size="sm" fw={600}>
          {item.kind === 'create' ? 'Record created' : item.kind === 'delete' ? 'Record deleted' : 'Record changed'}
        </Text>
        {item.kind === 'update' && Object.keys(changes).length > 0 && (
          <div style={{ marginTop: 4 }}>
            <ChangeList changes={changes} action={item.kind} entity="device" />
          </div>
        )}
      </>
    );
  }
  return <Text size="sm" fw={600}>{item.summary}</Text>;
}

function bulletOf(item: TimelineItem) {
  if (item.source === 'event') return eventBullet({ kind: item.kind, toStatus: (item.details.toStatus as DeviceEvent['toStatus']) ?? null });
  const Icon = item.source === 'attachment' ? IconPaperclip : item.kind === 'create' ? IconPlus : IconPencil;
  return (
    <ThemeIcon size={24} radius="xl" variant="light" color={item.source === 'attachment' ? 'gray' : 'blue'}>
      <Icon size={14} />
    </ThemeIcon>
  );
}

const SOURCE_LABELS: Record<string, string> = { event: 'Lifecycle', audit: 'Change', attachment: 'Attachment' };

/** The device's history, newest first: lifecycle events and record changes with before → after, page by page. */
export function DeviceTimeline({ deviceId }: { deviceId: string }) {
  const [source, setSource] = useState('all');
  const query = useInfiniteQuery({
    queryKey: [...DEVICES_KEY, 'detail', deviceId, 'timeline'],
    queryFn: ({ pageParam, signal }) => api<Page<TimelineItem>>(`/v1/devices/${deviceId}/timeline`, { query: { limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

  if (query.isPending) {
    return (
      <Stack gap="md" aria-busy aria-label="Loading the timeline">
        {[0, 1, 2, 3].map((index) => (
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
  if (query.error) return <ErrorState error={query.error} title="The timeline could not be loaded" onRetry={() => void query.refetch()} />;

  const items = query.data.pages.flatMap((page) => page.items).filter((item) => source === 'all' || item.source === source);
  return (
    <Stack gap="md">
      <SegmentedControl
        value={source}
        onChange={setSource}
        data={[
          { value: 'all', label: 'Everything' },
          { value: 'event', label: 'Lifecycle' },
          { value: 'audit', label: 'Changes' },
          { value: 'attachment', label: 'Files' },
        ]}
        style={{ alignSelf: 'flex-start' }}
        size="xs"
      />
      {items.length === 0 ? (
        <Center py="lg">
          <Stack align="center" gap={4}>
            <IconHistory size={28} stroke={1.4} style={{ opacity: 0.5 }} />
            <Text size="sm" c="dimmed">
              Nothing recorded here yet.
            </Text>
          </Stack>
        </Center>
      ) : (
        <Timeline bulletSize={24} lineWidth={2} aria-label="Device timeline" data-testid="device-timeline">
          {items.map((item) => (
            <Timeline.Item key={item.id} bullet={bulletOf(item)}>
              <Entry item={item} />
              <Group gap={6} mt={4}>
                <Badge size="xs" variant="default">
                  {SOURCE_LABELS[item.source] ?? item.source}
                </Badge>
                <Text size="xs" c="dimmed">
                  {item.actor ?? 'system'} · <DateTime value={item.occurredAt} relative size="xs" c="dimmed" />
                </Text>
              </Group>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {query.hasNextPage && (
        <Group justify="center">
          <Button variant="default" size="xs" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
            Show older entries
          </Button>
        </Group>
      )}
    </Stack>
  );
}
