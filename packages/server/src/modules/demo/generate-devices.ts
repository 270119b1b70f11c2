import type { IncidentHistory, OutOfServiceReason, Ownership } from '@openhtm/domain';
import { DAY, drawLifecycle, drawSoftware, fleetTables, isoDay, networkIdentity, OUT_OF_SERVICE_NOTES, riskDraw, YEAR } from './device-draws.ts';
import type { DemoReference } from './load-reference.ts';
import { createRandom } from './random.ts';

/** One demo device as columns of the devices table (search text, risk inputs and denormalized ids come from SQL). */
export interface DeviceRow {
  asset_tag: string;
  serial_number: string;
  udi: string | null;
  udi_di: string | null;
  model_id: string;
  facility_id: string;
  building_id: string;
  department_id: string;
  room_id: string | null;
  location_note: string | null;
  ownership: Ownership;
  acquisition_date: string;
  acquisition_cost: string;
  purchase_order: string;
  vendor_id: string;
  warranty_end: string;
  service_contract: string | null;
  status: 'received' | 'in_service' | 'out_of_service' | 'retired';
  out_of_service_reason: OutOfServiceReason | null;
  incoming_inspection_passed_at: string | null;
  stores_patient_data: boolean;
  hostname: string | null;
  ip_address: string | null;
  mac_address: string | null;
  operating_system: string | null;
  software_version: string | null;
  incident_history: IncidentHistory;
  risk_score: number;
  high_risk: boolean;
  aem_decided_at: string | null;
  notes: string | null;
  /** When the device entered its current status, for the status-change event. */
  status_at: string | null;
}

export interface GenerateOptions {
  count: number;
  seed: number;
  /** The demo's "today": ages, warranties and statuses are relative to it, so the data does not depend on the clock. */
  asOf: string;
}

/**
 * Generates the demo fleet one device at a time, deterministically: the same options give the same devices.
 * Device types follow their fleet shares, models their shares within the type, placement the type's departments
 * weighted by department size.
 */
export function* generateDevices(reference: DemoReference, options: GenerateOptions): Generator<DeviceRow> {
  const random = createRandom(options.seed);
  const asOf = Date.parse(`${options.asOf}T00:00:00Z`);
  const oldest = asOf - 15 * YEAR;
  const tables = fleetTables(reference);
  const risk = riskDraw();
  const assetSeq = new Map<string, number>();
  const serialSeq = new Map<string, number>();
  const hostSeq = new Map<number, number>();
  let fleetHosts = 0;
  let purchaseOrders = 0;

  for (let n = 0; n < options.count; n++) {
    const model = tables.model(random);
    const type = model.type;
    const department = tables.placement.get(type.key)!(random);
    const start = Math.max(oldest, Date.UTC(model.def.since, 0, 1));
    const acquired = start + Math.floor(random.next() * Math.max(asOf - 7 * DAY - start, DAY));
    const lifecycle = drawLifecycle(random, tables, acquired, asOf, model.def.expectedLifeYears ?? type.expectedLifeYears);
    const inService = lifecycle.status !== 'received';
    const inspectedAt = inService ? acquired + random.int(1, 10) * DAY + 10 * 3_600_000 : null;

    // Asset tags count per facility; serial numbers per model, with gaps, after the year of manufacture.
    const tagNumber = (assetSeq.get(department.facilityCode) ?? 0) + 1;
    assetSeq.set(department.facilityCode, tagNumber);
    const serialNumber = (serialSeq.get(model.id) ?? 0) + 1 + random.int(0, 3);
    serialSeq.set(model.id, serialNumber);
    const year = new Date(acquired).getUTCFullYear();
    const serial = `${model.def.serialPrefix}${String(year % 100).padStart(2, '0')}${String(serialNumber).padStart(6, '0')}`;

    const ownership = tables.ownership[type.ownership](random);
    const direct = reference.directVendors.get(model.def.manufacturer);
    const vendor = ownership === 'rented' ? reference.rental : ((direct && random.chance(0.8) ? direct : undefined) ?? random.pick(reference.distributors));
    const contracted = ownership === 'vendor_maintained' || ownership === 'leased' || type.ownership === 'capital' || type.ownership === 'laboratory';

    let network: Pick<DeviceRow, 'hostname' | 'ip_address' | 'mac_address' | 'operating_system'> = { hostname: null, ip_address: null, mac_address: null, operating_system: null };
    if (lifecycle.status !== 'retired' && random.chance(model.def.connected ?? type.connected)) {
      const host = (hostSeq.get(department.facilityIndex) ?? 0) + 1;
      hostSeq.set(department.facilityIndex, host);
      network = networkIdentity(model, department, tagNumber, host, ++fleetHosts);
    }
    const software = drawSoftware(random, model, acquired, start, asOf);
    const assessment = risk(random, tables, model);
    const aem = type.aemCandidate === true && !assessment.highRisk && inService && (asOf - acquired) / YEAR > 1.5 && random.chance(0.6);

    const room = department.roomIds.length && random.chance(0.88) ? random.pick(department.roomIds) : null;
    // GS1 UDIs on labels from the FDA's class II compliance date on.
    const withUdi = acquired >= Date.UTC(2016, 8, 24) && random.chance(0.6);
    const manufactured = isoDay(acquired - random.int(20, 180) * DAY);

    yield {
      asset_tag: `${department.facilityCode}-${String(tagNumber).padStart(6, '0')}`,
      serial_number: serial,
      udi: withUdi ? `(01)${model.gtin}(11)${manufactured.slice(2).replace(/-/g, '')}(21)${serial}` : null,
      udi_di: withUdi ? model.gtin : null,
      model_id: model.id,
      facility_id: department.facilityId,
      building_id: department.buildingId,
      department_id: department.id,
      room_id: room,
      location_note: room ? null : 'Mobile equipment; kept in the department equipment room',
      ownership,
      acquisition_date: isoDay(acquired),
      acquisition_cost: (type.cost[0] + random.next() * (type.cost[1] - type.cost[0])).toFixed(2),
      purchase_order: `PO-${year}-${String(++purchaseOrders % 100000).padStart(5, '0')}`,
      vendor_id: vendor.id,
      warranty_end: isoDay(acquired + type.warrantyYears * YEAR),
      service_contract: contracted ? `${vendor.name} service agreement SA-${year}-${String(random.int(100, 999))}` : null,
      status: lifecycle.status,
      out_of_service_reason: lifecycle.outOfServiceReason,
      incoming_inspection_passed_at: inspectedAt === null ? null : new Date(inspectedAt).toISOString(),
      stores_patient_data: type.storesPatientData,
      ...network,
      software_version: software,
      incident_history: assessment.incidentHistory,
      risk_score: assessment.score,
      high_risk: assessment.highRisk,
      aem_decided_at: aem ? new Date(Math.max(acquired + 400 * DAY, Date.UTC(2023, 2, 1))).toISOString() : null,
      notes: lifecycle.outOfServiceReason ? random.pick(OUT_OF_SERVICE_NOTES[lifecycle.outOfServiceReason]) : null,
      status_at: lifecycle.statusAt === null ? null : new Date(lifecycle.statusAt).toISOString(),
    };
  }
}
