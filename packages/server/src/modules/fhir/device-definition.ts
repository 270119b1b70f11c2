import type { DeviceDefinition, DeviceProperty } from './fhir-types.ts';
import { deviceTypeConcept } from './device-type.ts';
import type { ModelFacts } from './queries.ts';
import { FDA_UDI_JURISDICTION, modelNumberSystem, UDI_ISSUER_URI } from './systems.ts';

function properties(row: ModelFacts): DeviceProperty[] {
  const out: DeviceProperty[] = [];
  if (row.fda_product_code) {
    const meaning = row.fda_device_name ? ` (${row.fda_device_name}, class ${row.fda_device_class})` : '';
    out.push({ type: { text: 'FDA product code' }, valueCode: [{ text: `${row.fda_product_code}${meaning}` }] });
  }
  if (row.expected_life_years !== null) {
    out.push({
      type: { text: 'Expected life' },
      valueQuantity: [{ value: Number(row.expected_life_years), unit: 'years', system: 'http://unitsofmeasure.org', code: 'a' }],
    });
  }
  return out;
}

/** A model of the catalog as a FHIR R4 DeviceDefinition, with its UDI device identifiers. */
export function presentDeviceDefinition(row: ModelFacts, tenantSlug: string): DeviceDefinition {
  const definition: DeviceDefinition = {
    resourceType: 'DeviceDefinition',
    id: row.id,
    meta: { versionId: String(row.version), lastUpdated: row.updated_at.toISOString() },
    identifier: [
      { use: 'usual', type: { text: 'Model number' }, system: modelNumberSystem(tenantSlug), value: row.model_number },
      ...row.identifiers.map((i) => ({ type: { text: `UDI device identifier (${i.kind.replace(/_/g, ' ')})` }, system: UDI_ISSUER_URI[i.issuing_agency], value: i.device_identifier })),
    ],
    manufacturerString: row.manufacturer,
    deviceName: [{ name: row.name ?? row.model_number, type: 'model-name' }],
    modelNumber: row.model_number,
  };
  const udi = row.identifiers.filter((i) => i.kind === 'primary');
  if (udi.length) {
    definition.udiDeviceIdentifier = udi.map((i) => ({ deviceIdentifier: i.device_identifier, issuer: UDI_ISSUER_URI[i.issuing_agency], jurisdiction: FDA_UDI_JURISDICTION }));
  }
  const type = deviceTypeConcept(row, tenantSlug);
  if (type) definition.type = type;
  if (row.life_support) definition.safety = [{ text: 'Life-support equipment' }];
  const property = properties(row);
  if (property.length) definition.property = property;
  if (row.ifu_url) definition.onlineInformation = row.ifu_url;
  if (row.end_of_support) definition.note = [{ text: `Manufacturer end of support: ${row.end_of_support}` }];
  return definition;
}
