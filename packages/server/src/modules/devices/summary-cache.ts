/**
 * Dashboard counts of a large inventory, shared for a short while. Counting a million devices takes a pass over the
 * table (about 0.4 s on two cores); eight people opening the home page at once made that eight passes and seconds
 * each. Requests for the same counts while one is being computed wait for it (one pass), and a result that took
 * longer than SLOW_MS is served for TTL_MS after it was counted (the answer says when: countedAt). A result that was
 * quick to count (a hospital-sized inventory) is never kept, so small inventories always answer live.
 */
export const SLOW_MS = 200;
export const TTL_MS = 30_000;
const MAX_ENTRIES = 500;

interface Entry<T> {
  value: Promise<T>;
  /** When the count finished and took long enough to keep; undefined while counting. */
  keptUntil?: number;
}

export function sharedCounts<T>(options: { slowMs?: number; ttlMs?: number; now?: () => number } = {}) {
  const slowMs = options.slowMs ?? SLOW_MS;
  const ttlMs = options.ttlMs ?? TTL_MS;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry<T>>();

  return function counts(key: string, count: () => Promise<T>): Promise<T> {
    const entry = entries.get(key);
    if (entry && (entry.keptUntil === undefined || entry.keptUntil > now())) return entry.value;
    if (entries.size >= MAX_ENTRIES) entries.clear();
    const started = now();
    const value = count();
    const fresh: Entry<T> = { value };
    entries.set(key, fresh);
    value.then(
      () => {
        const finished = now();
        if (finished - started >= slowMs) fresh.keptUntil = finished + ttlMs;
        else if (entries.get(key) === fresh) entries.delete(key);
      },
      () => {
        if (entries.get(key) === fresh) entries.delete(key);
      },
    );
    return value;
  };
}
