import { queryOptions } from '@tanstack/react-query';
import { api, type Page } from '../../app/api/client';
import type { PageRequest } from '../../components/data-table/useCursorPages';

export interface VendorContact {
  id: string;
  vendorId: string;
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Vendor {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  /** The organisation's account number with the vendor. */
  accountNumber: string | null;
  notes: string | null;
  contactCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface VendorDetail extends Vendor {
  contacts: VendorContact[];
}

export interface VendorInput {
  name: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  accountNumber: string | null;
  notes: string | null;
}

export interface ContactInput {
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
}

export const VENDORS_KEY = ['vendors'] as const;

export function fetchVendorsPage({ limit, cursor, sort, filters, signal }: PageRequest): Promise<Page<Vendor>> {
  return api<Page<Vendor>>('/v1/vendors', { query: { limit, cursor, sort, ...filters }, signal });
}

export const vendorQuery = (id: string) =>
  queryOptions({ queryKey: [...VENDORS_KEY, 'detail', id], queryFn: ({ signal }) => api<VendorDetail>(`/v1/vendors/${id}`, { signal }) });

export const createVendor = (body: VendorInput) => api<Vendor>('/v1/vendors', { method: 'POST', body });

export const updateVendor = (vendor: Pick<Vendor, 'id' | 'version'>, body: Partial<VendorInput>) =>
  api<Vendor>(`/v1/vendors/${vendor.id}`, { method: 'PATCH', body, version: vendor.version });

export const deleteVendor = (vendor: Pick<Vendor, 'id' | 'version'>) => api<void>(`/v1/vendors/${vendor.id}`, { method: 'DELETE', version: vendor.version });

export const createContact = (vendorId: string, body: ContactInput) => api<VendorContact>(`/v1/vendors/${vendorId}/contacts`, { method: 'POST', body });

export const updateContact = (contact: Pick<VendorContact, 'id' | 'vendorId' | 'version'>, body: Partial<ContactInput>) =>
  api<VendorContact>(`/v1/vendors/${contact.vendorId}/contacts/${contact.id}`, { method: 'PATCH', body, version: contact.version });

export const deleteContact = (contact: Pick<VendorContact, 'id' | 'vendorId' | 'version'>) =>
  api<void>(`/v1/vendors/${contact.vendorId}/contacts/${contact.id}`, { method: 'DELETE', version: contact.version });
