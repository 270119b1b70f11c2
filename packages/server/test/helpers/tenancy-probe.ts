import { sql } from 'kysely';
import type { App } from '../../src/app.ts';
import type { Db } from '../../src/db/connection.ts';
import { guardedRouteKeys, tenantTables } from './http.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- JSON Schema and OpenAPI documents are walked untyped */

const PATTERN_CANDIDATES = ['ABC', 'A1', 'abc', 'a-b', '1', 'A'];

/**
 * A value that satisfies a JSON Schema as the API's schemas are written (objects, enums, formats, patterns,
 * anyOf with null): the smallest request a route accepts, so that a refusal cannot come from validation.
 * Strings are "e…" so that a search term finds something.
 */
export function sampleOf(schema: any): unknown {
  if (!schema || typeof schema !== 'object') return null;
  if ('const' in schema) return schema.const;
  if (schema.enum) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return sampleOf(options.find((o: any) => o.type !== 'null') ?? options[0]);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map(sampleOf));
  switch (Array.isArray(schema.type) ? schema.type.find((x: string) => x !== 'null') : schema.type) {
    case 'object': {
      const properties: Record<string, any> = schema.properties ?? {};
      const names = new Set<string>(schema.required ?? []);
      if (names.size < (schema.minProperties ?? 0)) for (const name of Object.keys(properties).slice(0, schema.minProperties)) names.add(name);
      return Object.fromEntries([...names].map((name) => [name, sampleOf(properties[name])]));
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleOf(schema.items));
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'string':
      return sampleString(schema);
    default:
      return null;
  }
}

function sampleString(schema: any): string {
  switch (schema.format) {
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
    case 'date-time':
      return new Date(Date.now() + 86_400_000).toISOString();
    case 'date':
      return '2030-01-01';
    case 'email':
      return 'probe@alpha.test';
    case 'uri':
      return 'https://example.com/';
  }
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    const found = PATTERN_CANDIDATES.find((candidate) => pattern.test(candidate));
    if (found) return found;
  }
  return 'e'.repeat(Math.max(1, schema.minLength ?? 1));
}

export interface ProbeRoute {
  key: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  /** Path parameters that name a record: `id` and `…Id`. */
  idParams: string[];
  /** Other path parameters with the value to use (a job queue, a public reference code). */
  fixedParams: Record<string, string>;
  body: unknown;
  query: string;
}

const isIdParam = (name: string) => name === 'id' || /Id$/.test(name);

/**
 * Every route behind authentication (/api/v1 and /fhir) with a sample body and the query parameters it requires,
 * from the OpenAPI document; a route missing from it can only be probed if it is a GET.
 */
export async function probeRoutes(app: App, fixedParams: Record<string, string>): Promise<ProbeRoute[]> {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  return guardedRouteKeys(app).map((key) => {
    const [method, path] = key.split(' ') as [ProbeRoute['method'], string];
    const operation = doc.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()] ?? (method === 'GET' ? {} : undefined);
    if (!operation) throw new Error(`${key} is not in the OpenAPI document`);
    const params = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    const unknown = params.filter((p) => !isIdParam(p) && !(p in fixedParams));
    if (unknown.length) throw new Error(`${key}: give the probe a value for :${unknown.join(', :')}`);
    const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
    const query = (operation.parameters ?? [])
      .filter((p: any) => p.in === 'query' && p.required)
      .map((p: any) => `${p.name}=${encodeURIComponent(String(sampleOf(p.schema)))}`)
      .join('&');
    return {
      key,
      method,
      path,
      idParams: params.filter(isIdParam),
      fixedParams: Object.fromEntries(params.filter((p) => !isIdParam(p)).map((p) => [p, fixedParams[p]!])),
      body: bodySchema ? sampleOf(bodySchema) : undefined,
      query: query ? `?${query}` : '',
    };
  });
}

/** The URL of a route with its id parameters set to `ids` in order (the last id repeats for the rest). */
export function urlOf(route: ProbeRoute, ids: string[]): string {
  let index = 0;
  const url = route.path.replace(/:(\w+)/g, (_match, name: string) => route.fixedParams[name] ?? ids[Math.min(index++, ids.length - 1)]!);
  return url + route.query;
}

export interface TenantIds {
  /** Up to `perTable` ids of each tenant-owned table with a uuid id. */
  byTable: Record<string, string[]>;
  /** (parent id, child id) for every sampled row that references another tenant-owned row. */
  pairs: [string, string][];
  /** Every uuid id the tenant owns, to look for in responses. */
  all: string[];
}

/** Ids of the rows a tenant owns, read as the schema owner. */
export async function tenantIds(owner: Db, tenantId: string, perTable = 2): Promise<TenantIds> {
  const byTable: Record<string, string[]> = {};
  const pairs: [string, string][] = [];
  const all: string[] = [];
  const references = await sql<{ table: string; column: string }>`
    select c.relname as table, a.attname as column
    from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
    join unnest(k.conkey) as u(attnum) on true join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum
    where n.nspname = 'public' and k.contype = 'f' and a.attname <> 'tenant_id' and array_length(k.conkey, 1) = 2`.execute(owner);
  for (const table of await tenantTables(owner)) {
    const hasUuidId = await sql<{ ok: boolean }>`
      select exists (select from pg_attribute where attrelid = ${table}::regclass and attname = 'id' and atttypid = 'uuid'::regtype) as ok`.execute(owner);
    if (!hasUuidId.rows[0]!.ok) continue;
    const ids = await sql<{ id: string }>`select id::text from ${sql.table(table)} where tenant_id = ${tenantId} order by id`.execute(owner);
    all.push(...ids.rows.map((r) => r.id));
    byTable[table] = ids.rows.slice(0, perTable).map((r) => r.id);
    for (const { column } of references.rows.filter((r) => r.table === table)) {
      const rows = await sql<{ parent: string | null; id: string }>`
        select ${sql.ref(column)}::text as parent, id::text from ${sql.table(table)}
        where tenant_id = ${tenantId} and ${sql.ref(column)} is not null order by id limit ${perTable}`.execute(owner);
      for (const row of rows.rows) pairs.push([row.parent!, row.id]);
    }
  }
  return { byTable, pairs, all };
}
