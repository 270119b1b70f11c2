import { sql } from 'kysely';
import { compactManufacturerKey } from '@openhtm/domain';
import type { Trx } from '../../db/tenant-context.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { recordAuditEvent } from '../audit/record.ts';
import { refreshDevicesOfModels } from '../models/denormalize.ts';

export interface MergeResult {
  aliasesMoved: number;
  modelsMoved: number;
  modelsCombined: number;
  devicesMoved: number;
}

/**
 * Merges manufacturer `sourceId` into `targetId`: the source's name and aliases become aliases of the target, its
 * models move over (a model number both have becomes one model, its devices and identifiers joining the target's),
 * its devices follow, and the source is deleted. The merge is recorded in the audit trail of the target.
 */
export async function mergeManufacturers(trx: Trx, tenantId: string, targetId: string, sourceId: string): Promise<MergeResult> {
  if (targetId === sourceId) throw invalid([{ path: '/body/sourceId', message: 'is the manufacturer itself' }]);
  const both = await trx.selectFrom('manufacturers').select(['id', 'name', 'normalized_name']).where('id', 'in', [targetId, sourceId]).orderBy('id').forUpdate().execute();
  const target = both.find((m) => m.id === targetId);
  const source = both.find((m) => m.id === sourceId);
  if (!target) throw notFound('The manufacturer');
  if (!source) throw new AppError('validation', 'The manufacturer to merge was not found', { fields: [{ path: '/body/sourceId', message: 'is not a manufacturer' }] });

  const pairs = await sql<{ source_model: string; target_model: string; model_number: string }>`
    select s.id as source_model, t.id as target_model, s.model_number
    from models s join models t on t.tenant_id = s.tenant_id and t.model_number = s.model_number and t.manufacturer_id = ${targetId}
    where s.manufacturer_id = ${sourceId}`.execute(trx);
  const clashes = await sql<{ serial_number: string; model_number: string }>`
    select d.serial_number, m.model_number from devices d
    join models m on m.tenant_id = d.tenant_id and m.id = d.model_id and m.manufacturer_id = ${sourceId}
    join models t on t.tenant_id = m.tenant_id and t.model_number = m.model_number and t.manufacturer_id = ${targetId}
    join devices e on e.tenant_id = t.tenant_id and e.model_id = t.id and e.serial_number = d.serial_number`.execute(trx);
  if (clashes.rows.length > 0) {
    const list = clashes.rows.slice(0, 10).map((c) => `${c.model_number} serial ${c.serial_number}`).join(', ');
    throw new AppError('conflict', `Both manufacturers have a device with the same model and serial number (${list}); resolve them first`, {
      extensions: { clashes: clashes.rows.map((c) => ({ modelNumber: c.model_number, serialNumber: c.serial_number })) },
    });
  }

  for (const pair of pairs.rows) {
    await trx.updateTable('devices').set({ model_id: pair.target_model }).where('model_id', '=', pair.source_model).execute();
    await trx
      .updateTable('model_identifiers')
      .set({ model_id: pair.target_model })
      .where('model_id', '=', pair.source_model)
      .execute();
    await trx.updateTable('attachments').set({ entity_id: pair.target_model }).where('entity', '=', 'model').where('entity_id', '=', pair.source_model).execute();
    await trx.deleteFrom('models').where('id', '=', pair.source_model).execute();
  }
  const models = await trx.updateTable('models').set({ manufacturer_id: targetId, updated_at: sql`now()` }).where('manufacturer_id', '=', sourceId).executeTakeFirst();
  const devices = await trx.updateTable('devices').set({ manufacturer_id: targetId }).where('manufacturer_id', '=', sourceId).executeTakeFirst();
  const aliases = await trx.updateTable('manufacturer_aliases').set({ manufacturer_id: targetId }).where('manufacturer_id', '=', sourceId).executeTakeFirst();
  await trx.deleteFrom('manufacturers').where('id', '=', sourceId).execute();
  if (compactManufacturerKey(source.normalized_name) !== compactManufacturerKey(target.normalized_name)) {
    await trx
      .insertInto('manufacturer_aliases')
      .values({ tenant_id: tenantId, manufacturer_id: targetId, alias: source.name, normalized_alias: source.normalized_name })
      .onConflict((oc) => oc.columns(['tenant_id', 'normalized_alias']).doNothing())
      .execute();
  }
  await trx.updateTable('manufacturers').set({ version: sql`version + 1`, updated_at: sql`now()` }).where('id', '=', targetId).execute();
  await refreshDevicesOfModels(trx, { manufacturerId: targetId });

  const result: MergeResult = {
    aliasesMoved: Number(aliases.numUpdatedRows),
    modelsMoved: Number(models.numUpdatedRows),
    modelsCombined: pairs.rows.length,
    devicesMoved: Number(devices.numUpdatedRows),
  };
  await recordAuditEvent(trx, {
    tenantId,
    entity: 'manufacturer',
    entityId: targetId,
    action: 'merge',
    changes: { mergedFrom: [{ id: source.id, name: source.name }, null], ...Object.fromEntries(Object.entries(result).map(([k, v]) => [k, [null, v]])) },
  });
  return result;
}
