import type { Action } from '@openhtm/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Static, TSchema } from 'typebox';
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

type DeviceRequest<Body extends TSchema> = FastifyRequest<{ Params: Static<typeof IdParams>; Body: Static<Body> }>;

interface DeviceCommandRoute<Body extends TSchema> {
  method: 'POST' | 'PUT' | 'DELETE';
  url: string;
  action: Action;
  summary: string;
  description: string;
  body?: Body;
  /** The command a request asks for; built before the transaction opens, so that headers (If-Match) are read first. */
  command: (request: DeviceRequest<Body>) => (trx: Trx, auth: AuthContext) => Promise<void>;
}

/** A route on one device (`:id`) that runs a command and answers 200 with the device page and its ETag. */
function deviceCommandRoute<Body extends TSchema>(app: Parameters<FastifyPluginAsyncTypebox>[0], route: DeviceCommandRoute<Body>): void {
  app.route({
    method: route.method,
    url: route.url,
    config: { action: route.action },
    schema: {
      tags,
      summary: route.summary,
      description: route.description,
      params: IdParams,
      ...(route.body && { body: route.body }),
      response: { 200: DeviceDetail },
    },
    handler: async (request, reply) => {
      const deviceRequest = request as DeviceRequest<Body>;
      const device = await commandThenPage(request, deviceRequest.params.id, route.command(deviceRequest));
      setEtag(reply, device.version);
      return device;
    },
  });
}

/** Lifecycle transitions, the incoming inspection, risk assessment and override, maintenance strategy. */
export const lifecycleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  deviceCommandRoute(app, {
    method: 'POST',
    url: '/devices/:id/transitions',
    action: 'device.write',
    summary: 'Move a device to another lifecycle status',
    description:
      'Allowed transitions only: otherwise 422 with `allowed`, the statuses the device may move to. A reason is ' +
      'required to reject, retire or dispose; outOfServiceReason to take a device out of service; a passed incoming ' +
      'inspection before the first time in service (422); a sanitization record with attestation to dispose of a ' +
      'device that stored patient data. Retire and dispose need device.retire. If-Match is optional. Each transition ' +
      'is recorded (who, when, from, to, why) on the timeline.',
    body: TransitionBody,
    command: (request) => {
      const version = request.headers['if-match'] ? expectedVersion(request) : undefined;
      return (trx, auth) => transitionDevice(trx, auth, request.params.id, request.body, version);
    },
  });

  deviceCommandRoute(app, {
    method: 'POST',
    url: '/devices/:id/incoming-inspection',
    action: 'device.write',
    summary: 'Record the incoming (acceptance) inspection',
    description:
      'For a received (or out-of-service) device: pass sets incomingInspectionPassedAt, which the first move into ' +
      'service requires; fail clears it. Electrical safety results are kept as measured; their limits belong to the ' +
      'inspection procedure.',
    body: IncomingInspectionBody,
    command: (request) => (trx, auth) => recordIncomingInspection(trx, auth, request.params.id, request.body),
  });

  deviceCommandRoute(app, {
    method: 'PUT',
    url: '/devices/:id/risk',
    action: 'risk.manage',
    summary: 'Reassess the risk of a device',
    description:
      "Scores the device with the tenant risk policy (Fennigkoh–Smith by default): with the inputs given, which become " +
      "the device's own, or with its device type's when inputs are omitted or null. An override stays in force.",
    body: RiskBody,
    command: (request) => (trx, auth) => assessDeviceRisk(trx, auth, request.params.id, request.body),
  });

  deviceCommandRoute(app, {
    method: 'POST',
    url: '/devices/:id/risk-override',
    action: 'risk.manage',
    summary: 'Override the calculated high-risk flag',
    description: 'A clinical engineering decision with a required reason, stamped with who and when; the calculated value is kept beside it.',
    body: RiskOverrideBody,
    command: (request) => (trx, auth) => overrideDeviceRisk(trx, auth, request.params.id, request.body),
  });

  deviceCommandRoute(app, {
    method: 'DELETE',
    url: '/devices/:id/risk-override',
    action: 'risk.manage',
    summary: 'Remove the high-risk override',
    description: 'The calculated flag applies again.',
    command: (request) => (trx, auth) => clearDeviceRiskOverride(trx, auth, request.params.id),
  });

  deviceCommandRoute(app, {
    method: 'POST',
    url: '/devices/:id/strategy',
    action: 'risk.manage',
    summary: 'Decide the maintenance strategy (manufacturer or AEM)',
    description:
      "AEM is refused (422 with `reasons`) for imaging or radiologic equipment, lasers and law-prescribed maintenance " +
      '(the device type), new equipment without enough maintenance history (months since acquisition or acceptance), ' +
      'too few completed PMs, or without a documented risk assessment (a scored device and a reason). The decision ' +
      'is stamped with who and when.',
    body: StrategyBody,
    command: (request) => (trx, auth) => decideDeviceStrategy(trx, auth, request.params.id, request.body),
  });
};
