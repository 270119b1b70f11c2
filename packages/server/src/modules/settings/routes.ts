import { DEFAULT_RISK_POLICY, type RiskPolicy } from '@openhtm/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authOf } from '../../http/auth.ts';
import { tx } from '../../http/context.ts';
import { expectedVersion, setEtag } from '../../http/etag.ts';
import { riskPolicyOf, saveRiskPolicy, type RiskPolicySetting } from './risk-policy.ts';
import { RiskPolicySchema, RiskPolicySettingOut } from './schema.ts';

const tags = ['settings'];

const present = (setting: RiskPolicySetting) => ({ ...setting, defaultPolicy: DEFAULT_RISK_POLICY });

export const settingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/settings/risk-policy',
    {
      config: { action: 'inventory.read' },
      schema: { tags, summary: "The tenant's risk (EM number) policy, with the default beside it", response: { 200: RiskPolicySettingOut } },
    },
    async (request, reply) => {
      const setting = await tx(request, (trx) => riskPolicyOf(trx));
      setEtag(reply, setting.version);
      return present(setting);
    },
  );

  app.put(
    '/settings/risk-policy',
    {
      config: { action: 'risk.manage' },
      schema: {
        tags,
        summary: "Replace the tenant's risk policy (If-Match required; \"v0\" before the first change)",
        description: 'Every point table must be complete, thresholds within the range the tables can produce.',
        body: RiskPolicySchema,
        response: { 200: RiskPolicySettingOut },
      },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const version = expectedVersion(request);
      const setting = await tx(request, (trx) => saveRiskPolicy(trx, auth.tenantId, version, request.body as RiskPolicy));
      setEtag(reply, setting.version);
      return present(setting);
    },
  );

  app.delete(
    '/settings/risk-policy',
    {
      config: { action: 'risk.manage' },
      schema: { tags, summary: 'Return to the default risk policy (If-Match required)', response: { 200: RiskPolicySettingOut } },
    },
    async (request, reply) => {
      const auth = authOf(request);
      const version = expectedVersion(request);
      const setting = await tx(request, (trx) => saveRiskPolicy(trx, auth.tenantId, version, null));
      setEtag(reply, setting.version);
      return present(setting);
    },
  );
};
