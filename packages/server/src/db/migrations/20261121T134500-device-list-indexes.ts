import { sql, type Kysely } from 'kysely';

/** pg_trgm's similarity operators: `<%`/`%>` and `<<%`/`%>>` (device search), `%` (similarity). */
const TRIGRAM_FUNCTIONS = [
  'similarity_op(text, text)',
  'word_similarity_op(text, text)',
  'word_similarity_commutator_op(text, text)',
  'strict_word_similarity_op(text, text)',
  'strict_word_similarity_commutator_op(text, text)',
];

/**
 * Devices at scale (plans in bench/RESULTS.md): a risk (re)assessment is a device event of its own, and the indexes
 * that the device list's sorts, the search and the search's name lookups rely on at a million devices.
 *
 * Row-level security lets an index serve a condition only if its operator is LEAKPROOF (it may otherwise be evaluated
 * on other tenants' rows before the tenant filter). pg_trgm's similarity operators are not marked so, which turns
 * every trigram search into a sequential scan; they reveal nothing of their arguments (no errors, no side effects),
 * so they are marked LEAKPROOF here. Only a superuser may do that: under another owner the migration warns and the
 * search stays correct but slow until a superuser runs the ALTER FUNCTION statements.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table device_events drop constraint device_events_kind_check;
    alter table device_events add constraint device_events_kind_check
      check (kind in ('status_change', 'incoming_inspection', 'risk_assessment', 'risk_override', 'strategy_decision', 'created', 'imported'));

    -- Keyset sorts of the device list: (sort column, id) in index order.
    drop index devices_status;
    create index devices_status on devices (tenant_id, status, id);
    create index devices_created on devices (tenant_id, created_at, id);
    -- A facility's devices by last change: the usual list of a technician scoped to one facility.
    create index devices_facility_updated on devices (tenant_id, facility_id, updated_at, id);
    -- A model's devices in asset-tag order: the search reads a page of a rare model without sorting all of them.
    drop index devices_model;
    create index devices_model on devices (tenant_id, model_id, asset_tag);

    -- The search resolves name words against the reference tables by trigram similarity.
    create index manufacturers_display_trgm on manufacturers using gin (name gin_trgm_ops);
    create index manufacturer_aliases_trgm on manufacturer_aliases using gin (normalized_alias gin_trgm_ops);
    create index device_types_name_trgm on device_types using gin (name gin_trgm_ops);
    create index models_device_type on models (tenant_id, device_type_id);

    -- Filters that go together: a model decides manufacturer and type, a type mostly decides high-risk. These let the
    -- planner see which combinations exist instead of multiplying selectivities as if independent, which makes it
    -- walk a sort index past every device for a combination that has (almost) none.
    create statistics devices_catalog (mcv, dependencies) on manufacturer_id, device_type_id, high_risk from devices;
    alter statistics devices_catalog set statistics 1000;
    create statistics devices_model_identity (dependencies) on model_id, manufacturer_id, device_type_id from devices;
    analyze devices;
  `.execute(db);
  await setTrigramLeakproof(db, true);
}

async function setTrigramLeakproof(db: Kysely<unknown>, leakproof: boolean): Promise<void> {
  const superuser = await sql<{ super: boolean }>`select rolsuper as super from pg_roles where rolname = current_user`.execute(db);
  if (!superuser.rows[0]?.super) {
    await sql`do $$ begin raise warning 'pg_trgm operators not marked LEAKPROOF (needs a superuser): device search cannot use its trigram indexes under row-level security'; end $$`.execute(db);
    return;
  }
  for (const fn of TRIGRAM_FUNCTIONS) {
    await sql`alter function ${sql.raw(fn)} ${sql.raw(leakproof ? 'leakproof' : 'not leakproof')}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await setTrigramLeakproof(db, false);
  await sql`
    drop statistics if exists devices_catalog, devices_model_identity;
    drop index if exists models_device_type, device_types_name_trgm, manufacturer_aliases_trgm, manufacturers_display_trgm, devices_facility_updated, devices_created;
    drop index devices_status;
    create index devices_status on devices (tenant_id, status);
    drop index devices_model;
    create index devices_model on devices (tenant_id, model_id);
    delete from device_events where kind = 'risk_assessment';
    alter table device_events drop constraint device_events_kind_check;
    alter table device_events add constraint device_events_kind_check
      check (kind in ('status_change', 'incoming_inspection', 'risk_override', 'strategy_decision', 'created', 'imported'));
  `.execute(db);
}
