import type { CodeableConcept } from './fhir-types.ts';
import { GMDN_SYSTEM, localDeviceTypeSystem } from './systems.ts';

interface TypeFacts {
  type_name: string | null;
  nomenclature_system: 'UMDNS' | 'GMDN' | 'local' | null;
  nomenclature_code: string | null;
}

/**
 * A device type as a CodeableConcept: its name as text, and a coding when it has a nomenclature code (GMDN in the
 * HL7 code system, local codes in the tenant's own). UMDNS has no code system URI we can vouch for: its code
 * stays in the text.
 */
export function deviceTypeConcept(row: TypeFacts, tenantSlug: string): CodeableConcept | undefined {
  if (!row.type_name) return undefined;
  const code = row.nomenclature_code;
  if (!code) return { text: row.type_name };
  if (row.nomenclature_system === 'GMDN') return { coding: [{ system: GMDN_SYSTEM, code, display: row.type_name }], text: row.type_name };
  if (row.nomenclature_system === 'local') return { coding: [{ system: localDeviceTypeSystem(tenantSlug), code, display: row.type_name }], text: row.type_name };
  return { text: `${row.type_name} (UMDNS ${code})` };
}
