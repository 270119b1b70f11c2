import { computeGs1CheckDigit, KNOWN_MANUFACTURERS, normalizeManufacturerName } from '@openhtm/domain';
import type { Trx } from '../../db/tenant-context.ts';
import { DEMO_DEVICE_TYPES, type DemoDeviceType } from './device-types.ts';
import { DEMO_MODELS, EXTRA_MANUFACTURERS, type DemoModel } from './models.ts';
import { SITE_PLANS, type DemoFacility, type DepartmentKind } from './sites.ts';
import { DEMO_VENDORS, demoEmail, demoPhone } from './vendors.ts';

export interface LoadedModel {
  id: string;
  index: number;
  def: DemoModel;
  type: DemoDeviceType;
  manufacturerId: string;
  /** GTIN-14 of the model's primary UDI device identifier (GS1). */
  gtin: string;
}

export interface LoadedDepartment {
  id: string;
  kind: DepartmentKind;
  facilityId: string;
  facilityCode: string;
  facilityIndex: number;
  buildingId: string;
  roomIds: string[];
}

export interface DemoReference {
  models: LoadedModel[];
  departments: LoadedDepartment[];
  /** Catalog manufacturer key → the vendor that sells it directly. */
  directVendors: Map<string, { id: string; name: string }>;
  distributors: { id: string; name: string }[];
  rental: { id: string; name: string };
}

/**
 * The demo GTIN of a model: indicator 0, an illustrative company prefix per manufacturer, the model's item
 * reference, and a correct GS1 check digit.
 */
export function demoGtin(manufacturerIndex: number, modelIndex: number): string {
  const body = `008${String(manufacturerIndex).padStart(3, '0')}${String(modelIndex).padStart(7, '0')}`;
  return body + String(computeGs1CheckDigit(body));
}

/**
 * The demo's manufacturers beyond the domain's seed (which seedKnownManufacturers adds first), with their aliases;
 * returns catalog key → id for every manufacturer of the catalog.
 */
export async function insertExtraManufacturers(trx: Trx, tenantId: string): Promise<Map<string, string>> {
  const rows = await trx
    .insertInto('manufacturers')
    .values(EXTRA_MANUFACTURERS.map((m) => ({ tenant_id: tenantId, name: m.name, normalized_name: normalizeManufacturerName(m.name) })))
    .returning(['id', 'normalized_name'])
    .execute();
  const existingAliases = await trx.selectFrom('manufacturer_aliases').select('normalized_alias').execute();
  const all = await trx.selectFrom('manufacturers').select(['id', 'normalized_name']).execute();
  const idByName = new Map(all.map((r) => [r.normalized_name, r.id]));
  // An alias that normalizes to a manufacturer's name or to another alias would name two companies: it is left out.
  const taken = new Set([...all.map((r) => r.normalized_name), ...existingAliases.map((a) => a.normalized_alias)]);
  const aliases = EXTRA_MANUFACTURERS.flatMap((m, i) =>
    m.aliases.flatMap((alias) => {
      const normalized = normalizeManufacturerName(alias);
      if (normalized === '' || taken.has(normalized)) return [];
      taken.add(normalized);
      return [{ tenant_id: tenantId, manufacturer_id: rows[i]!.id, alias, normalized_alias: normalized }];
    }),
  );
  if (aliases.length) await trx.insertInto('manufacturer_aliases').values(aliases).execute();
  return new Map([...KNOWN_MANUFACTURERS, ...EXTRA_MANUFACTURERS].map((m) => [m.id, idByName.get(normalizeManufacturerName(m.name))!]));
}

/** Device types, models and each model's GS1 device identifier. */
export async function insertCatalog(trx: Trx, tenantId: string, manufacturerIds: Map<string, string>): Promise<LoadedModel[]> {
  const typeRows = await trx
    .insertInto('device_types')
    .values(
      DEMO_DEVICE_TYPES.map((t) => ({
        tenant_id: tenantId,
        name: t.name,
        nomenclature_system: 'local' as const,
        nomenclature_code: t.code,
        risk_function: t.risk[0],
        risk_physical: t.risk[1],
        risk_maintenance: t.risk[2],
        risk_incident_history: t.incidentHistory ?? 'average',
        life_support: t.lifeSupport ?? false,
        aem_exclusion: t.aemExclusion ?? null,
      })),
    )
    .returning(['id', 'name'])
    .execute();
  const typeId = new Map(typeRows.map((r) => [r.name, r.id]));
  const typeByKey = new Map(DEMO_DEVICE_TYPES.map((t) => [t.key, t]));
  const manufacturerIndex = new Map([...manufacturerIds.keys()].map((key, i) => [key, i + 1]));

  const modelRows = await trx
    .insertInto('models')
    .values(
      DEMO_MODELS.map((model) => {
        const type = typeByKey.get(model.type)!;
        return {
          tenant_id: tenantId,
          manufacturer_id: manufacturerIds.get(model.manufacturer)!,
          device_type_id: typeId.get(type.name)!,
          model_number: model.modelNumber,
          name: model.name,
          fda_product_code: type.fda ?? null,
          expected_life_years: model.expectedLifeYears ?? type.expectedLifeYears,
          end_of_support: model.endOfSupport ?? null,
          source: 'demo' as const,
        };
      }),
    )
    .returning(['id'])
    .execute();
  const models = DEMO_MODELS.map((def, index) => ({
    id: modelRows[index]!.id,
    index,
    def,
    type: typeByKey.get(def.type)!,
    manufacturerId: manufacturerIds.get(def.manufacturer)!,
    gtin: demoGtin(manufacturerIndex.get(def.manufacturer)!, index + 1),
  }));
  await trx
    .insertInto('model_identifiers')
    .values(models.map((m) => ({ tenant_id: tenantId, model_id: m.id, issuing_agency: 'GS1' as const, device_identifier: m.gtin, kind: 'primary' as const })))
    .execute();
  return models;
}

