import { Badge, Group, Table, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { formatDate, formatDateTime } from '../../components/DateTime';
import { usePhone } from '../../components/data-table/DataTable';
import { useQuery } from '@tanstack/react-query';
import { useCan } from '../../app/auth/session';
import { useFacilityNames } from '../facilities/api';
import { userChoicesQuery } from '../users/api';
import { codeLabel, quantityLabel } from './field-values';
import { fieldLabel, HIDDEN_FIELDS, roleOrValue } from './labels';
import { isReferenceField, RecordName } from './RecordName';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Names {
  facilities: Map<string, { name: string }>;
  users: Map<string, string>;
}

/** Fields that hold a user's id, shown as the user's name. */
const USER_FIELDS = new Set(['created_by', 'createdBy', 'requested_by', 'assigned_to']);

/** One value as people read it: names instead of ids, words instead of stored codes, dates and amounts formatted. */
function Value({ entity, field, value, names }: { entity?: string; field: string; value: unknown; names: Names }) {
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
  } else if (typeof shown === 'string' && UUID.test(shown) && isReferenceField(field)) {
    content = <RecordName field={field} id={shown} />;
  } else if (typeof shown === 'string' && ISO_DATE_TIME.test(shown)) {
    content = formatDateTime(shown);
  } else if (typeof shown === 'string' && ISO_DATE.test(shown)) {
    content = formatDate(shown);
  } else if (typeof shown === 'object') {
    content = (
      <span className="mono" style={{ wordBreak: 'break-all' }}>
        {JSON.stringify(shown)}
      </span>
    );
  } else {
    content = (typeof shown === 'string' && codeLabel(entity, field, shown)) || ((typeof shown === 'number' || typeof shown === 'string') && quantityLabel(field, shown)) || String(shown);
  }
  return (
    <Text span size="sm" style={{ wordBreak: 'break-word' }}>
      {content}
    </Text>
  );
}

interface ChangeListProps {
  changes: Record<string, [unknown, unknown]>;
  action: string;
  /** The audited record's kind ("device", "device_import"), where a field's codes depend on it. */
  entity?: string;
}

/** What a change did, field by field: before → after (only the new value for a new record). */
export function ChangeList({ changes, action, entity }: ChangeListProps) {
  const facilities = useFacilityNames();
  const can = useCan();
  const phone = usePhone();
  const users = useQuery({ ...userChoicesQuery, enabled: can('user.read') });
  const names: Names = { facilities, users: new Map((users.data?.items ?? []).map((user) => [user.id, user.displayName])) };
  const fields = Object.keys(changes).filter((field) => !HIDDEN_FIELDS.has(field));
  if (fields.length === 0) return null;
  const created = action === 'create';
  const deleted = action === 'delete';
  const value = (field: string, raw: unknown) => <Value entity={entity} field={field} value={raw} names={names} />;
  return (
    <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing="xs" highlightOnHover={false} fz="sm" layout="fixed">
      <Table.Tbody>
        {fields.map((field) => {
          const [before, after] = changes[field]!;
          return (
            <Table.Tr key={field}>
              <Table.Td w={phone ? '38%' : 200} style={{ verticalAlign: 'top' }}>
                <Text size="sm" c="dimmed">
                  {fieldLabel(field)}
                </Text>
              </Table.Td>
              <Table.Td>
                {created ? (
                  value(field, after)
                ) : deleted ? (
                  <Text span td="line-through" c="dimmed">
                    {value(field, before)}
                  </Text>
                ) : (
                  <Group gap={6} wrap="wrap" component="span">
                    <Text span c="dimmed" td="line-through">
                      {value(field, before)}
                    </Text>
                    <IconArrowRight size={14} aria-label="changed to" style={{ opacity: 0.6 }} />
                    {value(field, after)}
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
