import { Group, Loader, Select, Text, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';

export interface RemoteOption {
  value: string;
  label: string;
  /** A second line under the label (e.g. the manufacturer of a model). */
  description?: string;
}

interface RemoteSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter'> {
  /** Cache key of this kind of record, e.g. `['models']`. */
  queryKey: readonly unknown[];
  /** Options matching what the user typed (the server filters; typos tolerated where the API does). */
  search: (text: string, signal: AbortSignal) => Promise<RemoteOption[]>;
  /** The option of a value that is not in the current results (a value from the URL or the record). */
  resolve?: (value: string, signal: AbortSignal) => Promise<RemoteOption>;
  value: string | null;
  onChange: (value: string | null) => void;
  /** A label known already for the current value, so that nothing has to be fetched to show it. */
  valueLabel?: string;
  emptyHint?: ReactNode;
}

/**
 * A searchable select over a list too long to load at once: what the user types is sent to the server
 * (debounced), and the chosen option keeps its label while other results come and go.
 */
export function RemoteSelect({ queryKey, search, resolve, value, onChange, valueLabel, emptyHint, ...props }: RemoteSelectProps) {
  const [text, setText] = useState('');
  const [known, setKnown] = useState<RemoteOption | null>(value && valueLabel ? { value, label: valueLabel } : null);
  const selectedLabel = known?.value === value ? known.label : undefined;
  // The input shows the chosen option's label; that text is not a search.
  const searching = text !== '' && text !== selectedLabel;
  const [debounced] = useDebouncedValue(searching ? text.trim() : '', 250);

  const results = useQuery({
    queryKey: [...queryKey, 'search', debounced],
    queryFn: ({ signal }) => search(debounced, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const resolved = useQuery({
    queryKey: [...queryKey, 'option', value],
    queryFn: ({ signal }) => resolve!(value!, signal),
    enabled: Boolean(value && resolve && !selectedLabel && !results.data?.some((option) => option.value === value)),
    staleTime: 5 * 60_000,
  });

  useEffect(() => {
    if (!value) setKnown(null);
    else if (resolved.data?.value === value) setKnown(resolved.data);
    else if (valueLabel && known?.value !== value) setKnown({ value, label: valueLabel });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, resolved.data, valueLabel]);

  const options = results.data ?? [];
  const data = known && value === known.value && !options.some((option) => option.value === known.value) ? [known, ...options] : options;
  const descriptions = new Map(data.map((option) => [option.value, option.description]));

  return (
    <Select
      {...props}
      searchable
      clearable={props.clearable ?? true}
      value={value}
      data={data.map(({ value: optionValue, label }) => ({ value: optionValue, label }))}
      filter={({ options: all }) => all}
      searchValue={text}
      onSearchChange={setText}
      onChange={(next) => {
        const option = data.find((candidate) => candidate.value === next) ?? null;
        setKnown(option);
        onChange(next);
      }}
      nothingFoundMessage={results.isFetching ? 'Searching…' : (emptyHint ?? 'Nothing matches')}
      rightSection={results.isFetching && searching ? <Loader size={14} /> : undefined}
      renderOption={({ option }) => {
        const description = descriptions.get(option.value);
        return (
          <Group gap={0} wrap="nowrap" style={{ minWidth: 0 }}>
            <div style={{ minWidth: 0 }}>
              <Text size="sm" truncate>
                {option.label}
              </Text>
              {description && (
                <Text size="xs" c="dimmed" truncate>
                  {description}
                </Text>
              )}
            </div>
          </Group>
        );
      }}
      comboboxProps={{ withinPortal: true, ...props.comboboxProps }}
    />
  );
}
