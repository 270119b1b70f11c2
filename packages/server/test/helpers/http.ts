import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { App } from '../../src/app.ts';
import type { Db } from '../../src/db/connection.ts';

/** An injected response (light-my-request's). */
export type InjectedResponse = LightMyRequestResponse;

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId: string;
  errors?: { path: string; message: string }[];
  [extension: string]: unknown;
}

/** Asserts an RFC 9457 problem document with this status (and code) and returns it. */
export function expectProblem(response: InjectedResponse, status: number, code?: string): Problem {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json() as Problem;
  expect(body.status).toBe(status);
  expect(body.type).toMatch(/^https:\/\/openhtm\.dev\/problems\//);
  expect(body.title).toEqual(expect.any(String));
  expect(body.requestId).toBe(response.headers['x-request-id']);
  if (code) expect(body.code).toBe(code);
  else expect(body.code).toEqual(expect.any(String));
  return body;
}

/** The paths named by a validation problem's `errors`. */
export const errorPaths = (problem: Problem): string[] => (problem.errors ?? []).map((e) => e.path);

/** Row count as the schema owner (a superuser in tests, so row-level security does not hide rows). */
export async function countRows(owner: Db, table: string, tenantId?: string): Promise<number> {
  const where = tenantId ? sql`where tenant_id = ${tenantId}` : sql``;
  const result = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} ${where}`.execute(owner);
  return result.rows[0]!.n;
}

/** Counts of several tables at once, e.g. to show a refused request wrote nothing. */
export async function counts(owner: Db, tables: string[]): Promise<Record<string, number>> {
  const entries = await Promise.all(tables.map(async (table) => [table, await countRows(owner, table)] as const));
  return Object.fromEntries(entries);
}

/** Tables of schema public that carry tenant_id: the tenant-owned tables. */
export async function tenantTables(owner: Db): Promise<string[]> {
  const result = await sql<{ table: string }>`
    select c.relname as table from pg_class c
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
    where c.relkind in ('r', 'p') order by 1`.execute(owner);
  return result.rows.map((r) => r.table);
}

/** Every row a tenant owns, table by table, as comparable JSON: equal snapshots mean nothing of it changed. */
export async function tenantSnapshot(owner: Db, tenantId: string): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of await tenantTables(owner)) {
    const rows = await sql<{ row: unknown }>`
      select to_jsonb(t) as row from ${sql.table(table)} t where tenant_id = ${tenantId} order by to_jsonb(t)::text`.execute(owner);
    snapshot[table] = rows.rows.map((r) => r.row);
  }
  return snapshot;
}

export interface RouteInfo {
  method: string;
  url: string;
}

/**
 * Every route the app serves, read from Fastify's own route tree (`printRoutes`), so that a route added later is
 * covered without editing the tests. HEAD routes that mirror a GET are left out.
 */
export function routesOf(app: App): RouteInfo[] {
  const routes: RouteInfo[] = [];
  const prefixes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]+)\))?$/.exec(line.trimEnd());
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const url = (prefixes[depth - 1] ?? '') + match[2]!;
    prefixes[depth] = url;
    prefixes.length = depth + 1;
    for (const method of (match[3] ?? '').split(',').map((m) => m.trim())) {
      if (method && method !== 'HEAD') routes.push({ method, url });
    }
  }
  return routes;
}

/** The /api/v1 routes, as `METHOD /api/v1/…` strings. */
export const apiRouteKeys = (app: App): string[] =>
  routesOf(app)
    .filter((r) => r.url.startsWith('/api/v1/'))
    .map((r) => `${r.method} ${r.url}`);

/** Every route behind authentication (the JSON API and the FHIR endpoint), wildcards left out. */
export const guardedRouteKeys = (app: App): string[] =>
  routesOf(app)
    .filter((r) => (r.url.startsWith('/api/v1/') || r.url.startsWith('/fhir/')) && !r.url.includes('*'))
    .map((r) => `${r.method} ${r.url}`);

/**
 * Runs `work` and asserts it changed none of the tenant's rows (audit trail included). Sessions are compared by
 * count: reading a session may refresh its last-seen time.
 */
export async function expectUnchanged<T>(owner: Db, tenantId: string, work: () => Promise<T>): Promise<T> {
  const state = async () => {
    const snapshot = await tenantSnapshot(owner, tenantId);
    return { ...snapshot, sessions: snapshot.sessions?.length };
  };
  const before = await state();
  const result = await work();
  expect(await state()).toEqual(before);
  return result;
}

/** Follows nextCursor from the first page of a list to its last; returns the ids in the order served. */
export async function walkPages(app: App, headers: Record<string, string>, url: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 200; page++) {
    const separator = url.includes('?') ? '&' : '?';
    const response = await app.inject({ method: 'GET', url: `${url}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, headers });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { items: { id: string }[]; nextCursor: string | null };
    expect(body.items.length).toBeLessThanOrEqual(limit);
    ids.push(...body.items.map((item) => item.id));
    cursor = body.nextCursor;
    if (!cursor) return ids;
  }
  throw new Error(`${url} did not reach its last page`);
}
