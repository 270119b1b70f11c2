import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Trx } from '../../db/tenant-context.ts';
import { authOf } from '../../http/auth.ts';
import { tx } from '../../http/context.ts';
import { expectedVersion, setEtag } from '../../http/etag.ts';
import type { AuthContext } from '../auth/sessions.ts';
import { loadDevicePage } from './device-page.ts';
import { presentDeviceDetail } from './presenter.ts';
import { assessDeviceRisk, clearDeviceRiskOverride, decideDeviceStrategy, overrideDeviceRisk } from './risk.ts';
import { IdParams } from './schema.ts';
import { IncomingInspectionBody, RiskBody, RiskOverrideBody, StrategyBody, TransitionBody } from './schema-actions.ts';
import { DeviceDetail } from './schema-out.ts';
import { recordIncomingInspection, transitionDevice } from './transition-device.ts';

const tags = ['device lifecycle and risk'];

/** Runs a device command and answers with the device page as the command left it, in the same transaction. */
async function commandThenPage(request: FastifyRequest, id: string, command: (trx: Trx, auth: AuthContext) => Promise<void>) {
  const auth = authOf(request);
  return tx(request, async (trx) => {
    await command(trx, auth);
    return presentDeviceDetail(await loadDevicePage(trx, auth, id));
  });
}

/** Lifecycle transitions, the incoming inspection, risk assessment and override, maintenance strategy. */
export const lifecycleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/devices/:id/transitions',
    {
      config: { action: 'device.write' },
      schema: {
        tags,
        summary: 'Move a device to another lifecycle status',
        description:
          'Allowed transitions only: otherwise 422 with `allowed`, the statuses the device may move to. A reason is ' +
          'required to reject, retire or dispose; outOfServiceReason to take a device out of service; a passed incoming ' +
          'inspection before the first time in service (422); a sanitization record with attestation to dispose of a ' +
          'device that stored patient data. Retire and dispose need device.retire. If-Match is optional. Each transition ' +
          'is recorded (who, when, from, to, why) on the timeline.',
        params: IdParams,
        body: TransitionBody,
        response: { 200: DeviceDetail },
      },
    },
    async (request, reply) => {
      const version = request.headers['if-match'] ? expectedVersion(request) : undefined;
      const device = await commandThenPage(request, request.params.id, (trx, auth) => transitionDevice(trx, auth, request.params.id, request.body, version));
      setEtag(reply, device.version);
      return device;
    },
  );

  app.post(
    '/devices/:id/incoming-inspection',
    {
      config: { action: 'device.write' },
      schema: {
        tags,
        summary: 'Record the incoming (acceptance) inspection',
        description:
          'For a received (or out-of-service) device: pass sets incomingInspectionPassedAt, which the first move into ' +
          'service requires; fail clears it. Electrical safety results are kept as measured; their limits belong to the ' +
          'inspection procedure.',
        params: IdParams,
        body: IncomingInspectionBody,
        response: { 200: DeviceDetail },
      },
    },
    async (request, reply) => {
      const device = await commandThenPage(request, request.params.id, (trx, auth) => recordIncomingInspection(trx, auth, request.params.id, request.body));
      setEtag(reply, device.version);
      return device;
    },
  );

  app.put(
    '/devices/:id/risk',
    {
      config: { action: 'risk.manage' },
      schema: {
        tags,
        summary: 'Reassess the risk of a device',
        description:
          "Scores the device with the tenant risk policy (Fennigkoh–Smith by default): with the inputs given, which become " +
          "the device's own, or with its device type's when inputs are omitted or null. An override stays in force.",
        params: IdParams,
        body: RiskBody,
        response: { 200: DeviceDetail },
      },
    },
    async (request, reply) => {
      const device = await commandThenPage(request, request.params.id, (trx, auth) => assessDeviceRisk(trx, auth, request.params.id, request.body));
      setEtag(reply, device.version);
      return device;
    },
  );

  app.post(
    '/devices/:id/risk-override',
    {
      config: { action: 'risk.manage' },
      schema: {
        tags,
        summary: 'Override the calculated high-risk flag',
        description: 'A clinical engineering decision with a required reason, stamped with who and when; the calculated value is kept beside it.',
        params: IdParams,
        body: RiskOverrideBody,
        response: { 200: DeviceDetail },
      },
    },
    async (request, reply) => {
      const device = await commandThenPage(request, request.params.id, (trx, auth) => overrideDeviceRisk(trx, auth, request.params.id, request.body));
      setEtag(reply, device.version);
      return device;
    },
  );

  app.delete(
    '/devices/:id/risk-override',
    {
      config: { action: 'risk.manage' },
      schema: { tags, summary: 'Remove the high-risk override', description: 'The calculated flag applies again.', params: IdParams, response: { 200: DeviceDetail } },
    },
    async (request, reply) => {
      const device = await commandThenPage(request, request.params.id, (trx, auth) => clearDeviceRiskOverride(trx, auth, request.params.id));
      setEtag(reply, device.version);
      return device;
    },
  );

  app.post(
    '/devices/:id/strategy',
    {
      config: { action: 'risk.manage' },
      schema: {
        tags,
        summary: 'Decide the maintenance strategy (manufacturer or AEM)',
        description:
          "AEM is refused (422 with `reasons`) for imaging or radiologic equipment, lasers and law-prescribed maintenance " +
          '(the device type), new equipment without enough maintenance history (months since acquisition or acceptance), ' +
          'too few completed PMs, or without a documented risk assessment (a scored device and a reason). The decision ' +
          'is stamped with who and when.',
        params: IdParams,
        body: StrategyBody,
        response: { 200: DeviceDetail },
      },
    },
    async (request, reply) => {
      const device = await commandThenPage(request, request.params.id, (trx, auth) => decideDeviceStrategy(trx, auth, request.params.id, request.body));
      setEtag(reply, device.version);
      return device;
    },
  );
};
