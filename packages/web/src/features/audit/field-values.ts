import {
  DEVICE_STATUS_META,
  EQUIPMENT_FUNCTION_LABELS,
  INCIDENT_HISTORY_LABELS,
  MAINTENANCE_REQUIREMENT_LABELS,
  MAINTENANCE_STRATEGY_LABELS,
  OUT_OF_SERVICE_REASON_LABELS,
  OWNERSHIP_LABELS,
  PHYSICAL_RISK_LABELS,
} from '@openhtm/domain';
import { AEM_EXCLUSION_LABELS, NOMENCLATURE_LABELS } from '../device-types/api';
import { IDENTIFIER_KIND_LABELS, MODEL_SOURCE_LABELS } from '../models/api';

const DEVICE_STATUS_LABELS: Record<string, string> = Object.fromEntries(Object.entries(DEVICE_STATUS_META).map(([status, meta]) => [status, meta.label]));
const IMPORT_STATUS_LABELS: Record<string, string> = { uploaded: 'Uploaded', checked: 'Checked', committed: 'Imported', refused: 'Refused', failed: 'Failed' };

/** The words for stored codes, by field; `status` means something else on a device import. */
const CODE_LABELS: Record<string, Record<string, string>> = {
  status: DEVICE_STATUS_LABELS,
  from_status: DEVICE_STATUS_LABELS,
  to_status: DEVICE_STATUS_LABELS,
  out_of_service_reason: OUT_OF_SERVICE_REASON_LABELS,
  ownership: OWNERSHIP_LABELS,
  maintenance_strategy: MAINTENANCE_STRATEGY_LABELS,
  risk_function: EQUIPMENT_FUNCTION_LABELS,
  risk_physical: PHYSICAL_RISK_LABELS,
  risk_maintenance: MAINTENANCE_REQUIREMENT_LABELS,
  risk_incident_history: INCIDENT_HISTORY_LABELS,
  nomenclature_system: NOMENCLATURE_LABELS,
  aem_exclusion: AEM_EXCLUSION_LABELS,
  source: MODEL_SOURCE_LABELS,
  kind: IDENTIFIER_KIND_LABELS,
};

/** A stored code as people read it ("in_service" → "In service"), or null when the field holds no code. */
export function codeLabel(entity: string | undefined, field: string, value: string): string | null {
  const labels = entity === 'device_import' && field === 'status' ? IMPORT_STATUS_LABELS : CODE_LABELS[field];
  return labels?.[value] ?? null;
}

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** A number with its unit where the field has one ("$10,534.78", "12 years"); otherwise null. */
export function quantityLabel(field: string, value: number | string): string | null {
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(number)) return null;
  if (field === 'acquisition_cost') return money.format(number);
  if (field === 'expected_life_years') return `${number} ${number === 1 ? 'year' : 'years'}`;
  return null;
}
