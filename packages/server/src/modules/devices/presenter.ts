import { allowedTransitions, type RiskPolicy } from '@openhtm/domain';
import type { DeviceEvent } from '../../db/schema.ts';
import { aemEligibilityOnRecord, maintenanceHistoryMonths } from './aem-eligibility.ts';
import type { DeviceRow } from './device-access.ts';
import type { DevicePage } from './device-page.ts';
import { assessDevice, readRiskInputs, readRiskOverride } from './risk-assessment.ts';
import type { DeviceDetail, DeviceEventOut, DeviceSummary } from './schema-out.ts';

const iso = (value: Date | null) => (value ? value.toISOString() : null);
const num = (value: string | number | null) => (value === null ? null : Number(value));
const ref = (id: string | null, name: string | null | undefined) => (id && name != null ? { id, name } : null);

export function presentDeviceEvent(event: DeviceEvent): DeviceEventOut {
  return {
    id: event.id,
    kind: event.kind,
    fromStatus: event.from_status,
    toStatus: event.to_status,
    reason: event.reason,
    details: event.details,
    occurredAt: event.occurred_at.toISOString(),
    actor: event.actor_label,
  };
}

function presentRisk(device: DeviceRow, policy: RiskPolicy): DeviceDetail['risk'] {
  const inputs = readRiskInputs(device.risk_inputs);
  const override = readRiskOverride(device.high_risk_override);
  const live = assessDevice(inputs, override, policy);
  const reasons = live?.reasons ?? ['No risk inputs: give the model a device type or set the inputs'];
  if (live && device.risk_score !== null && live.score !== device.risk_score) {
    reasons.push(`The risk policy changed since the last assessment (EM ${device.risk_score}, now ${live.score}): reassess the device`);
  }
  return {
    inputs,
    score: device.risk_score,
    highRisk: device.high_risk,
    includedInMaintenanceProgram: live?.includedInMaintenanceProgram ?? device.high_risk,
    policyName: policy.name,
    reasons,
    override,
  };
}

/** Whether AEM may be decided for the device, with the facts and the tenant policy the rules used. */
function presentAemEligibility(page: DevicePage): DeviceDetail['aemEligibility'] {
  const d = page.device;
  return { ...aemEligibilityOnRecord(d, page.aemPolicy), maintenanceHistoryMonths: maintenanceHistoryMonths(d), policy: page.aemPolicy };
}

/** Adds years (possibly fractional) to a yyyy-mm-dd date. */
function plusYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + Math.round(years * 12));
  return d.toISOString().slice(0, 10);
}

export function presentDeviceDetail(page: DevicePage, today = new Date().toISOString().slice(0, 10)): DeviceDetail {
  const d = page.device;
  const expectedLife = num(d.expected_life_years);
  return {
    id: d.id,
    assetTag: d.asset_tag,
    serialNumber: d.serial_number,
    udi: d.udi,
    udiDi: d.udi_di,
    status: d.status,
    outOfServiceReason: d.out_of_service_reason,
    allowedTransitions: [...allowedTransitions(d.status)],
    hasBeenInService: d.has_been_in_service,
    incomingInspectionPassedAt: iso(d.incoming_inspection_passed_at),
    model: {
      id: d.model_id,
      modelNumber: d.model_number,
      name: d.model_name,
      fdaProductCode: d.fda_product_code,
      expectedLifeYears: expectedLife,
      endOfSupport: d.end_of_support,
      ifuUrl: d.ifu_url,
    },
    manufacturer: { id: d.manufacturer_id, name: d.manufacturer_name },
    deviceType:
      d.device_type_id && d.device_type_name
        ? {
            id: d.device_type_id,
            name: d.device_type_name,
            nomenclatureSystem: d.nomenclature_system ?? 'local',
            nomenclatureCode: d.nomenclature_code,
            lifeSupport: d.type_life_support ?? false,
            aemExclusion: d.aem_exclusion,
          }
        : null,
    fdaClassification:
      d.fda_product_code && d.fda_device_name && d.fda_device_class
        ? {
            productCode: d.fda_product_code,
            deviceName: d.fda_device_name,
            deviceClass: d.fda_device_class,
            regulationNumber: d.fda_regulation_number,
            medicalSpecialty: d.fda_medical_specialty,
            lifeSustaining: d.fda_life_sustaining ?? false,
            implant: d.fda_implant ?? false,
          }
        : null,
    facility: { id: d.facility_id, code: d.facility_code, name: d.facility_name },
    building: ref(d.building_id, d.building_name),
    department: ref(d.department_id, d.department_name),
    room: ref(d.room_id, d.room_name),
    locationNote: d.location_note,
    ownership: d.ownership,
    acquisitionDate: d.acquisition_date,
    acquisitionCost: num(d.acquisition_cost),
    purchaseOrder: d.purchase_order,
    vendor: ref(d.vendor_id, d.vendor_name),
    warrantyEnd: d.warranty_end,
    underWarranty: d.warranty_end !== null && d.warranty_end >= today,
    serviceContract: d.service_contract,
    expectedEndOfLife: d.acquisition_date && expectedLife ? plusYears(d.acquisition_date, expectedLife) : null,
    connected: d.connected,
    hostname: d.hostname,
    ipAddress: d.ip_address,
    macAddress: d.mac_address,
    operatingSystem: d.operating_system,
    firmwareVersion: d.firmware_version,
    softwareVersion: d.software_version,
    storesPatientData: d.stores_patient_data,
    notes: d.notes,
    risk: presentRisk(d, page.policy),
    strategy: {
      strategy: d.maintenance_strategy,
      decidedBy: d.strategy_decided_by,
      decidedAt: iso(d.strategy_decided_at),
      reason: d.strategy_reason,
    },
    aemEligibility: presentAemEligibility(page),
    attachmentsCount: page.attachmentsCount,
    recentEvents: page.recentEvents.map(presentDeviceEvent),
    createdAt: d.created_at.toISOString(),
    updatedAt: d.updated_at.toISOString(),
    version: d.version,
  };
}

