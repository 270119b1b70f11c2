import { sql } from 'kysely';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import { withTenant } from '../../db/tenant-context.ts';
import { AppError } from '../../http/errors.ts';
import { recordAuditEvent } from '../audit/record.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { createSession, type NewSession } from './sessions.ts';

interface Account {
  tenant_id: string;
  tenant_slug: string;
  id: string;
  email: string;
  password_hash: string;
  active: boolean;
  locked_until: Date | null;
  failed_logins: number;
}

const WRONG = 'The e-mail address or the password is wrong';

/** Accounts with this e-mail address, across tenants: visible only through the users_login policy. */
async function findAccounts(db: Db, email: string, tenantSlug: string | undefined): Promise<Account[]> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('app.login_email', ${email.toLowerCase()}, true)`.execute(trx);
    let query = trx
      .selectFrom('users')
      .innerJoin('tenants', 'tenants.id', 'users.tenant_id')
      .select([
        'users.tenant_id',
        'tenants.slug as tenant_slug',
        'users.id',
        'users.email',
        'users.password_hash',
        'users.active',
        'users.locked_until',
        'users.failed_logins',
      ])
      .where(sql<boolean>`lower(users.email) = ${email.toLowerCase()}`);
    if (tenantSlug) query = query.where('tenants.slug', '=', tenantSlug);
    return query.execute();
  });
}

/** Why a known account may not sign in whatever the password (the audit action); null when it may try. */
function refusalOf(account: Account): 'login_refused_inactive' | 'login_refused_locked' | null {
  if (!account.active) return 'login_refused_inactive';
  if (account.locked_until && account.locked_until > new Date()) return 'login_refused_locked';
  return null;
}

export interface LoginInput {
  email: string;
  password: string;
  tenant?: string;
  clientIp: string;
  userAgent: string | undefined;
  requestId: string;
}

/**
 * Checks a password and opens a session. Failures count against the account; after `loginMaxFailures` in a row
 * the account is locked for `loginLockoutMinutes` (an admin's password reset unlocks it). An unknown address, a
 * wrong password, an inactive and a locked account get the same 401. Every attempt on a known account lands in the
 * audit trail.
 */
export async function login(db: Db, config: Config, input: LoginInput): Promise<NewSession & { userId: string; tenantId: string }> {
  const accounts = await findAccounts(db, input.email, input.tenant);
  if (accounts.length > 1) {
    throw new AppError('validation', 'This e-mail address has accounts in several organisations', {
      fields: [{ path: '/body/tenant', message: `name the organisation: one of ${accounts.map((a) => a.tenant_slug).join(', ')}` }],
    });
  }
  const account = accounts[0];
  if (!account) {
    await verifyPassword(await decoyHash(), input.password);
    throw new AppError('unauthenticated', WRONG);
  }
  const context = { tenantId: account.tenant_id, userId: account.id, actor: account.email, requestId: input.requestId, clientIp: input.clientIp };
  const event = (action: string) =>
    withTenant(db, context, (trx) => recordAuditEvent(trx, { tenantId: account.tenant_id, entity: 'user', entityId: account.id, action }));

  // An inactive or locked account answers as a wrong password does, after as long a check, so that the answer
  // says nothing about the account; the audit trail and the users page say why.
  const refusal = refusalOf(account);
  if (refusal) {
    await verifyPassword(account.password_hash, input.password);
    await event(refusal);
    throw new AppError('unauthenticated', WRONG);
  }
  if (!(await verifyPassword(account.password_hash, input.password))) {
    const failures = account.failed_logins + 1;
    const lock = failures >= config.loginMaxFailures;
    await withTenant(db, context, async (trx) => {
      await trx
        .updateTable('users')
        .set({
          failed_logins: failures,
          locked_until: lock ? new Date(Date.now() + config.loginLockoutMinutes * 60_000) : null,
        })
        .where('id', '=', account.id)
        .execute();
      await recordAuditEvent(trx, { tenantId: account.tenant_id, entity: 'user', entityId: account.id, action: lock ? 'login_failed_locked' : 'login_failed' });
    });
    throw new AppError('unauthenticated', WRONG);
  }
  return withTenant(db, context, async (trx) => {
    await trx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null, last_login_at: sql`now()` })
      .where('id', '=', account.id)
      .execute();
    await recordAuditEvent(trx, { tenantId: account.tenant_id, entity: 'user', entityId: account.id, action: 'login' });
    const session = await createSession(trx, {
      tenantId: account.tenant_id,
      userId: account.id,
      clientIp: input.clientIp,
      userAgent: input.userAgent,
      maxHours: config.sessionMaxHours,
    });
    return { ...session, userId: account.id, tenantId: account.tenant_id };
  });
}
