import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { DeviceStatus, MaintenanceStrategy, OutOfServiceReason, Ownership, Role } from '@openhtm/domain';

/** Table interfaces are the typed schema: they mirror the migrations in ./migrations. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, never, never>;

export interface TenantTable {
  id: Generated<string>;
  slug: string;
  name: string;
  settings: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: CreatedAt;
}

export interface FacilityTable {
  tenant_id: string;
  id: Generated<string>;
  code: string;
  name: string;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface UserTable {
  tenant_id: string;
  id: Generated<string>;
  email: string;
  display_name: string;
  role: Role;
  password_hash: string;
  active: Generated<boolean>;
  all_facilities: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  last_login_at: Date | null;
  password_changed_at: Timestamp;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface UserFacilityTable {
  tenant_id: string;
  user_id: string;
  facility_id: string;
}

export interface SessionTable {
  tenant_id: string;
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  csrf_token: string;
  client_ip: string | null;
  user_agent: string | null;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Date;
}

export interface ApiTokenTable {
  tenant_id: string;
  id: Generated<string>;
  name: string;
  token_hash: string;
  token_prefix: string;
  role: Role;
  created_by: string;
  created_at: CreatedAt;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface AuditEventTable {
  tenant_id: string;
  id: ColumnType<string, never, never>;
  occurred_at: CreatedAt;
  actor_user_id: string | null;
  actor_token_id: string | null;
  actor_label: string;
  entity: string;
  entity_id: string;
  action: string;
  /** {field: [before, after]}; a trigger-written create or delete holds the record itself (see audit/changes.ts). */
  changes: ColumnType<Record<string, unknown>, string, never>;
  request_id: string | null;
  client_ip: string | null;
}