/** Vendors with their contacts. */
export async function insertVendors(trx: Trx, tenantId: string, manufacturerIds: Map<string, string>): Promise<Omit<DemoReference, 'models' | 'departments'>> {
  const rows = await trx
    .insertInto('vendors')
    .values(
      DEMO_VENDORS.map((v, i) => ({
        tenant_id: tenantId,
        name: v.name,
        website: v.website,
        phone: demoPhone(i),
        email: demoEmail(v.role === 'rental' ? 'rentals' : 'service', v.name),
        account_number: `RHS-${String(41000 + i * 37)}`,
      })),
    )
    .returning(['id', 'name'])
    .execute();
  const contacts = DEMO_VENDORS.flatMap((v, i) =>
    v.contacts.map((c, j) => ({ tenant_id: tenantId, vendor_id: rows[i]!.id, name: c.name, role: c.role, phone: demoPhone(40 + i * 2 + j), email: demoEmail(c.name, v.name) })),
  );
  await trx.insertInto('vendor_contacts').values(contacts).execute();
  const directVendors = new Map<string, { id: string; name: string }>();
  DEMO_VENDORS.forEach((v, i) => {
    for (const key of v.sells) if (manufacturerIds.has(key)) directVendors.set(key, rows[i]!);
  });
  return {
    directVendors,
    distributors: rows.filter((_, i) => DEMO_VENDORS[i]!.role === 'distributor'),
    rental: rows.find((_, i) => DEMO_VENDORS[i]!.role === 'rental')!,
  };
}

/** Buildings, floors, departments and rooms of each facility, after its profile's site plan. */
export async function insertSites(trx: Trx, tenantId: string, facilities: (DemoFacility & { id: string })[]): Promise<LoadedDepartment[]> {
  const buildingRows = await trx
    .insertInto('buildings')
    .values(facilities.flatMap((f) => SITE_PLANS[f.profile].buildings.map((b) => ({ tenant_id: tenantId, facility_id: f.id, name: b.name }))))
    .returning(['id', 'facility_id', 'name'])
    .execute();
  const buildingId = new Map(buildingRows.map((b) => [`${b.facility_id}|${b.name}`, b.id]));
  const floorRows = await trx
    .insertInto('floors')
    .values(
      facilities.flatMap((f) =>
        SITE_PLANS[f.profile].buildings.flatMap((b) => b.floors.map((name) => ({ tenant_id: tenantId, building_id: buildingId.get(`${f.id}|${b.name}`)!, name }))),
      ),
    )
    .returning(['id', 'building_id', 'name'])
    .execute();
  const floorId = new Map(floorRows.map((r) => [`${r.building_id}|${r.name}`, r.id]));

  const planned = facilities.flatMap((f, facilityIndex) =>
    SITE_PLANS[f.profile].departments.map((d, i) => {
      const building = buildingId.get(`${f.id}|${d.building}`)!;
      return { facility: f, facilityIndex, plan: d, buildingId: building, floorId: floorId.get(`${building}|${d.floor}`)!, costCenter: `${6000 + facilityIndex * 100 + i}` };
    }),
  );
  const departmentRows = await trx
    .insertInto('departments')
    .values(planned.map((p) => ({ tenant_id: tenantId, facility_id: p.facility.id, floor_id: p.floorId, name: p.plan.name, cost_center: p.costCenter })))
    .returning(['id'])
    .execute();
  const roomRows = await trx
    .insertInto('rooms')
    .values(planned.flatMap((p, i) => p.plan.rooms.map((name) => ({ tenant_id: tenantId, floor_id: p.floorId, department_id: departmentRows[i]!.id, name }))))
    .returning(['id', 'department_id'])
    .execute();
  return planned.map((p, i) => ({
    id: departmentRows[i]!.id,
    kind: p.plan.kind,
    facilityId: p.facility.id,
    facilityCode: p.facility.code,
    facilityIndex: p.facilityIndex,
    buildingId: p.buildingId,
    roomIds: roomRows.filter((r) => r.department_id === departmentRows[i]!.id).map((r) => r.id),
  }));
}
