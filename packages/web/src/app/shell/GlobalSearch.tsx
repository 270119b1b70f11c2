import { Box, Combobox, Group, Kbd, Loader, Text, TextInput, ThemeIcon, useCombobox } from '@mantine/core';
import { useDebouncedValue, useHotkeys, useMediaQuery } from '@mantine/hooks';
import { IconBuildingHospital, IconFile, IconSearch, IconUser, type Icon } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import { messageOf } from '../api/problem';

interface SearchHit {
  kind: string;
  id: string;
  title: string;
  subtitle: string | null;
  href: string;
}

/** How each kind of record appears in the results; modules add their kinds here. */
const KINDS: Record<string, { label: string; icon: Icon }> = {
  facility: { label: 'Facilities', icon: IconBuildingHospital },
  user: { label: 'Users', icon: IconUser },
};

const kindOf = (kind: string) => KINDS[kind] ?? { label: kind.charAt(0).toUpperCase() + kind.slice(1), icon: IconFile };

/** The header's search box: finds any record the user may read and opens it. "/" or Ctrl+K focuses it. */
export function GlobalSearch() {
  const navigate = useNavigate();
  const phone = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });
  const inputRef = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const [debounced] = useDebouncedValue(value.trim(), 250);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  useHotkeys([
    ['mod+K', () => inputRef.current?.focus()],
    ['/', () => inputRef.current?.focus()],
  ]);

  const { data, isFetching, error } = useQuery({
    queryKey: ['search', debounced],
    queryFn: ({ signal }) => api<{ items: SearchHit[] }>('/v1/search', { query: { q: debounced, limit: 6 }, signal }),
    enabled: debounced.length > 0,
    staleTime: 10_000,
  });
  const hits = debounced ? (data?.items ?? []) : [];
  const groups = [...new Set(hits.map((hit) => hit.kind))];

  const open = (href: string) => {
    setValue('');
    combobox.closeDropdown();
    inputRef.current?.blur();
    navigate(href);
  };

  return (
    <Box style={{ flex: 1, minWidth: 0, maxWidth: 460 }}>
      <Combobox store={combobox} onOptionSubmit={open} position="bottom-start" shadow="md" withinPortal>
        <Combobox.Target>
          <TextInput
            ref={inputRef}
            value={value}
            placeholder={phone ? 'Search' : 'Search facilities, people…'}
            aria-label="Search OpenHTM"
            leftSection={<IconSearch size={16} stroke={1.7} />}
            rightSection={isFetching ? <Loader size={14} /> : <Kbd size="xs" visibleFrom="md">/</Kbd>}
            rightSectionPointerEvents="none"
            onChange={(event) => {
              setValue(event.currentTarget.value);
              combobox.openDropdown();
              combobox.updateSelectedOptionIndex();
            }}
            onFocus={() => value && combobox.openDropdown()}
            onBlur={() => combobox.closeDropdown()}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setValue('');
            }}
          />
        </Combobox.Target>
        <Combobox.Dropdown hidden={!value.trim()} miw={300}>
          <Combobox.Options mah={420} style={{ overflowY: 'auto' }}>
            {error && <Combobox.Empty>{messageOf(error)}</Combobox.Empty>}
            {!error && debounced && !isFetching && hits.length === 0 && <Combobox.Empty>Nothing matches “{debounced}”</Combobox.Empty>}
            {!error && !debounced && <Combobox.Empty>Searching…</Combobox.Empty>}
            {groups.map((kind) => (
              <Combobox.Group key={kind} label={kindOf(kind).label}>
                {hits
                  .filter((hit) => hit.kind === kind)
                  .map((hit) => (
                    <Combobox.Option key={`${hit.kind}:${hit.id}`} value={hit.href}>
                      <SearchResult hit={hit} />
                    </Combobox.Option>
                  ))}
              </Combobox.Group>
            ))}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
    </Box>
  );
}

function SearchResult({ hit }: { hit: SearchHit }) {
  const { icon: KindIcon } = kindOf(hit.kind);
  return (
    <Group gap="sm" wrap="nowrap">
      <ThemeIcon variant="light" size="md" radius="md">
        <KindIcon size={16} stroke={1.7} />
      </ThemeIcon>
      <div style={{ minWidth: 0 }}>
        <Text size="sm" fw={500} truncate>
          {hit.title}
        </Text>
        {hit.subtitle && (
          <Text size="xs" c="dimmed" truncate>
            {hit.subtitle}
          </Text>
        )}
      </div>
    </Group>
  );
}
