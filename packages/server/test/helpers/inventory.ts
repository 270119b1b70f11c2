import { normalizeManufacturerName, type DeviceStatus, type Ownership } from '@openhtm/domain';
import { sql } from 'kysely';
import { withTenant, type Trx } from '../../src/db/tenant-context.ts';
import type { TestApp } from './app.ts';

/**
 * Factories for inventory records, written straight to the database as the tenant (row-level security and the
 * audit trigger apply): manufacturers, device types, models, sites, vendors and devices with sensible defaults.
 * Every name defaults to something unique, so that tests can call them freely.
 */

let counter = 0;
const next = () => ++counter;

const asTenant = <T>(t: TestApp, tenantId: string, work: (trx: Trx) => Promise<T>) => withTenant(t.db.app, { tenantId, actor: 'test-factory' }, work);

export interface ManufacturerInput {
  name?: string;
  aliases?: string[];
}

export async function createManufacturer(t: TestApp, tenantId: string, input: ManufacturerInput = {}): Promise<{ id: string; name: string }> {
  const name = input.name ?? `Manufacturer ${next()}`;
  return asTenant(t, tenantId, async (trx) => {
    const row = await trx
      .insertInto('manufacturers')
      .values({ tenant_id: tenantId, name, normalized_name: normalizeManufacturerName(name) || name.toLowerCase() })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
    for (const alias of input.aliases ?? []) {
      await trx
        .insertInto('manufacturer_aliases')
        .values({ tenant_id: tenantId, manufacturer_id: row.id, alias, normalized_alias: normalizeManufacturerName(alias) || alias.toLowerCase() })
        .execute();
    }
    return row;
  });
}

export interface DeviceTypeInput {
  name?: string;
  riskFunction?: string;
  riskPhysical?: string;
  riskMaintenance?: string;
  riskIncidentHistory?: string;
  lifeSupport?: boolean;
  aemExclusion?: 'imaging' | 'laser' | 'law' | null;
  nomenclatureCode?: string | null;
}

/** A device type; by default an infusion-pump-like type scoring EM 9 + 5 + 4 + 0 = 18 (high-risk). */
export async function createDeviceType(t: TestApp, tenantId: string, input: DeviceTypeInput = {}): Promise<{ id: string; name: string }> {
  return asTenant(t, tenantId, (trx) =>
    trx
      .insertInto('device_types')
      .values({
        tenant_id: tenantId,
        name: input.name ?? `Device type ${next()}`,
        risk_function: input.riskFunction ?? 'surgical_intensive_care',
        risk_physical: input.riskPhysical ?? 'patient_death',
        risk_maintenance: input.riskMaintenance ?? 'above_average',
        risk_incident_history: input.riskIncidentHistory ?? 'average',
        life_support: input.lifeSupport ?? false,
        aem_exclusion: input.aemExclusion ?? null,
        nomenclature_code: input.nomenclatureCode ?? null,
      })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow(),
  );
}

export interface ModelInput {
  manufacturerId: string;
  deviceTypeId?: string | null;
  modelNumber?: string;
  name?: string | null;
  fdaProductCode?: string | null;
  expectedLifeYears?: number | null;
  /** UDI device identifiers of the model (GS1 GTIN-14 unless the agency says otherwise). */
  identifiers?: Array<{ deviceIdentifier: string; issuingAgency?: 'GS1' | 'HIBCC' | 'ICCBBA' }>;
}

export async function createModel(t: TestApp, tenantId: string, input: ModelInput): Promise<{ id: string; modelNumber: string }> {
  return asTenant(t, tenantId, async (trx) => {
    const row = await trx
      .insertInto('models')
      .values({
        tenant_id: tenantId,
        manufacturer_id: input.manufacturerId,
        device_type_id: input.deviceTypeId ?? null,
        model_number: input.modelNumber ?? `M-${next()}`,
        name: input.name === undefined ? null : input.name,
        fda_product_code: input.fdaProductCode ?? null,
        expected_life_years: input.expectedLifeYears ?? null,
      })
      .returning(['id', 'model_number'])
      .executeTakeFirstOrThrow();
    for (const identifier of input.identifiers ?? []) {
      await trx
        .insertInto('model_identifiers')
        .values({ tenant_id: tenantId, model_id: row.id, issuing_agency: identifier.issuingAgency ?? 'GS1', device_identifier: identifier.deviceIdentifier })
        .execute();
    }
    return { id: row.id, modelNumber: row.model_number };
  });
}

