import type { AemEligibility } from './aem-eligibility.ts';

/** Maintain per the manufacturer's recommendations, or under an alternate equipment maintenance program. */
export const MAINTENANCE_STRATEGIES = ['manufacturer', 'aem'] as const;
export type MaintenanceStrategy = (typeof MAINTENANCE_STRATEGIES)[number];

export const MAINTENANCE_STRATEGY_LABELS: Record<MaintenanceStrategy, string> = {
  manufacturer: "Manufacturer's recommendations",
  aem: 'Alternate equipment maintenance (AEM)',
};

export interface StrategyDecision {
  strategy: MaintenanceStrategy;
  decidedBy: string;
  /** ISO 8601 timestamp. */
  decidedAt: string;
  reason: string | null;
}

export interface DecideStrategyInput {
  strategy: MaintenanceStrategy;
  /** The result of `assessAemEligibility`; required to choose AEM. */
  eligibility?: AemEligibility;
  decidedBy: string;
  decidedAt: string;
  /** Required for AEM: the documented basis of the decision. */
  reason?: string | null;
}

export type StrategyProblemCode =
  | 'aem_not_eligible'
  | 'eligibility_not_assessed'
  | 'reason_required'
  | 'decided_by_required'
  | 'invalid_decided_at';

export interface StrategyProblem {
  code: StrategyProblemCode;
  field: keyof DecideStrategyInput;
  message: string;
}

export type StrategyDecisionResult =
  | { ok: true; decision: StrategyDecision }
  | { ok: false; problems: StrategyProblem[] };

/**
 * Stamps a maintenance strategy decision with who, when and why. AEM is refused unless an
 * eligibility assessment says the device type or model is eligible and a reason is given.
 */
export function decideStrategy(input: DecideStrategyInput): StrategyDecisionResult {
  const problems: StrategyProblem[] = [];
  const reason = input.reason?.trim() || null;
  if (input.decidedBy.trim() === '') {
    problems.push({ code: 'decided_by_required', field: 'decidedBy', message: 'A strategy decision needs the person who made it' });
  }
  if (Number.isNaN(Date.parse(input.decidedAt))) {
    problems.push({ code: 'invalid_decided_at', field: 'decidedAt', message: 'decidedAt must be an ISO 8601 time' });
  }
  if (input.strategy === 'aem') {
    if (!input.eligibility) {
      problems.push({
        code: 'eligibility_not_assessed',
        field: 'eligibility',
        message: 'AEM needs an eligibility assessment first',
      });
    } else if (!input.eligibility.eligible) {
      const why = input.eligibility.reasons.map((r) => r.message).join('; ');
      problems.push({ code: 'aem_not_eligible', field: 'strategy', message: `AEM is not allowed: ${why}` });
    }
    if (reason === null) {
      problems.push({ code: 'reason_required', field: 'reason', message: 'AEM needs the documented basis of the decision' });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    decision: { strategy: input.strategy, decidedBy: input.decidedBy.trim(), decidedAt: input.decidedAt, reason },
  };
}
