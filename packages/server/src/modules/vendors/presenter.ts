import type { VendorContact } from './contacts.ts';
import type { VendorRow } from './service.ts';

const stamps = (row: { version: number; created_at: Date; updated_at: Date }) => ({
  version: row.version,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export const presentVendor = (v: VendorRow) => ({
  id: v.id,
  name: v.name,
  phone: v.phone,
  email: v.email,
  website: v.website,
  accountNumber: v.account_number,
  notes: v.notes,
  contactCount: v.contact_count,
  ...stamps(v),
});

export const presentContact = (c: VendorContact) => ({
  id: c.id,
  vendorId: c.vendor_id,
  name: c.name,
  role: c.role,
  phone: c.phone,
  email: c.email,
  ...stamps(c),
});
