import { sql } from 'kysely';
import type { Trx } from '../../db/tenant-context.ts';
import { explainConstraints } from '../../db/constraint-errors.ts';
import { AppError, invalid, notFound, type FieldProblem } from '../../http/errors.ts';
import { assertVersion } from '../../http/versions.ts';
import { refreshDevicesOfModels } from './denormalize.ts';
import { checkEnteredIdentifiers, checkIdentifier, type CheckedIdentifier } from './identifiers.ts';
import type { IdentifierIn, MaintenanceActivity, ModelCreate, ModelUpdate } from './schema.ts';

const MODEL_NUMBER_TAKEN = { message: 'The manufacturer has a model with this model number', field: { path: '/body/modelNumber', message: 'is already in use' } };
const CONSTRAINTS = {
  models_tenant_id_manufacturer_id_model_number_key: MODEL_NUMBER_TAKEN,
  model_identifiers_tenant_id_issuing_agency_device_identifier_key: { message: 'Another model has this device identifier' },
};

/** References and values a person entered that the schema cannot check: each problem names its field. */
async function referenceProblems(trx: Trx, input: ModelUpdate): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (input.manufacturerId && !(await trx.selectFrom('manufacturers').select('id').where('id', '=', input.manufacturerId).executeTakeFirst())) {
    problems.push({ path: '/body/manufacturerId', message: 'is not a manufacturer of this organisation' });
  }
  if (input.deviceTypeId && !(await trx.selectFrom('device_types').select('id').where('id', '=', input.deviceTypeId).executeTakeFirst())) {
    problems.push({ path: '/body/deviceTypeId', message: 'is not a device type of this organisation' });
  }
  if (input.fdaProductCode) {
    // The classification is checked once it is loaded (htm import fda-classification); before that any well-formed code is kept.
    const loaded = await trx.selectFrom('fda_product_classes').select('product_code').limit(1).executeTakeFirst();
    const known = loaded && (await trx.selectFrom('fda_product_classes').select('product_code').where('product_code', '=', input.fdaProductCode).executeTakeFirst());
    if (loaded && !known) problems.push({ path: '/body/fdaProductCode', message: 'is not an FDA product code' });
  }
  input.defaultActivities?.forEach((activity, index) => {
    const first = input.defaultActivities!.findIndex((a) => a.activity.trim().toLowerCase() === activity.activity.trim().toLowerCase());
    if (first !== index) problems.push({ path: `/body/defaultActivities/${index}/activity`, message: 'is listed twice' });
  });
  return problems;
}

async function assertModelNumberFree(trx: Trx, manufacturerId: string, modelNumber: string, exceptId?: string): Promise<void> {
  let qb = trx.selectFrom('models').select('id').where('manufacturer_id', '=', manufacturerId).where('model_number', '=', modelNumber);
  if (exceptId) qb = qb.where('id', '<>', exceptId);
  if (await qb.executeTakeFirst()) throw new AppError('conflict', MODEL_NUMBER_TAKEN.message, { fields: [MODEL_NUMBER_TAKEN.field] });
}

/** 409 naming each identifier another model has already. */
async function assertIdentifiersFree(trx: Trx, identifiers: CheckedIdentifier[], pathOf: (index: number) => string): Promise<void> {
  if (identifiers.length === 0) return;
  const taken = await trx
    .selectFrom('model_identifiers')
    .innerJoin('models', (j) => j.onRef('models.tenant_id', '=', 'model_identifiers.tenant_id').onRef('models.id', '=', 'model_identifiers.model_id'))
    .select(['model_identifiers.issuing_agency', 'model_identifiers.device_identifier', 'models.model_number'])
    .where('model_identifiers.device_identifier', 'in', identifiers.map((i) => i.device_identifier))
    .execute();
  const fields = identifiers.flatMap((identifier, index) => {
    const owner = taken.find((t) => t.issuing_agency === identifier.issuing_agency && t.device_identifier === identifier.device_identifier);
    return owner ? [{ path: pathOf(index), message: `is already the DI of model ${owner.model_number}` }] : [];
  });
  if (fields.length > 0) throw new AppError('conflict', 'A device identifier belongs to another model', { fields });
}

const activitiesJson = (activities: MaintenanceActivity[] | undefined) =>
  JSON.stringify((activities ?? []).map((a) => ({ activity: a.activity.trim(), intervalMonths: a.intervalMonths, ...(a.procedure ? { procedure: a.procedure } : {}) })));

