import { Anchor, Badge, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { DateTime } from '../../components/DateTime';
import { ErrorState } from '../../components/ErrorState';
import { AUDIT_KEY, fetchAuditPage } from '../audit/api';
import { ACTION_COLORS, actionLabel, entityLabel, recordHref } from '../audit/labels';
import { useActorName, useRecordTitle } from '../audit/useRecordTitle';

/** The latest entries of the audit trail. */
export function RecentActivity() {
  const { data, error, isPending, refetch } = useQuery({
    queryKey: [...AUDIT_KEY, 'recent'],
    queryFn: ({ signal }) => fetchAuditPage({ limit: 8, cursor: undefined, sort: undefined, filters: {}, signal }),
    refetchInterval: 30_000,
  });
  const recordTitle = useRecordTitle();
  const actorName = useActorName();

  return (
    <Card h="100%">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4">
          Recent activity
        </Title>
        <Anchor component={Link} to="/admin/audit" size="sm">
          Audit trail
        </Anchor>
      </Group>
      {isPending ? (
        <Stack gap="sm">
          {[0, 1, 2, 3].map((index) => (
            <Skeleton key={index} height={34} />
          ))}
        </Stack>
      ) : error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing has happened yet.
        </Text>
      ) : (
        <Stack gap={0}>
          {data.items.map((event, index) => {
            const href = recordHref(event.entity, event.entityId);
            const title = recordTitle(event) ?? entityLabel(event.entity);
            return (
              <Group
                key={event.id}
                justify="space-between"
                wrap="nowrap"
                py={8}
                gap="sm"
                style={{ borderTop: index ? '1px solid var(--mantine-color-default-border)' : undefined }}
              >
                <div style={{ minWidth: 0 }}>
                  <Group gap={6} wrap="nowrap">
                    <Badge size="sm" variant="light" color={ACTION_COLORS[event.action] ?? 'gray'} style={{ textTransform: 'none', flexShrink: 0 }}>
                      {actionLabel(event.action)}
                    </Badge>
                    {href ? (
                      <Anchor component={Link} to={href} size="sm" fw={500} truncate>
                        {title}
                      </Anchor>
                    ) : (
                      <Text size="sm" truncate>
                        {title}
                      </Text>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed" truncate>
                    by {actorName(event)}
                  </Text>
                </div>
                <DateTime value={event.occurredAt} relative size="xs" c="dimmed" style={{ flexShrink: 0 }} />
              </Group>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}