/** The names a page of list rows refers to, looked up once per page (see hydrateReferences). */
export interface ReferenceNames {
  models: Map<string, { modelNumber: string; name: string | null }>;
  manufacturers: Map<string, string>;
  deviceTypes: Map<string, string>;
  facilities: Map<string, { code: string; name: string }>;
  departments: Map<string, string>;
  rooms: Map<string, string>;
}

/** A list row as the API shows it. The columns are the list's own (see LIST_COLUMNS in queries.ts). */
export function presentDeviceSummary(row: ListRow, names: ReferenceNames): DeviceSummary {
  const model = names.models.get(row.model_id);
  const facility = names.facilities.get(row.facility_id);
  const summary: DeviceSummary = {
    id: row.id,
    assetTag: row.asset_tag,
    serialNumber: row.serial_number,
    udiDi: row.udi_di,
    status: row.status,
    outOfServiceReason: row.out_of_service_reason,
    model: { id: row.model_id, modelNumber: model?.modelNumber ?? '', name: model?.name ?? null },
    manufacturer: { id: row.manufacturer_id, name: names.manufacturers.get(row.manufacturer_id) ?? '' },
    deviceType: ref(row.device_type_id, row.device_type_id ? names.deviceTypes.get(row.device_type_id) : null),
    facility: { id: row.facility_id, code: facility?.code ?? '', name: facility?.name ?? '' },
    department: ref(row.department_id, row.department_id ? names.departments.get(row.department_id) : null),
    room: ref(row.room_id, row.room_id ? names.rooms.get(row.room_id) : null),
    ownership: row.ownership,
    acquisitionDate: row.acquisition_date,
    warrantyEnd: row.warranty_end,
    highRisk: row.high_risk,
    riskScore: row.risk_score,
    maintenanceStrategy: row.maintenance_strategy,
    connected: row.connected,
    hostname: row.hostname,
    ipAddress: row.ip_address,
    softwareVersion: row.software_version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
  if (row.search_score !== undefined && row.search_score !== null) summary.searchScore = Number(row.search_score);
  return summary;
}

export type ListRow = Pick<
  DeviceRow,
  | 'id' | 'asset_tag' | 'serial_number' | 'udi_di' | 'status' | 'out_of_service_reason' | 'model_id' | 'manufacturer_id'
  | 'device_type_id' | 'facility_id' | 'department_id' | 'room_id' | 'ownership' | 'acquisition_date' | 'warranty_end'
  | 'high_risk' | 'risk_score' | 'maintenance_strategy' | 'connected' | 'hostname' | 'ip_address' | 'software_version'
  | 'created_at' | 'updated_at' | 'version'
> & { search_score?: number | null };
