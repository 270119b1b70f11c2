import { compactManufacturerKey, KNOWN_MANUFACTURERS, normalizeManufacturerName, type ManufacturerCandidate } from '@openhtm/domain';
import type { Trx } from '../../db/tenant-context.ts';
import { ownerOfName } from './match.ts';
import { manufacturerCandidates } from './queries.ts';

export interface SeedKnownResult {
  created: number;
  aliasesAdded: number;
  existing: number;
}

/**
 * Adds the domain's list of well-known medical device manufacturers (KNOWN_MANUFACTURERS) with their aliases. A
 * known manufacturer the tenant has under its name gains the aliases it lacks; an alias that already names another
 * of the tenant's manufacturers is left there (merging them is a person's decision). Running it twice adds nothing.
 */
export async function seedKnownManufacturers(trx: Trx, tenantId: string): Promise<SeedKnownResult> {
  const candidates: ManufacturerCandidate[] = await manufacturerCandidates(trx);
  const result: SeedKnownResult = { created: 0, aliasesAdded: 0, existing: 0 };
  for (const known of KNOWN_MANUFACTURERS) {
    let manufacturer = ownerOfName(candidates, known.name);
    let candidate: ManufacturerCandidate;
    if (manufacturer) {
      result.existing++;
      candidate = candidates.find((c) => c.id === manufacturer!.id)!;
    } else {
      const row = await trx
        .insertInto('manufacturers')
        .values({ tenant_id: tenantId, name: known.name, normalized_name: normalizeManufacturerName(known.name) })
        .returning(['id', 'name'])
        .executeTakeFirstOrThrow();
      result.created++;
      manufacturer = { id: row.id, name: row.name, matchedOn: row.name };
      candidate = { id: row.id, name: row.name, aliases: [] };
      candidates.push(candidate);
    }
    const rows: { alias: string; normalized_alias: string }[] = [];
    for (const alias of known.aliases) {
      const key = normalizeManufacturerName(alias);
      const ownKeys = [candidate.name, ...candidate.aliases].map((n) => compactManufacturerKey(normalizeManufacturerName(n)));
      if (key === '' || ownKeys.includes(compactManufacturerKey(key)) || ownerOfName(candidates, alias, candidate.id)) continue;
      rows.push({ alias, normalized_alias: key });
      candidate.aliases = [...candidate.aliases, alias];
    }
    if (rows.length > 0) {
      await trx.insertInto('manufacturer_aliases').values(rows.map((r) => ({ ...r, tenant_id: tenantId, manufacturer_id: manufacturer.id }))).execute();
      result.aliasesAdded += rows.length;
    }
  }
  return result;
}
