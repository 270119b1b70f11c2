import { sql } from 'kysely';
import type { Action } from '@openhtm/domain';
import type { Trx } from '../../db/tenant-context.ts';
import type { AuthContext } from '../auth/sessions.ts';
import { deviceSearchProvider } from '../devices/search-provider.ts';
import { REFERENCE_SEARCH_PROVIDERS } from '../reference/search.ts';

export interface SearchHit {
  kind: string;
  id: string;
  title: string;
  subtitle: string | null;
  href: string;
}

/** A module's contribution to the global search box; only providers whose action the user may perform run. */
export interface SearchProvider {
  action: Action;
  search(trx: Trx, q: string, limit: number, auth: AuthContext): Promise<SearchHit[]>;
}

const like = (q: string) => `%${q.replace(/[\\%_]/g, '\\$&')}%`;

export const SEARCH_PROVIDERS: SearchProvider[] = [
  deviceSearchProvider,
  ...REFERENCE_SEARCH_PROVIDERS,
  {
    action: 'facility.read',
    async search(trx, q, limit, auth) {
      let qb = trx.selectFrom('facilities').select(['id', 'name', 'code']).where((eb) => eb.or([eb('name', 'ilike', like(q)), eb('code', 'ilike', like(q))]));
      if (auth.facilityIds !== null) qb = auth.facilityIds.length ? qb.where('id', 'in', auth.facilityIds) : qb.where(sql<boolean>`false`);
      const rows = await qb.orderBy('name').limit(limit).execute();
      return rows.map((r) => ({ kind: 'facility', id: r.id, title: r.name, subtitle: r.code, href: `/facilities/${r.id}` }));
    },
  },
  {
    action: 'user.read',
    async search(trx, q, limit) {
      const rows = await trx
        .selectFrom('users')
        .select(['id', 'display_name', 'email', 'role'])
        .where((eb) => eb.or([eb('display_name', 'ilike', like(q)), eb('email', 'ilike', like(q))]))
        .orderBy('display_name')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ kind: 'user', id: r.id, title: r.display_name, subtitle: r.email, href: `/admin/users/${r.id}` }));
    },
  },
];
