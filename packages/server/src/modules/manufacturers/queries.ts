import { sql } from 'kysely';
import { normalizeManufacturerName, type ManufacturerCandidate } from '@openhtm/domain';
import type { Manufacturer } from '../../db/schema.ts';
import type { Trx } from '../../db/tenant-context.ts';
import { likePattern } from '../../http/common-schemas.ts';
import { notFound } from '../../http/errors.ts';
import { keysetPage, type Page } from '../../http/pagination.ts';
import type { ManufacturerListQuery } from './schema.ts';

export interface AliasRow {
  id: string;
  manufacturer_id: string;
  alias: string;
  normalized_alias: string;
}

export type ManufacturerRow = Manufacturer & { model_count: number };

export interface ManufacturerWithAliases {
  manufacturer: ManufacturerRow;
  aliases: AliasRow[];
}

export async function aliasesByManufacturer(trx: Trx, ids: string[]): Promise<Map<string, AliasRow[]>> {
  const map = new Map<string, AliasRow[]>();
  if (ids.length === 0) return map;
  const rows = await trx
    .selectFrom('manufacturer_aliases')
    .select(['id', 'manufacturer_id', 'alias', 'normalized_alias'])
    .where('manufacturer_id', 'in', ids)
    .orderBy('alias')
    .execute();
  for (const row of rows) map.set(row.manufacturer_id, [...(map.get(row.manufacturer_id) ?? []), row]);
  return map;
}

function withModelCount(trx: Trx) {
  return trx
    .selectFrom('manufacturers')
    .selectAll('manufacturers')
    .select(sql<number>`(select count(*)::int from models where models.manufacturer_id = manufacturers.id)`.as('model_count'));
}

/**
 * Manufacturers by name (case-insensitive); `q` matches the name and every alias, by substring or by trigram similarity of the
 * normalized keys, so "Phillips" and "philips medical" both find Philips.
 */
export async function listManufacturers(trx: Trx, query: ManufacturerListQuery): Promise<Page<ManufacturerWithAliases>> {
  let qb = withModelCount(trx);
  if (query.q) {
    const key = normalizeManufacturerName(query.q) || query.q.toLowerCase();
    qb = qb.where((eb) =>
      eb.or([
        eb('manufacturers.name', 'ilike', likePattern(query.q!)),
        sql<boolean>`manufacturers.normalized_name % ${key}`,
        eb('manufacturers.normalized_name', 'like', likePattern(key)),
        eb.exists(
          eb
            .selectFrom('manufacturer_aliases as a')
            .select('a.id')
            .whereRef('a.manufacturer_id', '=', 'manufacturers.id')
            .where((inner) => inner.or([sql<boolean>`a.normalized_alias % ${key}`, inner('a.normalized_alias', 'like', likePattern(key)), inner('a.alias', 'ilike', likePattern(query.q!))])),
        ),
      ]),
    );
  }
  const page = await keysetPage(qb, {
    query,
    // By name regardless of case: the generated lower-case sort_name, read in the order of its index.
    sortFields: { name: 'manufacturers.sort_name', createdAt: 'manufacturers.created_at', updatedAt: 'manufacturers.updated_at' },
    defaultSort: 'name',
    idColumn: 'manufacturers.id',
  });
  const aliases = await aliasesByManufacturer(trx, page.items.map((m) => m.id));
  return { items: page.items.map((manufacturer) => ({ manufacturer, aliases: aliases.get(manufacturer.id) ?? [] })), nextCursor: page.nextCursor };
}

export async function getManufacturer(trx: Trx, id: string): Promise<ManufacturerWithAliases> {
  const manufacturer = await withModelCount(trx).where('manufacturers.id', '=', id).executeTakeFirst();
  if (!manufacturer) throw notFound('The manufacturer');
  return { manufacturer, aliases: (await aliasesByManufacturer(trx, [id])).get(id) ?? [] };
}

/** Every manufacturer of the tenant with its aliases, as the domain's matcher takes them. */
export async function manufacturerCandidates(trx: Trx): Promise<ManufacturerCandidate[]> {
  const [manufacturers, aliases] = await Promise.all([
    trx.selectFrom('manufacturers').select(['id', 'name']).execute(),
    trx.selectFrom('manufacturer_aliases').select(['manufacturer_id', 'alias']).execute(),
  ]);
  const byManufacturer = new Map<string, string[]>();
  for (const a of aliases) byManufacturer.set(a.manufacturer_id, [...(byManufacturer.get(a.manufacturer_id) ?? []), a.alias]);
  return manufacturers.map((m) => ({ id: m.id, name: m.name, aliases: byManufacturer.get(m.id) ?? [] }));
}
