import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ApiToken } from '../../db/schema.ts';
import { authOf } from '../../http/auth.ts';
import { tx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { keysetPage, pageOf, PageQuery } from '../../http/pagination.ts';
import { createApiToken, revokeApiToken } from '../auth/api-tokens.ts';
import { IdParams, RoleSchema } from '../users/schema.ts';

const tags = ['api tokens'];

const ApiTokenOut = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    role: RoleSchema,
    prefix: Type.String({ description: 'First characters of the token, to recognise it' }),
    createdBy: Type.String({ format: 'uuid' }),
    createdAt: Type.String({ format: 'date-time' }),
    expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { $id: 'ApiToken' },
);

function presentToken(row: ApiToken) {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.token_prefix,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

const TokenCreate = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    role: RoleSchema,
    expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);

export const apiTokenRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api-tokens',
    {
      config: { action: 'token.read' },
      schema: { tags, summary: 'List API tokens', querystring: Type.Evaluate(Type.Intersect([PageQuery, Type.Object({ includeRevoked: Type.Optional(Type.Boolean()) })])), response: { 200: pageOf(ApiTokenOut) } },
    },
    async (request) => {
      const page = await tx(request, (trx) => {
        let qb = trx.selectFrom('api_tokens').selectAll().select(['created_at as createdAt']);
        if (!request.query.includeRevoked) qb = qb.where('revoked_at', 'is', null);
        return keysetPage(qb, { query: request.query, sortFields: { createdAt: 'created_at', name: 'name' }, defaultSort: '-createdAt', idColumn: 'id' });
      });
      return { items: page.items.map(presentToken), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api-tokens',
    {
      config: { action: 'token.manage' },
      schema: {
        tags,
        summary: 'Create an API token; the token is in this response only',
        body: TokenCreate,
        response: { 201: Type.Evaluate(Type.Intersect([ApiTokenOut, Type.Object({ token: Type.String() })])) },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      if (!auth.userId) throw new AppError('forbidden', 'An API token cannot create API tokens');
      const expiresAt = request.body.expiresAt ? new Date(request.body.expiresAt) : null;
      if (expiresAt && expiresAt <= new Date()) {
        throw new AppError('validation', 'The expiry is in the past', { fields: [{ path: '/body/expiresAt', message: 'must be in the future' }] });
      }
      const { row, token } = await tx(request, (trx) =>
        createApiToken(trx, { tenantId: auth.tenantId, name: request.body.name, role: request.body.role, createdBy: auth.userId!, expiresAt }),
      );
      return reply.status(201).send({ ...presentToken(row), token });
    },
  );

  app.delete(
    '/api-tokens/:id',
    { config: { action: 'token.manage' }, schema: { tags, summary: 'Revoke an API token', params: IdParams, response: { 200: ApiTokenOut } } },
    async (request) => presentToken(await tx(request, (trx) => revokeApiToken(trx, request.params.id))),
  );
};
