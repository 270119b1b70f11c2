import { sql } from 'kysely';
import type { Trx } from '../../db/tenant-context.ts';

/** Which models' devices to bring in step; exactly one is given. */
export type ModelSelector = { modelId: string } | { manufacturerId: string } | { deviceTypeId: string };

/**
 * Devices carry their model's manufacturer and device type, and a search text made of model, manufacturer and type
 * names (device_search_text), so that device lists filter, sort and search without joins. Every change to a
 * model, manufacturer or device type that touches those values calls this in the same transaction.
 */
export async function refreshDevicesOfModels(trx: Trx, selector: ModelSelector): Promise<number> {
  const filter =
    'modelId' in selector
      ? sql`m.id = ${selector.modelId}`
      : 'manufacturerId' in selector
        ? sql`m.manufacturer_id = ${selector.manufacturerId}`
        : sql`m.device_type_id = ${selector.deviceTypeId}`;
  const result = await sql`
    update devices d
    set manufacturer_id = m.manufacturer_id,
        device_type_id = m.device_type_id,
        search_text = device_search_text(d.asset_tag, d.serial_number, m.model_number, m.name, mf.name, dt.name)
    from models m
    join manufacturers mf on mf.tenant_id = m.tenant_id and mf.id = m.manufacturer_id
    left join device_types dt on dt.tenant_id = m.tenant_id and dt.id = m.device_type_id
    where d.tenant_id = m.tenant_id and d.model_id = m.id and ${filter}
      and (d.manufacturer_id, d.device_type_id, d.search_text)
          is distinct from (m.manufacturer_id, m.device_type_id, device_search_text(d.asset_tag, d.serial_number, m.model_number, m.name, mf.name, dt.name))`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}
