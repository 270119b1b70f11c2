import { sql } from 'kysely';
import { withTenant } from '../../db/tenant-context.ts';
import { defineJob } from '../../jobs/define.ts';

/** Removes sessions past their absolute expiry or idle limit, tenant by tenant. */
export const sessionPurgeJob = defineJob<{ tenantId?: string }>({
  name: 'sessions.purge-expired',
  description: 'Delete expired and idle sessions',
  schedule: '17 * * * *',
  manual: true,
  async handler({ db, config }, data) {
    const tenants = data.tenantId ? [{ id: data.tenantId }] : await db.owner.selectFrom('tenants').select('id').execute();
    let deleted = 0;
    for (const tenant of tenants) {
      const result = await withTenant(db.app, { tenantId: tenant.id, actor: 'job:sessions.purge-expired' }, (trx) =>
        trx
          .deleteFrom('sessions')
          .where((eb) =>
            eb.or([
              eb('expires_at', '<', sql<Date>`now()`),
              eb('last_seen_at', '<', sql<Date>`now() - make_interval(mins => ${config.sessionIdleMinutes})`),
            ]),
          )
          .executeTakeFirst(),
      );
      deleted += Number(result.numDeletedRows);
    }
    return { deleted, tenants: tenants.length };
  },
});
