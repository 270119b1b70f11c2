import { sql, type Kysely } from 'kysely';

/**
 * The manufacturer list sorts by name regardless of case ("B. Braun", "Baxter", "bbraun"). Under row-level security
 * an index serves only conditions built from LEAKPROOF functions, and lower() is not one: a keyset condition on
 * `lower(name)` could never be an index condition, so every later page would walk the tenant's index from its start.
 * The sort key is therefore a stored column, `sort_name`, compared with the text operators (leakproof) and read in
 * the order of its own index (tenant first, id as the tiebreaker of the cursor). The audit trail leaves the derived
 * column out.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table manufacturers add column sort_name text generated always as (lower(name)) stored;
    create index manufacturers_sort_name on manufacturers (tenant_id, sort_name, id);

    drop trigger audit_insert on manufacturers;
    drop trigger audit_update on manufacturers;
    drop trigger audit_delete on manufacturers;
    select audit_attach('manufacturers', 'manufacturer', 'sort_name');
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger audit_insert on manufacturers;
    drop trigger audit_update on manufacturers;
    drop trigger audit_delete on manufacturers;
    select audit_attach('manufacturers', 'manufacturer');
    drop index manufacturers_sort_name;
    alter table manufacturers drop column sort_name;
  `.execute(db);
}
