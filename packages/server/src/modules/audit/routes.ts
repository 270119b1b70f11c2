import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { tx } from '../../http/context.ts';
import { keysetPage, pageOf, PageQuery } from '../../http/pagination.ts';
import type { AuditEvent } from '../../db/schema.ts';
import { Nullable } from '../../http/common-schemas.ts';
import { changePairs } from './changes.ts';
import { userNamesByIds, type UserName } from '../users/names.ts';

const AuditEventOut = Type.Object(
  {
    id: Type.String(),
    occurredAt: Type.String({ format: 'date-time' }),
    actor: Type.String(),
    actorUserId: Type.Union([Type.String(), Type.Null()]),
    actorUserName: Nullable(Type.String({ description: 'Display name of the user who acted; null for a token, the system or an unknown user' })),
    actorUserEmail: Nullable(Type.String({ description: 'E-mail address of the user who acted; null as actorUserName' })),
    actorTokenId: Type.Union([Type.String(), Type.Null()]),
    entity: Type.String(),
    entityId: Type.String(),
    action: Type.String(),
    // A pair rather than Type.Tuple: the response serializer (fast-json-stringify) rejects every value of a tuple of unknowns.
    changes: Type.Record(Type.String(), Type.Array(Type.Unknown(), { minItems: 2, maxItems: 2 }), { description: '{field: [before, after]}' }),
    requestId: Type.Union([Type.String(), Type.Null()]),
    clientIp: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'AuditEvent' },
);

const AuditQuery = Type.Evaluate(Type.Intersect([
  Type.Omit(PageQuery, ['sort']),
  Type.Object({
    entity: Type.Optional(Type.String({ maxLength: 64 })),
    entityId: Type.Optional(Type.String({ maxLength: 100 })),
    userId: Type.Optional(Type.String({ format: 'uuid' })),
    action: Type.Optional(Type.String({ maxLength: 64 })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
  }),
]));

function presentEvent(row: AuditEvent, actor: UserName | undefined) {
  return {
    id: String(row.id),
    occurredAt: row.occurred_at.toISOString(),
    actor: row.actor_label,
    actorUserId: row.actor_user_id,
    actorUserName: actor?.displayName ?? null,
    actorUserEmail: actor?.email ?? null,
    actorTokenId: row.actor_token_id,
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    changes: changePairs(row.action, row.changes),
    requestId: row.request_id,
    clientIp: row.client_ip,
  };
}

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/audit-events',
    {
      config: { action: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'The audit trail, newest first; filter by record (entity + entityId), user, action and time',
        description: 'An event done by a user names them (actorUserName, actorUserEmail) beside actorUserId.',
        querystring: AuditQuery,
        response: { 200: pageOf(AuditEventOut) },
      },
    },
    async (request) => {
      const q = request.query;
      const { page, names } = await tx(request, async (trx) => {
        let qb = trx.selectFrom('audit_events').selectAll();
        if (q.entity) qb = qb.where('entity', '=', q.entity);
        if (q.entityId) qb = qb.where('entity_id', '=', q.entityId);
        if (q.userId) qb = qb.where('actor_user_id', '=', q.userId);
        if (q.action) qb = qb.where('action', '=', q.action);
        if (q.from) qb = qb.where('occurred_at', '>=', new Date(q.from));
        if (q.to) qb = qb.where('occurred_at', '<', new Date(q.to));
        const page = await keysetPage(qb, {
          query: { ...q, sort: '-id' },
          sortFields: { id: 'id' },
          defaultSort: '-id',
          idColumn: 'id',
        });
        return { page, names: await userNamesByIds(trx, page.items.map((row) => row.actor_user_id)) };
      });
      return { items: page.items.map((row) => presentEvent(row, row.actor_user_id ? names.get(row.actor_user_id) : undefined)), nextCursor: page.nextCursor };
    },
  );
};
