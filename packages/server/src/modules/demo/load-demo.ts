import type { Role } from '@openhtm/domain';
import type { Databases } from '../../db/connection.ts';
import { withTenant } from '../../db/tenant-context.ts';
import { hashPassword } from '../auth/passwords.ts';
import { createTenant } from '../tenants/service.ts';
import { loadDemoInventory } from './load-inventory.ts';
import { DEMO_FACILITY_PROFILES, SCALE_FACILITIES, SCALE_THRESHOLD, type DemoFacility } from './sites.ts';

export const DEMO_TENANT = { slug: 'riverside', name: 'Riverside Health System' };
export const DEMO_PASSWORD = 'openhtm-demo';

export const DEMO_FACILITIES = [
  { code: 'RGH', name: 'Riverside General Hospital' },
  { code: 'NCH', name: 'Northside Community Hospital' },
  { code: 'LOC', name: 'Lakeside Outpatient Center' },
];

/** One demo login per role; the technician works at Riverside General only (facility scope). */
export const DEMO_USERS: Array<{ email: string; displayName: string; role: Role; facilityCodes?: string[] }> = [
  { email: 'admin@riverside.example', displayName: 'Avery Chen', role: 'admin' },
  { email: 'manager@riverside.example', displayName: 'Morgan Patel', role: 'htm_manager' },
  { email: 'engineer@riverside.example', displayName: 'Sam Rivera', role: 'clinical_engineer' },
  { email: 'tech@riverside.example', displayName: 'Jordan Lee', role: 'technician', facilityCodes: ['RGH'] },
  { email: 'nurse@riverside.example', displayName: 'Taylor Brooks', role: 'clinician' },
  { email: 'security@riverside.example', displayName: 'Riley Nguyen', role: 'security_analyst' },
  { email: 'auditor@riverside.example', displayName: 'Casey Morgan', role: 'auditor' },
];

/** The size of the demo fleet when no number is given. */
export const DEMO_DEVICE_COUNT = 5_000;

export interface DemoOptions {
  /** Number of devices to generate; above SCALE_THRESHOLD they spread over ten facilities instead of three. */
  devices?: number;
  log?: (message: string) => void;
}

/** The demo facilities for a fleet of `devices`: the three of the demo hospital, ten when scaled for benchmarks. */
export function demoFacilities(devices: number): DemoFacility[] {
  const base = DEMO_FACILITIES.map((f) => ({ ...f, profile: DEMO_FACILITY_PROFILES[f.code]! }));
  return devices > SCALE_THRESHOLD ? [...base, ...SCALE_FACILITIES] : base;
}

/**
 * Loads the demo health system: tenant, facilities, one user per role, then its inventory (reference data, sites,
 * vendors and devices). Returns false if it exists already.
 */
export async function loadDemo(db: Databases, options: DemoOptions = {}): Promise<boolean> {
  const log = options.log ?? (() => undefined);
  const deviceCount = options.devices ?? DEMO_DEVICE_COUNT;
  const facilityPlan = demoFacilities(deviceCount);
  const existing = await db.owner.selectFrom('tenants').select('id').where('slug', '=', DEMO_TENANT.slug).executeTakeFirst();
  if (existing) return false;
  const tenant = await createTenant(db.owner, DEMO_TENANT);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const facilities = await withTenant(db.app, { tenantId: tenant.id, actor: 'demo-loader' }, async (trx) => {
    const facilities = await trx
      .insertInto('facilities')
      .values(facilityPlan.map((f) => ({ tenant_id: tenant.id, code: f.code, name: f.name })))
      .returning(['id', 'code'])
      .execute();
    const facilityId = new Map(facilities.map((f) => [f.code, f.id]));
    for (const user of DEMO_USERS) {
      const row = await trx
        .insertInto('users')
        .values({
          tenant_id: tenant.id,
          email: user.email,
          display_name: user.displayName,
          role: user.role,
          password_hash: passwordHash,
          all_facilities: !user.facilityCodes,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const code of user.facilityCodes ?? []) {
        await trx.insertInto('user_facilities').values({ tenant_id: tenant.id, user_id: row.id, facility_id: facilityId.get(code)! }).execute();
      }
    }
    return facilityPlan.map((f) => ({ ...f, id: facilityId.get(f.code)! }));
  });
  log(`demo tenant "${DEMO_TENANT.name}" with ${facilities.length} facilities and ${DEMO_USERS.length} users`);
  await loadDemoInventory(db, tenant.id, facilities, { devices: deviceCount, log });
  return true;
}
