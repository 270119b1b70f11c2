import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * A list's filters and sort, kept in the URL so that a filtered list can be bookmarked, shared and
 * returned to with the back button. Empty values are removed from the URL.
 */
export function useListParams<K extends string>(names: readonly K[], defaultSort?: string) {
  const [params, setParams] = useSearchParams();
  const key = names.map((name) => params.get(name) ?? '').join('\u0000') + '\u0000' + (params.get('sort') ?? '');

  const filters = useMemo(() => {
    const values = {} as Record<K, string>;
    for (const name of names) values[name] = params.get(name) ?? '';
    return values;
    // `key` captures every value read here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  /** Sets several values in one navigation (successive calls in one event would each start from the old URL). */
  const setFilters = useCallback(
    (values: Partial<Record<K | 'sort', string | null>>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [name, value] of Object.entries(values) as Array<[string, string | null | undefined]>) {
            if (value) next.set(name, value);
            else next.delete(name);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  const setFilter = useCallback((name: K | 'sort', value: string | null) => setFilters({ [name]: value } as Partial<Record<K | 'sort', string | null>>), [setFilters]);

  const clear = useCallback(() => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const name of names) next.delete(name);
        return next;
      },
      { replace: true },
    );
  }, [names, setParams]);

  const active = names.some((name) => filters[name] !== '');
  /** How many of these filters are set (for the phone's "Filters" button). */
  const countSet = (subset: readonly K[]) => subset.filter((name) => filters[name] !== '').length;
  return { filters, sort: params.get('sort') || defaultSort, setSort: (sort: string) => setFilter('sort', sort), setFilter, setFilters, clear, active, countSet };
}