export interface Site {
  buildingId: string;
  floorId: string;
  departmentId: string;
  roomId: string;
}

/** A building with one floor, a department on it and a room of that department, in a facility. */
export async function createSite(t: TestApp, tenantId: string, facilityId: string, names: { building?: string; department?: string; room?: string } = {}): Promise<Site> {
  const n = next();
  return asTenant(t, tenantId, async (trx) => {
    const building = await trx.insertInto('buildings').values({ tenant_id: tenantId, facility_id: facilityId, name: names.building ?? `Building ${n}` }).returning('id').executeTakeFirstOrThrow();
    const floor = await trx.insertInto('floors').values({ tenant_id: tenantId, building_id: building.id, name: `Floor ${n}` }).returning('id').executeTakeFirstOrThrow();
    const department = await trx
      .insertInto('departments')
      .values({ tenant_id: tenantId, facility_id: facilityId, floor_id: floor.id, name: names.department ?? `Department ${n}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    const room = await trx
      .insertInto('rooms')
      .values({ tenant_id: tenantId, floor_id: floor.id, department_id: department.id, name: names.room ?? `Room ${n}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { buildingId: building.id, floorId: floor.id, departmentId: department.id, roomId: room.id };
  });
}

export async function createVendor(t: TestApp, tenantId: string, name = `Vendor ${next()}`): Promise<{ id: string; name: string }> {
  return asTenant(t, tenantId, (trx) => trx.insertInto('vendors').values({ tenant_id: tenantId, name }).returning(['id', 'name']).executeTakeFirstOrThrow());
}

export interface DeviceInput {
  modelId: string;
  facilityId: string;
  assetTag?: string;
  serialNumber?: string | null;
  status?: DeviceStatus;
  ownership?: Ownership;
  departmentId?: string | null;
  storesPatientData?: boolean;
  hostname?: string | null;
  ipAddress?: string | null;
  udi?: string | null;
  udiDi?: string | null;
  highRisk?: boolean;
  acquisitionDate?: string | null;
  incomingInspectionPassed?: boolean;
}

/**
 * A device inserted directly (no API rules), with manufacturer and type copied from its model and the search text
 * the device module would write. Defaults: in service, owned, no serial.
 */
export async function createDevice(t: TestApp, tenantId: string, input: DeviceInput): Promise<{ id: string; assetTag: string }> {
  const assetTag = input.assetTag ?? `T-${String(next()).padStart(6, '0')}`;
  const status = input.status ?? 'in_service';
  return asTenant(t, tenantId, async (trx) => {
    const model = await trx
      .selectFrom('models as m')
      .innerJoin('manufacturers as mf', (j) => j.onRef('mf.tenant_id', '=', 'm.tenant_id').onRef('mf.id', '=', 'm.manufacturer_id'))
      .leftJoin('device_types as dt', (j) => j.onRef('dt.tenant_id', '=', 'm.tenant_id').onRef('dt.id', '=', 'm.device_type_id'))
      .select(['m.id', 'm.model_number', 'm.name', 'm.manufacturer_id', 'm.device_type_id', 'mf.name as manufacturer', 'dt.name as device_type'])
      .where('m.id', '=', input.modelId)
      .executeTakeFirstOrThrow();
    const serial = input.serialNumber ?? null;
    return trx
      .insertInto('devices')
      .values({
        tenant_id: tenantId,
        asset_tag: assetTag,
        serial_number: serial,
        udi: input.udi ?? null,
        udi_di: input.udiDi ?? null,
        model_id: model.id,
        manufacturer_id: model.manufacturer_id,
        device_type_id: model.device_type_id,
        facility_id: input.facilityId,
        department_id: input.departmentId ?? null,
        ownership: input.ownership ?? 'owned',
        status,
        out_of_service_reason: status === 'out_of_service' ? 'repair' : null,
        has_been_in_service: ['in_service', 'out_of_service', 'retired', 'disposed'].includes(status),
        incoming_inspection_passed_at: input.incomingInspectionPassed ? new Date() : null,
        stores_patient_data: input.storesPatientData ?? false,
        hostname: input.hostname ?? null,
        ip_address: input.ipAddress ?? null,
        high_risk: input.highRisk ?? false,
        acquisition_date: input.acquisitionDate ?? null,
        search_text: sql<string>`device_search_text(${assetTag}, ${serial}, ${model.model_number}, ${model.name}, ${model.manufacturer}, ${model.device_type})`,
      })
      .returning(['id', 'asset_tag as assetTag'])
      .executeTakeFirstOrThrow();
  });
}
