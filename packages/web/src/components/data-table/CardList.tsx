import { Card, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { DataTableProps } from './DataTable';

/** Phones: one card per row, the title first and the other columns as label/value lines. */
export function CardList<T>({ columns, rows, rowKey, rowHref, onRowClick, loading, cardTitle, label, skeletonRows = 4 }: DataTableProps<T>) {
  if (loading && rows.length === 0) {
    return (
      <Stack gap="sm" aria-busy>
        {Array.from({ length: skeletonRows }, (_, index) => (
          <Paper key={index} withBorder p="md">
            <Skeleton height={16} width="60%" mb="sm" />
            <Skeleton height={12} width="85%" mb={6} />
            <Skeleton height={12} width="40%" />
          </Paper>
        ))}
      </Stack>
    );
  }
  const [first, ...rest] = columns;
  return (
    <Stack gap="sm" role="list" aria-label={label} style={{ opacity: loading ? 0.6 : 1 }}>
      {rows.map((row) => {
        const href = rowHref?.(row);
        const body = (
          <>
            <div style={{ marginBottom: 8 }}>{cardTitle ? cardTitle(row) : first?.render(row)}</div>
            <Stack gap={6}>
              {(cardTitle ? columns : rest)
                .filter((column) => !column.hideOnCard)
                .map((column) => (
                  <Group key={column.key} gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
                    <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                      {column.header}
                    </Text>
                    <div style={{ minWidth: 0, textAlign: 'right' }}>{column.render(row)}</div>
                  </Group>
                ))}
            </Stack>
          </>
        );
        if (href) {
          return (
            <Card key={rowKey(row)} role="listitem" padding="md" component={Link} to={href}>
              {body}
            </Card>
          );
        }
        if (onRowClick) {
          return (
            <Card key={rowKey(row)} role="listitem" padding="md" component="button" type="button" onClick={() => onRowClick(row)} style={{ textAlign: 'left', width: '100%' }}>
              {body}
            </Card>
          );
        }
        return (
          <Card key={rowKey(row)} role="listitem" padding="md">
            {body}
          </Card>
        );
      })}
    </Stack>
  );
}
