import { DEFAULT_RISK_POLICY, scoreRisk, type IncidentHistory, type OutOfServiceReason, type Ownership } from '@openhtm/domain';
import { DEMO_DEVICE_TYPES, OWNERSHIP_PROFILES } from './device-types.ts';
import type { DemoReference, LoadedDepartment, LoadedModel } from './load-reference.ts';
import { createRandom, weightedTable, type Random } from './random.ts';

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

const DAY = 86_400_000;
const OUT_OF_SERVICE: readonly (readonly [OutOfServiceReason, number])[] = [['repair', 50], ['awaiting_parts', 25], ['recalled', 10], ['quarantined', 15]];
const OUT_OF_SERVICE_NOTES: Record<OutOfServiceReason, readonly string[]> = {
  repair: ['Fails self-test at power-on', 'Cracked housing reported by nursing', 'Battery does not hold a charge', 'Display flickers intermittently', 'Occlusion alarm without cause'],
  awaiting_parts: ['Awaiting replacement battery pack', 'Main board on order from the manufacturer', 'Awaiting door assembly', 'Power supply on back order'],
  recalled: ['Manufacturer field correction pending', 'Removed from use per recall notice; awaiting software update'],
  quarantined: ['Involved in an incident; sequestered for investigation', 'Dropped during transport; held for evaluation', 'Fluid ingress; held for inspection'],
};
const INCIDENT_SHIFT: readonly (readonly [number, number])[] = [[0, 94], [1, 5], [2, 1]];
const INCIDENT_ORDER: readonly IncidentHistory[] = ['none', 'minimal', 'average', 'moderate', 'significant'];

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function hex2(n: number): string {
  return (n & 255).toString(16).padStart(2, '0');
}

/** A made-up organizationally unique identifier per manufacturer: unicast, globally administered. */
function ouiOf(manufacturer: string): number {
  let hash = 2166136261;
  for (let i = 0; i < manufacturer.length; i++) hash = Math.imul(hash ^ manufacturer.charCodeAt(i), 16777619);
  return (hash >>> 8) & 0xfcffff;
}

