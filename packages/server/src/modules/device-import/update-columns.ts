import { sql } from 'kysely';

/** Building, department and room come from the row as a whole when the row moves the device to another facility. */
const location = (column: string) =>
  `case when s.facility_id is not null and s.facility_id <> d.facility_id then s.${column} else coalesce(s.${column}, d.${column}) end`;

/**
 * The value each device column takes when a staged row (`s`) updates an existing device (`d`). A blank cell
 * keeps what the device has, so an import never erases data; status is left to lifecycle transitions.
 * Manufacturer and device type follow the model (joined as `m`) and are set by the update itself.
 */
export const UPDATED_VALUES: ReadonlyArray<readonly [column: string, value: string]> = [
  ['asset_tag', 'coalesce(s.asset_tag, d.asset_tag)'],
  ['serial_number', 'coalesce(s.serial_number, d.serial_number)'],
  ['udi', 'coalesce(s.udi, d.udi)'],
  ['udi_di', 'case when s.udi is null then d.udi_di else s.udi_di end'],
  ['model_id', 'coalesce(s.model_id, d.model_id)'],
  ['facility_id', 'coalesce(s.facility_id, d.facility_id)'],
  ['building_id', location('building_id')],
  ['department_id', location('department_id')],
  ['room_id', location('room_id')],
  ['ownership', 'coalesce(s.ownership, d.ownership)'],
  ['acquisition_date', 'coalesce(s.acquisition_date, d.acquisition_date)'],
  ['acquisition_cost', 'coalesce(s.acquisition_cost, d.acquisition_cost)'],
  ['purchase_order', 'coalesce(s.purchase_order, d.purchase_order)'],
  ['vendor_id', 'coalesce(s.vendor_id, d.vendor_id)'],
  ['warranty_end', 'coalesce(s.warranty_end, d.warranty_end)'],
  ['hostname', 'coalesce(s.hostname, d.hostname)'],
  ['ip_address', 'coalesce(s.ip_address, d.ip_address)'],
  ['mac_address', 'coalesce(s.mac_address, d.mac_address)'],
  ['operating_system', 'coalesce(s.operating_system, d.operating_system)'],
  ['software_version', 'coalesce(s.software_version, d.software_version)'],
  ['stores_patient_data', 'coalesce(s.stores_patient_data, d.stores_patient_data)'],
  ['notes', 'coalesce(s.notes, d.notes)'],
];

/** True when the row changes anything of the device: only such devices are updated (and bump their version). */
export const CHANGED = sql.raw(
  `(${UPDATED_VALUES.map(([column]) => `d.${column}`).join(', ')}) is distinct from (${UPDATED_VALUES.map(([, value]) => value).join(', ')})`,
);

/** The SET list of the update. */
export const SET_UPDATED = sql.raw(UPDATED_VALUES.map(([column, value]) => `${column} = ${value}`).join(', '));
