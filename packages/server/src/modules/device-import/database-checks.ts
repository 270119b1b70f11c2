import { sql } from 'kysely';
import type { DeviceImportField } from '@openhtm/domain';
import type { Trx } from '../../db/tenant-context.ts';
import type { ImportProblemCode, ProblemLog } from './problems.ts';
import { CHANGED } from './update-columns.ts';

/**
 * Finds the existing device each staged row updates: the device with its asset tag, else the device with its
 * serial number and model. Row-level security confines the match to the tenant.
 */
export async function matchExistingDevices(trx: Trx): Promise<number> {
  // Joins to import_matches probe import_rows by line: an index keeps that cheap when the planner, seeing few or
  // no matches, puts import_rows on the inner side.
  await sql`create index on import_rows (line)`.execute(trx);
  await sql`analyze import_rows`.execute(trx);
  await sql`
    create temp table import_matches on commit drop as
    select s.line, d.id as device_id, d.facility_id, d.model_id, d.serial_number, d.asset_tag, d.status, 'asset_tag' as matched_by
    from import_rows s join devices d on d.asset_tag = s.asset_tag
    union all
    select s.line, d.id, d.facility_id, d.model_id, d.serial_number, d.asset_tag, d.status, 'serial'
    from import_rows s join devices d on d.model_id = s.model_id and d.serial_number = s.serial_number
    where not exists (select from devices x where x.asset_tag = s.asset_tag)`.execute(trx);
  await sql`analyze import_matches`.execute(trx);
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from import_matches`.execute(trx);
  return rows[0]!.n;
}

interface FoundProblem {
  line: number;
  value: string | null;
  detail: string | null;
}

interface DatabaseCheck {
  code: ImportProblemCode;
  severity: 'error' | 'warning';
  field: DeviceImportField | null;
  query: ReturnType<typeof sql<FoundProblem>>;
  message: (found: FoundProblem) => string;
  /** Leave out lines an earlier check already faulted: a repeated asset tag also matches the same device twice. */
  unlessFaulted?: boolean;
}

function checks(scope: readonly string[] | null): DatabaseCheck[] {
  const list: DatabaseCheck[] = [
    {
      code: 'duplicate_asset_tag', severity: 'error', field: 'asset_tag',
      // A hash aggregate finds the few repeated tags among a million without sorting them all.
      query: sql<FoundProblem>`
        with repeated as (
          select asset_tag, min(line) as first from import_rows where asset_tag is not null group by asset_tag having count(*) > 1)
        select s.line, s.asset_tag as value, r.first::text as detail
        from import_rows s join repeated r on r.asset_tag = s.asset_tag
        where s.line <> r.first`,
      message: (p) => `Asset tag ${p.value} is also on line ${p.detail}`,
    },
    {
      code: 'duplicate_serial_number', severity: 'error', field: 'serial_number',
      query: sql<FoundProblem>`
        with repeated as (
          select model_id, serial_number, min(line) as first from import_rows
          where serial_number is not null and model_id is not null group by model_id, serial_number having count(*) > 1)
        select s.line, s.serial_number as value, r.first::text as detail
        from import_rows s join repeated r on r.model_id = s.model_id and r.serial_number = s.serial_number
        where s.line <> r.first`,
      message: (p) => `Serial number ${p.value} of this model is also on line ${p.detail}`,
    },
    {
      code: 'duplicate_match', severity: 'error', field: 'asset_tag', unlessFaulted: true,
      query: sql<FoundProblem>`
        with repeated as (select device_id, min(line) as first from import_matches group by device_id having count(*) > 1)
        select m.line, m.asset_tag as value, r.first::text as detail
        from import_matches m join repeated r on r.device_id = m.device_id
        where m.line <> r.first`,
      message: (p) => `Matches device ${p.value} like line ${p.detail} does; a device can be updated by one row only`,
    },
    {
      code: 'duplicate_serial_number', severity: 'error', field: 'serial_number',
      query: sql<FoundProblem>`
        select s.line, coalesce(s.serial_number, t.serial_number) as value, d.asset_tag as detail
        from import_rows s join import_matches t on t.line = s.line
        join devices d on d.model_id = coalesce(s.model_id, t.model_id) and d.serial_number = coalesce(s.serial_number, t.serial_number) and d.id <> t.device_id
        where s.serial_number is not null or s.model_id is not null`,
      message: (p) => `Serial number ${p.value} of this model belongs to another device, ${p.detail}`,
    },
    {
      code: 'missing_identifier', severity: 'error', field: 'asset_tag',
      query: sql<FoundProblem>`
        select s.line, s.serial_number as value, null as detail from import_rows s
        where not s.asset_tag_given and s.line not in (select line from import_matches)`,
      message: (p) => `No device has serial number ${p.value ?? '(none)'} of this model; a new device needs an asset tag`,
    },
    {
      code: 'missing_facility', severity: 'error', field: 'facility',
      query: sql<FoundProblem>`
        select s.line, s.asset_tag as value, null as detail from import_rows s
        where not s.facility_given and s.asset_tag_given and s.line not in (select line from import_matches)`,
      message: (p) => `${p.value} is a new device: give its facility`,
    },
    {
      code: 'missing_model', severity: 'error', field: 'model_number',
      query: sql<FoundProblem>`
        select s.line, s.asset_tag as value, null as detail from import_rows s
        where not s.model_given and s.asset_tag_given and s.line not in (select line from import_matches)`,
      message: (p) => `${p.value} is a new device: give its manufacturer and model`,
    },
    {
      code: 'status_not_changed', severity: 'warning', field: 'status',
      query: sql<FoundProblem>`
        select s.line, s.status as value, t.status as detail from import_rows s join import_matches t on t.line = s.line
        where s.status is not null and s.status <> t.status`,
      message: (p) => `The device is ${p.detail}; an import leaves the status of existing devices alone (use a lifecycle transition)`,
    },
    {
      code: 'asset_tag_changed', severity: 'warning', field: 'asset_tag',
      query: sql<FoundProblem>`
        select s.line, s.asset_tag as value, t.asset_tag as detail from import_rows s join import_matches t on t.line = s.line
        where t.matched_by = 'serial' and s.asset_tag is not null`,
      message: (p) => `Matched device ${p.detail} by serial number and model; its asset tag becomes ${p.value}`,
    },
  ];
  if (scope !== null) {
    list.push({
      code: 'device_out_of_scope', severity: 'error', field: 'asset_tag',
      query: sql<FoundProblem>`
        select line, asset_tag as value, null as detail from import_matches
        where not (facility_id = any(${[...scope]}::uuid[]))`,
      message: (p) => `Device ${p.value} belongs to a facility outside your access`,
    });
  }
  return list;
}

/**
 * The checks that need all rows or the existing inventory, each one set-based over the staged rows: repeats
 * within the file, then conflicts with existing devices. Rows with an error found here are marked so that a
 * commit that skips bad rows leaves them out too.
 */
export async function runDatabaseChecks(trx: Trx, problems: ProblemLog, scope: readonly string[] | null): Promise<void> {
  const errorLines = new Set<number>();
  for (const check of checks(scope)) {
    const { rows } = await check.query.execute(trx);
    for (const found of rows) {
      if (check.unlessFaulted && errorLines.has(found.line)) continue;
      problems.field(found.line, check.field, check.code, check.severity, check.message(found), { value: found.value });
      if (check.severity === 'error') errorLines.add(found.line);
    }
  }
  if (errorLines.size > 0) {
    await sql`update import_rows set has_error = true where line = any(${[...errorLines]}::int[]) and not has_error`.execute(trx);
  }
}

export interface PlannedChanges {
  rows: number;
  rowsWithErrors: number;
  create: number;
  update: number;
  unchanged: number;
}

/**
 * What a commit would do with the rows that have no error: create, update, or leave alone (nothing differs).
 * `line not in (select line from import_matches)` is a hashed subplan: one hash of the matches, however many rows.
 */
export async function plannedChanges(trx: Trx): Promise<PlannedChanges> {
  const { rows } = await sql<PlannedChanges>`
    select
      (select count(*) from import_rows)::int as rows,
      (select count(*) from import_rows where has_error)::int as "rowsWithErrors",
      (select count(*) from import_rows s where not s.has_error and s.line not in (select line from import_matches))::int as create,
      count(*) filter (where ${CHANGED})::int as update,
      count(*) filter (where not ${CHANGED})::int as unchanged
    from import_rows s join import_matches t on t.line = s.line join devices d on d.id = t.device_id
    where not s.has_error`.execute(trx);
  return rows[0]!;
}
