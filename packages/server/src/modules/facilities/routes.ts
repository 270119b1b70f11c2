import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { may } from '@openhtm/domain';
import type { Facility } from '../../db/schema.ts';
import { authOf } from '../../http/auth.ts';
import { tx } from '../../http/context.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { expectedVersion, setEtag } from '../../http/etag.ts';
import { keysetPage, pageOf, PageQuery } from '../../http/pagination.ts';
import { IdParams } from '../users/schema.ts';

const tags = ['facilities'];

const FacilityOut = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    code: Type.String(),
    name: Type.String(),
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Facility' },
);
const FacilityCreate = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_.-]+$' }), name: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
const FacilityUpdate = Type.Partial(FacilityCreate, { additionalProperties: false, minProperties: 1 });

function presentFacility(row: Facility) {
  return { id: row.id, code: row.code, name: row.name, version: row.version, createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString() };
}

async function assertCodeFree(trx: Parameters<Parameters<typeof tx>[1]>[0], code: string, exceptId?: string) {
  let q = trx.selectFrom('facilities').select('id').where(sql<boolean>`lower(code) = ${code.toLowerCase()}`);
  if (exceptId) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) throw new AppError('conflict', 'Another facility has this code', { fields: [{ path: '/body/code', message: 'is already in use' }] });
}

export const facilityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/facilities',
    {
      config: { action: 'facility.read' },
      schema: { tags, summary: 'Facilities the user may see', querystring: Type.Evaluate(Type.Intersect([PageQuery, Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })) })])), response: { 200: pageOf(FacilityOut) } },
    },
    async (request) => {
      const auth = authOf(request);
      const page = await tx(request, (trx) => {
        let qb = trx.selectFrom('facilities').selectAll();
        if (auth.facilityIds !== null) qb = auth.facilityIds.length ? qb.where('id', 'in', auth.facilityIds) : qb.where(sql<boolean>`false`);
        if (request.query.q) qb = qb.where('name', 'ilike', `%${request.query.q.replace(/[\\%_]/g, '\\$&')}%`);
        return keysetPage(qb, { query: request.query, sortFields: { name: 'name', code: 'code' }, defaultSort: 'name', idColumn: 'id' });
      });
      return { items: page.items.map(presentFacility), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/facilities/:id',
    { config: { action: 'facility.read' }, schema: { tags, summary: 'One facility', params: IdParams, response: { 200: FacilityOut } } },
    async (request, reply) => {
      const auth = authOf(request);
      if (!may(auth, 'facility.read', { facilityId: request.params.id })) throw notFound('The facility');
      const row = await tx(request, (trx) => trx.selectFrom('facilities').selectAll().where('id', '=', request.params.id).executeTakeFirst());
      if (!row) throw notFound('The facility');
      setEtag(reply, row.version);
      return presentFacility(row);
    },
  );

  app.post(
    '/facilities',
    { config: { action: 'facility.manage' }, schema: { tags, summary: 'Add a facility', body: FacilityCreate, response: { 201: FacilityOut } } },
    async (request, reply) => {
      const auth = authOf(request);
      if (auth.facilityIds !== null) throw forbidden('Only users with access to every facility can add one');
      const row = await tx(request, async (trx) => {
        await assertCodeFree(trx, request.body.code);
        return trx.insertInto('facilities').values({ tenant_id: auth.tenantId, ...request.body }).returningAll().executeTakeFirstOrThrow();
      });
      setEtag(reply, row.version);
      return reply.status(201).send(presentFacility(row));
    },
  );

  app.patch(
    '/facilities/:id',
    { config: { action: 'facility.manage' }, schema: { tags, summary: 'Rename a facility (If-Match required)', params: IdParams, body: FacilityUpdate, response: { 200: FacilityOut } } },
    async (request, reply) => {
      const auth = authOf(request);
      if (!may(auth, 'facility.manage', { facilityId: request.params.id })) throw forbidden('This facility is outside your scope');
      const version = expectedVersion(request);
      const row = await tx(request, async (trx) => {
        const current = await trx.selectFrom('facilities').select('version').where('id', '=', request.params.id).executeTakeFirst();
        if (!current) throw notFound('The facility');
        if (current.version !== version) {
          throw new AppError('precondition_failed', `The facility was changed by someone else (now version ${current.version})`, { extensions: { currentVersion: current.version } });
        }
        if (request.body.code) await assertCodeFree(trx, request.body.code, request.params.id);
        return trx
          .updateTable('facilities')
          .set({ ...request.body, version: sql`version + 1`, updated_at: sql`now()` })
          .where('id', '=', request.params.id)
          .where('version', '=', version)
          .returningAll()
          .executeTakeFirstOrThrow();
      });
      setEtag(reply, row.version);
      return presentFacility(row);
    },
  );
};
