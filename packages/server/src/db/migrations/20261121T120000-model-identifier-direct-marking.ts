import { sql, type Kysely } from 'kysely';

/** GUDID lists direct-marking DIs (the DI marked on a reusable device itself) beside primary, package and unit-of-use DIs. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table model_identifiers drop constraint model_identifiers_kind_check;
    alter table model_identifiers add constraint model_identifiers_kind_check
      check (kind in ('primary', 'package', 'secondary', 'unit_of_use', 'direct_marking'));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    delete from model_identifiers where kind = 'direct_marking';
    alter table model_identifiers drop constraint model_identifiers_kind_check;
    alter table model_identifiers add constraint model_identifiers_kind_check
      check (kind in ('primary', 'package', 'secondary', 'unit_of_use'));
  `.execute(db);
}
