import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authOf } from '../../http/auth.ts';
import { tx } from '../../http/context.ts';
import { expectedVersion, setEtag } from '../../http/etag.ts';
import { pageOf } from '../../http/pagination.ts';
import { IdParams } from '../users/schema.ts';
import { presentModel } from './presenter.ts';
import { getModel, listModels } from './queries.ts';
import { IdentifierIn, IdentifierParams, ModelCreate, ModelListQuery, ModelOut, ModelUpdate } from './schema.ts';
import { addIdentifier, createModel, deleteModel, removeIdentifier, updateModel } from './service.ts';

const tags = ['models'];

export const modelRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/models',
    {
      config: { action: 'inventory.read' },
      schema: { tags, summary: 'List models (the model catalog)', querystring: ModelListQuery, response: { 200: pageOf(ModelOut) } },
    },
    async (request) => {
      const page = await tx(request, (trx) => listModels(trx, request.query));
      return { items: page.items.map(presentModel), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/models/:id',
    {
      config: { action: 'inventory.read' },
      schema: { tags, summary: 'One model with its identifiers and FDA classification', params: IdParams, response: { 200: ModelOut } },
    },
    async (request, reply) => {
      const found = await tx(request, (trx) => getModel(trx, request.params.id));
      setEtag(reply, found.model.version);
      return presentModel(found);
    },
  );

  app.post(
    '/models',
    {
      config: { action: 'reference.manage' },
      schema: {
        tags,
        summary: 'Add a model',
        description: 'GS1 device identifiers must pass their check digit; the FDA product code must be in the classification once it is loaded.',
        body: ModelCreate,
        response: { 201: ModelOut },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const found = await tx(request, async (trx) => getModel(trx, await createModel(trx, auth.tenantId, request.body)));
      setEtag(reply, found.model.version);
      return reply.status(201).send(presentModel(found));
    },
  );

  app.patch(
    '/models/:id',
    {
      config: { action: 'reference.manage' },
      schema: { tags, summary: "Change a model (If-Match required); its devices follow", params: IdParams, body: ModelUpdate, response: { 200: ModelOut } },
    },
    async (request, reply) => {
      const version = expectedVersion(request);
      const found = await tx(request, async (trx) => {
        await updateModel(trx, request.params.id, version, request.body);
        return getModel(trx, request.params.id);
      });
      setEtag(reply, found.model.version);
      return presentModel(found);
    },
  );

  app.delete(
    '/models/:id',
    {
      config: { action: 'reference.manage' },
      schema: { tags, summary: 'Delete a model no device belongs to (If-Match required)', params: IdParams, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      const version = expectedVersion(request);
      await tx(request, (trx) => deleteModel(trx, request.params.id, version));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/models/:id/identifiers',
    {
      config: { action: 'reference.manage' },
      schema: { tags, summary: 'Add a UDI device identifier to a model', params: IdParams, body: IdentifierIn, response: { 201: ModelOut } },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const found = await tx(request, async (trx) => {
        await addIdentifier(trx, auth.tenantId, request.params.id, request.body);
        return getModel(trx, request.params.id);
      });
      setEtag(reply, found.model.version);
      return reply.status(201).send(presentModel(found));
    },
  );

  app.delete(
    '/models/:id/identifiers/:identifierId',
    { config: { action: 'reference.manage' }, schema: { tags, summary: 'Remove a device identifier from a model', params: IdentifierParams, response: { 200: ModelOut } } },
    async (request, reply) => {
      const found = await tx(request, async (trx) => {
        await removeIdentifier(trx, request.params.id, request.params.identifierId);
        return getModel(trx, request.params.id);
      });
      setEtag(reply, found.model.version);
      return presentModel(found);
    },
  );
};
