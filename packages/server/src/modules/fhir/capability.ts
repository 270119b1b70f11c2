/**
 * The CapabilityStatement of the FHIR endpoint (GET /fhir/r4/metadata): what a client may ask of it, read before
 * anything else by most FHIR clients. It names the searches and the way to authenticate.
 */
export function capabilityStatement(baseUrl: string) {
  const read = [{ code: 'read' }, { code: 'search-type' }];
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-11-21',
    publisher: 'OpenHTM',
    kind: 'instance',
    software: { name: 'OpenHTM' },
    implementation: { description: 'OpenHTM inventory: devices as Device, catalog models as DeviceDefinition', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        security: {
          description: 'Sign in through /api/v1/auth/login (session cookie) or send an OpenHTM API token as Authorization: Bearer.',
        },
        resource: [
          {
            type: 'Device',
            documentation: 'Searches take _count (1–200, default 50); a bundle has total when it holds every match.',
            interaction: read,
            searchParam: [
              { name: 'identifier', type: 'token', documentation: 'Asset tag (asset-tag system) or serial number (|value, no system)' },
              { name: 'udi-di', type: 'string', documentation: 'UDI device identifier, matched exactly; a whole UDI counts by its DI' },
            ],
          },
          {
            type: 'DeviceDefinition',
            documentation: 'Searches take _count (1–200, default 50).',
            interaction: read,
            searchParam: [
              { name: 'identifier', type: 'token', documentation: 'UDI device identifier (GS1, HIBCC, ICCBBA issuer URIs) or model number' },
            ],
          },
        ],
      },
    ],
  };
}
