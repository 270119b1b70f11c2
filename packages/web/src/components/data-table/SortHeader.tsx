import { Group, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { parseSort } from './types';

interface SortHeaderProps {
  field: string;
  sort: string | undefined;
  onSort: (sort: string) => void;
  children: ReactNode;
}

/** A column header that sorts: first click ascending, second descending. */
export function SortHeader({ field, sort, onSort, children }: SortHeaderProps) {
  const current = parseSort(sort);
  const active = current?.field === field;
  const descending = active && current.descending;
  const Icon = !active ? IconArrowsSort : descending ? IconArrowDown : IconArrowUp;
  return (
    <UnstyledButton
      onClick={() => onSort(active && !descending ? `-${field}` : field)}
      aria-label={`Sort by ${typeof children === 'string' ? children : field}${active ? (descending ? ', sorted descending' : ', sorted ascending') : ''}`}
    >
      <Group gap={4} wrap="nowrap">
        <Text fw={600} size="sm" c={active ? undefined : 'inherit'}>
          {children}
        </Text>
        <Icon size={14} stroke={1.8} style={{ opacity: active ? 1 : 0.45 }} />
      </Group>
    </UnstyledButton>
  );
}
