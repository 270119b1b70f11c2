import { sql } from 'kysely';
import type { Databases } from '../../db/connection.ts';
import { withTenant, type Trx } from '../../db/tenant-context.ts';
import { checkIdentifier, type CheckedIdentifier, type IdentifierKind, type IssuingAgency } from '../models/identifiers.ts';
import { manufacturerResolver } from './manufacturers.ts';
import { MAX_REPORTED_PROBLEMS, problemOf, type GudidProblem } from './problems.ts';
import { readGudidFile, type GudidRecord } from './read-gudid.ts';
import { modelKey, upsertIdentifiers, upsertModels, type IdentifierInput, type ModelInput } from './write-batch.ts';

const KINDS: Record<string, IdentifierKind> = {
  Primary: 'primary',
  Package: 'package',
  Secondary: 'secondary',
  'Unit of Use': 'unit_of_use',
  'Direct Marking': 'direct_marking',
};
const AGENCIES = new Set<IssuingAgency>(['GS1', 'HIBCC', 'ICCBBA']);
const MAX_MODEL_NUMBER = 200;
const BATCH = 5000;
/** Shared identifiers listed in the summary; the count covers them all. */
const MAX_REPORTED_SHARED = 1000;

export interface SharedIdentifier {
  deviceIdentifier: string;
  kind: string;
  record: number;
  primaryDi: string;
  keptOnModelId: string;
}

export interface GudidImportSummary {
  dryRun: boolean;
  records: number;
  recordsSkipped: number;
  manufacturers: { matched: number; created: number; createdNames: string[] };
  models: { created: number; updated: number; unchanged: number };
  identifiers: { created: number; updated: number; unchanged: number; shared: number; flagged: number };
  /** Identifiers listed by several records, kept on the record whose primary DI they are (or the first). */
  sharedIdentifiers: SharedIdentifier[];
  problemCount: number;
  problems: GudidProblem[];
  ms: number;
}

interface Pending {
  record: GudidRecord;
  manufacturerId: string;
  modelNumber: string;
}

/**
 * The identifiers of a record in canonical form. One that fails its agency's check is kept, flagged, and reported;
 * one of an unknown type or agency is reported and left out.
 */
function checkRecordIdentifiers(record: GudidRecord, report: (problem: GudidProblem) => void): CheckedIdentifier[] {
  const checked: CheckedIdentifier[] = [];
  for (const raw of record.identifiers) {
    const kind = KINDS[raw.type];
    const agency = raw.agency as IssuingAgency;
    if (!kind || !AGENCIES.has(agency) || !raw.deviceId) {
      report(problemOf(record, 'unknown_identifier', `Identifier "${raw.deviceId}" has an unknown type "${raw.type}" or agency "${raw.agency}"; left out`, { deviceId: raw.deviceId, kind: raw.type }));
      continue;
    }
    const { identifier, problem } = checkIdentifier({ issuingAgency: agency, deviceIdentifier: raw.deviceId, kind });
    if (problem) {
      const code = agency === 'GS1' && /^\d+$/.test(identifier.device_identifier) ? 'check_digit' : 'identifier_format';
      report(problemOf(record, code, `${raw.type} ${agency} DI ${raw.deviceId} ${problem}; kept, flagged`, { deviceId: raw.deviceId, kind }));
    }
    checked.push(identifier);
  }
  return checked;
}

/**
 * Imports GUDID device records into the tenant's model catalog: manufacturer (matched by normalized name and
 * aliases, created when unknown), model (versionModelNumber, else catalogNumber; brand name; first FDA product code),
 * and UDI device identifiers. Identifiers that fail their agency's check (a GS1 check digit, an HIBCC structure) are
 * kept flagged (check_digit_valid = false) and reported with their record. Re-importing a file changes nothing.
 */
