import { Badge, Collapse, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import type { DeviceImportDetail } from './api';
import { ENCODING_LABELS, formatCount } from './ImportBits';

const SAMPLE_ROWS = 5;

/** What the server found the file to be, and its first rows as read. */
export function FileFacts({ imp, initiallyOpen = false }: { imp: DeviceImportDetail; initiallyOpen?: boolean }) {
  const [open, { toggle }] = useDisclosure(initiallyOpen);
  const sample = (imp.sampleRows ?? []).slice(0, SAMPLE_ROWS);
  return (
    <div>
      <Group gap="xs" wrap="wrap" data-testid="file-facts">
        <Badge variant="default" size="lg" fw={600}>
          {imp.format === 'xlsx' ? 'Excel workbook (.xlsx)' : 'CSV'}
        </Badge>
        {imp.encoding && (
          <Badge variant="default" size="lg" fw={500}>
            {ENCODING_LABELS[imp.encoding] ?? imp.encoding}
          </Badge>
        )}
        <Badge variant="default" size="lg" fw={500}>
          {imp.headers.length} columns
        </Badge>
        {(imp.rowCount ?? imp.summary?.rows) !== null && (imp.rowCount ?? imp.summary?.rows) !== undefined && (
          <Badge variant="default" size="lg" fw={500}>
            {formatCount(imp.rowCount ?? imp.summary?.rows)} rows
          </Badge>
        )}
        {sample.length > 0 && (
          <UnstyledButton onClick={toggle} aria-expanded={open} fz="sm" c="dimmed">
            <Group gap={4}>
              {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
              {open ? 'Hide' : 'Show'} the first rows
            </Group>
          </UnstyledButton>
        )}
      </Group>
      <Collapse expanded={open}>
        <Table.ScrollContainer minWidth={Math.max(480, imp.headers.length * 120)} type="native" mt="sm">
          <Table withTableBorder withColumnBorders fz="xs" verticalSpacing={4} aria-label="First rows of the file" highlightOnHover={false}>
            <Table.Thead>
              <Table.Tr>
                {imp.headers.map((header, index) => (
                  <Table.Th key={index} style={{ whiteSpace: 'nowrap' }}>
                    {header || <Text span c="dimmed" fz="xs">(none)</Text>}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sample.map((row) => (
                <Table.Tr key={row.line}>
                  {imp.headers.map((_, c) => (
                    <Table.Td key={c} style={{ whiteSpace: 'nowrap', maxWidth: 240, overflow: 'hidden', textOverflow: 'ellipsis' }}>
                      {row.cells[c] ?? ''}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Collapse>
    </div>
  );
}
