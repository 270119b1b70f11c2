import { DEFAULT_RISK_POLICY, scoreRisk, type IncidentHistory, type OutOfServiceReason, type Ownership } from '@openhtm/domain';
import { DEMO_DEVICE_TYPES, OWNERSHIP_PROFILES } from './device-types.ts';
import type { DemoReference, LoadedDepartment, LoadedModel } from './load-reference.ts';
import { weightedTable, type Random } from './random.ts';

export const DAY = 86_400_000;
export const YEAR = 365.25 * DAY;

const OUT_OF_SERVICE: readonly (readonly [OutOfServiceReason, number])[] = [['repair', 50], ['awaiting_parts', 25], ['recalled', 10], ['quarantined', 15]];
export const OUT_OF_SERVICE_NOTES: Record<OutOfServiceReason, readonly string[]> = {
  repair: ['Fails self-test at power-on', 'Cracked housing reported by nursing', 'Battery does not hold a charge', 'Display flickers intermittently', 'Occlusion alarm without cause'],
  awaiting_parts: ['Awaiting replacement battery pack', 'Main board on order from the manufacturer', 'Awaiting door assembly', 'Power supply on back order'],
  recalled: ['Manufacturer field correction pending', 'Removed from use per recall notice; awaiting software update'],
  quarantined: ['Involved in an incident; sequestered for investigation', 'Dropped during transport; held for evaluation', 'Fluid ingress; held for inspection'],
};
/** Most devices keep their type's incident history; a few have a worse record. */
const INCIDENT_SHIFT: readonly (readonly [number, number])[] = [[0, 94], [1, 5], [2, 1]];
const INCIDENT_ORDER: readonly IncidentHistory[] = ['none', 'minimal', 'average', 'moderate', 'significant'];

export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const hex2 = (n: number) => (n & 255).toString(16).padStart(2, '0');

/** A made-up organizationally unique identifier per manufacturer: unicast, globally administered. */
function ouiOf(manufacturer: string): number {
  let hash = 2166136261;
  for (let i = 0; i < manufacturer.length; i++) hash = Math.imul(hash ^ manufacturer.charCodeAt(i), 16777619);
  return (hash >>> 8) & 0xfcffff;
}

/**
 * The weighted choices of the fleet, computed once: models by their type's fleet share and their share within the
 * type, a department per type weighted by department size, ownership per profile, out-of-service reasons.
 */
export function fleetTables(reference: DemoReference) {
  const modelsByType = new Map<string, LoadedModel[]>();
  for (const model of reference.models) modelsByType.set(model.type.key, [...(modelsByType.get(model.type.key) ?? []), model]);
  const model = weightedTable(
    DEMO_DEVICE_TYPES.flatMap((type) => {
      const models = modelsByType.get(type.key) ?? [];
      const total = models.reduce((sum, m) => sum + m.def.weight, 0);
      return models.map((m) => [m, (type.per10k * m.def.weight) / total] as const);
    }),
  );
  const placement = new Map<string, (r: Random) => LoadedDepartment>();
  for (const type of DEMO_DEVICE_TYPES) {
    const candidates = reference.departments
      .map((d) => [d, (type.placement[d.kind] ?? 0) * Math.max(d.roomIds.length, 1)] as const)
      .filter(([, weight]) => weight > 0);
    placement.set(type.key, weightedTable(candidates.length ? candidates : reference.departments.map((d) => [d, 1] as const)));
  }
  const ownership = Object.fromEntries(Object.entries(OWNERSHIP_PROFILES).map(([k, v]) => [k, weightedTable(v)])) as Record<keyof typeof OWNERSHIP_PROFILES, (r: Random) => Ownership>;
  return { model, placement, ownership, outOfService: weightedTable(OUT_OF_SERVICE), incidentShift: weightedTable(INCIDENT_SHIFT) };
}

export type FleetTables = ReturnType<typeof fleetTables>;

export interface Lifecycle {
  status: 'received' | 'in_service' | 'out_of_service' | 'retired';
  outOfServiceReason: OutOfServiceReason | null;
  /** When the device entered its status, for the status-change event (null for received and in service). */
  statusAt: number | null;
}

/**
 * The device's status: a recent delivery may still await its incoming inspection, a device past its expected life
 * is sometimes retired, a few are out of service (recently, with a reason), the rest in service.
 */
export function drawLifecycle(random: Random, tables: FleetTables, acquired: number, asOf: number, expectedLifeYears: number): Lifecycle {
  if (asOf - acquired < 30 * DAY && random.chance(0.5)) return { status: 'received', outOfServiceReason: null, statusAt: null };
  if ((asOf - acquired) / YEAR > expectedLifeYears && random.chance(0.1)) {
    return { status: 'retired', outOfServiceReason: null, statusAt: Math.min(asOf - DAY, acquired + expectedLifeYears * YEAR + random.int(0, 400) * DAY) };
  }
  if (random.chance(0.05)) return { status: 'out_of_service', outOfServiceReason: tables.outOfService(random), statusAt: asOf - random.int(1, 60) * DAY };
  return { status: 'in_service', outOfServiceReason: null, statusAt: null };
}

/** The type's incident history, worse for a few devices, and the Fennigkoh–Smith assessment (memoized). */
export function riskDraw() {
  const cache = new Map<string, { score: number; highRisk: boolean }>();
  return (random: Random, tables: FleetTables, model: LoadedModel) => {
    const index = Math.min(INCIDENT_ORDER.length - 1, INCIDENT_ORDER.indexOf(model.type.incidentHistory ?? 'average') + tables.incidentShift(random));
    const incidentHistory = INCIDENT_ORDER[index]!;
    const key = `${model.type.key}|${incidentHistory}`;
    let result = cache.get(key);
    if (!result) {
      const [fn, physicalRisk, maintenanceRequirement] = model.type.risk;
      const assessment = scoreRisk({ function: fn, physicalRisk, maintenanceRequirement, incidentHistory, lifeSupport: model.type.lifeSupport ?? false }, DEFAULT_RISK_POLICY);
      result = { score: assessment.score, highRisk: assessment.highRisk };
      cache.set(key, result);
    }
    return { incidentHistory, ...result };
  };
}

/**
 * Host name, address and MAC of the nth connected device of a facility: each facility has its own 10.x networks
 * (four /16s, 53,760 hosts each), MACs are unique across the fleet.
 */
export function networkIdentity(model: LoadedModel, department: LoadedDepartment, tagNumber: number, host: number, fleetHost: number) {
  const block = Math.floor(host / (240 * 224));
  const oui = ouiOf(model.def.manufacturer);
  return {
    hostname: `${department.facilityCode}-${model.type.host}-${String(tagNumber).padStart(6, '0')}`.toLowerCase(),
    ip_address: `10.${20 + department.facilityIndex * 4 + block}.${16 + (Math.floor(host / 240) % 224)}.${10 + (host % 240)}`,
    mac_address: [oui >> 16, oui >> 8, oui, fleetHost >> 16, fleetHost >> 8, fleetHost].map(hex2).join(':'),
    operating_system: model.def.os ?? null,
  };
}

/** The software version of a device: newer purchases tend to run newer versions of their model's software. */
export function drawSoftware(random: Random, model: LoadedModel, acquired: number, start: number, asOf: number): string | null {
  const versions = model.def.software;
  if (!versions) return null;
  const position = ((acquired - start) / Math.max(asOf - start, DAY)) * versions.length + random.next() * 1.5;
  return versions[Math.min(versions.length - 1, Math.floor(position))]!;
}
