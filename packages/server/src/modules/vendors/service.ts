import { sql } from 'kysely';
import type { Trx } from '../../db/tenant-context.ts';
import { explainConstraints } from '../../db/constraint-errors.ts';
import { likePattern } from '../../http/common-schemas.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { keysetPage, type Page } from '../../http/pagination.ts';
import { assertVersion } from '../../http/versions.ts';
import type { VendorCreate, VendorListQuery, VendorUpdate } from './schema.ts';

const NAME_TAKEN = { message: 'Another vendor has this name', field: { path: '/body/name', message: 'is already in use' } };
const CONSTRAINTS = { vendors_tenant_id_name_key: NAME_TAKEN };

const vendors = (trx: Trx) =>
  trx
    .selectFrom('vendors')
    .selectAll('vendors')
    .select(sql<number>`(select count(*)::int from vendor_contacts c where c.vendor_id = vendors.id)`.as('contact_count'));

export type VendorRow = NonNullable<Awaited<ReturnType<ReturnType<typeof vendors>['executeTakeFirst']>>>;

export async function listVendors(trx: Trx, query: VendorListQuery): Promise<Page<VendorRow>> {
  let qb = vendors(trx);
  if (query.q) qb = qb.where((eb) => eb.or([eb('vendors.name', 'ilike', likePattern(query.q!)), eb('vendors.account_number', 'ilike', likePattern(query.q!))]));
  return keysetPage(qb, {
    query,
    sortFields: { name: sql`lower(vendors.name)`, createdAt: 'vendors.created_at', updatedAt: 'vendors.updated_at' },
    defaultSort: 'name',
    idColumn: 'vendors.id',
  });
}

export async function getVendor(trx: Trx, id: string): Promise<VendorRow> {
  const row = await vendors(trx).where('vendors.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('The vendor');
  return row;
}

async function assertNameFree(trx: Trx, name: string, exceptId?: string): Promise<void> {
  let qb = trx.selectFrom('vendors').select('id').where(sql<boolean>`lower(name) = ${name.trim().toLowerCase()}`);
  if (exceptId) qb = qb.where('id', '<>', exceptId);
  if (await qb.executeTakeFirst()) throw new AppError('conflict', NAME_TAKEN.message, { fields: [NAME_TAKEN.field] });
}

const columns = (input: VendorUpdate) => ({
  ...(input.name !== undefined && { name: input.name.trim() }),
  ...(input.phone !== undefined && { phone: input.phone }),
  ...(input.email !== undefined && { email: input.email }),
  ...(input.website !== undefined && { website: input.website }),
  ...(input.accountNumber !== undefined && { account_number: input.accountNumber }),
  ...(input.notes !== undefined && { notes: input.notes }),
});

export async function createVendor(trx: Trx, tenantId: string, input: VendorCreate): Promise<string> {
  await assertNameFree(trx, input.name);
  const row = await explainConstraints(
    () => trx.insertInto('vendors').values({ tenant_id: tenantId, name: input.name.trim(), ...columns(input) }).returning('id').executeTakeFirstOrThrow(),
    CONSTRAINTS,
  );
  return row.id;
}

export async function updateVendor(trx: Trx, id: string, expectedVersion: number, input: VendorUpdate): Promise<void> {
  assertVersion(await trx.selectFrom('vendors').select('version').where('id', '=', id).forUpdate().executeTakeFirst(), expectedVersion, 'The vendor');
  if (input.name !== undefined) await assertNameFree(trx, input.name, id);
  await explainConstraints(
    () => trx.updateTable('vendors').set({ ...columns(input), version: sql`version + 1`, updated_at: sql`now()` }).where('id', '=', id).execute(),
    CONSTRAINTS,
  );
}

/** Deletes a vendor no device names; its contacts go with it. */
export async function deleteVendor(trx: Trx, id: string, expectedVersion: number): Promise<void> {
  assertVersion(await trx.selectFrom('vendors').select('version').where('id', '=', id).forUpdate().executeTakeFirst(), expectedVersion, 'The vendor');
  await explainConstraints(() => trx.deleteFrom('vendors').where('id', '=', id).execute(), {}, 'Devices still name this vendor');
}
