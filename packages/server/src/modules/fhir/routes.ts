import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { authOf } from '../../http/auth.ts';
import { tx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { capabilityStatement } from './capability.ts';
import { presentDevice } from './device.ts';
import { presentDeviceDefinition } from './device-definition.ts';
import type { Bundle, Resource } from './fhir-types.ts';
import { registerOperationOutcomes } from './operation-outcome.ts';
import { deviceFacts, modelFacts, tenantSlug } from './queries.ts';
import { criteria, deviceIdentifierMatches, modelIdentifierMatches, parseTokens, udiDiMatches, valuesOf } from './search-params.ts';
import { FHIR_JSON } from './systems.ts';

const tags = ['fhir'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_COUNT = 50;

/** A FHIR logical id; ours are UUIDs, any other well-formed id is simply not found. */
const FhirId = Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9\\-.]{1,64}$' }) });
/** A parameter that may repeat; each value may hold comma-separated alternatives. */
const repeated = (description: string) => Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 20, description }));
const Common = {
  _count: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, description: `Most entries in the bundle (default ${DEFAULT_COUNT})` })),
  _format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('application/fhir+json'), Type.Literal('application/json')])),
};
const DeviceSearch = Type.Object(
  {
    identifier: repeated('Asset tag or serial number; token form system|value (the asset-tag system, or |value for the serial number)'),
    'udi-di': repeated('UDI device identifier (exact), or a whole UDI'),
    ...Common,
  },
  { additionalProperties: false },
);
const DefinitionSearch = Type.Object(
  { identifier: repeated('UDI device identifier or model number; token form system|value'), ...Common },
  { additionalProperties: false },
);

const baseUrl = (request: FastifyRequest) => `${request.protocol}://${request.host}/fhir/r4`;

/** A searchset bundle of the matches; `total` only when the page holds every match. */
function searchset(request: FastifyRequest, type: string, resources: Resource[], count: number): Bundle {
  const base = baseUrl(request);
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
  const complete = resources.length <= count;
  const page = resources.slice(0, count);
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(complete ? { total: page.length } : {}),
    link: [{ relation: 'self', url: `${base}/${type}${query}` }],
    entry: page.map((resource) => ({ fullUrl: `${base}/${type}/${resource.id}`, resource, search: { mode: 'match' as const } })),
  };
}

const notFound = (type: string, id: string) => new AppError('not_found', `${type}/${id} is not known`);

/**
 * The FHIR R4 endpoint (outside /api/v1): devices as Device, catalog models as DeviceDefinition. Authentication is
 * the API's (session cookie or API token); a device outside the actor's facilities is not found.
 */
export const fhirRoutes: FastifyPluginAsyncTypebox = async (app) => {
  registerOperationOutcomes(app);

  app.get('/metadata', { config: { public: true }, schema: { tags, summary: 'The CapabilityStatement of this FHIR endpoint' } }, async (request, reply) =>
    reply.type(FHIR_JSON).send(capabilityStatement(baseUrl(request))),
  );

  app.get(
    '/Device/:id',
    { config: { action: 'inventory.read' }, schema: { tags, summary: 'A device as a FHIR R4 Device', params: FhirId } },
    async (request, reply) => {
      const { id } = request.params;
      if (!UUID.test(id)) throw notFound('Device', id);
      const auth = authOf(request);
      const { rows, slug } = await tx(request, async (trx) => ({
        rows: await deviceFacts(trx, auth, [[{ column: 'id', values: [id] }]], 1),
        slug: await tenantSlug(trx, auth.tenantId),
      }));
      if (!rows[0]) throw notFound('Device', id);
      return reply.type(FHIR_JSON).header('etag', `W/"${rows[0].version}"`).send(presentDevice(rows[0], slug));
    },
  );

  app.get(
    '/Device',
    { config: { action: 'inventory.read' }, schema: { tags, summary: 'Search devices by identifier or UDI device identifier (searchset Bundle)', querystring: DeviceSearch } },
    async (request, reply) => {
      const auth = authOf(request);
      const query = request.query;
      const identifiers = valuesOf(query.identifier);
      const dis = valuesOf(query['udi-di']);
      if (identifiers.length === 0 && dis.length === 0) {
        throw new AppError('validation', 'Search devices by identifier or udi-di', { fields: [{ path: '/querystring/identifier', message: 'identifier or udi-di is required' }] });
      }
      const count = query._count ?? DEFAULT_COUNT;
      const resources = await tx(request, async (trx) => {
        const slug = await tenantSlug(trx, auth.tenantId);
        const search = criteria(...identifiers.map((raw) => deviceIdentifierMatches(parseTokens(raw, 'identifier'), slug)), ...dis.map((raw) => udiDiMatches(raw.split(','))));
        if (!search) return [];
        return (await deviceFacts(trx, auth, search, count + 1)).map((row) => presentDevice(row, slug));
      });
      return reply.type(FHIR_JSON).send(searchset(request, 'Device', resources, count));
    },
  );

  app.get(
    '/DeviceDefinition/:id',
    { config: { action: 'inventory.read' }, schema: { tags, summary: 'A catalog model as a FHIR R4 DeviceDefinition', params: FhirId } },
    async (request, reply) => {
      const { id } = request.params;
      if (!UUID.test(id)) throw notFound('DeviceDefinition', id);
      const auth = authOf(request);
      const { rows, slug } = await tx(request, async (trx) => ({
        rows: await modelFacts(trx, [[{ column: 'id', values: [id] }]], 1),
        slug: await tenantSlug(trx, auth.tenantId),
      }));
      if (!rows[0]) throw notFound('DeviceDefinition', id);
      return reply.type(FHIR_JSON).header('etag', `W/"${rows[0].version}"`).send(presentDeviceDefinition(rows[0], slug));
    },
  );

  app.get(
    '/DeviceDefinition',
    { config: { action: 'inventory.read' }, schema: { tags, summary: 'Search catalog models by UDI device identifier or model number (searchset Bundle)', querystring: DefinitionSearch } },
    async (request, reply) => {
      const auth = authOf(request);
      const identifiers = valuesOf(request.query.identifier);
      if (identifiers.length === 0) {
        throw new AppError('validation', 'Search device definitions by identifier', { fields: [{ path: '/querystring/identifier', message: 'is required' }] });
      }
      const count = request.query._count ?? DEFAULT_COUNT;
      const resources = await tx(request, async (trx) => {
        const slug = await tenantSlug(trx, auth.tenantId);
        const search = criteria(...identifiers.map((raw) => modelIdentifierMatches(parseTokens(raw, 'identifier'), slug)));
        if (!search) return [];
        return (await modelFacts(trx, search, count + 1)).map((row) => presentDeviceDefinition(row, slug));
      });
      return reply.type(FHIR_JSON).send(searchset(request, 'DeviceDefinition', resources, count));
    },
  );

  // Any other resource type or interaction: an OperationOutcome rather than the web app or a problem document.
  // (Reads and searches of Device and DeviceDefinition are described at /fhir/r4/metadata.)
  app.all('/*', { config: { public: true }, schema: { hide: true } }, async (request) => {
    throw new AppError('not_found', `This endpoint reads and searches Device and DeviceDefinition only; ${request.method} ${request.url.split('?')[0]} is not supported`);
  });
};
