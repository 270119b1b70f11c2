import { ActionIcon, Anchor, Badge, EmptyState, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconListDetails, IconMaximize } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { DateTime } from '../../components/DateTime';
import { PageHeader } from '../../components/PageHeader';
import { ServerTable } from '../../components/data-table/ServerTable';
import type { Column } from '../../components/data-table/types';
import { useListParams } from '../../components/data-table/useListParams';
import { AUDIT_KEY, fetchAuditPage, type AuditEvent } from './api';
import { AuditEventDrawer } from './AuditEventDrawer';
import { AUDIT_FILTERS, AuditFilters } from './AuditFilters';
import { useActorName, useRecordTitle } from './useRecordTitle';
import { ACTION_COLORS, actionLabel, entityLabel, fieldLabel, HIDDEN_FIELDS, recordHref } from './labels';

function changedFields(event: AuditEvent): string {
  const fields = Object.keys(event.changes).filter((field) => !HIDDEN_FIELDS.has(field));
  if (fields.length === 0) return '—';
  const labels = fields.map(fieldLabel);
  return labels.length > 3 ? `${labels.slice(0, 3).join(', ')} +${labels.length - 3}` : labels.join(', ');
}

export function AuditPage() {
  const list = useListParams(AUDIT_FILTERS);
  const [selected, setSelected] = useState<AuditEvent | null>(null);
  const recordTitle = useRecordTitle();
  const actorName = useActorName();
  const { from, to, ...rest } = list.filters;

  const columns: Column<AuditEvent>[] = [
    { key: 'when', header: 'When', render: (event) => <DateTime value={event.occurredAt} />, width: 170 },
    { key: 'who', header: 'Who', render: (event) => <Text size="sm" fw={500}>{actorName(event)}</Text> },
    {
      key: 'action',
      header: 'Action',
      hideOnCard: true,
      render: (event) => (
        <Badge variant="light" color={ACTION_COLORS[event.action] ?? 'gray'} style={{ textTransform: 'none' }}>
          {actionLabel(event.action)}
        </Badge>
      ),
    },
    {
      key: 'record',
      header: 'Record',
      hideOnCard: true,
      render: (event) => {
        const href = recordHref(event.entity, event.entityId);
        const title = recordTitle(event);
        return (
          <div>
            {href ? (
              <Anchor component={Link} to={href} size="sm" fw={500}>
                {title ?? entityLabel(event.entity)}
              </Anchor>
            ) : (
              <Text size="sm">{title ?? entityLabel(event.entity)}</Text>
            )}
            {title && (
              <Text size="xs" c="dimmed">
                {entityLabel(event.entity)}
              </Text>
            )}
          </div>
        );
      },
    },
    { key: 'changes', header: 'Fields', render: (event) => <Text size="sm" c="dimmed">{changedFields(event)}</Text> },
    {
      key: 'open',
      header: <VisuallyHidden>Details</VisuallyHidden>,
      width: 48,
      hideOnCard: true,
      render: (event) => (
        <Tooltip label="Show details">
          <ActionIcon variant="subtle" color="gray" aria-label="Show details" onClick={() => setSelected(event)}>
            <IconMaximize size={16} />
          </ActionIcon>
        </Tooltip>
      ),
    },
  ];

  return (
    <>
      <PageHeader title="Audit trail" description="Every change to records and every sign-in, newest first. Entries cannot be edited or deleted." />
      <ServerTable
        label="Audit events"
        queryKey={AUDIT_KEY}
        fetchPage={fetchAuditPage}
        pageSize={50}
        filters={{
          ...rest,
          from: from ? dayjs(from).startOf('day').toISOString() : undefined,
          to: to ? dayjs(to).add(1, 'day').startOf('day').toISOString() : undefined,
        }}
        columns={columns}
        rowKey={(event) => event.id}
        onRowClick={setSelected}
        cardTitle={(event) => (
          <Text size="sm" fw={600}>
            {actionLabel(event.action)} · {recordTitle(event) ?? entityLabel(event.entity)}
          </Text>
        )}
        filtered={list.active}
        onClearFilters={list.clear}
        toolbar={<AuditFilters filters={list.filters} setFilter={list.setFilter} setFilters={list.setFilters} activeCount={list.countSet(AUDIT_FILTERS)} clear={list.clear} />}
        empty={<EmptyState icon={<IconListDetails size={26} stroke={1.6} />} withIndicatorBackground title="No audit events yet" description="Changes and sign-ins appear here as they happen." py="xl" />}
      />
      <AuditEventDrawer event={selected} onClose={() => setSelected(null)} />
    </>
  );
}
