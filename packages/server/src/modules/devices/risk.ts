import { applyRiskOverride, decideStrategy } from '@openhtm/domain';
import { sql } from 'kysely';
import type { Trx } from '../../db/tenant-context.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthContext } from '../auth/sessions.ts';
import { riskPolicyOf } from '../settings/risk-policy.ts';
import { aemPolicyOf, deviceAemEligibility } from './aem-eligibility.ts';
import { deviceForChange } from './device-access.ts';
import { modelFacts } from './device-input.ts';
import { recordDeviceEvent } from './events.ts';
import { assessDevice, defaultRiskInputs, readRiskInputs, readRiskOverride, riskColumns } from './risk-assessment.ts';
import type { RiskBody, RiskOverrideBody, StrategyBody } from './schema-actions.ts';

const bump = { version: sql<number>`version + 1`, updated_at: sql<Date>`now()` };

/**
 * Rescores a device under the tenant's risk policy: with the inputs given (the device's own from then on), or with
 * its device type's when none are given. An override stays in force. Writes a risk_assessment event.
 */
export async function assessDeviceRisk(trx: Trx, auth: AuthContext, id: string, body: RiskBody): Promise<void> {
  const device = await deviceForChange(trx, auth, id, 'risk.manage');
  let inputs = body.inputs ?? null;
  if (!inputs) {
    const model = await modelFacts(trx, device.model_id);
    inputs = model ? defaultRiskInputs(model) : null;
    if (!inputs) {
      throw new AppError('unprocessable', "The device's model has no device type to take risk inputs from: send the inputs", {
        fields: [{ path: '/body/inputs', message: 'is required for a model without a device type' }],
      });
    }
  }
  const { policy } = await riskPolicyOf(trx);
  const override = readRiskOverride(device.high_risk_override);
  const assessment = assessDevice(inputs, override, policy);
  await trx.updateTable('devices').set({ ...riskColumns(inputs, assessment, override), ...bump }).where('id', '=', id).execute();
  await recordDeviceEvent(trx, auth, id, {
    kind: 'risk_assessment',
    reason: body.inputs ? 'Risk inputs set for this device' : "Risk inputs taken from the device type",
    details: { inputs, score: assessment?.score, highRisk: assessment?.highRisk, reasons: assessment?.reasons, policy: policy.name },
  });
}

/** Overrides the calculated high-risk flag with a clinical engineer's decision, stamped with who and when. */
export async function overrideDeviceRisk(trx: Trx, auth: AuthContext, id: string, body: RiskOverrideBody): Promise<void> {
  const device = await deviceForChange(trx, auth, id, 'risk.manage');
  const inputs = readRiskInputs(device.risk_inputs);
  const { policy } = await riskPolicyOf(trx);
  const assessment = assessDevice(inputs, null, policy);
  if (!assessment) {
    throw new AppError('unprocessable', 'Assess the device first (PUT /risk): there is no calculated value to override', {
      fields: [{ path: '/body/highRisk', message: 'the device has no risk assessment' }],
    });
  }
  const result = applyRiskOverride(assessment, { highRisk: body.highRisk, reason: body.reason, by: auth.actorLabel, at: new Date().toISOString() });
  if (!result.ok) {
    throw new AppError('validation', 'The override is incomplete', {
      fields: result.problems.map((p) => ({ path: `/body/${p.field}`, message: p.message })),
    });
  }
  const override = result.assessment.override!;
  await trx
    .updateTable('devices')
    .set({ high_risk_override: JSON.stringify(override), high_risk: override.highRisk, risk_score: assessment.score, ...bump })
    .where('id', '=', id)
    .execute();
  await recordDeviceEvent(trx, auth, id, {
    kind: 'risk_override',
    reason: override.reason,
    details: { highRisk: override.highRisk, calculatedHighRisk: override.calculatedHighRisk, score: assessment.score },
  });
}

/** Removes an override: the calculated high-risk flag applies again. */
export async function clearDeviceRiskOverride(trx: Trx, auth: AuthContext, id: string): Promise<void> {
  const device = await deviceForChange(trx, auth, id, 'risk.manage');
  const previous = readRiskOverride(device.high_risk_override);
  if (!previous) throw new AppError('unprocessable', 'The device has no risk override to remove');
  const { policy } = await riskPolicyOf(trx);
  const inputs = readRiskInputs(device.risk_inputs);
  const assessment = assessDevice(inputs, null, policy);
  await trx
    .updateTable('devices')
    .set({ high_risk_override: null, ...riskColumns(inputs, assessment, null), ...bump })
    .where('id', '=', id)
    .execute();
  await recordDeviceEvent(trx, auth, id, {
    kind: 'risk_override',
    reason: 'Override removed',
    details: { removed: previous, highRisk: assessment?.highRisk ?? false },
  });
}

/**
 * Decides a device's maintenance strategy. AEM is refused (422, with every reason) for imaging, lasers or
 * law-prescribed maintenance (the device type's aem_exclusion), too short a maintenance history (months since the
 * device was acquired or first passed inspection), too few completed PMs, or no documented risk assessment. The
 * decision is stamped with who and when and goes on the timeline.
 */
export async function decideDeviceStrategy(trx: Trx, auth: AuthContext, id: string, body: StrategyBody): Promise<void> {
  const device = await deviceForChange(trx, auth, id, 'risk.manage');
  const type = device.device_type_id
    ? await trx.selectFrom('device_types').select('aem_exclusion').where('id', '=', device.device_type_id).executeTakeFirst()
    : undefined;
  const settings = await trx.selectFrom('tenant_settings').select('aem_policy').executeTakeFirst();
  const eligibility = deviceAemEligibility({ ...device, aem_exclusion: type?.aem_exclusion }, aemPolicyOf(settings?.aem_policy), {
    completedPmCount: body.completedPmCount ?? null,
    reason: body.reason ?? null,
  });
  const decision = decideStrategy({
    strategy: body.strategy,
    eligibility,
    decidedBy: auth.actorLabel,
    decidedAt: new Date().toISOString(),
    reason: body.reason ?? null,
  });
  if (!decision.ok) {
    const refused = decision.problems.some((p) => p.code === 'aem_not_eligible');
    throw new AppError(refused ? 'unprocessable' : 'validation', decision.problems.map((p) => p.message).join('; '), {
      fields: decision.problems.map((p) => ({ path: `/body/${p.field === 'eligibility' ? 'strategy' : p.field}`, message: p.message })),
      extensions: { reasons: eligibility.reasons },
    });
  }
  const { strategy, decidedBy, decidedAt, reason } = decision.decision;
  await trx
    .updateTable('devices')
    .set({ maintenance_strategy: strategy, strategy_decided_by: decidedBy, strategy_decided_at: new Date(decidedAt), strategy_reason: reason, ...bump })
    .where('id', '=', id)
    .execute();
  await recordDeviceEvent(trx, auth, id, {
    kind: 'strategy_decision',
    reason,
    details: { from: device.maintenance_strategy, strategy, eligibility: { eligible: eligibility.eligible, reasons: eligibility.reasons } },
  });
}
