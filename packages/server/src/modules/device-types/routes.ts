import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authOf } from '../../http/auth.ts';
import { tx } from '../../http/context.ts';
import { expectedVersion, setEtag } from '../../http/etag.ts';
import { pageOf } from '../../http/pagination.ts';
import { riskPolicyOf } from '../settings/risk-policy.ts';
import { IdParams } from '../users/schema.ts';
import { presentDeviceType } from './presenter.ts';
import { DeviceTypeCreate, DeviceTypeListQuery, DeviceTypeOut, DeviceTypeUpdate } from './schema.ts';
import { createDeviceType, deleteDeviceType, getDeviceType, listDeviceTypes, updateDeviceType } from './service.ts';

const tags = ['device types'];

export const deviceTypeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/device-types',
    {
      config: { action: 'inventory.read' },
      schema: { tags, summary: 'List device types with their default risk', querystring: DeviceTypeListQuery, response: { 200: pageOf(DeviceTypeOut) } },
    },
    async (request) => {
      const { page, policy } = await tx(request, async (trx) => ({ page: await listDeviceTypes(trx, request.query), policy: (await riskPolicyOf(trx)).policy }));
      return { items: page.items.map((row) => presentDeviceType(row, policy)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/device-types/:id',
    { config: { action: 'inventory.read' }, schema: { tags, summary: 'One device type', params: IdParams, response: { 200: DeviceTypeOut } } },
    async (request, reply) => {
      const { row, policy } = await tx(request, async (trx) => ({ row: await getDeviceType(trx, request.params.id), policy: (await riskPolicyOf(trx)).policy }));
      setEtag(reply, row.version);
      return presentDeviceType(row, policy);
    },
  );

  app.post(
    '/device-types',
    { config: { action: 'reference.manage' }, schema: { tags, summary: 'Add a device type', body: DeviceTypeCreate, response: { 201: DeviceTypeOut } } },
    async (request, reply) => {
      const auth = authOf(request);
      const { row, policy } = await tx(request, async (trx) => ({ row: await createDeviceType(trx, auth.tenantId, request.body), policy: (await riskPolicyOf(trx)).policy }));
      setEtag(reply, row.version);
      return reply.status(201).send(presentDeviceType(row, policy));
    },
  );

  app.patch(
    '/device-types/:id',
    {
      config: { action: 'reference.manage' },
      schema: { tags, summary: 'Change a device type (If-Match required)', params: IdParams, body: DeviceTypeUpdate, response: { 200: DeviceTypeOut } },
    },
    async (request, reply) => {
      const version = expectedVersion(request);
      const { row, policy } = await tx(request, async (trx) => ({
        row: await updateDeviceType(trx, request.params.id, version, request.body),
        policy: (await riskPolicyOf(trx)).policy,
      }));
      setEtag(reply, row.version);
      return presentDeviceType(row, policy);
    },
  );

  app.delete(
    '/device-types/:id',
    {
      config: { action: 'reference.manage' },
      schema: { tags, summary: 'Delete a device type no model or device uses (If-Match required)', params: IdParams, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      const version = expectedVersion(request);
      await tx(request, (trx) => deleteDeviceType(trx, request.params.id, version));
      return reply.status(204).send(null);
    },
  );
};
