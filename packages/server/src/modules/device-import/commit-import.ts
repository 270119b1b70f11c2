import { sql } from 'kysely';
import type { Trx } from '../../db/tenant-context.ts';
import type { NewModel } from './check-rows.ts';
import { CHANGED, SET_UPDATED } from './update-columns.ts';

export interface WrittenChanges {
  modelsCreated: number;
  created: number;
  updated: number;
}

/** Creates the models that good rows need and the catalog lacks (source `import`), with the ids the rows carry. */
async function createModels(trx: Trx, tenantId: string, newModels: readonly NewModel[]): Promise<number> {
  if (newModels.length === 0) return 0;
  const { rows } = await sql<{ model_id: string }>`select distinct model_id from import_rows where new_model and not has_error`.execute(trx);
  const needed = new Set(rows.map((r) => r.model_id));
  const models = newModels.filter((m) => needed.has(m.id));
  for (let i = 0; i < models.length; i += 1000) {
    await trx
      .insertInto('models')
      .values(models.slice(i, i + 1000).map((m) => ({
        tenant_id: tenantId,
        id: m.id,
        manufacturer_id: m.manufacturerId,
        device_type_id: m.deviceTypeId,
        model_number: m.modelNumber,
        source: 'import' as const,
        default_activities: '[]',
      })))
      .execute();
  }
  return models.length;
}

/**
 * Updates the matched devices whose row changes something: the version goes up, search text is recomputed,
 * and manufacturer and device type follow the model. One statement, so the audit trigger runs once.
 */
async function updateDevices(trx: Trx, matches: number): Promise<number> {
  if (matches === 0) return 0;
  const result = await sql`
    update devices d set ${SET_UPDATED},
      manufacturer_id = m.manufacturer_id,
      device_type_id = m.device_type_id,
      search_text = device_search_text(coalesce(s.asset_tag, d.asset_tag), coalesce(s.serial_number, d.serial_number), m.model_number, m.name, mf.name, dt.name),
      version = d.version + 1,
      updated_at = now()
    from import_rows s
    join import_matches t on t.line = s.line
    join models m on m.id = coalesce(s.model_id, t.model_id)
    join manufacturers mf on mf.id = m.manufacturer_id
    left join device_types dt on dt.id = m.device_type_id
    where d.id = t.device_id and not s.has_error and ${CHANGED}`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Inserts the rows that match no device, in asset-tag order (index pages fill in order). Imported devices are
 * existing inventory: in service unless the file says otherwise, and counted as having been in service, so the
 * acceptance inspection that predates the system is not asked for again.
 */
async function insertDevices(trx: Trx): Promise<number> {
  const result = await sql`
    insert into devices (
      tenant_id, asset_tag, serial_number, udi, udi_di, model_id, manufacturer_id, device_type_id, facility_id, building_id,
      department_id, room_id, ownership, acquisition_date, acquisition_cost, purchase_order, vendor_id, warranty_end, status,
      out_of_service_reason, has_been_in_service, hostname, ip_address, mac_address, operating_system, software_version,
      stores_patient_data, notes, search_text)
    select current_tenant_id(), s.asset_tag, s.serial_number, s.udi, s.udi_di, m.id, m.manufacturer_id, m.device_type_id, s.facility_id, s.building_id,
      s.department_id, s.room_id, coalesce(s.ownership, 'owned'), s.acquisition_date, s.acquisition_cost, s.purchase_order, s.vendor_id, s.warranty_end,
      coalesce(s.status, 'in_service'), s.out_of_service_reason, coalesce(s.status, 'in_service') in ('in_service', 'out_of_service'),
      s.hostname, s.ip_address, s.mac_address, s.operating_system, s.software_version, coalesce(s.stores_patient_data, false), s.notes,
      device_search_text(s.asset_tag, s.serial_number, m.model_number, m.name, mf.name, dt.name)
    from import_rows s
    join models m on m.id = s.model_id
    join manufacturers mf on mf.id = m.manufacturer_id
    left join device_types dt on dt.id = m.device_type_id
    where not s.has_error and s.line not in (select line from import_matches)
    order by s.asset_tag`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/** Writes the checked rows that have no error: new models first, then updates, then new devices. */
export async function writeDevices(trx: Trx, tenantId: string, newModels: readonly NewModel[], matches: number): Promise<WrittenChanges> {
  const modelsCreated = await createModels(trx, tenantId, newModels);
  const updated = await updateDevices(trx, matches);
  const created = await insertDevices(trx);
  return { modelsCreated, created, updated };
}
