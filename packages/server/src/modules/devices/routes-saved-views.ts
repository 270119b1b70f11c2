import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { authOf } from '../../http/auth.ts';
import { tx } from '../../http/context.ts';
import { expectedVersion, setEtag } from '../../http/etag.ts';
import {
  createSavedView,
  deleteSavedView,
  getSavedView,
  listSavedViews,
  presentSavedView,
  SavedViewCreate,
  SavedViewListQuery,
  SavedViewOut,
  SavedViewUpdate,
  updateSavedView,
} from './saved-views.ts';
import { IdParams } from './schema.ts';

const tags = ['saved views'];

/** Named device-list filters: each user's own, plus the ones others share. */
export const savedViewRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/saved-views',
    {
      config: { action: 'inventory.read' },
      schema: {
        tags,
        summary: 'Saved views: your own and the shared ones',
        querystring: SavedViewListQuery,
        response: { 200: Type.Object({ items: Type.Array(SavedViewOut) }) },
      },
    },
    async (request) => {
      const auth = authOf(request);
      const rows = await tx(request, (trx) => listSavedViews(trx, auth, request.query.resource));
      return { items: rows.map((row) => presentSavedView(row, auth)) };
    },
  );

  app.get(
    '/saved-views/:id',
    { config: { action: 'inventory.read' }, schema: { tags, summary: 'One saved view', params: IdParams, response: { 200: SavedViewOut } } },
    async (request, reply) => {
      const auth = authOf(request);
      const view = presentSavedView(await tx(request, (trx) => getSavedView(trx, auth, request.params.id)), auth);
      setEtag(reply, view.version);
      return view;
    },
  );

  app.post(
    '/saved-views',
    {
      config: { action: 'view.manage' },
      schema: {
        tags,
        summary: 'Save the current device-list filters under a name',
        description: 'query holds the list filters and sort, as GET /devices takes them. Names are unique per user (409).',
        body: SavedViewCreate,
        response: { 201: SavedViewOut },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const view = presentSavedView(await tx(request, (trx) => createSavedView(trx, auth, request.body)), auth);
      setEtag(reply, view.version);
      return reply.status(201).send(view);
    },
  );

  app.patch(
    '/saved-views/:id',
    {
      config: { action: 'view.manage' },
      schema: { tags, summary: 'Rename, change or (un)share your saved view (If-Match required)', params: IdParams, body: SavedViewUpdate, response: { 200: SavedViewOut } },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const version = expectedVersion(request);
      const view = presentSavedView(await tx(request, (trx) => updateSavedView(trx, auth, request.params.id, version, request.body)), auth);
      setEtag(reply, view.version);
      return view;
    },
  );

  app.delete(
    '/saved-views/:id',
    { config: { action: 'view.manage' }, schema: { tags, summary: 'Delete your saved view', params: IdParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      const auth = authOf(request);
      await tx(request, (trx) => deleteSavedView(trx, auth, request.params.id));
      return reply.status(204).send(null);
    },
  );
};
