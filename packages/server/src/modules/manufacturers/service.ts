import { sql } from 'kysely';
import { compactManufacturerKey, normalizeManufacturerName, type ManufacturerCandidate } from '@openhtm/domain';
import type { Trx } from '../../db/tenant-context.ts';
import { explainConstraints } from '../../db/constraint-errors.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { assertVersion } from '../../http/versions.ts';
import { refreshDevicesOfModels } from '../models/denormalize.ts';
import { matchManufacturerName, ownerOfName } from './match.ts';
import { manufacturerCandidates } from './queries.ts';
import type { ManufacturerCreate, ManufacturerUpdate } from './schema.ts';

const CONSTRAINTS = {
  manufacturers_tenant_id_normalized_name_key: { message: 'Another manufacturer has this name', field: { path: '/body/name', message: 'is already in use' } },
  manufacturer_aliases_tenant_id_normalized_alias_key: { message: 'Another manufacturer goes by this alias' },
};

/** The comparison key of a name, refused (400 naming `path`) when nothing is left of it. */
function keyOf(raw: string, path: string): string {
  const key = normalizeManufacturerName(raw);
  if (key === '') throw invalid([{ path, message: 'has no letters or digits' }]);
  return key;
}

function assertNameFree(candidates: readonly ManufacturerCandidate[], raw: string, path: string, exceptId?: string): void {
  const owner = ownerOfName(candidates, raw, exceptId);
  if (owner) {
    throw new AppError('conflict', `"${raw.trim()}" is already ${owner.name} (as "${owner.matchedOn}")`, {
      fields: [{ path, message: `is already a name of ${owner.name}` }],
      extensions: { existing: owner },
    });
  }
}

/** Aliases worth storing: normalized, without duplicates or repeats of `name`, each free in the tenant. */
function newAliases(candidates: readonly ManufacturerCandidate[], name: string, aliases: readonly string[], exceptId?: string) {
  const seen = new Set([compactManufacturerKey(normalizeManufacturerName(name))]);
  const rows: { alias: string; normalized_alias: string }[] = [];
  aliases.forEach((raw, index) => {
    const path = `/body/aliases/${index}`;
    const key = keyOf(raw, path);
    if (seen.has(compactManufacturerKey(key))) return;
    seen.add(compactManufacturerKey(key));
    assertNameFree(candidates, raw, path, exceptId);
    rows.push({ alias: raw.trim(), normalized_alias: key });
  });
  return rows;
}

/**
 * Adds a manufacturer with its aliases. A name that is already a manufacturer's name or alias is refused (409,
 * `existing`); a name that merely resembles one is refused with `suggestions` unless `force` is set, so that one
 * manufacturer keeps one identity.
 */
