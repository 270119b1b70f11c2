import { sql } from 'kysely';
import { Type, type Static } from 'typebox';
import type { Trx } from '../../db/tenant-context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { AuthContext } from '../auth/sessions.ts';
import { IsoDateTime, StringEnum, Uuid } from './schema.ts';
import { SavedDeviceQuery } from './schema-query.ts';

export const SavedViewOut = Type.Object(
  {
    id: Uuid,
    resource: StringEnum(['devices'] as const),
    name: Type.String(),
    query: SavedDeviceQuery,
    shared: Type.Boolean({ description: 'Visible to everyone in the organisation' }),
    owner: Type.Object({ id: Uuid, displayName: Type.String() }),
    mine: Type.Boolean({ description: 'The caller owns the view and may change it' }),
    version: Type.Integer(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  },
  { $id: 'SavedView' },
);
export type SavedViewOut = Static<typeof SavedViewOut>;

export const SavedViewCreate = Type.Object(
  {
    resource: StringEnum(['devices'] as const, { description: 'The list the view belongs to' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    query: SavedDeviceQuery,
    shared: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
export type SavedViewCreate = Static<typeof SavedViewCreate>;

export const SavedViewUpdate = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    query: Type.Optional(SavedDeviceQuery),
    shared: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type SavedViewUpdate = Static<typeof SavedViewUpdate>;

export const SavedViewListQuery = Type.Object({ resource: Type.Optional(StringEnum(['devices'] as const)) });

const selectViews = (trx: Trx) =>
  trx
    .selectFrom('saved_views as v')
    .innerJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'v.tenant_id').onRef('u.id', '=', 'v.user_id'))
    .selectAll('v')
    .select('u.display_name as owner_name');
type ViewRow = Awaited<ReturnType<ReturnType<typeof selectViews>['executeTakeFirstOrThrow']>>;

export function presentSavedView(row: ViewRow, auth: AuthContext): SavedViewOut {
  return {
    id: row.id,
    resource: row.resource,
    name: row.name,
    query: row.query as SavedViewOut['query'],
    shared: row.shared,
    owner: { id: row.user_id, displayName: row.owner_name },
    mine: row.user_id === auth.userId,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function ownerOf(auth: AuthContext): string {
  if (!auth.userId) throw new AppError('forbidden', 'Saved views belong to users; an API token cannot own one');
  return auth.userId;
}

/** The caller's own views and the views others shared, by name. */
export async function listSavedViews(trx: Trx, auth: AuthContext, resource?: 'devices'): Promise<ViewRow[]> {
  let query = selectViews(trx).where((eb) => eb.or([eb('v.user_id', '=', auth.userId ?? sql<string>`null`), eb('v.shared', '=', true)]));
  if (resource) query = query.where('v.resource', '=', resource);
  return query.orderBy('v.name').orderBy('v.id').limit(500).execute();
}

/** A view the caller may read (own or shared); 404 otherwise. */
export async function getSavedView(trx: Trx, auth: AuthContext, id: string): Promise<ViewRow> {
  const row = await selectViews(trx).where('v.id', '=', id).executeTakeFirst();
  if (!row || (row.user_id !== auth.userId && !row.shared)) throw notFound('The saved view');
  return row;
}

async function ownView(trx: Trx, auth: AuthContext, id: string): Promise<ViewRow> {
  const row = await getSavedView(trx, auth, id);
  if (row.user_id !== auth.userId) throw new AppError('forbidden', 'Only the owner of a saved view may change it');
  return row;
}

function nameTaken(error: unknown): never {
  if ((error as { code?: string }).code === '23505') {
    throw new AppError('conflict', 'You have a view of that name already', { fields: [{ path: '/body/name', message: 'is already in use' }] });
  }
  throw error;
}

export async function createSavedView(trx: Trx, auth: AuthContext, input: SavedViewCreate): Promise<ViewRow> {
  const userId = ownerOf(auth);
  const created = await trx
    .insertInto('saved_views')
    .values({ tenant_id: auth.tenantId, user_id: userId, resource: input.resource, name: input.name, query: JSON.stringify(input.query), shared: input.shared ?? false })
    .returning('id')
    .executeTakeFirstOrThrow()
    .catch(nameTaken);
  return getSavedView(trx, auth, created.id);
}

export async function updateSavedView(trx: Trx, auth: AuthContext, id: string, expectedVersion: number, input: SavedViewUpdate): Promise<ViewRow> {
  const row = await ownView(trx, auth, id);
  if (row.version !== expectedVersion) {
    throw new AppError('precondition_failed', `The view was changed elsewhere (now version ${row.version})`, { extensions: { currentVersion: row.version } });
  }
  await trx
    .updateTable('saved_views')
    .set({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.query !== undefined && { query: JSON.stringify(input.query) }),
      ...(input.shared !== undefined && { shared: input.shared }),
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute()
    .catch(nameTaken);
  return getSavedView(trx, auth, id);
}

export async function deleteSavedView(trx: Trx, auth: AuthContext, id: string): Promise<void> {
  await ownView(trx, auth, id);
  await trx.deleteFrom('saved_views').where('id', '=', id).execute();
}
