import { Loader, Select, Text, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';

export interface RemoteOption {
  value: string;
  label: string;
  /** A second line under the label (e.g. the manufacturer of a model). */
  description?: string;
}

interface RemoteSelectProps<T> extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter'> {
  /** Cache key of this kind of record, e.g. `['reference', 'models']`; the text searched for is added to it. */
  queryKey: readonly unknown[];
  /** The records matching what the user typed ('' for the first ones); the server matches and ranks them. */
  search: (text: string, signal: AbortSignal) => Promise<T[]>;
  toOption: (item: T) => RemoteOption;
  /** The record of a value that no search has shown (a value from the URL), so that its label can be shown. */
  resolve?: (value: string, signal: AbortSignal) => Promise<T>;
  value: string | null;
  /** The value chosen, and its record when it was chosen from the results. */
  onChange: (value: string | null, item: T | null) => void;
  /** The label of `value` when it is known already (the saved record's), so that nothing has to be fetched to show it. */
  valueLabel?: string;
  /** How a record reads in the list, e.g. with badges; by default its label with the description under it. */
  renderItem?: (item: T) => ReactNode;
  nothingFound?: ReactNode;
}

function OptionLines({ option }: { option: RemoteOption }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="sm" truncate>
        {option.label}
      </Text>
      {option.description && (
        <Text size="xs" c="dimmed" truncate>
          {option.description}
        </Text>
      )}
    </div>
  );
}

/**
 * A searchable select over a list too long to load at once: what the user types is sent to the server
 * (debounced), and the chosen option keeps its label while other results come and go.
 */
export function RemoteSelect<T>({ queryKey, search, toOption, resolve, value, onChange, valueLabel, renderItem, nothingFound = 'Nothing matches', ...props }: RemoteSelectProps<T>) {
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<RemoteOption | null>(null);
  const known = picked?.value === value ? picked : value && valueLabel ? { value, label: valueLabel } : null;
  // The input shows the chosen option's label; that text is not a search.
  const searching = text !== '' && text !== known?.label;
  const [debounced] = useDebouncedValue(searching ? text.trim() : '', 250);

  const results = useQuery({
    queryKey: [...queryKey, 'search', debounced],
    queryFn: ({ signal }) => search(debounced, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const found = (results.data ?? []).map((item) => ({ item, option: toOption(item) }));
  const byValue = new Map(found.map((entry) => [entry.option.value, entry]));
  const resolved = useQuery({
    queryKey: [...queryKey, 'option', value],
    queryFn: ({ signal }) => resolve!(value!, signal),
    enabled: Boolean(value && resolve && !known && !byValue.has(value)),
    staleTime: 5 * 60_000,
  });
  const resolvedOption = resolved.data ? toOption(resolved.data) : null;
  const current = known ?? (resolvedOption?.value === value ? resolvedOption : null);
  const options = found.map((entry) => entry.option);
  const data = current && !byValue.has(current.value) ? [current, ...options] : options;

  return (
    <Select
      {...props}
      searchable
      clearable={props.clearable ?? true}
      value={value}
      data={data.map((option) => ({ value: option.value, label: option.label }))}
      filter={({ options: all }) => all}
      searchValue={text}
      onSearchChange={setText}
      onChange={(next) => {
        const entry = next ? byValue.get(next) : undefined;
        setPicked(entry?.option ?? data.find((option) => option.value === next) ?? null);
        onChange(next, entry?.item ?? null);
      }}
      nothingFoundMessage={results.isFetching ? 'Searching…' : results.error ? 'The list could not be loaded' : nothingFound}
      rightSection={results.isFetching && searching ? <Loader size={14} /> : undefined}
      renderOption={({ option }) => {
        const entry = byValue.get(option.value);
        if (entry && renderItem) return renderItem(entry.item);
        return <OptionLines option={entry?.option ?? data.find((candidate) => candidate.value === option.value) ?? option} />;
      }}
      comboboxProps={{ withinPortal: true, ...props.comboboxProps }}
    />
  );
}
