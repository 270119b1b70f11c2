import { describe, expect, it } from 'vitest';
import { sharedCounts } from './summary-cache.ts';

/** A clock the test moves, and a count that takes `ms` of that clock and says how many times it ran. */
function setup() {
  let clock = 0;
  let runs = 0;
  const counts = sharedCounts<number>({ slowMs: 200, ttlMs: 30_000, now: () => clock });
  const count = (ms: number, fail = false) => async () => {
    runs += 1;
    const run = runs;
    await Promise.resolve();
    clock += ms;
    if (fail) throw new Error('count failed');
    return run;
  };
  return { counts, count, runs: () => runs, advance: (ms: number) => (clock += ms) };
}

describe('dashboard counts shared between requests', () => {
  it('count once for requests that arrive while counting', async () => {
    const s = setup();
    const answers = await Promise.all([s.counts('a', s.count(10)), s.counts('a', s.count(10)), s.counts('a', s.count(10))]);
    expect(answers).toEqual([1, 1, 1]);
    expect(s.runs()).toBe(1);
  });

  it('keep a slow count for the TTL, then count again', async () => {
    const s = setup();
    expect(await s.counts('a', s.count(400))).toBe(1);
    s.advance(29_000);
    expect(await s.counts('a', s.count(400))).toBe(1);
    s.advance(2_000);
    expect(await s.counts('a', s.count(400))).toBe(2);
  });

  it('never keep a quick count, nor a failed one, and keep keys apart', async () => {
    const s = setup();
    expect(await s.counts('a', s.count(5))).toBe(1);
    expect(await s.counts('a', s.count(5))).toBe(2);
    await expect(s.counts('b', s.count(500, true))).rejects.toThrow('count failed');
    expect(await s.counts('b', s.count(500))).toBe(4);
    expect(await s.counts('c', s.count(500))).toBe(5);
    expect(await s.counts('b', s.count(500))).toBe(4);
  });
});
