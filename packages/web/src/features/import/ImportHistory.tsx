import { EmptyState, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useSession } from '../../app/auth/session';
import { DateTime } from '../../components/DateTime';
import { ServerTable } from '../../components/data-table/ServerTable';
import type { Column } from '../../components/data-table/types';
import { fetchImportsPage, IMPORTS_KEY, type DeviceImport } from './api';
import { formatCount, ImportStatusBadge } from './ImportBits';

const counted = (count: number, noun: string) => `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;

function columnsFor(userId: string): Column<DeviceImport>[] {
  return [
    {
      key: 'file',
      header: 'File',
      render: (i) => (
        <Text size="sm" fw={600} style={{ wordBreak: 'break-all' }}>
          {i.fileName}
        </Text>
      ),
    },
    { key: 'status', header: 'Status', render: (i) => <ImportStatusBadge status={i.status} />, width: 120 },
    { key: 'rows', header: 'Rows', align: 'right', width: 90, render: (i) => <Text size="sm">{formatCount(i.rowCount ?? i.summary?.rows)}</Text> },
    {
      key: 'problems',
      header: 'Problems',
      align: 'right',
      width: 110,
      render: (i) =>
        i.summary ? (
          <Text size="sm" c={i.summary.errors > 0 ? 'red' : i.summary.warnings > 0 ? undefined : 'dimmed'}>
            {i.summary.errors + i.summary.warnings === 0 ? 'None' : `${counted(i.summary.errors, 'error')}, ${counted(i.summary.warnings, 'warning')}`}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            not checked
          </Text>
        ),
    },
    {
      key: 'result',
      header: 'Result',
      render: (i) =>
        i.summary?.written ? (
          <Text size="sm">
            {formatCount(i.summary.written.created)} added, {formatCount(i.summary.written.updated)} updated
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ),
    },
    // The signed-in user's own imports say so.
    { key: 'by', header: 'By', render: (i) => <Text size="sm" c={i.createdBy === userId ? undefined : 'dimmed'}>{i.createdBy === userId ? 'You' : (i.createdByName ?? 'Another user')}</Text> },
    { key: 'when', header: 'Uploaded', width: 150, render: (i) => <DateTime value={i.createdAt} relative /> },
  ];
}

/** Earlier imports, newest first; each opens where it stopped. */
export function ImportHistory() {
  const { user } = useSession();
  return (
    <ServerTable
      label="Import history"
      queryKey={IMPORTS_KEY}
      fetchPage={fetchImportsPage}
      pageSize={10}
      columns={columnsFor(user.id)}
      rowKey={(i) => i.id}
      rowHref={(i) => `/imports/${i.id}`}
      empty={<EmptyState icon={<IconHistory size={24} stroke={1.6} />} withIndicatorBackground title="No imports yet" description="Files you import are listed here with what they did." py="lg" />}
    />
  );
}
