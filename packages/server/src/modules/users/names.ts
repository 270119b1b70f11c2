import type { Trx } from '../../db/tenant-context.ts';

export interface UserName {
  displayName: string;
  email: string;
}

/**
 * The names of the users a page of records refers to (who acted, who uploaded), looked up once per page so that
 * clients show names rather than ids. Ids of no user of the tenant are left out of the map.
 */
export async function userNamesByIds(trx: Trx, ids: readonly (string | null)[]): Promise<Map<string, UserName>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await trx.selectFrom('users').select(['id', 'display_name', 'email']).where('id', 'in', wanted).execute();
  return new Map(rows.map((row) => [row.id, { displayName: row.display_name, email: row.email }]));
}
