import { DEFAULT_RISK_POLICY, isValidRiskPolicy, may, type AemPolicy, type RiskPolicy } from '@openhtm/domain';
import { sql } from 'kysely';
import type { DeviceEvent } from '../../db/schema.ts';
import type { Trx } from '../../db/tenant-context.ts';
import { notFound } from '../../http/errors.ts';
import type { AuthContext } from '../auth/sessions.ts';
import { aemPolicyOf } from './aem-eligibility.ts';
import { DEVICE_COLUMNS, type DeviceRow } from './device-access.ts';

/** A device_events row as json_agg renders it. */
type StoredEvent = Omit<DeviceEvent, 'occurred_at'> & { occurred_at: string };

/** How many lifecycle events the device page shows; the timeline has the rest. */
const RECENT_EVENTS = 5;

/** A device's FDA product classification as the device page's subquery renders it. */
interface FdaFacts {
  device_name: string | null;
  device_class: string | null;
  regulation_number: string | null;
  medical_specialty: string | null;
  life_sustaining: boolean | null;
  implant: boolean | null;
}

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
  aemPolicy: AemPolicy;
}

/**
 * Everything the device page shows, in one query of indexed lookups: the device (if the actor may see it) with its model,
 * manufacturer, type, FDA classification, location and vendor; its attachment count; its latest events; the
 * tenant's risk and AEM policies (to explain the assessment and the AEM eligibility). One round trip keeps the page
 * fast when the database is busy.
 */
export async function loadDevicePage(trx: Trx, auth: AuthContext, id: string): Promise<DevicePage> {
  // Three joined tables; everything else is a scalar subquery by primary key. A ten-table join took 4 ms to plan
  // against under 1 ms to run (bench/plans/device-page.txt); subqueries are planned one by one, in linear time.
  const device = await trx
    .selectFrom('devices as d')
    .innerJoin('models as m', (j) => j.onRef('m.tenant_id', '=', 'd.tenant_id').onRef('m.id', '=', 'd.model_id'))
    .innerJoin('manufacturers as mf', (j) => j.onRef('mf.tenant_id', '=', 'd.tenant_id').onRef('mf.id', '=', 'd.manufacturer_id'))
    .leftJoin('device_types as dt', (j) => j.onRef('dt.tenant_id', '=', 'd.tenant_id').onRef('dt.id', '=', 'd.device_type_id'))
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
      sql<FdaFacts | null>`(select json_build_object('device_name', c.device_name, 'device_class', c.device_class,
        'regulation_number', c.regulation_number, 'medical_specialty', c.medical_specialty, 'life_sustaining', c.life_sustaining,
        'implant', c.implant) from fda_product_classes c where c.product_code = m.fda_product_code)`.as('fda'),
      sql<{ code: string; name: string }>`(select json_build_object('code', f.code, 'name', f.name) from facilities f where f.id = d.facility_id)`.as('facility'),
      sql<string | null>`(select b.name from buildings b where b.id = d.building_id)`.as('building_name'),
      sql<string | null>`(select dep.name from departments dep where dep.id = d.department_id)`.as('department_name'),
      sql<string | null>`(select r.name from rooms r where r.id = d.room_id)`.as('room_name'),
      sql<string | null>`(select v.name from vendors v where v.id = d.vendor_id)`.as('vendor_name'),
      sql<number>`(select count(*)::int from attachments a where a.entity = 'device' and a.entity_id = d.id)`.as('attachments_count'),
      sql<StoredEvent[]>`(select coalesce(json_agg(e order by e.occurred_at desc, e.id desc), '[]') from (
        select * from device_events where device_id = d.id order by occurred_at desc, id desc limit ${RECENT_EVENTS}) e)`.as('recent_events'),
      sql<unknown>`(select risk_policy from tenant_settings)`.as('risk_policy'),
      sql<unknown>`(select aem_policy from tenant_settings)`.as('aem_policy'),
    ])
    .where('d.id', '=', id)
    .executeTakeFirst();
  // Out of the actor's facilities answers like a device that does not exist.
  if (!device || !may(auth, 'inventory.read', { facilityId: device.facility_id })) throw notFound('The device');
  const { attachments_count, recent_events, risk_policy, aem_policy, fda, facility, ...row } = device;
  // The tenant's own policy once set and valid, the Fennigkoh–Smith default otherwise (as riskPolicyOf decides).
  const policy = risk_policy && isValidRiskPolicy(risk_policy) ? risk_policy : DEFAULT_RISK_POLICY;
  const recentEvents = recent_events.map((e) => ({ ...e, occurred_at: new Date(e.occurred_at) }));
  const references = {
    fda_device_name: fda?.device_name ?? null,
    fda_device_class: fda?.device_class ?? null,
    fda_regulation_number: fda?.regulation_number ?? null,
    fda_medical_specialty: fda?.medical_specialty ?? null,
    fda_life_sustaining: fda?.life_sustaining ?? null,
    fda_implant: fda?.implant ?? null,
    facility_code: facility.code,
    facility_name: facility.name,
  };
  return { device: { ...row, ...references } as DevicePage['device'], attachmentsCount: attachments_count, recentEvents, policy, aemPolicy: aemPolicyOf(aem_policy) };
}
