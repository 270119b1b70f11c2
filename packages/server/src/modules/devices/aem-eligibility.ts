import { assessAemEligibility, DEFAULT_AEM_POLICY, type AemEligibility, type AemIneligibilityReason, type AemPolicy } from '@openhtm/domain';
import type { DeviceRow } from './device-access.ts';

/** The tenant's AEM policy as stored in tenant_settings.aem_policy; each missing or malformed value takes the default. */
export function aemPolicyOf(stored: unknown): AemPolicy {
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<Record<keyof AemPolicy, unknown>>;
  return {
    minimumHistoryMonths: typeof s.minimumHistoryMonths === 'number' ? s.minimumHistoryMonths : DEFAULT_AEM_POLICY.minimumHistoryMonths,
    minimumCompletedPmCount: typeof s.minimumCompletedPmCount === 'number' ? s.minimumCompletedPmCount : DEFAULT_AEM_POLICY.minimumCompletedPmCount,
    requireDocumentedRiskAssessment:
      typeof s.requireDocumentedRiskAssessment === 'boolean' ? s.requireDocumentedRiskAssessment : DEFAULT_AEM_POLICY.requireDocumentedRiskAssessment,
  };
}

/** Whole months from a date until now; null when the date is unknown. */
function monthsSince(date: string | null): number | null {
  if (date === null) return null;
  const from = new Date(date);
  const now = new Date();
  const months = (now.getUTCFullYear() - from.getUTCFullYear()) * 12 + now.getUTCMonth() - from.getUTCMonth() - (now.getUTCDate() < from.getUTCDate() ? 1 : 0);
  return Math.max(0, months);
}

/** What the eligibility of a device rests on: its own record and its device type's AEM exclusion (imaging, laser, law). */
export type AemFacts = Pick<DeviceRow, 'acquisition_date' | 'incoming_inspection_passed_at' | 'risk_score'> & {
  aem_exclusion: string | null | undefined;
};

/** Months of maintenance history: since the device was acquired or first passed its incoming inspection, whichever came first. */
export function maintenanceHistoryMonths(device: AemFacts): number | null {
  const start = [device.acquisition_date, device.incoming_inspection_passed_at?.toISOString().slice(0, 10) ?? null]
    .filter((d): d is string => d !== null)
    .sort()[0] ?? null;
  return monthsSince(start);
}

/**
 * The domain's AEM eligibility rules applied to a device: the device type's exclusion (imaging, laser, law), the
 * months of maintenance history, the completed PM count, and a documented risk assessment (a scored device and a
 * stated basis). `stated` is what a strategy decision states.
 */
export function deviceAemEligibility(device: AemFacts, policy: AemPolicy, stated: { completedPmCount: number | null; reason: string | null }): AemEligibility {
  return assessAemEligibility(
    {
      imaging: device.aem_exclusion === 'imaging',
      laser: device.aem_exclusion === 'laser',
      lawPrescribedMaintenance: device.aem_exclusion === 'law',
      maintenanceHistoryMonths: maintenanceHistoryMonths(device),
      completedPmCount: stated.completedPmCount,
      riskAssessmentDocumented: device.risk_score !== null && Boolean(stated.reason?.trim()),
    },
    policy,
  );
}

/** AEM eligibility as the device page shows it: what rules AEM out, and what a decision must still state. */
export interface AemEligibilityOnRecord extends AemEligibility {
  /** Rules a strategy decision satisfies by what it states: the completed PM count, the basis of a scored device. */
  decisionMustState: AemIneligibilityReason[];
}

/**
 * The eligibility rules applied to what is on record. The completed PM count and the documented basis are stated
 * with a decision (POST /strategy), so their reasons do not rule AEM out here; they are listed as what the decision
 * must state. A device without a risk score stays ineligible: a basis alone does not make an assessment.
 */
export function aemEligibilityOnRecord(device: AemFacts & Pick<DeviceRow, 'strategy_reason'>, policy: AemPolicy): AemEligibilityOnRecord {
  const all = deviceAemEligibility(device, policy, { completedPmCount: null, reason: device.strategy_reason });
  const statedAtDecision = (reason: AemIneligibilityReason) =>
    reason.code === 'insufficient_pm_count' || (reason.code === 'no_documented_risk_assessment' && device.risk_score !== null);
  const reasons = all.reasons.filter((reason) => !statedAtDecision(reason));
  return { eligible: reasons.length === 0, reasons, decisionMustState: all.reasons.filter(statedAtDecision) };
}
