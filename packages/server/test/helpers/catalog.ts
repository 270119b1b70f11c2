import { sql } from 'kysely';
import type { Db } from '../../src/db/connection.ts';

/** Tables of schema public that belong to no tenant, on purpose: platform bookkeeping and public reference data. */
export const GLOBAL_TABLES = ['tenants', 'kysely_migration', 'kysely_migration_lock', 'fda_product_classes'];

/** Permissive policies besides tenant_isolation that widen what a tenant-owned table shows, each with its reason. */
export const EXTRA_POLICIES: Record<string, string> = {
  // Login finds an account by e-mail before it knows the tenant; read-only and only for the e-mail named.
  'users.users_login': 'r',
};

interface TableRow {
  table: string;
  rls: boolean;
  forced: boolean;
  has_tenant: boolean;
}

interface IndexRow {
  table: string;
  index: string;
  has_tenant: boolean;
}

interface ForeignKeyRow {
  table: string;
  name: string;
  target: string;
  /** (local column, referenced column) pairs, in key order. */
  pairs: [string, string][];
}

interface PolicyRow {
  table: string;
  name: string;
  command: string;
  permissive: boolean;
  using: string | null;
  check: string | null;
}

/**
 * The tenancy rules every table of schema public must follow, checked against pg_catalog; returns one line per
 * violation. A tenant-owned table (one with tenant_id) has tenant_id in its primary key, in every unique index
 * and on both sides of every foreign key (a reference to `tenants` itself is `tenant_id → tenants.id`), row-level
 * security enabled and forced, and the tenant_isolation policy on current_tenant_id(). Any other table must be a
 * known global one.
 */
export async function tenancyOffenders(owner: Db): Promise<string[]> {
  const offenders: string[] = [];
  const tables = await sql<TableRow>`
    select c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
           exists (select from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as has_tenant
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`.execute(owner);
  const tenantOwned = new Set(tables.rows.filter((t) => t.has_tenant).map((t) => t.table));

  for (const t of tables.rows) {
    if (!t.has_tenant) {
      if (!GLOBAL_TABLES.includes(t.table)) offenders.push(`${t.table}: has no tenant_id and is not a known global table`);
      continue;
    }
    if (!t.rls) offenders.push(`${t.table}: row-level security is not enabled`);
    if (!t.forced) offenders.push(`${t.table}: row-level security is not forced`);
  }

  const primaryKeys = await sql<{ table: string; has_pk: boolean }>`
    select c.relname as table, exists (select from pg_constraint k where k.conrelid = c.oid and k.contype = 'p') as has_pk
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relname = any(${[...tenantOwned]})`.execute(owner);
  for (const row of primaryKeys.rows) if (!row.has_pk) offenders.push(`${row.table}: has no primary key`);

  // Unique indexes cover primary keys and unique constraints; expression columns appear as 0 in indkey.
  const indexes = await sql<IndexRow & { primary: boolean }>`
    select c.relname as table, i.relname as index, x.indisprimary as primary,
           exists (select from unnest(x.indkey) k join pg_attribute a on a.attrelid = c.oid and a.attnum = k where a.attname = 'tenant_id') as has_tenant
    from pg_index x join pg_class c on c.oid = x.indrelid join pg_class i on i.oid = x.indexrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and x.indisunique and c.relname = any(${[...tenantOwned]})`.execute(owner);
  for (const row of indexes.rows) {
    if (!row.has_tenant) offenders.push(`${row.table}: ${row.primary ? 'primary key' : 'unique index'} ${row.index} lacks tenant_id`);
  }

  const foreignKeys = await sql<ForeignKeyRow>`
    select c.relname as table, k.conname as name, f.relname as target,
           (select json_agg(json_build_array(la.attname, fa.attname) order by u.ord)
              from unnest(k.conkey, k.confkey) with ordinality as u(l, r, ord)
              join pg_attribute la on la.attrelid = k.conrelid and la.attnum = u.l
              join pg_attribute fa on fa.attrelid = k.confrelid and fa.attnum = u.r) as pairs
    from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class f on f.oid = k.confrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and k.contype = 'f'`.execute(owner);
  for (const fk of foreignKeys.rows) {
    const local = tenantOwned.has(fk.table);
    if (!local && !tenantOwned.has(fk.target)) continue;
    const toTenants = fk.target === 'tenants' && fk.pairs.length === 1 && fk.pairs[0]![0] === 'tenant_id' && fk.pairs[0]![1] === 'id';
    const paired = fk.pairs.some(([l, r]) => l === 'tenant_id' && r === 'tenant_id');
    if (!(local && toTenants) && !(local && tenantOwned.has(fk.target) && paired)) {
      offenders.push(`${fk.table}: foreign key ${fk.name} → ${fk.target} does not carry tenant_id on both sides`);
    }
  }

  const policies = await sql<PolicyRow>`
    select c.relname as table, p.polname as name, p.polcmd as command, p.polpermissive as permissive,
           pg_get_expr(p.polqual, p.polrelid) as using, pg_get_expr(p.polwithcheck, p.polrelid) as check
    from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public'`.execute(owner);
  const isolating = (p: PolicyRow) =>
    p.name === 'tenant_isolation' && p.command === '*' && p.permissive &&
    /tenant_id = current_tenant_id\(\)/.test(p.using ?? '') && /tenant_id = current_tenant_id\(\)/.test(p.check ?? '');
  for (const table of tenantOwned) {
    const own = policies.rows.filter((p) => p.table === table);
    if (!own.some(isolating)) offenders.push(`${table}: no tenant_isolation policy on tenant_id = current_tenant_id()`);
    for (const p of own) {
      if (isolating(p) || !p.permissive) continue;
      if (EXTRA_POLICIES[`${table}.${p.name}`] !== p.command) offenders.push(`${table}: permissive policy ${p.name} (${p.command}) widens tenant isolation`);
    }
  }
  return offenders;
}
