import { isRole, ROLE_LABELS } from '@openhtm/domain';

/** Names of audited record types; modules add theirs. */
export const ENTITY_LABELS: Record<string, string> = {
  user: 'User',
  facility: 'Facility',
  api_token: 'API token',
  device: 'Device',
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

/** Field names as people say them; unknown ones are derived from the column name ("room_id" → "Room"). */
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
  udi: 'UDI',
  udi_di: 'UDI device identifier',
  fda_product_code: 'FDA product code',
  expected_life_years: 'Expected life',
  ifu_url: 'Instructions for use',
  nomenclature_system: 'Nomenclature',
  nomenclature_code: 'Nomenclature code',
  risk_function: 'Equipment function',
  risk_physical: 'Physical risk',
  risk_maintenance: 'Maintenance requirement',
  risk_incident_history: 'Incident history',
  aem_exclusion: 'AEM exclusion',
  aem_policy: 'AEM policy',
  high_risk_override: 'High-risk override',
  hostname: 'Host name',
  ip_address: 'IP address',
  mac_address: 'MAC address',
  warranty_end: 'Warranty ends',
  incoming_inspection_passed_at: 'Incoming inspection passed',
  strategy_decided_at: 'Strategy decided',
  content_type: 'File type',
  size_bytes: 'Size',
};

/** Columns that say nothing to a reader of the history: keys, bookkeeping, and search or matching forms of a name. */
export const HIDDEN_FIELDS: ReadonlySet<string> = new Set(['id', 'tenant_id', 'version', 'updated_at', 'normalized_name', 'normalized_alias', 'sort_name', 'search_text', 'storage_key']);

export const entityLabel = (entity: string) => ENTITY_LABELS[entity] ?? humanise(entity);
export const actionLabel = (action: string) => ACTION_LABELS[action] ?? humanise(action);
export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? humanise(field.endsWith('_id') ? field.slice(0, -3) : field);

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
  if (entity === 'device') return `/devices/${entityId}`;
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
