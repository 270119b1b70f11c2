import type { Role } from '../roles.ts';

const EVERYONE: readonly Role[] = [
  'admin',
  'htm_manager',
  'clinical_engineer',
  'technician',
  'clinician',
  'security_analyst',
  'auditor',
];
const MANAGERS: readonly Role[] = ['admin', 'htm_manager'];
const OVERSIGHT: readonly Role[] = ['admin', 'htm_manager', 'clinical_engineer', 'security_analyst', 'auditor'];

/**
 * Which roles may perform each action. Actions ending in `.read` are granted to the auditor, who reads
 * everything and changes nothing; every other action excludes the auditor. Modules add their actions here.
 */
export const PERMISSIONS = {
  'session.read': EVERYONE,
  'facility.read': EVERYONE,
  'facility.manage': MANAGERS,
  'user.read': ['admin', 'htm_manager', 'auditor'],
  'user.manage': ['admin'],
  'token.read': ['admin', 'auditor'],
  'token.manage': ['admin'],
  'audit.read': OVERSIGHT,
  'job.read': ['admin', 'htm_manager', 'auditor'],
  'job.manage': ['admin'],
  'search.read': EVERYONE,
  'inventory.read': EVERYONE,
  'device.write': ['admin', 'htm_manager', 'clinical_engineer', 'technician'],
  'device.retire': ['admin', 'htm_manager', 'clinical_engineer'],
  'device.import': ['admin', 'htm_manager', 'clinical_engineer'],
  'risk.manage': ['admin', 'htm_manager', 'clinical_engineer'],
  'reference.manage': ['admin', 'htm_manager', 'clinical_engineer'],
  'site.manage': MANAGERS,
  'view.manage': ['admin', 'htm_manager', 'clinical_engineer', 'technician', 'clinician', 'security_analyst'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

/** The acting user or API token, as the policy sees it. `facilityIds: null` means every facility. */
export interface Actor {
  role: Role;
  facilityIds: readonly string[] | null;
}

/** What the action touches, where that matters: a record belonging to one facility. */
export interface Resource {
  facilityId?: string | null;
}

/** May this actor do this to that? Role first, then facility scope. */
export function may(actor: Actor, action: Action, resource?: Resource): boolean {
  const roles: readonly Role[] = PERMISSIONS[action];
  if (!roles.includes(actor.role)) return false;
  if (actor.role === 'auditor' && !action.endsWith('.read')) return false;
  const facilityId = resource?.facilityId;
  if (facilityId && actor.facilityIds !== null && !actor.facilityIds.includes(facilityId)) return false;
  return true;
}

/** Facilities an actor may see: null for all, otherwise the list to filter queries by. */
export function facilityScope(actor: Actor): readonly string[] | null {
  return actor.facilityIds;
}
