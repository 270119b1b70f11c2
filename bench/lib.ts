/**
 * Shared helpers of the benchmark scripts: start and stop the real server (`htm start`) on a data directory, sign in,
 * sample the server's memory, load-test with autocannon, and keep bench/RESULTS.md up to date section by section.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HTM = path.join(ROOT, 'packages/server/bin/htm.js');

export interface RunningServer {
  pid: number;
  url: string;
  /** Milliseconds from spawn until /api/health answered 200. */
  readyMs: number;
  /** CPU seconds the server and its PostgreSQL had used when /api/health first answered. */
  readyCpuS: number;
  /** What the server printed (its "started in" line among others). */
  output(): string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  dataDir: string;
  port: number;
  pgPort: number;
  env?: Record<string, string>;
  timeoutMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts `htm start` on the project's Node and waits until /api/health answers 200. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const started = performance.now();
  const env = {
    ...process.env,
    HTM_DATA_DIR: options.dataDir,
    PORT: String(options.port),
    HTM_EMBEDDED_PG_PORT: String(options.pgPort),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    HTM_PRETTY_LOGS: 'false',
    ...options.env,
  };
  const child: ChildProcess = spawn(process.execPath, [HTM, 'start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let alive = true;
  void exited.then(() => (alive = false));
  const url = `http://127.0.0.1:${options.port}`;
  if (await fetch(`${url}/api/health`).then(() => true, () => false)) {
    child.kill('SIGINT');
    throw new Error(`another server already answers on port ${options.port}: stop it first`);
  }
  const deadline = Date.now() + (options.timeoutMs ?? 600_000);
  for (;;) {
    if (!alive) throw new Error(`the server exited before answering:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGINT');
      throw new Error(`the server did not answer /api/health in time:\n${output}`);
    }
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await sleep(100);
  }
  const readyMs = performance.now() - started;
  const readyCpuS = treeCpuSeconds(child.pid!);
  return {
    pid: child.pid!,
    url,
    readyMs,
    readyCpuS,
    output: () => output,
    stop: async () => {
      if (!alive) return;
      child.kill('SIGINT');
      const code = await Promise.race([exited, sleep(60_000).then(() => 'timeout' as const)]);
      if (code === 'timeout') {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/** Resident set size of a process in MiB (Linux /proc). */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/**
 * CPU seconds (user + system) used so far by a process and all its descendants, living ones included (the embedded
 * PostgreSQL and its backends are descendants of the server): a measure that other work on the machine does not
 * inflate the way it inflates wall-clock time.
 */
export function treeCpuSeconds(rootPid: number): number {
  const tick = 100; // USER_HZ on Linux
  const stats = new Map<number, { ppid: number; cpu: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      // After "pid (comm) ": state ppid … utime(12) stime(13) cutime(14) cstime(15), counted from 1 in man proc.
      stats.set(Number(entry), { ppid: Number(fields[1]), cpu: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]) });
    } catch {
      /* gone meanwhile */
    }
  }
  let total = 0;
  const visit = (pid: number) => {
    total += stats.get(pid)?.cpu ?? 0;
    for (const [child, s] of stats) if (s.ppid === pid) visit(child);
  };
  visit(rootPid);
  return total / tick;
}

/**
 * Samples a process's RSS every `everyMs` until stopped; returns min, max and the samples. A consumer that keeps the
 * event loop busy (a stream read in a tight loop starves timers) calls `tick()` as it goes.
 */
export function sampleRss(pid: number, everyMs = 200) {
  const samples: number[] = [];
  let last = 0;
  const tick = () => {
    if (performance.now() - last < everyMs) return;
    last = performance.now();
    try {
      samples.push(rssMiB(pid));
    } catch {
      /* the process is gone */
    }
  };
  const timer = setInterval(tick, everyMs);
  return {
    tick,
    stop: () => {
      clearInterval(timer);
      return { samples, min: Math.min(...samples), max: Math.max(...samples), last: samples[samples.length - 1] ?? NaN };
    },
  };
}

/** Signs in through the API; returns the Cookie header value of the session. */
export async function login(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!response.ok) throw new Error(`login of ${email} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('htm_session='));
  if (!cookie) throw new Error('login set no session cookie');
  return cookie.split(';')[0]!;
}

export interface LoadResult {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Runs autocannon against one URL (or a rotation of paths) with `connections` concurrent clients for `seconds`.
 * Percentiles come from every response time, not autocannon's histogram buckets (which have no p95).
 */
export async function load(name: string, url: string, options: { connections: number; seconds: number; headers?: Record<string, string>; paths?: string[] }): Promise<LoadResult> {
  const times: number[] = [];
  const instance = autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers,
    ...(options.paths ? { requests: options.paths.map((p) => ({ method: 'GET' as const, path: p })) } : {}),
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  const result = await instance;
  times.sort((a, b) => a - b);
  return {
    name,
    requests: result.requests.total,
    rps: result.requests.average,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** The machine a result was measured on, with its load average at the time (other work on the box skews numbers). */
export function machine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
  return `${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.versions.node}, load average ${load} (1/5/15 min)`;
}

/** A Markdown table; also printed to the console by the scripts. */
export function markdownTable(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 1 : 0)} ms` : '—');
export const seconds = (valueMs: number) => `${(valueMs / 1000).toFixed(1)} s`;

/**
 * Replaces this script's section of bench/RESULTS.md (between `<!-- bench:NAME -->` markers), or appends it; the
 * other sections, including ones other scripts or people wrote, are left as they are.
 */
export function updateResults(name: string, markdown: string): void {
  const file = path.join(ROOT, 'bench/RESULTS.md');
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const section = `${start}\n${markdown.trim()}\n${end}`;
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n\nEach section is written by the script it names (see bench/README.md); rerun the script to refresh it.\n';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  text = from >= 0 && to > from ? text.slice(0, from) + section + text.slice(to + end.length) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, text);
}

/** Today's date and the exact command line, for the record. */
export function provenance(command: string): string {
  return `Measured ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} on ${machine()}.\n\nCommand: \`${command}\``;
}

/** Reads `--name value` options. */
export function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

/**
 * The ceiling: a bare Fastify app answering GET /hello, in a Node process of its own (in the benchmark's own process
 * it would share a core with the load generator and measure less than the real server).
 */
export async function startHelloServer(): Promise<{ url: string; close: () => void }> {
  const script = `
    const { default: Fastify } = await import(${JSON.stringify(path.join(ROOT, 'node_modules/fastify/fastify.js'))});
    const app = Fastify({ logger: false });
    app.get('/hello', async () => ({ hello: 'world' }));
    process.stdout.write(await app.listen({ port: 0, host: '127.0.0.1' }) + '\\n');`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('exit', (code) => reject(new Error(`the hello server exited (${code})`)));
  });
  return { url, close: () => child.kill('SIGINT') };
}
