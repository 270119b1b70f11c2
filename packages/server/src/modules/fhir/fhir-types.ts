/** The subset of FHIR R4 datatypes and resources this endpoint writes (shapes per hl7.org/fhir/R4). */

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Identifier {
  use?: 'usual' | 'official' | 'temp' | 'secondary' | 'old';
  type?: CodeableConcept;
  system?: string;
  value?: string;
}

export interface Reference {
  reference?: string;
  display?: string;
}

export interface Quantity {
  value?: number;
  unit?: string;
  system?: string;
  code?: string;
}

export interface Meta {
  versionId?: string;
  lastUpdated?: string;
}

export interface Organization {
  resourceType: 'Organization';
  id?: string;
  identifier?: Identifier[];
  name?: string;
}

export interface Location {
  resourceType: 'Location';
  id?: string;
  status?: 'active' | 'suspended' | 'inactive';
  name?: string;
  description?: string;
  mode?: 'instance' | 'kind';
  physicalType?: CodeableConcept;
  managingOrganization?: Reference;
}

export interface DeviceVersion {
  type?: CodeableConcept;
  value: string;
}

export interface DeviceProperty {
  type: CodeableConcept;
  valueQuantity?: Quantity[];
  valueCode?: CodeableConcept[];
}

export interface Device {
  resourceType: 'Device';
  id: string;
  meta?: Meta;
  contained?: (Organization | Location)[];
  identifier?: Identifier[];
  definition?: Reference;
  udiCarrier?: {
    deviceIdentifier?: string;
    issuer?: string;
    jurisdiction?: string;
    carrierHRF?: string;
    entryType?: 'barcode' | 'rfid' | 'manual' | 'card' | 'self-reported' | 'unknown';
  }[];
  status?: 'active' | 'inactive' | 'entered-in-error' | 'unknown';
  statusReason?: CodeableConcept[];
  manufacturer?: string;
  manufactureDate?: string;
  expirationDate?: string;
  lotNumber?: string;
  serialNumber?: string;
  deviceName?: { name: string; type: 'udi-label-name' | 'user-friendly-name' | 'patient-reported-name' | 'manufacturer-name' | 'model-name' | 'other' }[];
  modelNumber?: string;
  type?: CodeableConcept;
  version?: DeviceVersion[];
  property?: DeviceProperty[];
  owner?: Reference;
  location?: Reference;
  note?: { text: string }[];
  safety?: CodeableConcept[];
}

export interface DeviceDefinition {
  resourceType: 'DeviceDefinition';
  id: string;
  meta?: Meta;
  identifier?: Identifier[];
  udiDeviceIdentifier?: { deviceIdentifier: string; issuer: string; jurisdiction: string }[];
  manufacturerString?: string;
  deviceName?: { name: string; type: 'udi-label-name' | 'user-friendly-name' | 'patient-reported-name' | 'manufacturer-name' | 'model-name' | 'other' }[];
  modelNumber?: string;
  type?: CodeableConcept;
  safety?: CodeableConcept[];
  property?: DeviceProperty[];
  onlineInformation?: string;
  note?: { text: string }[];
}

export type Resource = Device | DeviceDefinition;

export interface Bundle {
  resourceType: 'Bundle';
  type: 'searchset';
  total?: number;
  link: { relation: string; url: string }[];
  entry?: { fullUrl: string; resource: Resource; search: { mode: 'match' } }[];
}
