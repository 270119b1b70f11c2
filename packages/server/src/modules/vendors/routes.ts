import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authOf } from '../../http/auth.ts';
import { tx } from '../../http/context.ts';
import { expectedVersion, setEtag } from '../../http/etag.ts';
import { pageOf } from '../../http/pagination.ts';
import { IdParams } from '../users/schema.ts';
import { contactsOf, createContact, deleteContact, getContact, listContacts, updateContact } from './contacts.ts';
import { presentContact, presentVendor } from './presenter.ts';
import { ContactCreate, ContactParams, ContactUpdate, VendorContactOut, VendorCreate, VendorDetailOut, VendorListQuery, VendorOut, VendorUpdate } from './schema.ts';
import { createVendor, deleteVendor, getVendor, listVendors, updateVendor } from './service.ts';

const tags = ['vendors'];
const read = { action: 'inventory.read' } as const;
const manage = { action: 'reference.manage' } as const;
const NoContent = { 204: Type.Null() };

export const vendorRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/vendors', { config: read, schema: { tags, summary: 'List vendors', querystring: VendorListQuery, response: { 200: pageOf(VendorOut) } } }, async (request) => {
    const page = await tx(request, (trx) => listVendors(trx, request.query));
    return { items: page.items.map(presentVendor), nextCursor: page.nextCursor };
  });

  app.get('/vendors/:id', { config: read, schema: { tags, summary: 'One vendor with its contacts', params: IdParams, response: { 200: VendorDetailOut } } }, async (request, reply) => {
    const { vendor, contacts } = await tx(request, async (trx) => ({ vendor: await getVendor(trx, request.params.id), contacts: await contactsOf(trx, request.params.id) }));
    setEtag(reply, vendor.version);
    return { ...presentVendor(vendor), contacts: contacts.map(presentContact) };
  });

  app.post('/vendors', { config: manage, schema: { tags, summary: 'Add a vendor', body: VendorCreate, response: { 201: VendorOut } } }, async (request, reply) => {
    const auth = authOf(request);
    const vendor = await tx(request, async (trx) => getVendor(trx, await createVendor(trx, auth.tenantId, request.body)));
    setEtag(reply, vendor.version);
    return reply.status(201).send(presentVendor(vendor));
  });

  app.patch('/vendors/:id', { config: manage, schema: { tags, summary: 'Change a vendor (If-Match required)', params: IdParams, body: VendorUpdate, response: { 200: VendorOut } } }, async (request, reply) => {
    const version = expectedVersion(request);
    const vendor = await tx(request, async (trx) => {
      await updateVendor(trx, request.params.id, version, request.body);
      return getVendor(trx, request.params.id);
    });
    setEtag(reply, vendor.version);
    return presentVendor(vendor);
  });

  app.delete(
    '/vendors/:id',
    { config: manage, schema: { tags, summary: 'Delete a vendor no device names, with its contacts (If-Match required)', params: IdParams, response: NoContent } },
    async (request, reply) => {
      const version = expectedVersion(request);
      await tx(request, (trx) => deleteVendor(trx, request.params.id, version));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/vendors/:id/contacts',
    { config: read, schema: { tags, summary: "A vendor's contacts", params: IdParams, response: { 200: Type.Object({ items: Type.Array(VendorContactOut) }) } } },
    async (request) => ({ items: (await tx(request, (trx) => listContacts(trx, request.params.id))).map(presentContact) }),
  );

  app.get('/vendors/:id/contacts/:contactId', { config: read, schema: { tags, summary: 'One vendor contact', params: ContactParams, response: { 200: VendorContactOut } } }, async (request, reply) => {
    const contact = await tx(request, (trx) => getContact(trx, request.params.id, request.params.contactId));
    setEtag(reply, contact.version);
    return presentContact(contact);
  });

  app.post(
    '/vendors/:id/contacts',
    { config: manage, schema: { tags, summary: 'Add a contact to a vendor', params: IdParams, body: ContactCreate, response: { 201: VendorContactOut } } },
    async (request, reply) => {
      const auth = authOf(request);
      const contact = await tx(request, (trx) => createContact(trx, auth.tenantId, request.params.id, request.body));
      setEtag(reply, contact.version);
      return reply.status(201).send(presentContact(contact));
    },
  );

  app.patch(
    '/vendors/:id/contacts/:contactId',
    { config: manage, schema: { tags, summary: 'Change a vendor contact (If-Match required)', params: ContactParams, body: ContactUpdate, response: { 200: VendorContactOut } } },
    async (request, reply) => {
      const version = expectedVersion(request);
      const contact = await tx(request, (trx) => updateContact(trx, request.params.id, request.params.contactId, version, request.body));
      setEtag(reply, contact.version);
      return presentContact(contact);
    },
  );

  app.delete(
    '/vendors/:id/contacts/:contactId',
    { config: manage, schema: { tags, summary: 'Remove a vendor contact (If-Match required)', params: ContactParams, response: NoContent } },
    async (request, reply) => {
      const version = expectedVersion(request);
      await tx(request, (trx) => deleteContact(trx, request.params.id, request.params.contactId, version));
      return reply.status(204).send(null);
    },
  );
};
