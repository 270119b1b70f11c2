/**
 * Alternate equipment maintenance (AEM) eligibility per CMS S&C 14-07 (DOMAIN.md §4): AEM is not
 * allowed for imaging and radiologic equipment, medical lasers, new equipment without sufficient
 * maintenance history, or equipment whose maintenance other law prescribes.
 */

export interface AemPolicy {
  /** Months of maintenance history a device type or model needs before AEM. */
  minimumHistoryMonths: number;
  /** Completed scheduled-maintenance (PM) work orders needed before AEM. */
  minimumCompletedPmCount: number;
  /** AEM rests on a documented risk assessment by qualified staff (ANSI/AAMI EQ56). */
  requireDocumentedRiskAssessment: boolean;
}

export const DEFAULT_AEM_POLICY: AemPolicy = {
  minimumHistoryMonths: 12,
  minimumCompletedPmCount: 1,
  requireDocumentedRiskAssessment: true,
};

export interface AemEligibilityInput {
  /** Imaging or radiologic equipment (X-ray, CT, MRI, nuclear medicine, ultrasound…). */
  imaging: boolean;
  /** Medical laser. */
  laser: boolean;
  /** A law or regulation other than CMS prescribes the maintenance (e.g. state radiation rules). */
  lawPrescribedMaintenance: boolean;
  /** Months of maintenance history; null when unknown. */
  maintenanceHistoryMonths: number | null;
  /** Completed PM work orders in that history; null when unknown. */
  completedPmCount: number | null;
  /** A qualified person documented the risk assessment behind the AEM decision. */
  riskAssessmentDocumented: boolean;
}

export const AEM_INELIGIBILITY_CODES = [
  'imaging_or_radiologic',
  'medical_laser',
  'law_prescribed_maintenance',
  'insufficient_maintenance_history',
  'insufficient_pm_count',
  'no_documented_risk_assessment',
] as const;
export type AemIneligibilityCode = (typeof AEM_INELIGIBILITY_CODES)[number];

export interface AemIneligibilityReason {
  code: AemIneligibilityCode;
  message: string;
}

export interface AemEligibility {
  eligible: boolean;
  reasons: AemIneligibilityReason[];
}

function historyReasons(input: AemEligibilityInput, policy: AemPolicy): AemIneligibilityReason[] {
  const reasons: AemIneligibilityReason[] = [];
  const months = input.maintenanceHistoryMonths;
  if (months === null || !Number.isFinite(months)) {
    reasons.push({
      code: 'insufficient_maintenance_history',
      message: `Maintenance history is unknown; AEM needs at least ${policy.minimumHistoryMonths} months`,
    });
  } else if (months < policy.minimumHistoryMonths) {
    reasons.push({
      code: 'insufficient_maintenance_history',
      message: `New equipment: ${months} months of maintenance history, AEM needs at least ${policy.minimumHistoryMonths}`,
    });
  }
  const pms = input.completedPmCount;
  if (pms === null || !Number.isFinite(pms)) {
    reasons.push({
      code: 'insufficient_pm_count',
      message: `Completed PM count is unknown; AEM needs at least ${policy.minimumCompletedPmCount}`,
    });
  } else if (pms < policy.minimumCompletedPmCount) {
    reasons.push({
      code: 'insufficient_pm_count',
      message: `${pms} completed PMs on record, AEM needs at least ${policy.minimumCompletedPmCount}`,
    });
  }
  return reasons;
}

/**
 * Decides whether a device type or model may be maintained under an AEM program. Every reason that
 * applies is listed, so the clinical engineer sees all of them at once.
 */
export function assessAemEligibility(input: AemEligibilityInput, policy: AemPolicy = DEFAULT_AEM_POLICY): AemEligibility {
  const reasons: AemIneligibilityReason[] = [];
  if (input.imaging) {
    reasons.push({ code: 'imaging_or_radiologic', message: 'AEM is not allowed for imaging and radiologic equipment' });
  }
  if (input.laser) {
    reasons.push({ code: 'medical_laser', message: 'AEM is not allowed for medical lasers' });
  }
  if (input.lawPrescribedMaintenance) {
    reasons.push({
      code: 'law_prescribed_maintenance',
      message: 'AEM is not allowed where another law or regulation prescribes the maintenance',
    });
  }
  reasons.push(...historyReasons(input, policy));
  if (policy.requireDocumentedRiskAssessment && !input.riskAssessmentDocumented) {
    reasons.push({
      code: 'no_documented_risk_assessment',
      message: 'AEM needs a risk assessment documented by qualified staff',
    });
  }
  return { eligible: reasons.length === 0, reasons };
}
