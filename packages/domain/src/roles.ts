/** The roles of an HTM department, from DOMAIN.md §1. `auditor` reads everything and changes nothing. */
export const ROLES = [
  'admin',
  'htm_manager',
  'clinical_engineer',
  'technician',
  'clinician',
  'security_analyst',
  'auditor',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  htm_manager: 'HTM manager',
  clinical_engineer: 'Clinical engineer',
  technician: 'BMET / technician',
  clinician: 'Clinician',
  security_analyst: 'Security analyst',
  auditor: 'Auditor (read-only)',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
