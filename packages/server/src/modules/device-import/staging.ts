import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

/**
 * The columns of `import_rows`, the session's staging table, in COPY order. Each row of the file lands here
 * typed and with its references resolved to ids; the database checks and the commit then work on it set-based.
 * `*_given` say whether the file had a value, so that a new device can be told it lacks one.
 */
export const STAGING_COLUMNS = [
  ['line', 'integer not null'],
  ['has_error', 'boolean not null'],
  ['asset_tag_given', 'boolean not null'],
  ['facility_given', 'boolean not null'],
  ['model_given', 'boolean not null'],
  ['asset_tag', 'text'],
  ['serial_number', 'text'],
  ['udi', 'text'],
  ['udi_di', 'text'],
  ['model_id', 'uuid'],
  ['manufacturer_id', 'uuid'],
  ['device_type_id', 'uuid'],
  ['new_model', 'boolean not null'],
  ['facility_id', 'uuid'],
  ['building_id', 'uuid'],
  ['department_id', 'uuid'],
  ['room_id', 'uuid'],
  ['ownership', 'text'],
  ['acquisition_date', 'date'],
  ['acquisition_cost', 'numeric(14, 2)'],
  ['purchase_order', 'text'],
  ['vendor_id', 'uuid'],
  ['warranty_end', 'date'],
  ['status', 'text'],
  ['out_of_service_reason', 'text'],
  ['hostname', 'text'],
  ['ip_address', 'inet'],
  ['mac_address', 'macaddr'],
  ['operating_system', 'text'],
  ['software_version', 'text'],
  ['stores_patient_data', 'boolean'],
  ['notes', 'text'],
] as const;

export type StagingColumn = (typeof STAGING_COLUMNS)[number][0];
export type StagedRow = { [K in StagingColumn]: string | number | boolean | null };

/** Creates the staging tables of this transaction; they vanish at commit or rollback. */
export async function createStagingTables(db: Db): Promise<void> {
  const columns = STAGING_COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ');
  await sql.raw(`create temp table import_rows (${columns}) on commit drop`).execute(db);
}

const NEEDS_ESCAPE = /[\\\n\r\t\u0000]/;

/** A value in COPY text format: \N for null, backslash escapes for the characters COPY gives meaning to. */
function copyValue(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/[\\\n\r\t\u0000]/g, (ch) => (ch === '\\' ? '\\\\' : ch === '\n' ? '\\n' : ch === '\r' ? '\\r' : ch === '\t' ? '\\t' : ''));
}

export function copyLine(row: StagedRow): string {
  let line = '';
  for (let i = 0; i < STAGING_COLUMNS.length; i++) {
    if (i > 0) line += '\t';
    line += copyValue(row[STAGING_COLUMNS[i]![0]]);
  }
  return line + '\n';
}

/** Batches COPY lines into chunks of about this many characters: fewer, larger writes to the socket. */
const CHUNK_CHARS = 256 * 1024;

async function* chunked(lines: AsyncIterable<string>): AsyncGenerator<string> {
  let chunk = '';
  for await (const line of lines) {
    chunk += line;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/**
 * Streams staged rows into `import_rows` with COPY FROM STDIN on the session's own connection. The producer
 * (parse and check in JavaScript) and PostgreSQL's COPY run side by side; back-pressure keeps memory flat.
 */
export async function copyIntoStaging(client: pg.ClientBase, lines: AsyncIterable<string>): Promise<void> {
  const columns = STAGING_COLUMNS.map(([name]) => name).join(', ');
  const target = client.query(copyFrom(`copy import_rows (${columns}) from stdin`));
  await pipeline(Readable.from(chunked(lines)), target);
}
