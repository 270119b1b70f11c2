import { Badge, Button, CloseButton, Collapse, Group, Select, Stack, TextInput, type ComboboxItem } from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { usePhone } from './DataTable';

interface FilterBarProps {
  /** Always visible (usually the search box). */
  primary?: ReactNode;
  /** The other filters: inline on wide screens, behind a "Filters" button on phones. */
  children?: ReactNode;
  /** How many of the other filters are set, shown on the phone's button. */
  activeCount?: number;
  onClear?: () => void;
}

/** The filter inputs above a list. */
export function FilterBar({ primary, children, activeCount = 0, onClear }: FilterBarProps) {
  const phone = usePhone();
  const [opened, { toggle }] = useDisclosure(false);
  const clear = onClear && activeCount > 0 && (
    <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} />} onClick={onClear}>
      Clear filters
    </Button>
  );
  if (!phone) {
    return (
      <Group gap="sm" align="flex-end" wrap="wrap">
        {primary}
        {children}
        {clear}
      </Group>
    );
  }
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="nowrap">
        {primary}
        {children && (
          <Button
            variant="default"
            onClick={toggle}
            aria-expanded={opened}
            leftSection={<IconAdjustmentsHorizontal size={16} />}
            rightSection={activeCount > 0 ? <Badge size="sm" circle>{activeCount}</Badge> : null}
            style={{ flexShrink: 0 }}
          >
            Filters
          </Button>
        )}
      </Group>
      {children && (
        <Collapse expanded={opened}>
          <Stack gap="xs">
            {children}
            {clear}
          </Stack>
        </Collapse>
      )}
    </Stack>
  );
}

interface SearchFilterProps {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  label?: string;
}

/** Free-text filter; the list is asked again once typing pauses. */
export function SearchFilter({ value, onChange, placeholder, label = 'Search' }: SearchFilterProps) {
  const [text, setText] = useState(value);
  const commit = useDebouncedCallback((next: string) => onChange(next.trim()), 300);
  useEffect(() => setText(value), [value]);
  return (
    <TextInput
      aria-label={label}
      placeholder={placeholder}
      value={text}
      leftSection={<IconSearch size={16} stroke={1.7} />}
      rightSection={
        text ? (
          <CloseButton
            size="sm"
            aria-label="Clear search"
            onClick={() => {
              setText('');
              onChange('');
            }}
          />
        ) : null
      }
      onChange={(event) => {
        setText(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
      style={{ flex: '1 1 240px', maxWidth: 360 }}
    />
  );
}

interface SelectFilterProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  data: Array<ComboboxItem | string>;
  placeholder?: string;
  searchable?: boolean;
  width?: number;
}

/** One-of filter with an "any" choice (empty). */
export function SelectFilter({ label, value, onChange, data, placeholder = 'Any', searchable, width = 200 }: SelectFilterProps) {
  const phone = usePhone();
  return (
    <Select
      aria-label={label}
      placeholder={`${label}: ${placeholder}`}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      data={data}
      clearable
      searchable={searchable}
      comboboxProps={{ withinPortal: true }}
      style={phone ? undefined : { flex: `0 1 ${width}px`, minWidth: 150 }}
    />
  );
}
