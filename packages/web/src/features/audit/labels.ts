import { isRole, ROLE_LABELS } from '@openhtm/domain';

/** Names of audited record types; modules add theirs. */
export const ENTITY_LABELS: Record<string, string> = {
  user: 'User',
  facility: 'Facility',
  api_token: 'API token',
  manufacturer: 'Manufacturer',
  manufacturer_alias: 'Manufacturer alias',
  device_type: 'Device type',
  model: 'Model',
  model_identifier: 'Model device identifier',
  vendor: 'Vendor',
  vendor_contact: 'Vendor contact',
  device_import: 'Device import',
  tenant_settings: 'Settings',
};

/** Wording of audit actions; the record's own actions (create, update, delete) and events such as sign-in. */
export const ACTION_LABELS: Record<string, string> = {
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
  login: 'Signed in',
  logout: 'Signed out',
  login_failed: 'Sign-in failed',
  login_failed_locked: 'Sign-in failed; account locked',
  login_refused_inactive: 'Sign-in refused: deactivated',
  login_refused_locked: 'Sign-in refused: locked',
  password_reset: 'Password reset',
  facility_scope: 'Facility access changed',
};

export const ACTION_COLORS: Record<string, string> = {
  create: 'teal',
  update: 'blue',
  delete: 'red',
  login: 'gray',
  logout: 'gray',
  login_failed: 'orange',
  login_failed_locked: 'red',
  login_refused_inactive: 'orange',
  login_refused_locked: 'orange',
  password_reset: 'grape',
  facility_scope: 'indigo',
};

/** Field names as people say them; unknown ones are derived from the column name. */
const FIELD_LABELS: Record<string, string> = {
  id: 'Id',
  email: 'E-mail address',
  display_name: 'Name',
  all_facilities: 'All facilities',
  facilityIds: 'Facilities',
  created_at: 'Created',
  expires_at: 'Expires',
  revoked_at: 'Revoked',
  token_prefix: 'Token prefix',
  created_by: 'Created by',
  password_changed_at: 'Password changed',
};

export const entityLabel = (entity: string) => ENTITY_LABELS[entity] ?? humanise(entity);
export const actionLabel = (action: string) => ACTION_LABELS[action] ?? humanise(action);
export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? humanise(field);

export function humanise(name: string): string {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The role's label when a changed value is a role. */
export function roleOrValue(field: string, value: unknown): unknown {
  return field === 'role' && typeof value === 'string' && isRole(value) ? ROLE_LABELS[value] : value;
}

/** The page of an audited record, where the web app has one. */
export function recordHref(entity: string, entityId: string): string | null {
  if (entity === 'user') return `/admin/users/${entityId}`;
  if (entity === 'facility') return `/facilities/${entityId}`;
  if (entity === 'api_token') return '/admin/api-tokens';
  if (entity === 'manufacturer') return `/manufacturers/${entityId}`;
  if (entity === 'device_type') return `/device-types/${entityId}`;
  if (entity === 'model') return `/models/${entityId}`;
  if (entity === 'vendor') return `/vendors/${entityId}`;
  if (entity === 'device_import') return `/imports/${entityId}`;
  if (entity === 'tenant_settings') return '/admin/risk-policy';
  return null;
}
