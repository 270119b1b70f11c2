import { Paper, SimpleGrid, Text } from '@mantine/core';
import { rowsReady, type ImportSummary } from './api';
import { formatCount } from './ImportBits';

function Stat({ label, value, color, testId }: { label: string; value: number; color?: string; testId: string }) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700} style={{ letterSpacing: '0.03em' }}>
        {label}
      </Text>
      <Text fz={26} fw={700} c={value > 0 ? color : undefined} lh={1.3}>
        {formatCount(value)}
      </Text>
    </Paper>
  );
}

/** The counts of a check: rows, rows ready, rows held back, warnings, and what a commit will create and update. */
export function ImportSummaryCards({ summary }: { summary: ImportSummary }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
      <Stat label="Rows" value={summary.rows} testId="count-rows" />
      <Stat label="Ready" value={rowsReady(summary)} color="teal.7" testId="count-ok" />
      <Stat label="Rows with errors" value={summary.rowsWithErrors} color="red.7" testId="count-errors" />
      <Stat label="Warnings" value={summary.warnings} color="yellow.8" testId="count-warnings" />
      <Stat label="New devices" value={summary.create} testId="count-create" />
      <Stat label="Updates" value={summary.update} testId="count-update" />
    </SimpleGrid>
  );
}
