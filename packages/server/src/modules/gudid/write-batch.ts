import { sql } from 'kysely';
import type { Trx } from '../../db/tenant-context.ts';
import type { CheckedIdentifier } from '../models/identifiers.ts';

export interface ModelInput {
  manufacturer_id: string;
  model_number: string;
  name: string | null;
  fda_product_code: string | null;
  /** False when an earlier batch of this import wrote the model already: only its id is looked up. */
  write: boolean;
}

export const modelKey = (manufacturerId: string, modelNumber: string) => `${manufacturerId}\u0000${modelNumber}`;

/**
 * What a GUDID record sets on a model that exists: a model that came from GUDID takes the record's values (a value
 * missing from the record keeps the stored one); a model a person or another import made keeps its own values and
 * gains only those it lacks.
 */
const NAME = sql`case when m.source = 'gudid' then coalesce(excluded.name, m.name) else coalesce(m.name, excluded.name) end`;
const PRODUCT_CODE = sql`case when m.source = 'gudid' then coalesce(excluded.fda_product_code, m.fda_product_code) else coalesce(m.fda_product_code, excluded.fda_product_code) end`;

/**
 * Inserts new models and updates changed ones in one statement, and returns the id of every model of the batch.
 * Rows travel as arrays (unnest), so the statement's size does not grow with the batch.
 */
export async function upsertModels(trx: Trx, tenantId: string, models: ModelInput[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (models.length === 0) return ids;
  const rows = await sql<{ id: string; manufacturer_id: string; model_number: string }>`
    with input as (
      select * from unnest(${models.map((m) => m.manufacturer_id)}::uuid[], ${models.map((m) => m.model_number)}::text[],
        ${models.map((m) => m.name)}::text[], ${models.map((m) => m.fda_product_code)}::text[], ${models.map((m) => m.write)}::boolean[])
        as t(manufacturer_id, model_number, name, fda_product_code, write)
    ), written as (
      insert into models as m (tenant_id, manufacturer_id, model_number, name, fda_product_code, source)
      select ${tenantId}, manufacturer_id, model_number, name, fda_product_code, 'gudid' from input where write
      on conflict (tenant_id, manufacturer_id, model_number) do update
        set name = ${NAME},
            fda_product_code = ${PRODUCT_CODE},
            version = m.version + 1,
            updated_at = now()
        where (m.name, m.fda_product_code) is distinct from (${NAME}, ${PRODUCT_CODE})
      returning m.id, m.manufacturer_id, m.model_number
    )
    select coalesce(w.id, m.id) as id, i.manufacturer_id, i.model_number
    from input i
    left join written w on w.manufacturer_id = i.manufacturer_id and w.model_number = i.model_number
    left join models m on m.tenant_id = ${tenantId} and m.manufacturer_id = i.manufacturer_id and m.model_number = i.model_number`.execute(trx);
  for (const row of rows.rows) ids.set(modelKey(row.manufacturer_id, row.model_number), row.id);
  return ids;
}

export interface IdentifierInput extends CheckedIdentifier {
  model_id: string;
}

export interface IdentifierWrite {
  created: number;
  updated: number;
  unchanged: number;
  /** Identifiers the batch listed for one model that stay with another (a unit-of-use DI that is another record's primary DI). */
  shared: { identifier: IdentifierInput; ownerModelId: string }[];
}

/**
 * Upserts device identifiers in one statement. A DI belongs to one model: the one whose record lists it as its
 * primary DI, else the first record that listed it; package and unit-of-use DIs repeated by other records stay
 * where they are. The statement reports, for each DI, whether it was inserted, updated, or left with its owner
 * (the owner as it was before the statement, which is the owner still).
 */
export async function upsertIdentifiers(trx: Trx, tenantId: string, identifiers: IdentifierInput[]): Promise<IdentifierWrite> {
  const result: IdentifierWrite = { created: 0, updated: 0, unchanged: 0, shared: [] };
  if (identifiers.length === 0) return result;
  const rows = await sql<{ inserted: boolean | null; owner: string | null }>`
    with input as (
      select * from unnest(${identifiers.map((i) => i.issuing_agency)}::text[], ${identifiers.map((i) => i.device_identifier)}::text[],
        ${identifiers.map((i) => i.kind)}::text[], ${identifiers.map((i) => i.check_digit_valid)}::boolean[], ${identifiers.map((i) => i.model_id)}::uuid[])
        with ordinality as t(issuing_agency, device_identifier, kind, check_digit_valid, model_id, position)
    ), written as (
      insert into model_identifiers as mi (tenant_id, issuing_agency, device_identifier, kind, check_digit_valid, model_id)
      select ${tenantId}, issuing_agency, device_identifier, kind, check_digit_valid, model_id from input
      on conflict (tenant_id, issuing_agency, device_identifier) do update
        set model_id = excluded.model_id, kind = excluded.kind, check_digit_valid = excluded.check_digit_valid
        where (mi.model_id = excluded.model_id and (mi.kind, mi.check_digit_valid) is distinct from (excluded.kind, excluded.check_digit_valid))
           or (excluded.kind = 'primary' and mi.kind <> 'primary')
      returning mi.issuing_agency, mi.device_identifier, xmax = 0 as inserted
    )
    select w.inserted, mi.model_id as owner
    from input i
    left join written w on w.issuing_agency = i.issuing_agency and w.device_identifier = i.device_identifier
    left join model_identifiers mi on mi.tenant_id = ${tenantId} and mi.issuing_agency = i.issuing_agency and mi.device_identifier = i.device_identifier
    order by i.position`.execute(trx);
  rows.rows.forEach((row, index) => {
    const identifier = identifiers[index]!;
    if (row.inserted === true) result.created++;
    else if (row.inserted === false) result.updated++;
    else if (row.owner && row.owner !== identifier.model_id) result.shared.push({ identifier, ownerModelId: row.owner });
    else result.unchanged++;
  });
  return result;
}
