import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authOf } from '../../http/auth.ts';
import { tx } from '../../http/context.ts';
import { expectedVersion, setEtag } from '../../http/etag.ts';
import { pageOf } from '../../http/pagination.ts';
import { presentUser } from './presenter.ts';
import { IdParams, PasswordReset, UserCreate, UserListQuery, UserOut, UserUpdate } from './schema.ts';
import { createUser, facilityIdsByUser, getUser, listUsers, resetPassword, updateUser } from './service.ts';

const tags = ['users'];

export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/users',
    { config: { action: 'user.read' }, schema: { tags, summary: 'List users', querystring: UserListQuery, response: { 200: pageOf(UserOut) } } },
    async (request) => {
      const page = await tx(request, (trx) => listUsers(trx, request.query));
      return { items: page.items.map((u) => presentUser(u, page.facilities.get(u.id) ?? [])), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/users/:id',
    { config: { action: 'user.read' }, schema: { tags, summary: 'One user', params: IdParams, response: { 200: UserOut } } },
    async (request, reply) => {
      const { user, facilities } = await tx(request, async (trx) => {
        const user = await getUser(trx, request.params.id);
        return { user, facilities: (await facilityIdsByUser(trx, [user.id])).get(user.id) ?? [] };
      });
      setEtag(reply, user.version);
      return presentUser(user, facilities);
    },
  );

  app.post(
    '/users',
    { config: { action: 'user.manage' }, schema: { tags, summary: 'Create a user', body: UserCreate, response: { 201: UserOut } } },
    async (request, reply) => {
      const auth = authOf(request);
      const user = await tx(request, (trx) => createUser(trx, auth.tenantId, request.body));
      setEtag(reply, user.version);
      return reply.status(201).send(presentUser(user, request.body.allFacilities === false ? (request.body.facilityIds ?? []) : []));
    },
  );

  app.patch(
    '/users/:id',
    {
      config: { action: 'user.manage' },
      schema: { tags, summary: 'Change a user (If-Match required); deactivating ends their sessions', params: IdParams, body: UserUpdate, response: { 200: UserOut } },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const version = expectedVersion(request);
      const { user, facilities } = await tx(request, async (trx) => {
        const user = await updateUser(trx, auth.tenantId, request.params.id, version, request.body, auth.userId);
        return { user, facilities: (await facilityIdsByUser(trx, [user.id])).get(user.id) ?? [] };
      });
      setEtag(reply, user.version);
      return presentUser(user, facilities);
    },
  );

  app.post(
    '/users/:id/password',
    {
      config: { action: 'user.manage' },
      schema: { tags, summary: 'Reset a password (admin): unlocks the account and ends its sessions', params: IdParams, body: PasswordReset, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      const auth = authOf(request);
      await tx(request, (trx) => resetPassword(trx, auth.tenantId, request.params.id, request.body.password));
      return reply.status(204).send(null);
    },
  );
};