/** Memoized Fennigkoh–Smith assessment per device type and incident history, with the domain's default policy. */
function riskScorer() {
  const cache = new Map<string, { score: number; highRisk: boolean }>();
  return (model: LoadedModel, incidentHistory: IncidentHistory) => {
    const key = `${model.type.key}|${incidentHistory}`;
    let result = cache.get(key);
    if (!result) {
      const [fn, physicalRisk, maintenanceRequirement] = model.type.risk;
      const assessment = scoreRisk({ function: fn, physicalRisk, maintenanceRequirement, incidentHistory, lifeSupport: model.type.lifeSupport ?? false }, DEFAULT_RISK_POLICY);
      result = { score: assessment.score, highRisk: assessment.highRisk };
      cache.set(key, result);
    }
    return result;
  };
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
  const oldest = asOf - 15 * 365.25 * DAY;
  const score = riskScorer();

  const modelsByType = new Map<string, LoadedModel[]>();
  for (const model of reference.models) modelsByType.set(model.type.key, [...(modelsByType.get(model.type.key) ?? []), model]);
  const drawModel = weightedTable(
    DEMO_DEVICE_TYPES.flatMap((type) => {
      const models = modelsByType.get(type.key) ?? [];
      const total = models.reduce((sum, m) => sum + m.def.weight, 0);
      return models.map((m) => [m, (type.per10k * m.def.weight) / total] as const);
    }),
  );
  const placements = new Map<string, (r: Random) => LoadedDepartment>();
  for (const type of DEMO_DEVICE_TYPES) {
    const candidates = reference.departments
      .map((d) => [d, (type.placement[d.kind] ?? 0) * Math.max(d.roomIds.length, 1)] as const)
      .filter(([, weight]) => weight > 0);
    placements.set(type.key, weightedTable(candidates.length ? candidates : reference.departments.map((d) => [d, 1] as const)));
  }
  const ownershipDraw = Object.fromEntries(Object.entries(OWNERSHIP_PROFILES).map(([k, v]) => [k, weightedTable(v)])) as Record<keyof typeof OWNERSHIP_PROFILES, (r: Random) => Ownership>;
  const drawOutOfService = weightedTable(OUT_OF_SERVICE);
  const drawIncidentShift = weightedTable(INCIDENT_SHIFT);

  const assetSeq = new Map<string, number>();
  const serialSeq = new Map<string, number>();
  const connectedSeq = new Map<number, number>();
  let connectedTotal = 0;
  let purchaseOrders = 0;

  for (let n = 0; n < options.count; n++) {
    const model = drawModel(random);
    const type = model.type;
    const department = placements.get(type.key)!(random);
    const start = Math.max(oldest, Date.UTC(model.def.since, 0, 1));
    const acquired = start + Math.floor(random.next() * Math.max(asOf - 7 * DAY - start, DAY));
    const acquisitionDate = isoDay(acquired);
    const ageYears = (asOf - acquired) / (365.25 * DAY);
    const expectedLife = model.def.expectedLifeYears ?? type.expectedLifeYears;

    let status: DeviceRow['status'] = 'in_service';
    let outOfServiceReason: OutOfServiceReason | null = null;
    let statusAt: number | null = null;
    if (asOf - acquired < 30 * DAY && random.chance(0.5)) status = 'received';
    else if (ageYears > expectedLife && random.chance(0.1)) {
      status = 'retired';
      statusAt = Math.min(asOf - DAY, acquired + expectedLife * 365.25 * DAY + random.int(0, 400) * DAY);
    } else if (random.chance(0.05)) {
      status = 'out_of_service';
      outOfServiceReason = drawOutOfService(random);
      statusAt = asOf - random.int(1, 60) * DAY;
    }
    const inService = status !== 'received';
    const inspectedAt = inService ? acquired + random.int(1, 10) * DAY + 10 * 3_600_000 : null;

    const facilityCode = department.facilityCode;
    const tagNumber = (assetSeq.get(facilityCode) ?? 0) + 1;
    assetSeq.set(facilityCode, tagNumber);
    const assetTag = `${facilityCode}-${String(tagNumber).padStart(6, '0')}`;
    const serialNumber = (serialSeq.get(model.id) ?? 0) + 1 + random.int(0, 3);
    serialSeq.set(model.id, serialNumber);
    const yy = new Date(acquired).getUTCFullYear() % 100;
    const serial = `${model.def.serialPrefix}${String(yy).padStart(2, '0')}${String(serialNumber).padStart(6, '0')}`;

    const ownership = ownershipDraw[type.ownership](random);
    const vendor =
      ownership === 'rented'
        ? reference.rental
        : (reference.directVendors.get(model.def.manufacturer) && random.chance(0.8) ? reference.directVendors.get(model.def.manufacturer) : undefined) ??
          random.pick(reference.distributors);
    const contracted = ownership === 'vendor_maintained' || ownership === 'leased' || (type.ownership === 'capital' || type.ownership === 'laboratory');
    const year = new Date(acquired).getUTCFullYear();

    const connected = status !== 'retired' && random.chance(model.def.connected ?? type.connected);
    let network: Pick<DeviceRow, 'hostname' | 'ip_address' | 'mac_address' | 'operating_system'> = { hostname: null, ip_address: null, mac_address: null, operating_system: null };
    if (connected) {
      const host = (connectedSeq.get(department.facilityIndex) ?? 0) + 1;
      connectedSeq.set(department.facilityIndex, host);
      connectedTotal += 1;
      const block = Math.floor(host / (240 * 224));
      const oui = ouiOf(model.def.manufacturer);
      network = {
        hostname: `${facilityCode}-${type.host}-${String(tagNumber).padStart(6, '0')}`.toLowerCase(),
        ip_address: `10.${20 + department.facilityIndex * 4 + block}.${16 + (Math.floor(host / 240) % 224)}.${10 + (host % 240)}`,
        mac_address: [oui >> 16, oui >> 8, oui, connectedTotal >> 16, connectedTotal >> 8, connectedTotal].map(hex2).join(':'),
        operating_system: model.def.os ?? null,
      };
    }
    const versions = model.def.software;
    const software = versions ? versions[Math.min(versions.length - 1, Math.floor(((acquired - start) / Math.max(asOf - start, DAY)) * versions.length + random.next() * 1.5))]! : null;

    const incidentIndex = Math.min(INCIDENT_ORDER.length - 1, INCIDENT_ORDER.indexOf(type.incidentHistory ?? 'average') + drawIncidentShift(random));
    const incidentHistory = INCIDENT_ORDER[incidentIndex]!;
    const risk = score(model, incidentHistory);
    const aem = type.aemCandidate === true && !risk.highRisk && inService && ageYears > 1.5 && random.chance(0.6);

    const room = department.roomIds.length && random.chance(0.88) ? random.pick(department.roomIds) : null;
    const withUdi = acquired >= Date.UTC(2016, 8, 24) && random.chance(0.6);
    const manufactured = isoDay(acquired - random.int(20, 180) * DAY);

    yield {
      asset_tag: assetTag,
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
      acquisition_date: acquisitionDate,
      acquisition_cost: (type.cost[0] + random.next() * (type.cost[1] - type.cost[0])).toFixed(2),
      purchase_order: `PO-${year}-${String(++purchaseOrders % 100000).padStart(5, '0')}`,
      vendor_id: vendor.id,
      warranty_end: isoDay(acquired + type.warrantyYears * 365.25 * DAY),
      service_contract: contracted ? `${vendor.name} service agreement SA-${year}-${String(random.int(100, 999))}` : null,
      status,
      out_of_service_reason: outOfServiceReason,
      incoming_inspection_passed_at: inspectedAt === null ? null : new Date(inspectedAt).toISOString(),
      stores_patient_data: type.storesPatientData,
      ...network,
      software_version: software,
      incident_history: incidentHistory,
      risk_score: risk.score,
      high_risk: risk.highRisk,
      aem_decided_at: aem ? new Date(Math.max(acquired + 400 * DAY, Date.UTC(2023, 2, 1))).toISOString() : null,
      notes: outOfServiceReason ? random.pick(OUT_OF_SERVICE_NOTES[outOfServiceReason]) : null,
      status_at: statusAt === null ? null : new Date(statusAt).toISOString(),
    };
  }
}
