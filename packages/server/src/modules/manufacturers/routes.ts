import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authOf } from '../../http/auth.ts';
import { tx } from '../../http/context.ts';
import { expectedVersion, setEtag } from '../../http/etag.ts';
import { pageOf } from '../../http/pagination.ts';
import { IdParams } from '../users/schema.ts';
import { matchManufacturerInTenant } from './match.ts';
import { mergeManufacturers } from './merge.ts';
import { presentManufacturer } from './presenter.ts';
import { getManufacturer, listManufacturers } from './queries.ts';
import {
  AliasCreate,
  AliasParams,
  ManufacturerCreate,
  ManufacturerListQuery,
  ManufacturerMatchOut,
  ManufacturerOut,
  ManufacturerUpdate,
  MergeBody,
  SeedKnownOut,
} from './schema.ts';
import { seedKnownManufacturers } from './seed-known.ts';
import { addAlias, createManufacturer, deleteManufacturer, removeAlias, updateManufacturer } from './service.ts';

const tags = ['manufacturers'];

export const manufacturerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/manufacturers',
    {
      config: { action: 'inventory.read' },
      schema: { tags, summary: 'List manufacturers with their aliases, by name regardless of case unless sorted otherwise', querystring: ManufacturerListQuery, response: { 200: pageOf(ManufacturerOut) } },
    },
    async (request) => {
      const page = await tx(request, (trx) => listManufacturers(trx, request.query));
      return { items: page.items.map(presentManufacturer), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/manufacturers/match',
    {
      config: { action: 'inventory.read' },
      schema: {
        tags,
        summary: 'Find the manufacturer a raw name means',
        description:
          'The manufacturer whose normalized name or alias equals the name ("Phillips" → Philips, "General Electric (GE)" → GE HealthCare), ' +
          'or similar manufacturers ranked best first when there is none.',
        querystring: Type.Object({
          name: Type.String({ minLength: 1, maxLength: 200 }),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })),
        }),
        response: { 200: ManufacturerMatchOut },
      },
    },
    async (request) => tx(request, (trx) => matchManufacturerInTenant(trx, request.query.name, request.query.limit)),
  );

  app.get(
    '/manufacturers/:id',
    { config: { action: 'inventory.read' }, schema: { tags, summary: 'One manufacturer', params: IdParams, response: { 200: ManufacturerOut } } },
    async (request, reply) => {
      const found = await tx(request, (trx) => getManufacturer(trx, request.params.id));
      setEtag(reply, found.manufacturer.version);
      return presentManufacturer(found);
    },
  );

  app.post(
    '/manufacturers',
    {
      config: { action: 'reference.manage' },
      schema: {
        tags,
        summary: 'Add a manufacturer',
        description:
          'Refused with 409 and `existing` when the name is already a manufacturer\'s name or alias, and with 409 and `suggestions` when it ' +
          'resembles one (e.g. "Phillips Medical" while Philips exists) unless `force` is true.',
        body: ManufacturerCreate,
        response: { 201: ManufacturerOut },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const found = await tx(request, async (trx) => getManufacturer(trx, await createManufacturer(trx, auth.tenantId, request.body)));
      setEtag(reply, found.manufacturer.version);
      return reply.status(201).send(presentManufacturer(found));
    },
  );

  app.post(
    '/manufacturers/seed-known',
    {
      config: { action: 'reference.manage' },
      schema: { tags, summary: 'Add the well-known medical device manufacturers with their aliases (safe to repeat)', response: { 200: SeedKnownOut } },
    },
    async (request) => {
      const auth = authOf(request);
      return tx(request, (trx) => seedKnownManufacturers(trx, auth.tenantId));
    },
  );

  app.patch(
    '/manufacturers/:id',
    {
      config: { action: 'reference.manage' },
      schema: {
        tags,
        summary: 'Rename a manufacturer or change its website (If-Match required); the former name stays as an alias',
        params: IdParams,
        body: ManufacturerUpdate,
        response: { 200: ManufacturerOut },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const version = expectedVersion(request);
      const found = await tx(request, async (trx) => {
        await updateManufacturer(trx, auth.tenantId, request.params.id, version, request.body);
        return getManufacturer(trx, request.params.id);
      });
      setEtag(reply, found.manufacturer.version);
      return presentManufacturer(found);
    },
  );

  app.delete(
    '/manufacturers/:id',
    {
      config: { action: 'reference.manage' },
      schema: { tags, summary: 'Delete a manufacturer without models (If-Match required)', params: IdParams, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      const version = expectedVersion(request);
      await tx(request, (trx) => deleteManufacturer(trx, request.params.id, version));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/manufacturers/:id/aliases',
    {
      config: { action: 'reference.manage' },
      schema: { tags, summary: 'Add an alias (409 when another manufacturer goes by it)', params: IdParams, body: AliasCreate, response: { 201: ManufacturerOut } },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const found = await tx(request, async (trx) => {
        await addAlias(trx, auth.tenantId, request.params.id, request.body.alias);
        return getManufacturer(trx, request.params.id);
      });
      setEtag(reply, found.manufacturer.version);
      return reply.status(201).send(presentManufacturer(found));
    },
  );

  app.delete(
    '/manufacturers/:id/aliases/:aliasId',
    { config: { action: 'reference.manage' }, schema: { tags, summary: 'Remove an alias', params: AliasParams, response: { 200: ManufacturerOut } } },
    async (request, reply) => {
      const found = await tx(request, async (trx) => {
        await removeAlias(trx, request.params.id, request.params.aliasId);
        return getManufacturer(trx, request.params.id);
      });
      setEtag(reply, found.manufacturer.version);
      return presentManufacturer(found);
    },
  );

  app.post(
    '/manufacturers/:id/merge',
    {
      config: { action: 'reference.manage' },
      schema: {
        tags,
        summary: 'Merge another manufacturer into this one',
        description:
          "The source's name and aliases become aliases of this manufacturer; its models and devices move here (a model number both have " +
          'becomes one model); the source is deleted. Recorded in the audit trail.',
        params: IdParams,
        body: MergeBody,
        response: {
          200: Type.Object({
            manufacturer: ManufacturerOut,
            merged: Type.Object({ aliasesMoved: Type.Integer(), modelsMoved: Type.Integer(), modelsCombined: Type.Integer(), devicesMoved: Type.Integer() }),
          }),
        },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const { found, merged } = await tx(request, async (trx) => {
        const merged = await mergeManufacturers(trx, auth.tenantId, request.params.id, request.body.sourceId);
        return { merged, found: await getManufacturer(trx, request.params.id) };
      });
      setEtag(reply, found.manufacturer.version);
      return { manufacturer: presentManufacturer(found), merged };
    },
  );
};
