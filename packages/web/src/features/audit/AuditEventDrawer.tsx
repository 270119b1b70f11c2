import { Anchor, Badge, DataList, Divider, Drawer, Stack, Text, Title } from '@mantine/core';
import { Field } from '../../components/Field';
import { Link } from 'react-router-dom';
import { DateTime } from '../../components/DateTime';
import type { AuditEvent } from './api';
import { ChangeList } from './ChangeList';
import { isReferenceField, RecordName } from './RecordName';
import { useActorName, useRecordTitle } from './useRecordTitle';
import { ACTION_COLORS, actionLabel, entityLabel, recordHref } from './labels';

/** One audit event in full: the change, and where it came from (request id, client address). */
export function AuditEventDrawer({ event, onClose }: { event: AuditEvent | null; onClose: () => void }) {
  const href = event && recordHref(event.entity, event.entityId);
  const recordTitle = useRecordTitle();
  const actorName = useActorName();
  return (
    <Drawer opened={event !== null} onClose={onClose} position="right" size="lg" title={<Text fw={600}>Audit event</Text>}>
      {event && (
        <Stack>
          <DataList labelWidth={130} gap="sm">
            <Field
              label="Action"
              value={
                <Badge variant="light" color={ACTION_COLORS[event.action] ?? 'gray'} style={{ textTransform: 'none' }}>
                  {actionLabel(event.action)}
                </Badge>
              }
            />
            <Field label="When" value={<DateTime value={event.occurredAt} />} />
            <Field label="By" value={actorName(event) + (event.actorTokenId ? ' (API token)' : '')} />
            <Field
              label="Record"
              value={
                href ? (
                  <Anchor component={Link} to={href} size="sm">
                    {recordTitle(event) ?? (isReferenceField(`${event.entity}_id`) ? <RecordName field={`${event.entity}_id`} id={event.entityId} /> : entityLabel(event.entity))}
                  </Anchor>
                ) : (
                  `${recordTitle(event) ?? entityLabel(event.entity)}`
                )
              }
            />
            <Field label="Record type" value={entityLabel(event.entity)} />
            <Field label="Record id" value={<span className="mono">{event.entityId}</span>} />
            <Field label="Request id" value={<span className="mono">{event.requestId ?? '—'}</span>} />
            <Field label="Client address" value={<span className="mono">{event.clientIp ?? '—'}</span>} />
          </DataList>
          <Divider />
          <Title order={3} size="h5">
            Changes
          </Title>
          {Object.keys(event.changes).length > 0 ? (
            <ChangeList changes={event.changes} action={event.action} entity={event.entity} />
          ) : (
            <Text size="sm" c="dimmed">
              This event records an action, not a change of fields.
            </Text>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
