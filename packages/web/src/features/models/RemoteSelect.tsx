import { Loader, Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, type UseQueryOptions } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { Page } from '../../app/api/client';

export interface RemoteOption {
  value: string;
  label: string;
}

interface RemoteSelectProps<T> extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> {
  value: string | null;
  onChange: (value: string | null, item: T | null) => void;
  /** How the current value reads while it is not among the options fetched (e.g. the saved manufacturer). */
  selected?: RemoteOption | null;
  /** The list query for the text typed; the server does the matching. */
  query: (q: string) => { queryKey: readonly unknown[] };
  toOption: (item: T) => RemoteOption;
  /** Rich rendering of an option, e.g. with badges. */
  renderItem?: (item: T) => ReactNode;
  nothingFound?: string;
}

/** A searchable select over a list endpoint: what is typed is sent as `q`, the server ranks the matches. */
export function RemoteSelect<T>({ value, onChange, selected, query, toOption, renderItem, nothingFound = 'Nothing matches', ...props }: RemoteSelectProps<T>) {
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search, 250);
  const selectedLabel = selected?.value === value ? selected?.label : undefined;
  // Typing the selected option's label is not a search: show the first page then.
  const q = typed === selectedLabel ? '' : typed.trim();
  const result = useQuery(query(q) as UseQueryOptions<Page<T>>);
  const items = result.data?.items ?? [];
  const byValue = new Map(items.map((item) => [toOption(item).value, item]));
  const data = items.map(toOption);
  if (value && selected && selected.value === value && !byValue.has(value)) data.unshift(selected);

  return (
    <Select
      {...props}
      searchable
      clearable={props.clearable ?? true}
      value={value}
      data={data}
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(next) => onChange(next, next ? (byValue.get(next) ?? null) : null)}
      nothingFoundMessage={result.isFetching ? 'Searching…' : result.error ? 'The list could not be loaded' : nothingFound}
      rightSection={result.isFetching ? <Loader size={14} /> : undefined}
      renderOption={renderItem ? ({ option }) => (byValue.has(option.value) ? renderItem(byValue.get(option.value)!) : option.label) : undefined}
      comboboxProps={{ withinPortal: true, ...props.comboboxProps }}
    />
  );
}
