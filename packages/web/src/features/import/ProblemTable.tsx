import { Badge, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useCan } from '../../app/auth/session';
import { SelectFilter } from '../../components/data-table/filters';
import { ServerTable } from '../../components/data-table/ServerTable';
import type { Column } from '../../components/data-table/types';
import { fetchProblemsPage, IMPORTS_KEY, type DeviceImport, type ImportProblem } from './api';
import { ProblemMessage } from './ProblemMessage';
import { problemLabel } from './problem-labels';

const SEVERITY_COLORS = { error: 'red', warning: 'yellow' } as const;

function columnsFor(manage: boolean): Column<ImportProblem>[] {
  return [
    { key: 'line', header: 'Line', width: 70, hideOnCard: true, render: (p) => <Text size="sm" className="mono">{p.line}</Text> },
    { key: 'column', header: 'Column', width: 160, hideOnCard: true, render: (p) => <Text size="sm" fw={500}>{p.column ?? '—'}</Text> },
    {
      key: 'value',
      header: 'Value',
      width: 180,
      hideOnCard: true,
      render: (p) =>
        p.value ? (
          <Text size="sm" className="mono" lineClamp={2} style={{ wordBreak: 'break-all' }}>
            {p.value}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ),
    },
    { key: 'problem', header: 'Problem', hideOnCard: true, render: (p) => <ProblemMessage problem={p} manage={manage} /> },
    {
      key: 'severity',
      header: 'Severity',
      width: 110,
      hideOnCard: true,
      render: (p) => (
        <Badge color={SEVERITY_COLORS[p.severity]} variant="light">
          {p.severity === 'error' ? 'Error' : 'Warning'}
        </Badge>
      ),
    },
  ];
}

/** A problem on a phone: where, what was written, and what is wrong, read top to bottom. */
function ProblemCard({ problem, manage }: { problem: ImportProblem; manage: boolean }) {
  return (
    <Stack gap={6}>
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600}>
          Line {problem.line}
          {problem.column ? ` · ${problem.column}` : ''}
        </Text>
        <Badge color={SEVERITY_COLORS[problem.severity]} variant="light">
          {problem.severity === 'error' ? 'Error' : 'Warning'}
        </Badge>
      </Group>
      {problem.value && (
        <Text size="sm" className="mono" style={{ wordBreak: 'break-all' }}>
          {problem.value}
        </Text>
      )}
      <ProblemMessage problem={problem} manage={manage} />
    </Stack>
  );
}

/** Every problem of a check by line and column, filtered by severity and kind, a page at a time. */
export function ProblemTable({ imp }: { imp: DeviceImport }) {
  const can = useCan();
  // Fixing reference data from the report helps only while the file can still be checked again.
  const manage = can('reference.manage') && imp.status !== 'committed';
  const [severity, setSeverity] = useState<'all' | 'error' | 'warning'>('all');
  const [code, setCode] = useState('');
  const summary = imp.summary!;
  const codes = Object.entries(summary.problemCounts ?? {}).sort((a, b) => b[1] - a[1]);

  if (summary.errors + summary.warnings === 0) {
    return (
      <Group gap="xs" c="teal.7" data-testid="no-problems">
        <IconCircleCheck size={20} />
        <Text size="sm" fw={500}>
          No problems: every row is ready to import.
        </Text>
      </Group>
    );
  }
  return (
    <ServerTable
      label="Problems"
      queryKey={[...IMPORTS_KEY, 'problems', imp.id, imp.version]}
      fetchPage={(request) => fetchProblemsPage(imp.id, request)}
      filters={{ severity: severity === 'all' ? undefined : severity, code: code || undefined }}
      pageSize={50}
      columns={columnsFor(manage)}
      rowKey={(p) => `${p.line}:${p.column ?? ''}:${p.code}:${p.message}`}
      cardTitle={(p) => <ProblemCard problem={p} manage={manage} />}
      filtered={severity !== 'all' || code !== ''}
      onClearFilters={() => {
        setSeverity('all');
        setCode('');
      }}
      toolbar={
        <Group gap="sm" wrap="wrap">
          <SegmentedControl
            value={severity}
            onChange={(value) => setSeverity(value as typeof severity)}
            data={[
              { value: 'all', label: `All (${(summary.errors + summary.warnings).toLocaleString('en-US')})` },
              { value: 'error', label: `Errors (${summary.errors.toLocaleString('en-US')})` },
              { value: 'warning', label: `Warnings (${summary.warnings.toLocaleString('en-US')})` },
            ]}
            aria-label="Severity"
          />
          <SelectFilter
            label="Problem"
            value={code}
            onChange={setCode}
            data={codes.map(([value, count]) => ({ value, label: `${problemLabel(value)} (${count.toLocaleString('en-US')})` }))}
            width={280}
          />
        </Group>
      }
      empty={<Text size="sm" c="dimmed" p="md">No problems.</Text>}
    />
  );
}
