import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Role } from '@openhtm/domain';

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
  changes: ColumnType<Record<string, [unknown, unknown]>, string, never>;
  request_id: string | null;
  client_ip: string | null;
}

export interface Database {
  tenants: TenantTable;
  facilities: FacilityTable;
  users: UserTable;
  user_facilities: UserFacilityTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_events: AuditEventTable;
}

export type Tenant = Selectable<TenantTable>;
export type Facility = Selectable<FacilityTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type Session = Selectable<SessionTable>;
export type ApiToken = Selectable<ApiTokenTable>;
export type AuditEvent = Selectable<AuditEventTable>;
