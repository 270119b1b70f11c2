import { sql, type Kysely } from 'kysely';

/**
 * Who is asking, in one round trip. Resolving a session cookie or an API token used to take a transaction of its own
 * (begin, set the tenant, look up, maybe touch last-seen, commit: four to five round trips) before the request's own
 * transaction even began. These functions set the tenant for the statement (`set_config(…, true)` lasts until the
 * implicit transaction of the one statement ends), look the principal up under row-level security, touch its
 * last-seen or last-used time at most once a minute, and return it. They run as the caller (`htm_app`), so
 * row-level security applies exactly as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function session_principal(p_tenant uuid, p_token_hash text, p_idle_minutes integer)
    returns table (session_id uuid, csrf_token text, user_id uuid, email text, role text, facility_ids uuid[])
    language plpgsql volatile as $$
    declare
      found_session record;
    begin
      perform set_config('app.tenant_id', p_tenant::text, true);
      select s.id, s.csrf_token, s.last_seen_at, u.id as uid, u.email, u.role, u.all_facilities
        into found_session
        from sessions s join users u on u.tenant_id = s.tenant_id and u.id = s.user_id
        where s.token_hash = p_token_hash
          and s.expires_at > now()
          and s.last_seen_at > now() - make_interval(mins => p_idle_minutes)
          and u.active;
      if not found then
        return;
      end if;
      if found_session.last_seen_at < now() - interval '1 minute' then
        update sessions set last_seen_at = now() where id = found_session.id;
      end if;
      return query select found_session.id, found_session.csrf_token, found_session.uid, found_session.email, found_session.role,
        case when found_session.all_facilities then null
             else array(select f.facility_id from user_facilities f where f.user_id = found_session.uid) end;
    end $$;

    create function api_token_principal(p_tenant uuid, p_token_hash text)
    returns table (token_id uuid, name text, role text)
    language plpgsql volatile as $$
    declare
      found_token record;
    begin
      perform set_config('app.tenant_id', p_tenant::text, true);
      select t.id, t.name, t.role, t.last_used_at into found_token
        from api_tokens t
        where t.token_hash = p_token_hash and t.revoked_at is null and (t.expires_at is null or t.expires_at > now());
      if not found then
        return;
      end if;
      if found_token.last_used_at is null or found_token.last_used_at < now() - interval '1 minute' then
        update api_tokens set last_used_at = now() where id = found_token.id;
      end if;
      return query select found_token.id, found_token.name, found_token.role;
    end $$;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop function api_token_principal(uuid, text);
    drop function session_principal(uuid, text, integer);
  `.execute(db);
}
