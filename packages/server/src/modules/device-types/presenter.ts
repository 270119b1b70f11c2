import { scoreRisk, type EquipmentFunction, type IncidentHistory, type MaintenanceRequirement, type PhysicalRisk, type RiskPolicy } from '@openhtm/domain';
import type { DeviceType } from '../../db/schema.ts';
import type { DeviceTypeOut } from './schema.ts';

/** The risk inputs stored on a device type, in the domain's shape. */
export function riskInputsOf(row: DeviceType) {
  return {
    function: row.risk_function as EquipmentFunction,
    physicalRisk: row.risk_physical as PhysicalRisk,
    maintenanceRequirement: row.risk_maintenance as MaintenanceRequirement,
    incidentHistory: row.risk_incident_history as IncidentHistory,
  };
}

/** A device type with its default risk scored under `policy` (the tenant's). */
export function presentDeviceType(row: DeviceType, policy: RiskPolicy): DeviceTypeOut {
  const riskInputs = riskInputsOf(row);
  const { override: _override, ...defaultRisk } = scoreRisk({ ...riskInputs, lifeSupport: row.life_support }, policy);
  return {
    id: row.id,
    name: row.name,
    nomenclatureSystem: row.nomenclature_system,
    nomenclatureCode: row.nomenclature_code,
    riskInputs,
    lifeSupport: row.life_support,
    aemExclusion: row.aem_exclusion,
    defaultRisk,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
