import { queryOptions } from '@tanstack/react-query';
import type { RiskPolicy } from '@openhtm/domain';
import { api } from '../../app/api/client';

/** The tenant's risk (EM number) policy, and the default it can return to. */
export interface RiskPolicySetting {
  policy: RiskPolicy;
  isDefault: boolean;
  defaultPolicy: RiskPolicy;
  /** Sent as If-Match; 0 before the first change. */
  version: number;
}

export const RISK_POLICY_KEY = ['settings', 'risk-policy'] as const;

export const riskPolicyQuery = queryOptions({
  queryKey: RISK_POLICY_KEY,
  queryFn: ({ signal }) => api<RiskPolicySetting>('/v1/settings/risk-policy', { signal }),
  staleTime: 60_000,
});

export const saveRiskPolicy = (version: number, policy: RiskPolicy) =>
  api<RiskPolicySetting>('/v1/settings/risk-policy', { method: 'PUT', body: policy, version });

export const resetRiskPolicy = (version: number) => api<RiskPolicySetting>('/v1/settings/risk-policy', { method: 'DELETE', version });
