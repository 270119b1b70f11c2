import { DEVICE_STATUSES, OWNERSHIPS, type DeviceStatus, type Ownership } from '@openhtm/domain';
import { sql } from 'kysely';
import { Type, type Static } from 'typebox';
import type { Trx } from '../../db/tenant-context.ts';
import type { AuthContext } from '../auth/sessions.ts';
import { inScope } from './device-access.ts';
import { applyFilters } from './filters.ts';
import { Uuid } from './schema.ts';
import { DeviceFilters } from './schema-query.ts';

const Count = Type.Integer({ minimum: 0 });

/** One count per value, every value present (zero included). */
const CountsOf = <K extends string>(keys: readonly K[], description: string) =>
  Type.Unsafe<Record<K, number>>(Type.Object(Object.fromEntries(keys.map((key) => [key, Count])), { description, additionalProperties: false }));

export const SummaryQuery = Type.Object({ facilityId: DeviceFilters.properties.facilityId }, { additionalProperties: false });
export type SummaryQuery = Static<typeof SummaryQuery>;

const STRATEGY_BUCKETS = ['manufacturer', 'aem', 'notDecided'] as const;

export const InventorySummary = Type.Object(
  {
    asOf: Type.String({ format: 'date', description: 'The day (UTC, YYYY-MM-DD) underWarranty is counted for' }),
    countedAt: Type.String({
      format: 'date-time',
      description: 'When these counts were taken: a large inventory’s counts are shared for up to 30 s after a slow count',
    }),
    total: Count,
    byStatus: CountsOf(DEVICE_STATUSES, 'Devices per lifecycle status'),
    highRisk: Type.Integer({ minimum: 0, description: 'High-risk equipment (TJC EC.02.04.01), after any override' }),
    byStrategy: CountsOf(
      STRATEGY_BUCKETS,
      'Devices per decided maintenance strategy; notDecided: no decision recorded yet (the default, manufacturer, applies)',
    ),
    byOwnership: CountsOf(OWNERSHIPS, 'Devices per kind of ownership'),
    connected: Type.Integer({ minimum: 0, description: 'Devices with a host name, IP or MAC address' }),
    underWarranty: Type.Integer({ minimum: 0, description: 'Devices whose warranty ends on asOf or later' }),
    byFacility: Type.Array(Type.Object({ id: Uuid, code: Type.String(), name: Type.String(), count: Count }), {
      description: 'Every facility the caller may see (and facilityId selects), by name, with its device count',
    }),
  },
  { $id: 'InventorySummary' },
);
export type InventorySummary = Static<typeof InventorySummary>;

interface SummaryRow {
  facility_id: string;
  code: string;
  name: string;
  status: DeviceStatus | null;
  ownership: Ownership | null;
  devices: number | null;
  high_risk: number | null;
  aem: number | null;
  manufacturer: number | null;
  connected: number | null;
  under_warranty: number | null;
}

/**
 * The device counts per facility, status and ownership: one pass over the devices in scope (the list's filters and
 * facility scope), the other figures as `count(*) filter (…)` of each group. High risk, strategy, network and warranty
 * have no index, so the rows are read anyway, and one pass costs less than adding index scans for the rest. At a
 * million devices on two cores it takes about 0.4 s (0.17 s for a facility of 250,000); the status and facility
 * index-only scans alone take 0.1 s each. Past expected life is left out: the join to models it needs adds 50 %.
 */
function groupCounts(trx: Trx, auth: AuthContext, filters: SummaryQuery, today: string) {
  const count = (condition: ReturnType<typeof sql>) => sql<number>`(count(*) filter (where ${condition}))::int`;
  return applyFilters(trx.selectFrom('devices'), auth, filters)
    .select([
      'devices.facility_id',
      'devices.status',
      'devices.ownership',
      sql<number>`count(*)::int`.as('devices'),
      count(sql`devices.high_risk`).as('high_risk'),
      count(sql`devices.strategy_decided_at is not null and devices.maintenance_strategy = 'aem'`).as('aem'),
      count(sql`devices.strategy_decided_at is not null and devices.maintenance_strategy = 'manufacturer'`).as('manufacturer'),
      count(sql`devices.connected`).as('connected'),
      count(sql`devices.warranty_end >= ${today}::date`).as('under_warranty'),
    ])
    .groupBy(['devices.facility_id', 'devices.status', 'devices.ownership']);
}

/**
 * Inventory counts for a dashboard, in one statement: the group counts, joined to every facility the actor may see
 * so that a facility without devices is listed with zero.
 */
export async function inventorySummary(trx: Trx, auth: AuthContext, filters: SummaryQuery, today = new Date().toISOString().slice(0, 10)): Promise<InventorySummary> {
  let query = trx
    .with('counts', () => groupCounts(trx, auth, filters, today))
    .selectFrom('facilities')
    .leftJoin('counts', 'counts.facility_id', 'facilities.id')
    .select([
      'facilities.id as facility_id', 'facilities.code', 'facilities.name', 'counts.status', 'counts.ownership', 'counts.devices',
      'counts.high_risk', 'counts.aem', 'counts.manufacturer', 'counts.connected', 'counts.under_warranty',
    ])
    .orderBy('facilities.name')
    .orderBy('facilities.id');
  query = inScope(query, auth, 'facilities.id');
  if (filters.facilityId?.length) query = query.where('facilities.id', 'in', filters.facilityId);
  return summaryOf((await query.execute()) as SummaryRow[], today);
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/** Adds up the group counts into the API's figures. */
function summaryOf(rows: SummaryRow[], today: string): InventorySummary {
  const summary: InventorySummary = {
    asOf: today,
    countedAt: new Date().toISOString(),
    total: 0,
    byStatus: zeros(DEVICE_STATUSES),
    highRisk: 0,
    byStrategy: zeros(STRATEGY_BUCKETS),
    byOwnership: zeros(OWNERSHIPS),
    connected: 0,
    underWarranty: 0,
    byFacility: [],
  };
  const facilities = new Map<string, InventorySummary['byFacility'][number]>();
  for (const row of rows) {
    let facility = facilities.get(row.facility_id);
    if (!facility) {
      facility = { id: row.facility_id, code: row.code, name: row.name, count: 0 };
      facilities.set(row.facility_id, facility);
      summary.byFacility.push(facility);
    }
    if (row.status === null || row.ownership === null || !row.devices) continue;
    facility.count += row.devices;
    summary.total += row.devices;
    summary.byStatus[row.status] += row.devices;
    summary.byOwnership[row.ownership] += row.devices;
    summary.highRisk += row.high_risk ?? 0;
    summary.byStrategy.aem += row.aem ?? 0;
    summary.byStrategy.manufacturer += row.manufacturer ?? 0;
    summary.byStrategy.notDecided += row.devices - (row.aem ?? 0) - (row.manufacturer ?? 0);
    summary.connected += row.connected ?? 0;
    summary.underWarranty += row.under_warranty ?? 0;
  }
  return summary;
}
