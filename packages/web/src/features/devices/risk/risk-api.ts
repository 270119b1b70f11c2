import { queryOptions } from '@tanstack/react-query';
import type { MaintenanceStrategy, RiskInputs, RiskPolicy } from '@openhtm/domain';
import { api } from '../../../app/api/client';
import type { DeviceDetail } from '../api';

export interface RiskPolicySetting {
  policy: RiskPolicy;
  isDefault: boolean;
  defaultPolicy: RiskPolicy;
  version: number;
}

/** The organisation's risk (EM number) policy, for scoring previews that match the server's. */
export const riskPolicyQuery = queryOptions({
  queryKey: ['settings', 'risk-policy'],
  queryFn: ({ signal }) => api<RiskPolicySetting>('/v1/settings/risk-policy', { signal }),
  staleTime: 5 * 60_000,
});

export type DeviceRiskInputs = RiskInputs & { lifeSupport?: boolean; infectionControlCritical?: boolean };

/** Rescore with the device's own inputs, or (null) with its device type's again. */
export const assessRisk = (device: Pick<DeviceDetail, 'id'>, inputs: DeviceRiskInputs | null) =>
  api<DeviceDetail>(`/v1/devices/${device.id}/risk`, { method: 'PUT', body: { inputs } });

export const overrideRisk = (device: Pick<DeviceDetail, 'id'>, body: { highRisk: boolean; reason: string }) =>
  api<DeviceDetail>(`/v1/devices/${device.id}/risk-override`, { method: 'POST', body });

export const clearRiskOverride = (device: Pick<DeviceDetail, 'id'>) => api<DeviceDetail>(`/v1/devices/${device.id}/risk-override`, { method: 'DELETE' });

export const decideStrategy = (device: Pick<DeviceDetail, 'id'>, body: { strategy: MaintenanceStrategy; reason: string | null; completedPmCount?: number }) =>
  api<DeviceDetail>(`/v1/devices/${device.id}/strategy`, { method: 'POST', body });
