import { compactManufacturerKey, createManufacturerMatcher, normalizeManufacturerName } from '@openhtm/domain';
import type { Trx } from '../../db/tenant-context.ts';
import { manufacturerCandidates } from '../manufacturers/queries.ts';

export interface ResolvedManufacturer {
  id: string;
  created: boolean;
}

/**
 * Finds or creates the manufacturer of each GUDID company name, for one import: a company whose normalized name
 * is a manufacturer's name or alias (through the domain's matcher, so "Covidien LP" finds Medtronic once the known
 * manufacturers are seeded) is that manufacturer; any other company is created under its GUDID name.
 */
export async function manufacturerResolver(trx: Trx, tenantId: string) {
  const match = createManufacturerMatcher(await manufacturerCandidates(trx));
  const byCompany = new Map<string, ResolvedManufacturer | null>();
  const createdByKey = new Map<string, string>();
  const created: string[] = [];

  async function create(name: string, key: string): Promise<string> {
    const inserted = await trx
      .insertInto('manufacturers')
      .values({ tenant_id: tenantId, name, normalized_name: key })
      .onConflict((oc) => oc.columns(['tenant_id', 'normalized_name']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) {
      created.push(name);
      return inserted.id;
    }
    const existing = await trx.selectFrom('manufacturers').select('id').where('normalized_name', '=', key).executeTakeFirstOrThrow();
    return existing.id;
  }

  /** The manufacturer of a company name; null when the name has no letters or digits. */
  async function resolve(companyName: string): Promise<ResolvedManufacturer | null> {
    const cached = byCompany.get(companyName);
    if (cached !== undefined) return cached;
    const key = normalizeManufacturerName(companyName);
    let resolved: ResolvedManufacturer | null = null;
    if (key !== '') {
      const result = match(companyName);
      const known = result.kind === 'exact' ? result.id : result.suggestions.find((s) => s.score === 1)?.id;
      const compact = compactManufacturerKey(key);
      if (known) resolved = { id: known, created: false };
      else if (createdByKey.has(compact)) resolved = { id: createdByKey.get(compact)!, created: false };
      else {
        const id = await create(companyName.trim(), key);
        createdByKey.set(compact, id);
        resolved = { id, created: true };
      }
    }
    byCompany.set(companyName, resolved);
    return resolved;
  }

  return { resolve, created, companies: () => byCompany.size };
}
