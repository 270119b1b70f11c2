import { sql, type Kysely } from 'kysely';

/**
 * Medical equipment inventory (DOMAIN.md §2–§4): reference data (manufacturers and their aliases, device types,
 * models and their UDI device identifiers, the FDA product classification), sites (facility → building → floor →
 * department → room), vendors, devices with their lifecycle events, attachments, saved views and import runs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Public reference data shared by every tenant: FDA product codes give device class and flags.
    create table fda_product_classes (
      product_code text primary key check (product_code ~ '^[A-Z0-9]{3}$'),
      device_name text not null,
      device_class text not null,
      regulation_number text,
      medical_specialty text,
      review_panel text,
      implant boolean not null default false,
      life_sustaining boolean not null default false,
      definition text,
      imported_at timestamptz not null default now()
    );
    grant select on fda_product_classes to htm_app;

    create table tenant_settings (
      tenant_id uuid not null references tenants (id),
      id uuid not null default gen_random_uuid(),
      risk_policy jsonb,
      aem_policy jsonb,
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id)
    );

    create table manufacturers (
      tenant_id uuid not null references tenants (id),
      id uuid not null default gen_random_uuid(),
      name text not null check (length(name) between 1 and 200),
      normalized_name text not null,
      website text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, normalized_name)
    );
    create index manufacturers_name_trgm on manufacturers using gin (normalized_name gin_trgm_ops);

    create table manufacturer_aliases (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      manufacturer_id uuid not null,
      alias text not null check (length(alias) between 1 and 200),
      normalized_alias text not null,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, normalized_alias),
      foreign key (tenant_id, manufacturer_id) references manufacturers (tenant_id, id) on delete cascade
    );

    create table device_types (
      tenant_id uuid not null references tenants (id),
      id uuid not null default gen_random_uuid(),
      name text not null check (length(name) between 1 and 200),
      nomenclature_system text not null default 'local' check (nomenclature_system in ('UMDNS', 'GMDN', 'local')),
      nomenclature_code text,
      risk_function text not null,
      risk_physical text not null,
      risk_maintenance text not null,
      risk_incident_history text not null default 'average',
      life_support boolean not null default false,
      aem_exclusion text check (aem_exclusion in ('imaging', 'laser', 'law')),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, name)
    );

    create table models (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      manufacturer_id uuid not null,
      device_type_id uuid,
      model_number text not null check (length(model_number) between 1 and 200),
      name text,
      fda_product_code text,
      expected_life_years numeric(4, 1) check (expected_life_years > 0),
      end_of_support date,
      ifu_url text,
      default_activities jsonb not null default '[]',
      source text not null default 'manual' check (source in ('manual', 'gudid', 'import', 'demo')),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, manufacturer_id, model_number),
      foreign key (tenant_id, manufacturer_id) references manufacturers (tenant_id, id),
      foreign key (tenant_id, device_type_id) references device_types (tenant_id, id)
    );
    create index models_search_trgm on models using gin ((model_number || ' ' || coalesce(name, '')) gin_trgm_ops);

    -- UDI device identifiers (GUDID primary DIs, package DIs) of a model.
    create table model_identifiers (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      model_id uuid not null,
      issuing_agency text not null check (issuing_agency in ('GS1', 'HIBCC', 'ICCBBA')),
      device_identifier text not null,
      kind text not null default 'primary' check (kind in ('primary', 'package', 'secondary', 'unit_of_use')),
      check_digit_valid boolean not null default true,
      primary key (tenant_id, id),
      unique (tenant_id, issuing_agency, device_identifier),
      foreign key (tenant_id, model_id) references models (tenant_id, id) on delete cascade
    );

    create table buildings (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      facility_id uuid not null,
      name text not null check (length(name) between 1 and 200),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, facility_id, name),
      foreign key (tenant_id, facility_id) references facilities (tenant_id, id)
    );

    create table floors (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      building_id uuid not null,
      name text not null check (length(name) between 1 and 100),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, building_id, name),
      foreign key (tenant_id, building_id) references buildings (tenant_id, id)
    );

    create table departments (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      facility_id uuid not null,
      floor_id uuid,
      name text not null check (length(name) between 1 and 200),
      cost_center text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, facility_id, name),
      foreign key (tenant_id, facility_id) references facilities (tenant_id, id),
      foreign key (tenant_id, floor_id) references floors (tenant_id, id)
    );

    create table rooms (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      floor_id uuid not null,
      department_id uuid,
      name text not null check (length(name) between 1 and 100),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, floor_id, name),
      foreign key (tenant_id, floor_id) references floors (tenant_id, id),
      foreign key (tenant_id, department_id) references departments (tenant_id, id)
    );

    create table vendors (
      tenant_id uuid not null references tenants (id),
      id uuid not null default gen_random_uuid(),
      name text not null check (length(name) between 1 and 200),
      phone text,
      email text,
      website text,
      account_number text,
      notes text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, name)
    );

    create table vendor_contacts (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      vendor_id uuid not null,
      name text not null check (length(name) between 1 and 200),
      role text,
      phone text,
      email text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, vendor_id) references vendors (tenant_id, id) on delete cascade
    );

    create table devices (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      asset_tag text not null check (length(asset_tag) between 1 and 64),
      serial_number text check (length(serial_number) <= 100),
      udi text check (length(udi) <= 300),
      udi_di text,
      model_id uuid not null,
      -- Denormalized from the model so that lists filter and sort without joins; kept in step by the model service.
      manufacturer_id uuid not null,
      device_type_id uuid,
      facility_id uuid not null,
      building_id uuid,
      department_id uuid,
      room_id uuid,
      location_note text,
      ownership text not null default 'owned' check (ownership in ('owned', 'leased', 'rented', 'vendor_maintained', 'physician_owned', 'loaner')),
      acquisition_date date,
      acquisition_cost numeric(14, 2) check (acquisition_cost >= 0),
      purchase_order text,
      vendor_id uuid,
      warranty_end date,
      service_contract text,
      status text not null check (status in ('requested', 'under_evaluation', 'approved', 'rejected', 'ordered', 'received', 'in_service', 'out_of_service', 'retired', 'disposed')),
      out_of_service_reason text check (out_of_service_reason in ('repair', 'awaiting_parts', 'recalled', 'quarantined')),
      has_been_in_service boolean not null default false,
      incoming_inspection_passed_at timestamptz,
      stores_patient_data boolean not null default false,
      hostname text,
      ip_address inet,
      mac_address macaddr,
      operating_system text,
      software_version text,
      firmware_version text,
      connected boolean generated always as (hostname is not null or ip_address is not null or mac_address is not null) stored,
      risk_inputs jsonb,
      risk_score integer,
      high_risk boolean not null default false,
      high_risk_override jsonb,
      maintenance_strategy text not null default 'manufacturer' check (maintenance_strategy in ('manufacturer', 'aem')),
      strategy_decided_by text,
      strategy_decided_at timestamptz,
      strategy_reason text,
      notes text,
      -- Asset tag, serial, model and manufacturer names: what typo-tolerant search matches (pg_trgm).
      search_text text not null default '',
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, asset_tag),
      foreign key (tenant_id, model_id) references models (tenant_id, id),
      foreign key (tenant_id, manufacturer_id) references manufacturers (tenant_id, id),
      foreign key (tenant_id, device_type_id) references device_types (tenant_id, id),
      foreign key (tenant_id, facility_id) references facilities (tenant_id, id),
      foreign key (tenant_id, building_id) references buildings (tenant_id, id),
      foreign key (tenant_id, department_id) references departments (tenant_id, id),
      foreign key (tenant_id, room_id) references rooms (tenant_id, id),
      foreign key (tenant_id, vendor_id) references vendors (tenant_id, id),
      check (status = 'out_of_service' or out_of_service_reason is null)
    );
    create unique index devices_serial_model on devices (tenant_id, model_id, serial_number) where serial_number is not null;
    create index devices_facility on devices (tenant_id, facility_id, asset_tag);
    create index devices_department on devices (tenant_id, department_id) where department_id is not null;
    create index devices_model on devices (tenant_id, model_id);
    create index devices_manufacturer on devices (tenant_id, manufacturer_id);
    create index devices_type on devices (tenant_id, device_type_id);
    create index devices_status on devices (tenant_id, status);
    create index devices_udi_di on devices (tenant_id, udi_di) where udi_di is not null;
    create index devices_serial on devices (tenant_id, serial_number) where serial_number is not null;
    create index devices_updated on devices (tenant_id, updated_at, id);
    create index devices_search_trgm on devices using gin (search_text gin_trgm_ops);

    -- Lifecycle transitions and other dated events of a device (incoming inspection, risk and strategy decisions).
    create table device_events (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      device_id uuid not null,
      kind text not null check (kind in ('status_change', 'incoming_inspection', 'risk_override', 'strategy_decision', 'created', 'imported')),
      from_status text,
      to_status text,
      reason text,
      details jsonb not null default '{}',
      occurred_at timestamptz not null default now(),
      actor_user_id uuid,
      actor_label text not null,
      primary key (tenant_id, id),
      foreign key (tenant_id, device_id) references devices (tenant_id, id) on delete cascade
    );
    create index device_events_device on device_events (tenant_id, device_id, occurred_at desc);

    create table attachments (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      entity text not null check (entity in ('device', 'model')),
      entity_id uuid not null,
      file_name text not null check (length(file_name) between 1 and 255),
      content_type text not null,
      size_bytes bigint not null check (size_bytes >= 0),
      sha256 text not null,
      storage_key text not null,
      description text,
      uploaded_by uuid,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id)
    );
    create index attachments_entity on attachments (tenant_id, entity, entity_id);

    create table saved_views (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      user_id uuid not null,
      resource text not null check (resource in ('devices')),
      name text not null check (length(name) between 1 and 100),
      query jsonb not null,
      shared boolean not null default false,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, user_id, resource, name),
      foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
    );

    create table device_imports (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      file_name text not null,
      storage_key text not null,
      format text not null check (format in ('csv', 'xlsx')),
      encoding text,
      status text not null default 'uploaded' check (status in ('uploaded', 'checked', 'committed', 'refused', 'failed')),
      headers jsonb not null default '[]',
      mapping jsonb not null default '{}',
      row_count integer,
      problem_count integer,
      problems jsonb,
      summary jsonb,
      created_by uuid,
      created_at timestamptz not null default now(),
      committed_at timestamptz,
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id)
    );

    -- What typo-tolerant device search matches; every writer of devices fills search_text with this.
    create function device_search_text(asset_tag text, serial_number text, model_number text, model_name text, manufacturer text, device_type text)
      returns text language sql immutable parallel safe as $$
        select lower(concat_ws(' ', asset_tag, serial_number, model_number, model_name, manufacturer, device_type))
      $$;

    select tenant_isolate('tenant_settings');
    select tenant_isolate('manufacturers');
    select tenant_isolate('manufacturer_aliases');
    select tenant_isolate('device_types');
    select tenant_isolate('models');
    select tenant_isolate('model_identifiers');
    select tenant_isolate('buildings');
    select tenant_isolate('floors');
    select tenant_isolate('departments');
    select tenant_isolate('rooms');
    select tenant_isolate('vendors');
    select tenant_isolate('vendor_contacts');
    select tenant_isolate('devices');
    select tenant_isolate('device_events');
    select tenant_isolate('attachments');
    select tenant_isolate('saved_views');
    select tenant_isolate('device_imports');

    select audit_attach('tenant_settings', 'tenant_settings');
    select audit_attach('manufacturers', 'manufacturer');
    select audit_attach('manufacturer_aliases', 'manufacturer_alias');
    select audit_attach('device_types', 'device_type');
    select audit_attach('models', 'model');
    select audit_attach('model_identifiers', 'model_identifier');
    select audit_attach('buildings', 'building');
    select audit_attach('floors', 'floor');
    select audit_attach('departments', 'department');
    select audit_attach('rooms', 'room');
    select audit_attach('vendors', 'vendor');
    select audit_attach('vendor_contacts', 'vendor_contact');
    select audit_attach('devices', 'device', 'search_text');
    select audit_attach('attachments', 'attachment');
    select audit_attach('saved_views', 'saved_view');
    select audit_attach('device_imports', 'device_import', 'problems,headers');
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table if exists device_imports, saved_views, attachments, device_events, devices, vendor_contacts, vendors,
      rooms, departments, floors, buildings, model_identifiers, models, device_types, manufacturer_aliases,
      manufacturers, tenant_settings, fda_product_classes cascade;
    drop function if exists device_search_text(text, text, text, text, text, text);
  `.execute(db);
}
