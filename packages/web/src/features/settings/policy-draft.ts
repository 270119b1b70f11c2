import { validateRiskPolicy, type RiskComponent, type RiskPolicy, type RiskPolicyOptions } from '@openhtm/domain';

/** A risk policy being edited: a number input holds text ("", "-") until it is a number. */
export interface PolicyDraft {
  name: string;
  points: Record<RiskComponent, Record<string, number | string>>;
  inclusionThreshold: number | string;
  highRiskThreshold: number | string;
  options: RiskPolicyOptions;
}

export const draftOf = (policy: RiskPolicy): PolicyDraft => JSON.parse(JSON.stringify(policy)) as PolicyDraft;

/** Problems of the draft by dotted path (`points.function.life_support`, `inclusionThreshold`), from the domain's check. */
export function problemsOf(draft: PolicyDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const problem of validateRiskPolicy(draft)) problems[problem.path] ??= problem.message;
  return problems;
}

/** The draft as a policy, once it has no problems. */
export function policyOf(draft: PolicyDraft): RiskPolicy | null {
  return Object.keys(problemsOf(draft)).length === 0 ? (draft as unknown as RiskPolicy) : null;
}

/** `/body/points/function/life_support` (a server field error) → `points.function.life_support`. */
export function pathOfPointer(pointer: string): string {
  return pointer.replace(/^\/body\/?/, '').split('/').join('.');
}
