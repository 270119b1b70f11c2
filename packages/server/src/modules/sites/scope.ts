import { sql, type SelectQueryBuilder } from 'kysely';
import { may } from '@openhtm/domain';
import type { Trx } from '../../db/tenant-context.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import type { AuthContext } from '../auth/sessions.ts';

/** Every site record belongs to one facility; a facility-scoped user sees and changes only those of their facilities. */
export interface InFacility {
  facility_id: string;
}

/** Narrows a site query to the caller's facilities (`column` holds the facility id). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function inCallerFacilities<QB extends SelectQueryBuilder<any, any, any>>(qb: QB, column: string, auth: AuthContext): QB {
  if (auth.facilityIds === null) return qb;
  if (auth.facilityIds.length === 0) return qb.where(sql<boolean>`false`) as QB;
  return qb.where(sql.ref(column), 'in', auth.facilityIds) as QB;
}

/** The record if the caller may see it; a record outside their facilities answers 404 like a missing one. */
export function visibleOr404<T extends InFacility>(auth: AuthContext, row: T | undefined, what: string): T {
  if (!row || !may(auth, 'inventory.read', { facilityId: row.facility_id })) throw notFound(what);
  return row;
}

/** A facility named in a request body: it must exist (400) and be one the caller manages sites of (403). */
export async function assertFacilityManaged(trx: Trx, auth: AuthContext, facilityId: string, path: string): Promise<void> {
  const facility = await trx.selectFrom('facilities').select('id').where('id', '=', facilityId).executeTakeFirst();
  if (!facility) throw invalid([{ path, message: 'is not a facility of this organisation' }]);
  if (!may(auth, 'site.manage', { facilityId })) {
    throw new AppError('forbidden', 'This facility is outside your facilities', { fields: [{ path, message: 'is outside your facilities' }] });
  }
}

/**
 * A parent site named in a request body (a building or floor): it must exist and be in the caller's facilities;
 * one outside them is invisible, so it answers like a missing one (400).
 */
export function parentOr400<T extends InFacility>(auth: AuthContext, row: T | undefined, path: string, what: string): T {
  if (!row || !may(auth, 'site.manage', { facilityId: row.facility_id })) throw invalid([{ path, message: `is not ${what}` }]);
  return row;
}
