import { sql } from 'kysely';
import type { User } from '../../db/schema.ts';
import type { Trx } from '../../db/tenant-context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { keysetPage } from '../../http/pagination.ts';
import { recordAuditEvent } from '../audit/record.ts';
import { assertPasswordAcceptable, hashPassword } from '../auth/passwords.ts';
import { deleteSessionsOfUser } from '../auth/sessions.ts';
import type { UserCreate, UserListQuery, UserUpdate } from './schema.ts';

export async function facilityIdsByUser(trx: Trx, userIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (userIds.length === 0) return map;
  const rows = await trx.selectFrom('user_facilities').select(['user_id', 'facility_id']).where('user_id', 'in', userIds).execute();
  for (const row of rows) map.set(row.user_id, [...(map.get(row.user_id) ?? []), row.facility_id]);
  return map;
}

export async function listUsers(trx: Trx, query: UserListQuery) {
  let qb = trx.selectFrom('users').selectAll();
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, '\\$&')}%`;
    qb = qb.where((eb) => eb.or([eb('email', 'ilike', pattern), eb('display_name', 'ilike', pattern)]));
  }
  if (query.role) qb = qb.where('role', '=', query.role);
  if (query.active !== undefined) qb = qb.where('active', '=', query.active);
  const page = await keysetPage(qb.select(['display_name as displayName', 'created_at as createdAt']), {
    query,
    sortFields: { displayName: 'display_name', email: 'email', createdAt: 'created_at' },
    defaultSort: 'displayName',
    idColumn: 'id',
  });
  return { ...page, facilities: await facilityIdsByUser(trx, page.items.map((u) => u.id)) };
}

export async function getUser(trx: Trx, id: string): Promise<User> {
  const user = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!user) throw notFound('The user');
  return user;
}

async function assertFacilitiesExist(trx: Trx, facilityIds: string[]): Promise<void> {
  if (facilityIds.length === 0) return;
  const found = await trx.selectFrom('facilities').select('id').where('id', 'in', facilityIds).execute();
  const known = new Set(found.map((f) => f.id));
  const fields = facilityIds.flatMap((id, index) => (known.has(id) ? [] : [{ path: `/body/facilityIds/${index}`, message: 'is not a facility of this organisation' }]));
  if (fields.length > 0) throw new AppError('validation', 'Unknown facility', { fields });
}

async function assertEmailFree(trx: Trx, email: string, exceptId?: string): Promise<void> {
  let query = trx.selectFrom('users').select('id').where(sql<boolean>`lower(email) = ${email.toLowerCase()}`);
  if (exceptId) query = query.where('id', '<>', exceptId);
  if (await query.executeTakeFirst()) {
    throw new AppError('conflict', 'Another user has this e-mail address', { fields: [{ path: '/body/email', message: 'is already in use' }] });
  }
}

async function setFacilities(trx: Trx, tenantId: string, userId: string, facilityIds: string[]): Promise<void> {
  await trx.deleteFrom('user_facilities').where('user_id', '=', userId).execute();
  if (facilityIds.length > 0) {
    await trx
      .insertInto('user_facilities')
      .values([...new Set(facilityIds)].map((facility_id) => ({ tenant_id: tenantId, user_id: userId, facility_id })))
      .execute();
  }
}

export async function createUser(trx: Trx, tenantId: string, input: UserCreate): Promise<User> {
  assertPasswordAcceptable(input.password);
  await assertEmailFree(trx, input.email);
  const facilityIds = input.allFacilities === false ? (input.facilityIds ?? []) : [];
  await assertFacilitiesExist(trx, facilityIds);
  const user = await trx
    .insertInto('users')
    .values({
      tenant_id: tenantId,
      email: input.email,
      display_name: input.displayName,
      role: input.role,
      password_hash: await hashPassword(input.password),
      all_facilities: input.allFacilities !== false,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await setFacilities(trx, tenantId, user.id, facilityIds);
  if (facilityIds.length > 0) {
    await recordAuditEvent(trx, { tenantId, entity: 'user', entityId: user.id, action: 'facility_scope', changes: { facilityIds: [null, facilityIds] } });
  }
  return user;
}

/**
 * Applies a change if the caller read the current version; otherwise 412 with the record as it is now.
 * Administrators cannot deactivate themselves or change their own role: an organisation must not lock itself out.
 */
export async function updateUser(trx: Trx, tenantId: string, id: string, expectedVersion: number, input: UserUpdate, actorUserId: string | null = null): Promise<User> {
  if (actorUserId === id && (input.active === false || (input.role !== undefined && input.role !== 'admin'))) {
    throw new AppError('unprocessable', 'You cannot deactivate your own account or give up your own administrator role', {
      fields: [{ path: input.active === false ? '/body/active' : '/body/role', message: 'cannot be changed on your own account' }],
    });
  }
  const current = await getUser(trx, id);
  if (current.version !== expectedVersion) {
    throw new AppError('precondition_failed', `The user was changed by someone else (now version ${current.version})`, {
      extensions: { currentVersion: current.version },
    });
  }
  if (input.email) await assertEmailFree(trx, input.email, id);
  const updated = await trx
    .updateTable('users')
    .set({
      ...(input.email !== undefined && { email: input.email }),
      ...(input.displayName !== undefined && { display_name: input.displayName }),
      ...(input.role !== undefined && { role: input.role }),
      ...(input.active !== undefined && { active: input.active }),
      ...(input.allFacilities !== undefined && { all_facilities: input.allFacilities }),
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw new AppError('precondition_failed', 'The user was changed by someone else');
  if (input.facilityIds !== undefined || input.allFacilities !== undefined) {
    const before = (await facilityIdsByUser(trx, [id])).get(id) ?? [];
    const after = updated.all_facilities ? [] : (input.facilityIds ?? before);
    await assertFacilitiesExist(trx, after);
    await setFacilities(trx, tenantId, id, after);
    if (before.slice().sort().join() !== after.slice().sort().join()) {
      await recordAuditEvent(trx, { tenantId, entity: 'user', entityId: id, action: 'facility_scope', changes: { facilityIds: [before, after] } });
    }
  }
  if (updated.active === false || input.role !== undefined) await deleteSessionsOfUser(trx, id);
  return updated;
}

/** An administrator sets a new password: the account is unlocked and its sessions end. */
export async function resetPassword(trx: Trx, tenantId: string, id: string, password: string): Promise<User> {
  assertPasswordAcceptable(password);
  await getUser(trx, id);
  const user = await trx
    .updateTable('users')
    .set({ password_hash: await hashPassword(password), password_changed_at: sql`now()`, failed_logins: 0, locked_until: null, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await deleteSessionsOfUser(trx, id);
  await recordAuditEvent(trx, { tenantId, entity: 'user', entityId: id, action: 'password_reset' });
  return user;
}
