import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { VendorContactTable } from '../../db/schema.ts';
import type { Trx } from '../../db/tenant-context.ts';
import { notFound } from '../../http/errors.ts';
import { assertVersion } from '../../http/versions.ts';
import type { ContactCreate, ContactUpdate } from './schema.ts';

export type VendorContact = Selectable<VendorContactTable>;

async function assertVendor(trx: Trx, vendorId: string): Promise<void> {
  if (!(await trx.selectFrom('vendors').select('id').where('id', '=', vendorId).executeTakeFirst())) throw notFound('The vendor');
}

export async function listContacts(trx: Trx, vendorId: string): Promise<VendorContact[]> {
  await assertVendor(trx, vendorId);
  return contactsOf(trx, vendorId);
}

export function contactsOf(trx: Trx, vendorId: string): Promise<VendorContact[]> {
  return trx.selectFrom('vendor_contacts').selectAll().where('vendor_id', '=', vendorId).orderBy('name').orderBy('id').execute();
}

export async function getContact(trx: Trx, vendorId: string, id: string, lock = false): Promise<VendorContact> {
  const qb = trx.selectFrom('vendor_contacts').selectAll().where('vendor_id', '=', vendorId).where('id', '=', id);
  const row = await (lock ? qb.forUpdate() : qb).executeTakeFirst();
  if (!row) throw notFound('The contact');
  return row;
}

const columns = (input: ContactUpdate) => ({
  ...(input.name !== undefined && { name: input.name.trim() }),
  ...(input.role !== undefined && { role: input.role }),
  ...(input.phone !== undefined && { phone: input.phone }),
  ...(input.email !== undefined && { email: input.email }),
});

export async function createContact(trx: Trx, tenantId: string, vendorId: string, input: ContactCreate): Promise<VendorContact> {
  await assertVendor(trx, vendorId);
  return trx
    .insertInto('vendor_contacts')
    .values({ tenant_id: tenantId, vendor_id: vendorId, name: input.name.trim(), ...columns(input) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateContact(trx: Trx, vendorId: string, id: string, expectedVersion: number, input: ContactUpdate): Promise<VendorContact> {
  assertVersion(await getContact(trx, vendorId, id, true), expectedVersion, 'The contact');
  return trx
    .updateTable('vendor_contacts')
    .set({ ...columns(input), version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteContact(trx: Trx, vendorId: string, id: string, expectedVersion: number): Promise<void> {
  assertVersion(await getContact(trx, vendorId, id, true), expectedVersion, 'The contact');
  await trx.deleteFrom('vendor_contacts').where('id', '=', id).execute();
}
