import { sql, type Kysely } from 'kysely';

/**
 * Platform foundation: tenants, facilities, users and their facility scope, sessions, API tokens, and the
 * append-only audit trail. Every tenant-owned table carries `tenant_id` in its primary key, unique constraints
 * and foreign keys (so it can be distributed by tenant with Citus) and is guarded by a FORCEd row-level security
 * policy; the application works as the `htm_app` role, which is subject to it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create extension if not exists pg_trgm;
    create extension if not exists citext;

    do $$ begin
      if not exists (select from pg_roles where rolname = 'htm_app') then
        create role htm_app nologin nosuperuser nobypassrls;
      end if;
    end $$;
    grant htm_app to current_user;
    grant usage on schema public to htm_app;

    create function current_tenant_id() returns uuid
      language sql stable parallel safe
      as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;

    create table tenants (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
      name text not null check (length(name) between 1 and 200),
      settings jsonb not null default '{}',
      created_at timestamptz not null default now()
    );

    create table facilities (
      tenant_id uuid not null references tenants (id),
      id uuid not null default gen_random_uuid(),
      code text not null check (length(code) between 1 and 32),
      name text not null check (length(name) between 1 and 200),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, code)
    );

    create table users (
      tenant_id uuid not null references tenants (id),
      id uuid not null default gen_random_uuid(),
      email text not null check (email ~ '^[^@\\s]+@[^@\\s]+$'),
      display_name text not null check (length(display_name) between 1 and 200),
      role text not null check (role in ('admin','htm_manager','clinical_engineer','technician','clinician','security_analyst','auditor')),
      password_hash text not null,
      active boolean not null default true,
      all_facilities boolean not null default true,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      last_login_at timestamptz,
      password_changed_at timestamptz not null default now(),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id)
    );
    create unique index users_email_key on users (tenant_id, lower(email));
    -- Login knows an e-mail address but not yet a tenant: it finds accounts through this index under the users_login policy.
    create index users_login_email on users (lower(email));

    create table user_facilities (
      tenant_id uuid not null,
      user_id uuid not null,
      facility_id uuid not null,
      primary key (tenant_id, user_id, facility_id),
      foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade,
      foreign key (tenant_id, facility_id) references facilities (tenant_id, id)
    );

    create table sessions (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      user_id uuid not null,
      token_hash text not null,
      csrf_token text not null,
      client_ip text,
      user_agent text,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      primary key (tenant_id, id),
      unique (tenant_id, token_hash),
      foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
    );
    create index sessions_expiry on sessions (expires_at);

    create table api_tokens (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      name text not null check (length(name) between 1 and 100),
      token_hash text not null,
      token_prefix text not null,
      role text not null check (role in ('admin','htm_manager','clinical_engineer','technician','clinician','security_analyst','auditor')),
      created_by uuid not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz,
      last_used_at timestamptz,
      revoked_at timestamptz,
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, token_hash),
      foreign key (tenant_id, created_by) references users (tenant_id, id)
    );

    create table audit_events (
      tenant_id uuid not null references tenants (id),
      id bigint generated always as identity,
      occurred_at timestamptz not null default now(),
      actor_user_id uuid,
      actor_token_id uuid,
      actor_label text not null,
      entity text not null,
      entity_id text not null,
      action text not null,
      changes jsonb not null default '{}',
      request_id text,
      client_ip text,
      primary key (tenant_id, id)
    );
    create index audit_events_record on audit_events (tenant_id, entity, entity_id, id desc);
    create index audit_events_time on audit_events (tenant_id, occurred_at desc, id desc);
    create index audit_events_actor on audit_events (tenant_id, actor_user_id, id desc);

    -- The audit trail is append-only, whoever asks.
    create function audit_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_events is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
    end $$;
    create trigger audit_events_no_update before update or delete on audit_events
      for each row execute function audit_refuse_change();
    create trigger audit_events_no_truncate before truncate on audit_events
      for each statement execute function audit_refuse_change();

    -- {column: [before, after]} for every column whose value differs.
    create function audit_diff(before jsonb, after jsonb) returns jsonb
      language sql immutable parallel safe as $$
        select coalesce(jsonb_object_agg(k, jsonb_build_array(before -> k, after -> k)), '{}'::jsonb)
        from jsonb_object_keys(coalesce(before, '{}') || coalesce(after, '{}')) as k
        where (before -> k) is distinct from (after -> k)
      $$;

    /*
      Statement-level capture through transition tables: one INSERT into audit_events per statement, whatever the
      number of rows, so a bulk import is audited at set speed. TG_ARGV[0] is the entity name, TG_ARGV[1] a
      comma-separated list of columns left out of the record (secrets, bookkeeping). Who and why come from the
      transaction's app.* settings (see withTenant).
    */
    create function audit_capture() returns trigger language plpgsql as $$
    declare
      entity text := tg_argv[0];
      skipped text[] := array['tenant_id', 'updated_at', 'version'] || coalesce(string_to_array(nullif(tg_argv[1], ''), ','), '{}');
      actor_user uuid := nullif(current_setting('app.user_id', true), '')::uuid;
      actor_token uuid := nullif(current_setting('app.token_id', true), '')::uuid;
      actor text := coalesce(nullif(current_setting('app.actor', true), ''), 'system');
      request text := nullif(current_setting('app.request_id', true), '');
      client text := nullif(current_setting('app.client_ip', true), '');
    begin
      if tg_op = 'INSERT' then
        insert into audit_events (tenant_id, actor_user_id, actor_token_id, actor_label, entity, entity_id, action, changes, request_id, client_ip)
        select n.tenant_id, actor_user, actor_token, actor, entity, n.id::text, 'create',
               audit_diff(null, to_jsonb(n) - skipped), request, client
        from new_rows n;
      elsif tg_op = 'UPDATE' then
        insert into audit_events (tenant_id, actor_user_id, actor_token_id, actor_label, entity, entity_id, action, changes, request_id, client_ip)
        select d.tenant_id, actor_user, actor_token, actor, entity, d.id::text, 'update', d.changes, request, client
        from (
          select n.tenant_id, n.id, audit_diff(to_jsonb(o) - skipped, to_jsonb(n) - skipped) as changes
          from new_rows n join old_rows o on o.tenant_id = n.tenant_id and o.id = n.id
        ) d
        where d.changes <> '{}'::jsonb;
      else
        insert into audit_events (tenant_id, actor_user_id, actor_token_id, actor_label, entity, entity_id, action, changes, request_id, client_ip)
        select o.tenant_id, actor_user, actor_token, actor, entity, o.id::text, 'delete',
               audit_diff(to_jsonb(o) - skipped, null), request, client
        from old_rows o;
      end if;
      return null;
    end $$;

    /** Attaches audit_capture to a table with an id column: one trigger per operation (transition tables demand it). */
    create function audit_attach(tbl regclass, entity text, skipped text default '') returns void language plpgsql as $$
    begin
      execute format('create trigger audit_insert after insert on %s referencing new table as new_rows for each statement execute function audit_capture(%L, %L)', tbl, entity, skipped);
      execute format('create trigger audit_update after update on %s referencing old table as old_rows new table as new_rows for each statement execute function audit_capture(%L, %L)', tbl, entity, skipped);
      execute format('create trigger audit_delete after delete on %s referencing old table as old_rows for each statement execute function audit_capture(%L, %L)', tbl, entity, skipped);
    end $$;

    /** Enables and forces row-level security on a tenant-owned table, scoped to the transaction's tenant. */
    create function tenant_isolate(tbl regclass) returns void language plpgsql as $$
    begin
      execute format('alter table %s enable row level security', tbl);
      execute format('alter table %s force row level security', tbl);
      execute format('create policy tenant_isolation on %s using (tenant_id = current_tenant_id()) with check (tenant_id = current_tenant_id())', tbl);
      execute format('grant select, insert, update, delete on %s to htm_app', tbl);
    end $$;

    select tenant_isolate('facilities');
    select tenant_isolate('users');
    select tenant_isolate('user_facilities');
    select tenant_isolate('sessions');
    select tenant_isolate('api_tokens');
    select tenant_isolate('audit_events');
    revoke update, delete, truncate on audit_events from htm_app;

    -- Login looks an account up by e-mail before it knows the tenant; this policy shows only the rows with the
    -- e-mail address the transaction named, and only for reading.
    create policy users_login on users for select
      using (lower(email) = nullif(current_setting('app.login_email', true), ''));

    grant select on tenants to htm_app;

    select audit_attach('facilities', 'facility');
    select audit_attach('users', 'user', 'password_hash,failed_logins,locked_until,last_login_at');
    select audit_attach('api_tokens', 'api_token', 'token_hash,last_used_at');
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table if exists api_tokens, sessions, user_facilities, users, facilities, audit_events, tenants cascade;
    drop function if exists tenant_isolate(regclass), audit_attach(regclass, text, text), audit_capture(),
      audit_diff(jsonb, jsonb), audit_refuse_change(), current_tenant_id();
  `.execute(db);
}