/** Generated on insert, version-bumped on update: the usual bookkeeping columns of a versioned record. */
interface Versioned {
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

type Json<T = unknown> = ColumnType<T, string | undefined, string>;
/** numeric columns arrive as strings (exact decimals). */
type Numeric = ColumnType<string, string | number | null | undefined, string | number | null>;
type DateOnly = ColumnType<string, string | null | undefined, string | null>;

export interface FdaProductClassTable {
  product_code: string;
  device_name: string;
  device_class: string;
  regulation_number: string | null;
  medical_specialty: string | null;
  review_panel: string | null;
  implant: Generated<boolean>;
  life_sustaining: Generated<boolean>;
  definition: string | null;
  imported_at: Generated<Date>;
}

export interface TenantSettingsTable {
  tenant_id: string;
  id: Generated<string>;
  risk_policy: Json | null;
  aem_policy: Json | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface ManufacturerTable extends Versioned {
  tenant_id: string;
  id: Generated<string>;
  name: string;
  normalized_name: string;
  website: string | null;
  /** Generated: the name in lower case, the list's case-insensitive sort key. */
  sort_name: ColumnType<string, never, never>;
}

export interface ManufacturerAliasTable {
  tenant_id: string;
  id: Generated<string>;
  manufacturer_id: string;
  alias: string;
  normalized_alias: string;
  created_at: CreatedAt;
}

export interface DeviceTypeTable extends Versioned {
  tenant_id: string;
  id: Generated<string>;
  name: string;
  nomenclature_system: Generated<'UMDNS' | 'GMDN' | 'local'>;
  nomenclature_code: string | null;
  risk_function: string;
  risk_physical: string;
  risk_maintenance: string;
  risk_incident_history: Generated<string>;
  life_support: Generated<boolean>;
  aem_exclusion: 'imaging' | 'laser' | 'law' | null;
}

export interface ModelTable extends Versioned {
  tenant_id: string;
  id: Generated<string>;
  manufacturer_id: string;
  device_type_id: string | null;
  model_number: string;
  name: string | null;
  fda_product_code: string | null;
  expected_life_years: Numeric | null;
  end_of_support: DateOnly | null;
  ifu_url: string | null;
  default_activities: Json<unknown[]>;
  source: Generated<'manual' | 'gudid' | 'import' | 'demo'>;
  /** Generated: lower-case model number and name, what model search matches (trigram word similarity). */
  search_text: ColumnType<string, never, never>;
}

export interface ModelIdentifierTable {
  tenant_id: string;
  id: Generated<string>;
  model_id: string;
  issuing_agency: 'GS1' | 'HIBCC' | 'ICCBBA';
  device_identifier: string;
  kind: Generated<'primary' | 'package' | 'secondary' | 'unit_of_use' | 'direct_marking'>;
  check_digit_valid: Generated<boolean>;
}

export interface BuildingTable extends Versioned {
  tenant_id: string;
  id: Generated<string>;
  facility_id: string;
  name: string;
}

export interface FloorTable extends Versioned {
  tenant_id: string;
  id: Generated<string>;
  building_id: string;
  name: string;
}

export interface DepartmentTable extends Versioned {
  tenant_id: string;
  id: Generated<string>;
  facility_id: string;
  floor_id: string | null;
  name: string;
  cost_center: string | null;
}

export interface RoomTable extends Versioned {
  tenant_id: string;
  id: Generated<string>;
  floor_id: string;
  department_id: string | null;
  name: string;
}

export interface VendorTable extends Versioned {
  tenant_id: string;
  id: Generated<string>;
  name: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  account_number: string | null;
  notes: string | null;
}

export interface VendorContactTable extends Versioned {
  tenant_id: string;
  id: Generated<string>;
  vendor_id: string;
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
}

export interface DeviceTable extends Versioned {
  tenant_id: string;
  id: Generated<string>;
  asset_tag: string;
  serial_number: string | null;
  udi: string | null;
  udi_di: string | null;
  model_id: string;
  manufacturer_id: string;
  device_type_id: string | null;
  facility_id: string;
  building_id: string | null;
  department_id: string | null;
  room_id: string | null;
  location_note: string | null;
  ownership: Generated<Ownership>;
  acquisition_date: DateOnly | null;
  acquisition_cost: Numeric | null;
  purchase_order: string | null;
  vendor_id: string | null;
  warranty_end: DateOnly | null;
  service_contract: string | null;
  status: DeviceStatus;
  out_of_service_reason: OutOfServiceReason | null;
  has_been_in_service: Generated<boolean>;
  incoming_inspection_passed_at: Date | null;
  stores_patient_data: Generated<boolean>;
  hostname: string | null;
  ip_address: string | null;
  mac_address: string | null;
  operating_system: string | null;
  software_version: string | null;
  firmware_version: string | null;
  connected: ColumnType<boolean, never, never>;
  risk_inputs: Json | null;
  risk_score: number | null;
  high_risk: Generated<boolean>;
  high_risk_override: Json | null;
  maintenance_strategy: Generated<MaintenanceStrategy>;
  strategy_decided_by: string | null;
  strategy_decided_at: Date | null;
  strategy_reason: string | null;
  notes: string | null;
  search_text: Generated<string>;
}

export interface DeviceEventTable {
  tenant_id: string;
  id: Generated<string>;
  device_id: string;
  kind: 'status_change' | 'incoming_inspection' | 'risk_assessment' | 'risk_override' | 'strategy_decision' | 'created' | 'imported';
  from_status: string | null;
  to_status: string | null;
  reason: string | null;
  details: Json<Record<string, unknown>>;
  occurred_at: Generated<Date>;
  actor_user_id: string | null;
  actor_label: string;
}

export interface AttachmentTable {
  tenant_id: string;
  id: Generated<string>;
  entity: 'device' | 'model';
  entity_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  description: string | null;
  uploaded_by: string | null;
  created_at: CreatedAt;
}

export interface SavedViewTable extends Versioned {
  tenant_id: string;
  id: Generated<string>;
  user_id: string;
  resource: 'devices';
  name: string;
  query: Json<Record<string, unknown>>;
  shared: Generated<boolean>;
}

export interface DeviceImportTable {
  tenant_id: string;
  id: Generated<string>;
  file_name: string;
  storage_key: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  status: Generated<'uploaded' | 'checked' | 'committed' | 'refused' | 'failed'>;
  headers: Json<string[]>;
  mapping: Json<Record<string, string>>;
  row_count: number | null;
  problem_count: number | null;
  problems: Json | null;
  summary: Json | null;
  created_by: string | null;
  created_at: CreatedAt;
  committed_at: Date | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface Database {
  tenants: TenantTable;
  facilities: FacilityTable;
  users: UserTable;
  user_facilities: UserFacilityTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_events: AuditEventTable;
  fda_product_classes: FdaProductClassTable;
  tenant_settings: TenantSettingsTable;
  manufacturers: ManufacturerTable;
  manufacturer_aliases: ManufacturerAliasTable;
  device_types: DeviceTypeTable;
  models: ModelTable;
  model_identifiers: ModelIdentifierTable;
  buildings: BuildingTable;
  floors: FloorTable;
  departments: DepartmentTable;
  rooms: RoomTable;
  vendors: VendorTable;
  vendor_contacts: VendorContactTable;
  devices: DeviceTable;
  device_events: DeviceEventTable;
  attachments: AttachmentTable;
  saved_views: SavedViewTable;
  device_imports: DeviceImportTable;
}

export type Tenant = Selectable<TenantTable>;
export type Facility = Selectable<FacilityTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type Session = Selectable<SessionTable>;
export type ApiToken = Selectable<ApiTokenTable>;
export type AuditEvent = Selectable<AuditEventTable>;
export type Manufacturer = Selectable<ManufacturerTable>;
export type DeviceType = Selectable<DeviceTypeTable>;
export type Model = Selectable<ModelTable>;
export type Device = Selectable<DeviceTable>;
export type DeviceEvent = Selectable<DeviceEventTable>;
export type Vendor = Selectable<VendorTable>;
export type Attachment = Selectable<AttachmentTable>;
export type DeviceImport = Selectable<DeviceImportTable>;
