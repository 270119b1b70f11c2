import { sql, type Kysely } from 'kysely';

/**
 * The model catalog at GUDID scale (tens of thousands of models per tenant).
 *
 * Under row-level security an index serves only conditions built from LEAKPROOF functions. The trigram index on
 * `model_number || ' ' || coalesce(name, '')` could never be used (textcat is not leakproof), so the searched text
 * becomes a stored column, `search_text`, matched with pg_trgm's word-similarity operator (marked LEAKPROOF by the
 * device-list migration) through its own trigram index. The audit trail leaves the derived column out.
 *
 * Identifiers are read by model (every page of models) and by DI alone (a scanned UDI names no agency); models are
 * listed in model-number order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table models add column search_text text generated always as (lower(model_number || ' ' || coalesce(name, ''))) stored;
    drop index models_search_trgm;
    create index models_search_text_trgm on models using gin (search_text gin_trgm_ops);
    create index models_model_number on models (tenant_id, model_number, id);
    create index model_identifiers_model on model_identifiers (tenant_id, model_id);
    create index model_identifiers_device_identifier on model_identifiers (tenant_id, device_identifier);

    drop trigger audit_insert on models;
    drop trigger audit_update on models;
    drop trigger audit_delete on models;
    select audit_attach('models', 'model', 'search_text');
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger audit_insert on models;
    drop trigger audit_update on models;
    drop trigger audit_delete on models;
    select audit_attach('models', 'model');
    drop index model_identifiers_device_identifier, model_identifiers_model, models_model_number, models_search_text_trgm;
    alter table models drop column search_text;
    create index models_search_trgm on models using gin ((model_number || ' ' || coalesce(name, '')) gin_trgm_ops);
  `.execute(db);
}
