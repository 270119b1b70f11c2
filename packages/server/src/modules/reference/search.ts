import { sql } from 'kysely';
import { normalizeManufacturerName } from '@openhtm/domain';
import { likePattern } from '../../http/common-schemas.ts';
import type { SearchProvider } from '../search/providers.ts';

/** Global search over the inventory reference data: manufacturers (by name or alias), models and vendors. */
export const REFERENCE_SEARCH_PROVIDERS: SearchProvider[] = [
  {
    action: 'inventory.read',
    async search(trx, q, limit) {
      const key = normalizeManufacturerName(q) || q.toLowerCase();
      const rows = await trx
        .selectFrom('manufacturers')
        .select(['id', 'name'])
        .where((eb) =>
          eb.or([
            eb('name', 'ilike', likePattern(q)),
            eb('normalized_name', 'like', likePattern(key)),
            eb.exists(
              eb.selectFrom('manufacturer_aliases as a').select('a.id').whereRef('a.manufacturer_id', '=', 'manufacturers.id').where('a.normalized_alias', 'like', likePattern(key)),
            ),
          ]),
        )
        .orderBy('name')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ kind: 'manufacturer', id: r.id, title: r.name, subtitle: null, href: `/manufacturers/${r.id}` }));
    },
  },
  {
    action: 'inventory.read',
    async search(trx, q, limit) {
      const rows = await trx
        .selectFrom('models')
        .innerJoin('manufacturers', 'manufacturers.id', 'models.manufacturer_id')
        .select(['models.id', 'models.model_number', 'models.name', 'manufacturers.name as manufacturer'])
        .where(sql<boolean>`models.search_text %> ${q.toLowerCase()}`)
        .orderBy('models.model_number')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        kind: 'model',
        id: r.id,
        title: r.name ? `${r.model_number} — ${r.name}` : r.model_number,
        subtitle: r.manufacturer,
        href: `/models/${r.id}`,
      }));
    },
  },
  {
    action: 'inventory.read',
    async search(trx, q, limit) {
      const rows = await trx.selectFrom('vendors').select(['id', 'name', 'account_number']).where('name', 'ilike', likePattern(q)).orderBy('name').limit(limit).execute();
      return rows.map((r) => ({ kind: 'vendor', id: r.id, title: r.name, subtitle: r.account_number, href: `/vendors/${r.id}` }));
    },
  },
];
