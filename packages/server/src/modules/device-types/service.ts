import { sql } from 'kysely';
import type { DeviceType } from '../../db/schema.ts';
import type { Trx } from '../../db/tenant-context.ts';
import { explainConstraints } from '../../db/constraint-errors.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { likePattern } from '../../http/common-schemas.ts';
import { keysetPage, type Page } from '../../http/pagination.ts';
import { assertVersion } from '../../http/versions.ts';
import { refreshDevicesOfModels } from '../models/denormalize.ts';
import type { DeviceTypeCreate, DeviceTypeListQuery, DeviceTypeUpdate } from './schema.ts';

const NAME_TAKEN = { message: 'Another device type has this name', field: { path: '/body/name', message: 'is already in use' } };
const CONSTRAINTS = { device_types_tenant_id_name_key: NAME_TAKEN };

export async function listDeviceTypes(trx: Trx, query: DeviceTypeListQuery): Promise<Page<DeviceType>> {
  let qb = trx.selectFrom('device_types').selectAll();
  if (query.q) qb = qb.where((eb) => eb.or([eb('name', 'ilike', likePattern(query.q!)), eb('nomenclature_code', 'ilike', likePattern(query.q!))]));
  if (query.nomenclatureSystem) qb = qb.where('nomenclature_system', '=', query.nomenclatureSystem);
  if (query.function) qb = qb.where('risk_function', '=', query.function);
  if (query.lifeSupport !== undefined) qb = qb.where('life_support', '=', query.lifeSupport);
  if (query.aemExclusion) qb = query.aemExclusion === 'none' ? qb.where('aem_exclusion', 'is', null) : qb.where('aem_exclusion', '=', query.aemExclusion);
  return keysetPage(qb, {
    query,
    sortFields: { name: 'name', createdAt: 'created_at', updatedAt: 'updated_at' },
    defaultSort: 'name',
    idColumn: 'id',
  });
}

export async function getDeviceType(trx: Trx, id: string): Promise<DeviceType> {
  const row = await trx.selectFrom('device_types').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('The device type');
  return row;
}

async function assertNameFree(trx: Trx, name: string, exceptId?: string): Promise<void> {
  let qb = trx.selectFrom('device_types').select('id').where(sql<boolean>`lower(name) = ${name.toLowerCase()}`);
  if (exceptId) qb = qb.where('id', '<>', exceptId);
  if (await qb.executeTakeFirst()) throw new AppError('conflict', NAME_TAKEN.message, { fields: [NAME_TAKEN.field] });
}

export async function createDeviceType(trx: Trx, tenantId: string, input: DeviceTypeCreate): Promise<DeviceType> {
  await assertNameFree(trx, input.name);
  return explainConstraints(
    () =>
      trx
        .insertInto('device_types')
        .values({
          tenant_id: tenantId,
          name: input.name.trim(),
          nomenclature_system: input.nomenclatureSystem ?? 'local',
          nomenclature_code: input.nomenclatureCode ?? null,
          risk_function: input.riskInputs.function,
          risk_physical: input.riskInputs.physicalRisk,
          risk_maintenance: input.riskInputs.maintenanceRequirement,
          risk_incident_history: input.riskInputs.incidentHistory ?? 'average',
          life_support: input.lifeSupport ?? false,
          aem_exclusion: input.aemExclusion ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    CONSTRAINTS,
  );
}

export async function updateDeviceType(trx: Trx, id: string, expectedVersion: number, input: DeviceTypeUpdate): Promise<DeviceType> {
  const current = assertVersion(
    await trx.selectFrom('device_types').select(['version', 'name']).where('id', '=', id).forUpdate().executeTakeFirst(),
    expectedVersion,
    'The device type',
  );
  if (input.name !== undefined) await assertNameFree(trx, input.name, id);
  const risk = input.riskInputs;
  const updated = await explainConstraints(
    () =>
      trx
        .updateTable('device_types')
        .set({
          ...(input.name !== undefined && { name: input.name.trim() }),
          ...(input.nomenclatureSystem !== undefined && { nomenclature_system: input.nomenclatureSystem }),
          ...(input.nomenclatureCode !== undefined && { nomenclature_code: input.nomenclatureCode }),
          ...(risk && {
            risk_function: risk.function,
            risk_physical: risk.physicalRisk,
            risk_maintenance: risk.maintenanceRequirement,
            risk_incident_history: risk.incidentHistory ?? 'average',
          }),
          ...(input.lifeSupport !== undefined && { life_support: input.lifeSupport }),
          ...(input.aemExclusion !== undefined && { aem_exclusion: input.aemExclusion }),
          version: sql`version + 1`,
          updated_at: sql`now()`,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),
    CONSTRAINTS,
  );
  // Device search text carries the type's name.
  if (input.name !== undefined && input.name.trim() !== current.name) await refreshDevicesOfModels(trx, { deviceTypeId: id });
  return updated;
}

/** Deletes a device type that no model or device refers to. */
export async function deleteDeviceType(trx: Trx, id: string, expectedVersion: number): Promise<void> {
  assertVersion(await trx.selectFrom('device_types').select('version').where('id', '=', id).forUpdate().executeTakeFirst(), expectedVersion, 'The device type');
  const used = await trx
    .selectFrom('models')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('device_type_id', '=', id)
    .executeTakeFirstOrThrow();
  if (used.n > 0) throw new AppError('conflict', `The device type is used by ${used.n} model(s); change them first`);
  await explainConstraints(() => trx.deleteFrom('device_types').where('id', '=', id).execute(), {}, 'The device type is still used by devices');
}
