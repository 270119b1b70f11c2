import { Badge, Group, Table, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../components/DateTime';
import { useQuery } from '@tanstack/react-query';
import { useCan } from '../../app/auth/session';
import { useFacilityNames } from '../facilities/api';
import { userChoicesQuery } from '../users/api';
import { fieldLabel, roleOrValue } from './labels';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** Bookkeeping fields that say nothing to a reader of the history. */
const HIDDEN_FIELDS = new Set(['id']);

interface Names {
  facilities: Map<string, { name: string }>;
  users: Map<string, string>;
}

/** Fields that hold a user's id, shown as the user's name. */
const USER_FIELDS = new Set(['created_by', 'createdBy', 'requested_by', 'assigned_to']);

function Value({ field, value, names }: { field: string; value: unknown; names: Names }) {
  let shown = roleOrValue(field, value);
  if (USER_FIELDS.has(field) && typeof shown === 'string') shown = names.users.get(shown) ?? shown;
  let content: ReactNode;
  if (shown === null || shown === undefined || shown === '' || (Array.isArray(shown) && shown.length === 0)) {
    return (
      <Text span size="sm" c="dimmed" fs="italic">
        empty
      </Text>
    );
  } else if (typeof shown === 'boolean') {
    content = shown ? 'Yes' : 'No';
  } else if (Array.isArray(shown)) {
    const labels = field === 'facilityIds' ? shown.map((id) => names.facilities.get(String(id))?.name ?? String(id)) : shown.map(String);
    return (
      <Group gap={4} component="span" style={{ display: 'inline-flex' }}>
        {labels.map((label) => (
          <Badge key={label} variant="default" size="sm" fw={500}>
            {label}
          </Badge>
        ))}
      </Group>
    );
  } else if (typeof shown === 'string' && ISO_DATE_TIME.test(shown)) {
    content = formatDateTime(shown);
  } else if (typeof shown === 'object') {
    content = <span className="mono">{JSON.stringify(shown)}</span>;
  } else {
    content = String(shown);
  }
  return (
    <Text span size="sm" style={{ wordBreak: 'break-word' }}>
      {content}
    </Text>
  );
}

/** What a change did, field by field: before → after (only the new value for a new record). */
export function ChangeList({ changes, action }: { changes: Record<string, [unknown, unknown]>; action: string }) {
  const facilities = useFacilityNames();
  const can = useCan();
  const users = useQuery({ ...userChoicesQuery, enabled: can('user.read') });
  const names: Names = { facilities, users: new Map((users.data?.items ?? []).map((user) => [user.id, user.displayName])) };
  const fields = Object.keys(changes).filter((field) => !HIDDEN_FIELDS.has(field));
  if (fields.length === 0) return null;
  const created = action === 'create';
  const deleted = action === 'delete';
  return (
    <Table.ScrollContainer minWidth={320} type="native">
      <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing="xs" highlightOnHover={false} fz="sm">
        <Table.Tbody>
          {fields.map((field) => {
            const [before, after] = changes[field]!;
            return (
              <Table.Tr key={field}>
                <Table.Td w={150} style={{ verticalAlign: 'top' }}>
                  <Text size="sm" c="dimmed">
                    {fieldLabel(field)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {created ? (
                    <Value field={field} value={after} names={names} />
                  ) : deleted ? (
                    <Text span td="line-through" c="dimmed">
                      <Value field={field} value={before} names={names} />
                    </Text>
                  ) : (
                    <Group gap={6} wrap="wrap" component="span">
                      <Text span c="dimmed" td="line-through">
                        <Value field={field} value={before} names={names} />
                      </Text>
                      <IconArrowRight size={14} aria-label="changed to" style={{ opacity: 0.6 }} />
                      <Value field={field} value={after} names={names} />
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
