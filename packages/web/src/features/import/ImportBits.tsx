import { Badge } from '@mantine/core';
import type { ImportStatus } from './api';

const STATUS: Record<ImportStatus, { label: string; color: string }> = {
  uploaded: { label: 'Uploaded', color: 'gray' },
  checked: { label: 'Checked', color: 'blue' },
  committed: { label: 'Imported', color: 'teal' },
  refused: { label: 'Refused', color: 'orange' },
  failed: { label: 'Failed', color: 'red' },
};

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const { label, color } = STATUS[status] ?? { label: status, color: 'gray' };
  return (
    <Badge color={color} variant="light">
      {label}
    </Badge>
  );
}

export const ENCODING_LABELS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 with BOM',
  'windows-1252': 'Windows-1252 (cp1252)',
};

export const formatCount = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toLocaleString('en-US'));
