import { Type, type Static } from 'typebox';
import { DateTime, Nullable, SearchText, Uuid } from '../../http/common-schemas.ts';
import { PageQuery } from '../../http/pagination.ts';

const Stamps = { version: Type.Integer(), createdAt: DateTime, updatedAt: DateTime };
const Phone = Type.String({ minLength: 1, maxLength: 50 });
const Email = Type.String({ format: 'email', maxLength: 254 });

export const VendorContactOut = Type.Object(
  { id: Uuid, vendorId: Uuid, name: Type.String(), role: Nullable(Type.String()), phone: Nullable(Type.String()), email: Nullable(Type.String()), ...Stamps },
  { $id: 'VendorContact' },
);

const vendorFields = {
  id: Uuid,
  name: Type.String(),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  website: Nullable(Type.String()),
  accountNumber: Nullable(Type.String({ description: "The organisation's account number with the vendor" })),
  notes: Nullable(Type.String()),
  contactCount: Type.Integer(),
  ...Stamps,
};
export const VendorOut = Type.Object(vendorFields, { $id: 'Vendor', description: 'A supplier or service company' });
export const VendorDetailOut = Type.Object({ ...vendorFields, contacts: Type.Array(VendorContactOut) }, { $id: 'VendorDetail' });

const optional = {
  phone: Type.Optional(Nullable(Phone)),
  email: Type.Optional(Nullable(Email)),
  website: Type.Optional(Nullable(Type.String({ format: 'uri', maxLength: 500 }))),
  accountNumber: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100 }))),
  notes: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
};
export const VendorCreate = Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), ...optional }, { additionalProperties: false });
export const VendorUpdate = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), ...optional },
  { additionalProperties: false, minProperties: 1 },
);
export type VendorCreate = Static<typeof VendorCreate>;
export type VendorUpdate = Static<typeof VendorUpdate>;

const contactOptional = {
  role: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100, description: 'e.g. "Field service engineer", "Account manager"' }))),
  phone: Type.Optional(Nullable(Phone)),
  email: Type.Optional(Nullable(Email)),
};
export const ContactCreate = Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), ...contactOptional }, { additionalProperties: false });
export const ContactUpdate = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), ...contactOptional },
  { additionalProperties: false, minProperties: 1 },
);
export type ContactCreate = Static<typeof ContactCreate>;
export type ContactUpdate = Static<typeof ContactUpdate>;

export const VendorListQuery = Type.Evaluate(Type.Intersect([PageQuery, Type.Object({ q: SearchText('Part of the name or account number') })]));
export type VendorListQuery = Static<typeof VendorListQuery>;

export const ContactParams = Type.Object({ id: Uuid, contactId: Uuid });
