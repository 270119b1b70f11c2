import { FDA_DEVICE_CLASS_LABELS, isFdaDeviceClass } from '@openhtm/domain';
import type { ModelWithIdentifiers } from './queries.ts';
import type { MaintenanceActivity, ModelOut } from './schema.ts';

export function presentModel({ model: m, identifiers }: ModelWithIdentifiers): ModelOut {
  const fdaClass = m.fda_device_class;
  return {
    id: m.id,
    manufacturer: { id: m.manufacturer_id, name: m.manufacturer_name },
    deviceType: m.device_type_id && m.device_type_name ? { id: m.device_type_id, name: m.device_type_name } : null,
    modelNumber: m.model_number,
    name: m.name,
    fdaProductCode: m.fda_product_code,
    fdaClassification:
      m.fda_product_code && m.fda_device_name && fdaClass
        ? {
            productCode: m.fda_product_code,
            deviceName: m.fda_device_name,
            deviceClass: fdaClass,
            deviceClassLabel: isFdaDeviceClass(fdaClass) ? FDA_DEVICE_CLASS_LABELS[fdaClass] : fdaClass,
            regulationNumber: m.fda_regulation_number,
            medicalSpecialty: m.fda_medical_specialty,
            implant: m.fda_implant ?? false,
            lifeSustaining: m.fda_life_sustaining ?? false,
          }
        : null,
    expectedLifeYears: m.expected_life_years === null ? null : Number(m.expected_life_years),
    endOfSupport: m.end_of_support,
    ifuUrl: m.ifu_url,
    defaultActivities: m.default_activities as MaintenanceActivity[],
    identifiers: identifiers.map((i) => ({
      id: i.id,
      issuingAgency: i.issuing_agency,
      deviceIdentifier: i.device_identifier,
      kind: i.kind,
      checkDigitValid: i.check_digit_valid,
    })),
    source: m.source,
    version: m.version,
    createdAt: m.created_at.toISOString(),
    updatedAt: m.updated_at.toISOString(),
  };
}
