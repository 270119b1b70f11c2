import { sql, type Kysely } from 'kysely';

/**
 * audit_capture's own variables (entity, actor, …) must not clash with the columns of the audited table: the
 * attachments table has a column named `entity`, and every insert into it failed with "column reference entity is
 * ambiguous". `#variable_conflict use_variable` makes unqualified names mean the function's variables; the rows'
 * columns are always read qualified (n.…, o.…).
 */
const body = (directive: string) => sql.raw(`
  create or replace function audit_capture() returns trigger language plpgsql as $$
  ${directive}
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
`);

export async function up(db: Kysely<unknown>): Promise<void> {
  await body('#variable_conflict use_variable').execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await body('').execute(db);
}