export async function createModel(trx: Trx, tenantId: string, input: ModelCreate): Promise<string> {
  const { identifiers, problems } = checkEnteredIdentifiers(input.identifiers ?? [], '/body/identifiers');
  problems.push(...(await referenceProblems(trx, input)));
  if (problems.length > 0) throw invalid(problems);
  const modelNumber = input.modelNumber.trim();
  await assertModelNumberFree(trx, input.manufacturerId, modelNumber);
  await assertIdentifiersFree(trx, identifiers, (index) => `/body/identifiers/${index}/deviceIdentifier`);
  return explainConstraints(async () => {
    const { id } = await trx
      .insertInto('models')
      .values({
        tenant_id: tenantId,
        manufacturer_id: input.manufacturerId,
        device_type_id: input.deviceTypeId ?? null,
        model_number: modelNumber,
        name: input.name ?? null,
        fda_product_code: input.fdaProductCode ?? null,
        expected_life_years: input.expectedLifeYears ?? null,
        end_of_support: input.endOfSupport ?? null,
        ifu_url: input.ifuUrl ?? null,
        default_activities: activitiesJson(input.defaultActivities),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (identifiers.length > 0) await trx.insertInto('model_identifiers').values(identifiers.map((i) => ({ ...i, tenant_id: tenantId, model_id: id }))).execute();
    return id;
  }, CONSTRAINTS);
}

/** Changes a model; its devices follow a new manufacturer, type or name in the same transaction. */
export async function updateModel(trx: Trx, id: string, expectedVersion: number, input: ModelUpdate): Promise<void> {
  const current = assertVersion(
    await trx.selectFrom('models').select(['version', 'manufacturer_id', 'model_number']).where('id', '=', id).forUpdate().executeTakeFirst(),
    expectedVersion,
    'The model',
  );
  const problems = await referenceProblems(trx, input);
  if (problems.length > 0) throw invalid(problems);
  const manufacturerId = input.manufacturerId ?? current.manufacturer_id;
  const modelNumber = input.modelNumber?.trim() ?? current.model_number;
  if (manufacturerId !== current.manufacturer_id || modelNumber !== current.model_number) await assertModelNumberFree(trx, manufacturerId, modelNumber, id);
  await explainConstraints(
    () =>
      trx
        .updateTable('models')
        .set({
          ...(input.manufacturerId !== undefined && { manufacturer_id: input.manufacturerId }),
          ...(input.modelNumber !== undefined && { model_number: modelNumber }),
          ...(input.deviceTypeId !== undefined && { device_type_id: input.deviceTypeId }),
          ...(input.name !== undefined && { name: input.name }),
          ...(input.fdaProductCode !== undefined && { fda_product_code: input.fdaProductCode }),
          ...(input.expectedLifeYears !== undefined && { expected_life_years: input.expectedLifeYears }),
          ...(input.endOfSupport !== undefined && { end_of_support: input.endOfSupport }),
          ...(input.ifuUrl !== undefined && { ifu_url: input.ifuUrl }),
          ...(input.defaultActivities !== undefined && { default_activities: activitiesJson(input.defaultActivities) }),
          version: sql`version + 1`,
          updated_at: sql`now()`,
        })
        .where('id', '=', id)
        .execute(),
    CONSTRAINTS,
  );
  if (['manufacturerId', 'modelNumber', 'deviceTypeId', 'name'].some((field) => field in input)) await refreshDevicesOfModels(trx, { modelId: id });
}

/** Deletes a model no device belongs to; its identifiers go with it. */
export async function deleteModel(trx: Trx, id: string, expectedVersion: number): Promise<void> {
  assertVersion(await trx.selectFrom('models').select('version').where('id', '=', id).forUpdate().executeTakeFirst(), expectedVersion, 'The model');
  const devices = await trx.selectFrom('devices').select(sql<number>`count(*)::int`.as('n')).where('model_id', '=', id).executeTakeFirstOrThrow();
  if (devices.n > 0) throw new AppError('conflict', `${devices.n} device(s) are of this model; it cannot be deleted`);
  await explainConstraints(() => trx.deleteFrom('models').where('id', '=', id).execute(), {}, 'The model is still in use');
}

async function bumpModel(trx: Trx, id: string): Promise<void> {
  const bumped = await trx.updateTable('models').set({ version: sql`version + 1`, updated_at: sql`now()` }).where('id', '=', id).executeTakeFirst();
  if (Number(bumped.numUpdatedRows) === 0) throw notFound('The model');
}

export async function addIdentifier(trx: Trx, tenantId: string, modelId: string, input: IdentifierIn): Promise<void> {
  await bumpModel(trx, modelId);
  const { identifier, problem } = checkIdentifier(input);
  if (problem) throw invalid([{ path: '/body/deviceIdentifier', message: problem }]);
  await assertIdentifiersFree(trx, [identifier], () => '/body/deviceIdentifier');
  await explainConstraints(() => trx.insertInto('model_identifiers').values({ ...identifier, tenant_id: tenantId, model_id: modelId }).execute(), CONSTRAINTS);
}

export async function removeIdentifier(trx: Trx, modelId: string, identifierId: string): Promise<void> {
  await bumpModel(trx, modelId);
  const deleted = await trx.deleteFrom('model_identifiers').where('id', '=', identifierId).where('model_id', '=', modelId).executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) throw notFound('The identifier');
}