export async function importGudidRecords(trx: Trx, tenantId: string, records: AsyncIterable<GudidRecord>): Promise<Omit<GudidImportSummary, 'dryRun' | 'ms'>> {
  const resolver = await manufacturerResolver(trx, tenantId);
  const problems: GudidProblem[] = [];
  let problemCount = 0;
  const report = (problem: GudidProblem) => {
    problemCount++;
    if (problems.length < MAX_REPORTED_PROBLEMS) problems.push(problem);
  };
  /** Models already named by a record of this import: the first record that names a model gives its values. */
  const modelKeys = new Set<string>();
  const identifiers = { created: 0, updated: 0, unchanged: 0, shared: 0, flagged: 0 };
  const sharedIdentifiers: SharedIdentifier[] = [];
  let count = 0;
  let skipped = 0;
  let batch: Pending[] = [];
  let writing: Promise<void> = Promise.resolve();

  const noteShared = (identifier: IdentifierInput, record: GudidRecord, ownerModelId: string) => {
    identifiers.shared++;
    if (sharedIdentifiers.length >= MAX_REPORTED_SHARED) return;
    sharedIdentifiers.push({ deviceIdentifier: identifier.device_identifier, kind: identifier.kind, record: record.index, primaryDi: record.primaryDi, keptOnModelId: ownerModelId });
  };

  const flush = async (pending: Pending[]) => {
    const models = new Map<string, ModelInput>();
    for (const { record, manufacturerId, modelNumber } of pending) {
      const key = modelKey(manufacturerId, modelNumber);
      if (!models.has(key)) {
        const write = !modelKeys.has(key);
        models.set(key, { manufacturer_id: manufacturerId, model_number: modelNumber, name: record.brandName || null, fda_product_code: record.productCodes.find((c) => /^[A-Z0-9]{3}$/.test(c)) ?? null, write });
        modelKeys.add(key);
      }
    }
    const ids = await upsertModels(trx, tenantId, [...models.values()]);
    const byDi = new Map<string, { input: IdentifierInput; record: GudidRecord }>();
    for (const { record, manufacturerId, modelNumber } of pending) {
      const modelId = ids.get(modelKey(manufacturerId, modelNumber))!;
      for (const identifier of checkRecordIdentifiers(record, report)) {
        if (!identifier.check_digit_valid) identifiers.flagged++;
        const key = `${identifier.issuing_agency}:${identifier.device_identifier}`;
        const seen = byDi.get(key);
        const candidate = { input: { ...identifier, model_id: modelId }, record };
        if (!seen) byDi.set(key, candidate);
        else {
          const [kept, left] = identifier.kind === 'primary' && seen.input.kind !== 'primary' ? [candidate, seen] : [seen, candidate];
          byDi.set(key, kept);
          if (left.input.model_id !== kept.input.model_id) noteShared(left.input, left.record, kept.input.model_id);
        }
      }
    }
    const written = await upsertIdentifiers(trx, tenantId, [...byDi.values()].map((v) => v.input));
    identifiers.created += written.created;
    identifiers.updated += written.updated;
    identifiers.unchanged += written.unchanged;
    for (const { identifier, ownerModelId } of written.shared) {
      noteShared(identifier, byDi.get(`${identifier.issuing_agency}:${identifier.device_identifier}`)!.record, ownerModelId);
    }
  };

  for await (const record of records) {
    count++;
    const modelNumber = (record.versionModelNumber || record.catalogNumber).trim();
    if (!modelNumber || modelNumber.length > MAX_MODEL_NUMBER) {
      skipped++;
      report(problemOf(record, 'missing_field', modelNumber ? `The model number is longer than ${MAX_MODEL_NUMBER} characters; record skipped` : 'The record has neither a version/model number nor a catalog number; record skipped'));
      continue;
    }
    const manufacturer = record.companyName ? await resolver.resolve(record.companyName) : null;
    if (!manufacturer) {
      skipped++;
      report(problemOf(record, 'missing_field', 'The record names no company; record skipped'));
      continue;
    }
    batch.push({ record, manufacturerId: manufacturer.id, modelNumber });
    if (batch.length >= BATCH) {
      // The next batch is read and parsed while this one is written; writes stay one at a time, in file order.
      await writing;
      writing = flush(batch);
      writing.catch(() => undefined);
      batch = [];
    }
  }
  await writing;
  if (batch.length > 0) await flush(batch);

  const touched = await sql<{ created: number; updated: number }>`
    select count(*) filter (where created_at = now())::int as created,
           count(*) filter (where created_at < now() and updated_at = now())::int as updated
    from models where updated_at = now()`.execute(trx);
  const { created, updated } = touched.rows[0]!;
  await refreshDevicesOfUpdatedModels(trx);
  return {
    records: count,
    recordsSkipped: skipped,
    manufacturers: { matched: resolver.companies() - resolver.created.length, created: resolver.created.length, createdNames: resolver.created },
    models: { created, updated, unchanged: modelKeys.size - created - updated },
    identifiers,
    sharedIdentifiers,
    problemCount,
    problems,
  };
}

/** Devices of models this transaction renamed carry the new name in their search text. */
async function refreshDevicesOfUpdatedModels(trx: Trx): Promise<void> {
  await sql`
    update devices d
    set search_text = device_search_text(d.asset_tag, d.serial_number, m.model_number, m.name, mf.name, dt.name)
    from models m
    join manufacturers mf on mf.tenant_id = m.tenant_id and mf.id = m.manufacturer_id
    left join device_types dt on dt.tenant_id = m.tenant_id and dt.id = m.device_type_id
    where d.tenant_id = m.tenant_id and d.model_id = m.id and m.updated_at = now() and m.created_at < now()`.execute(trx);
}

class DryRunRollback extends Error {}

/**
 * Imports GUDID records into a tenant's catalog in one transaction. A dry run does the same work and rolls it
 * back, so its counts are exactly what the import would do.
 */
export async function importGudid(
  db: Databases,
  tenantId: string,
  records: AsyncIterable<GudidRecord>,
  options: { dryRun?: boolean; actor?: string } = {},
): Promise<GudidImportSummary> {
  const started = Date.now();
  let summary: Omit<GudidImportSummary, 'dryRun' | 'ms'> | undefined;
  try {
    await withTenant(db.app, { tenantId, actor: options.actor ?? 'import:gudid' }, async (trx) => {
      summary = await importGudidRecords(trx, tenantId, records);
      if (options.dryRun) throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  // Fresh statistics let the planner pick the trigram and identifier indexes for the catalog just grown (only the
  // owner may analyze; autovacuum would get there later).
  if (!options.dryRun) await sql`analyze models, model_identifiers, manufacturers`.execute(db.owner);
  return { dryRun: options.dryRun === true, ...summary!, ms: Date.now() - started };
}

/** Imports a GUDID file: a zip of XML files as FDA publishes it, or one XML file. */
export function importGudidFile(db: Databases, tenantId: string, file: string, options: { dryRun?: boolean; actor?: string } = {}): Promise<GudidImportSummary> {
  return importGudid(db, tenantId, readGudidFile(file), options);
}