export async function createManufacturer(trx: Trx, tenantId: string, input: ManufacturerCreate): Promise<string> {
  const normalized = keyOf(input.name, '/body/name');
  const candidates = await manufacturerCandidates(trx);
  assertNameFree(candidates, input.name, '/body/name');
  if (!input.force) {
    const { suggestions } = matchManufacturerName(candidates, input.name);
    if (suggestions.length > 0) {
      throw new AppError('conflict', `"${input.name.trim()}" resembles ${suggestions.map((s) => s.name).join(', ')}; send force: true to add it anyway`, {
        fields: [{ path: '/body/name', message: `resembles ${suggestions[0]!.name}` }],
        extensions: { suggestions },
      });
    }
  }
  const aliases = newAliases(candidates, input.name, input.aliases ?? []);
  return explainConstraints(async () => {
    const { id } = await trx
      .insertInto('manufacturers')
      .values({ tenant_id: tenantId, name: input.name.trim(), normalized_name: normalized, website: input.website ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (aliases.length > 0) {
      await trx.insertInto('manufacturer_aliases').values(aliases.map((a) => ({ ...a, tenant_id: tenantId, manufacturer_id: id }))).execute();
    }
    return id;
  }, CONSTRAINTS);
}

async function lockManufacturer(trx: Trx, id: string) {
  return trx.selectFrom('manufacturers').select(['id', 'name', 'normalized_name', 'version']).where('id', '=', id).forUpdate().executeTakeFirst();
}

async function bumpVersion(trx: Trx, id: string): Promise<void> {
  await trx.updateTable('manufacturers').set({ version: sql`version + 1`, updated_at: sql`now()` }).where('id', '=', id).execute();
}

/** Renames a manufacturer or changes its website; a former name stays as an alias, so old records still match. */
export async function updateManufacturer(trx: Trx, tenantId: string, id: string, expectedVersion: number, input: ManufacturerUpdate): Promise<void> {
  const current = assertVersion(await lockManufacturer(trx, id), expectedVersion, 'The manufacturer');
  const renamed = input.name !== undefined && input.name.trim() !== current.name;
  const normalized = renamed ? keyOf(input.name!, '/body/name') : current.normalized_name;
  if (renamed) assertNameFree(await manufacturerCandidates(trx), input.name!, '/body/name', id);
  await explainConstraints(async () => {
    await trx
      .updateTable('manufacturers')
      .set({
        ...(renamed && { name: input.name!.trim(), normalized_name: normalized }),
        ...(input.website !== undefined && { website: input.website }),
        version: sql`version + 1`,
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .execute();
    if (!renamed) return;
    const formerKey = current.normalized_name;
    const keep = compactManufacturerKey(formerKey) !== compactManufacturerKey(normalized);
    const taken = await trx.selectFrom('manufacturer_aliases').select('id').where('normalized_alias', '=', formerKey).executeTakeFirst();
    if (keep && !taken) {
      await trx.insertInto('manufacturer_aliases').values({ tenant_id: tenantId, manufacturer_id: id, alias: current.name, normalized_alias: formerKey }).execute();
    }
    await trx.deleteFrom('manufacturer_aliases').where('manufacturer_id', '=', id).where('normalized_alias', '=', normalized).execute();
    await refreshDevicesOfModels(trx, { manufacturerId: id });
  }, CONSTRAINTS);
}

/** Deletes a manufacturer that has no models (and so no devices); its aliases go with it. */
export async function deleteManufacturer(trx: Trx, id: string, expectedVersion: number): Promise<void> {
  assertVersion(await lockManufacturer(trx, id), expectedVersion, 'The manufacturer');
  const models = await trx.selectFrom('models').select(sql<number>`count(*)::int`.as('n')).where('manufacturer_id', '=', id).executeTakeFirstOrThrow();
  if (models.n > 0) throw new AppError('conflict', `The manufacturer has ${models.n} model(s); merge it into another manufacturer instead`);
  await explainConstraints(() => trx.deleteFrom('manufacturers').where('id', '=', id).execute(), {}, 'The manufacturer is still in use');
}

export async function addAlias(trx: Trx, tenantId: string, id: string, alias: string): Promise<void> {
  const current = await lockManufacturer(trx, id);
  if (!current) throw notFound('The manufacturer');
  const key = keyOf(alias, '/body/alias');
  const candidates = await manufacturerCandidates(trx);
  const own = candidates.find((c) => c.id === id)!;
  if (ownerOfName([own], alias)) {
    throw new AppError('conflict', `"${alias.trim()}" is already a name of ${current.name}`, { fields: [{ path: '/body/alias', message: 'is already a name of this manufacturer' }] });
  }
  assertNameFree(candidates, alias, '/body/alias', id);
  await explainConstraints(
    () => trx.insertInto('manufacturer_aliases').values({ tenant_id: tenantId, manufacturer_id: id, alias: alias.trim(), normalized_alias: key }).execute(),
    CONSTRAINTS,
  );
  await bumpVersion(trx, id);
}

export async function removeAlias(trx: Trx, id: string, aliasId: string): Promise<void> {
  if (!(await lockManufacturer(trx, id))) throw notFound('The manufacturer');
  const deleted = await trx.deleteFrom('manufacturer_aliases').where('id', '=', aliasId).where('manufacturer_id', '=', id).executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) throw notFound('The alias');
  await bumpVersion(trx, id);
}
