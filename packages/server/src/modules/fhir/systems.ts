import type { UdiIssuer } from '@openhtm/domain';

/** Identifier systems and code systems of the FHIR R4 endpoint. */

/** Asset tags are unique within a tenant, so their system names the tenant. */
export const assetTagSystem = (tenantSlug: string) => `https://openhtm.dev/fhir/sid/${tenantSlug}/asset-tag`;
/** Model numbers are unique per manufacturer within a tenant's catalog. */
export const modelNumberSystem = (tenantSlug: string) => `https://openhtm.dev/fhir/sid/${tenantSlug}/model-number`;
/** Facilities by their code. */
export const facilitySystem = (tenantSlug: string) => `https://openhtm.dev/fhir/sid/${tenantSlug}/facility`;
/** The tenant's own device-type codes (nomenclature system "local"). */
export const localDeviceTypeSystem = (tenantSlug: string) => `https://openhtm.dev/fhir/CodeSystem/${tenantSlug}/device-type`;

export const GMDN_SYSTEM = 'http://terminology.hl7.org/CodeSystem/GMDN';
export const IDENTIFIER_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v2-0203';
export const DEVICE_STATUS_REASON_SYSTEM = 'http://terminology.hl7.org/CodeSystem/device-status-reason';
export const LOCATION_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/location-physical-type';
export const FDA_UDI_JURISDICTION = 'http://hl7.org/fhir/NamingSystem/fda-udi';

/** UDI issuing agencies as the R4 Device resource names them (Device.udiCarrier.issuer). */
export const UDI_ISSUER_URI: Record<Exclude<UdiIssuer, 'unknown'>, string> = {
  GS1: 'http://hl7.org/fhir/NamingSystem/gs1-di',
  HIBCC: 'http://hl7.org/fhir/NamingSystem/hibcc-di',
  ICCBBA: 'http://hl7.org/fhir/NamingSystem/iccbba-other-di',
};

/** The agency of a UDI issuer URI, or undefined for another system. */
export function agencyOfIssuer(uri: string): Exclude<UdiIssuer, 'unknown'> | undefined {
  const entry = Object.entries(UDI_ISSUER_URI).find(([, value]) => value === uri);
  return entry?.[0] as Exclude<UdiIssuer, 'unknown'> | undefined;
}

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';
