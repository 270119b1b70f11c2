import { Skeleton, Table, UnstyledButton } from '@mantine/core';
import { Link, useNavigate } from 'react-router-dom';
import type { DataTableProps } from './DataTable';
import { SortHeader } from './SortHeader';

/** Desktop and tablet: a table whose sortable headers are buttons; it scrolls sideways when narrow. */
export function WideTable<T>({ columns, rows, rowKey, rowHref, onRowClick, sort, onSort, loading, label, skeletonRows = 6 }: DataTableProps<T>) {
  const navigate = useNavigate();
  const showSkeleton = loading && rows.length === 0;
  return (
    <Table.ScrollContainer minWidth={640} type="native">
      <Table aria-label={label} aria-busy={loading || undefined} stickyHeader>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.key} style={{ width: column.width, textAlign: column.align, whiteSpace: 'nowrap' }}>
                {column.sortField && onSort ? (
                  <SortHeader field={column.sortField} sort={sort} onSort={onSort}>
                    {column.header}
                  </SortHeader>
                ) : (
                  column.header
                )}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody style={{ opacity: loading && !showSkeleton ? 0.6 : 1, transition: 'opacity 120ms' }}>
          {showSkeleton
            ? Array.from({ length: skeletonRows }, (_, index) => (
                <Table.Tr key={index}>
                  {columns.map((column) => (
                    <Table.Td key={column.key}>
                      <Skeleton height={14} radius="sm" width={`${55 + ((index * 17 + column.key.length * 7) % 40)}%`} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))
            : rows.map((row) => {
                const href = rowHref?.(row);
                const open = href ? () => navigate(href) : onRowClick ? () => onRowClick(row) : undefined;
                return (
                  <Table.Tr
                    key={rowKey(row)}
                    style={open ? { cursor: 'pointer' } : undefined}
                    onClick={
                      open
                        ? (event) => {
                            // The first cell (or a button) is the accessible way in; a click anywhere else on the row opens it too.
                            if (!(event.target as HTMLElement).closest('a, button, input, [role="button"]')) open();
                          }
                        : undefined
                    }
                  >
                    {columns.map((column, index) => (
                      <Table.Td key={column.key} style={{ textAlign: column.align }}>
                        {href && index === 0 ? (
                          <UnstyledButton component={Link} to={href} style={{ display: 'block' }}>
                            {column.render(row)}
                          </UnstyledButton>
                        ) : (
                          column.render(row)
                        )}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                );
              })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
