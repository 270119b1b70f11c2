import { DEFAULT_RISK_POLICY, isValidRiskPolicy, may, type RiskPolicy } from '@openhtm/domain';
import { sql } from 'kysely';
import type { DeviceEvent } from '../../db/schema.ts';
import type { Trx } from '../../db/tenant-context.ts';
import { notFound } from '../../http/errors.ts';
import type { AuthContext } from '../auth/sessions.ts';
import { DEVICE_COLUMNS, type DeviceRow } from './device-access.ts';

/** A device_events row as json_agg renders it. */
type StoredEvent = Omit<DeviceEvent, 'occurred_at'> & { occurred_at: string };

/** How many lifecycle events the device page shows; the timeline has the rest. */
const RECENT_EVENTS = 5;

/** The names and facts a device refers to, as the device page shows them. */
export interface DeviceReferences {
  model_number: string;
  model_name: string | null;
  fda_product_code: string | null;
  expected_life_years: string | null;
  end_of_support: string | null;
  ifu_url: string | null;
  manufacturer_name: string;
  device_type_name: string | null;
  nomenclature_system: string | null;
  nomenclature_code: string | null;
  type_life_support: boolean | null;
  aem_exclusion: string | null;
  fda_device_name: string | null;
  fda_device_class: string | null;
  fda_regulation_number: string | null;
  fda_medical_specialty: string | null;
  fda_life_sustaining: boolean | null;
  fda_implant: boolean | null;
  facility_code: string;
  facility_name: string;
  building_name: string | null;
  department_name: string | null;
  room_name: string | null;
  vendor_name: string | null;
}

export interface DevicePage {
  device: DeviceRow & DeviceReferences;
  attachmentsCount: number;
  recentEvents: DeviceEvent[];
  policy: RiskPolicy;
}

/**
 * Everything the device page shows, in one query of indexed lookups: the device (if the actor may see it) joined (by primary key) to its model,
 * manufacturer, type, FDA classification, location and vendor; its attachment count; its latest events; the
 * tenant's risk policy (to explain the assessment). One round trip keeps the page fast when the database is busy.
 */
export async function loadDevicePage(trx: Trx, auth: AuthContext, id: string): Promise<DevicePage> {
  const device = await trx
    .selectFrom('devices as d')
    .innerJoin('models as m', (j) => j.onRef('m.tenant_id', '=', 'd.tenant_id').onRef('m.id', '=', 'd.model_id'))
    .innerJoin('manufacturers as mf', (j) => j.onRef('mf.tenant_id', '=', 'd.tenant_id').onRef('mf.id', '=', 'd.manufacturer_id'))
    .innerJoin('facilities as f', (j) => j.onRef('f.tenant_id', '=', 'd.tenant_id').onRef('f.id', '=', 'd.facility_id'))
    .leftJoin('device_types as dt', (j) => j.onRef('dt.tenant_id', '=', 'd.tenant_id').onRef('dt.id', '=', 'd.device_type_id'))
    .leftJoin('fda_product_classes as fda', 'fda.product_code', 'm.fda_product_code')
    .leftJoin('buildings as b', (j) => j.onRef('b.tenant_id', '=', 'd.tenant_id').onRef('b.id', '=', 'd.building_id'))
    .leftJoin('departments as dep', (j) => j.onRef('dep.tenant_id', '=', 'd.tenant_id').onRef('dep.id', '=', 'd.department_id'))
    .leftJoin('rooms as r', (j) => j.onRef('r.tenant_id', '=', 'd.tenant_id').onRef('r.id', '=', 'd.room_id'))
    .leftJoin('vendors as v', (j) => j.onRef('v.tenant_id', '=', 'd.tenant_id').onRef('v.id', '=', 'd.vendor_id'))
    .select(DEVICE_COLUMNS.map((c) => `d.${c}` as const))
    .select([
      'm.model_number',
      'm.name as model_name',
      'm.fda_product_code',
      'm.expected_life_years',
      'm.end_of_support',
      'm.ifu_url',
      'mf.name as manufacturer_name',
      'dt.name as device_type_name',
      'dt.nomenclature_system',
      'dt.nomenclature_code',
      'dt.life_support as type_life_support',
      'dt.aem_exclusion',
      'fda.device_name as fda_device_name',
      'fda.device_class as fda_device_class',
      'fda.regulation_number as fda_regulation_number',
      'fda.medical_specialty as fda_medical_specialty',
      'fda.life_sustaining as fda_life_sustaining',
      'fda.implant as fda_implant',
      'f.code as facility_code',
      'f.name as facility_name',
      'b.name as building_name',
      'dep.name as department_name',
      'r.name as room_name',
      'v.name as vendor_name',
      sql<number>`(select count(*)::int from attachments a where a.entity = 'device' and a.entity_id = d.id)`.as('attachments_count'),
      sql<StoredEvent[]>`(select coalesce(json_agg(e order by e.occurred_at desc, e.id desc), '[]') from (
        select * from device_events where device_id = d.id order by occurred_at desc, id desc limit ${RECENT_EVENTS}) e)`.as('recent_events'),
      sql<unknown>`(select risk_policy from tenant_settings)`.as('risk_policy'),
    ])
    .where('d.id', '=', id)
    .executeTakeFirst();
  // Out of the actor's facilities answers like a device that does not exist.
  if (!device || !may(auth, 'inventory.read', { facilityId: device.facility_id })) throw notFound('The device');
  const { attachments_count, recent_events, risk_policy, ...row } = device;
  // The tenant's own policy once set and valid, the Fennigkoh–Smith default otherwise (as riskPolicyOf decides).
  const policy = risk_policy && isValidRiskPolicy(risk_policy) ? risk_policy : DEFAULT_RISK_POLICY;
  const recentEvents = recent_events.map((e) => ({ ...e, occurred_at: new Date(e.occurred_at) }));
  return { device: row as DevicePage['device'], attachmentsCount: attachments_count, recentEvents, policy };
}
