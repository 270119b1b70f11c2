import { allowedTransitions, type Action, type DeviceStatus, type LifecycleDevice, type SanitizationMethod } from '@openhtm/domain';
import { api } from '../../../app/api/client';
import type { DeviceDetail } from '../api';

type Can = (action: Action, resource?: { facilityId?: string | null }) => boolean;

/** Retiring and disposing need device.retire; every other move needs device.write. */
const RETIRING: ReadonlySet<DeviceStatus> = new Set(['retired', 'disposed']);

/** The statuses this user may move the device to: the server's allowed transitions, within the user's permissions. */
export function offeredTransitions(device: Pick<DeviceDetail, 'status' | 'allowedTransitions' | 'facility'>, can: Can): DeviceStatus[] {
  const scope = { facilityId: device.facility.id };
  if (!can('device.write', scope)) return [];
  const allowed = device.allowedTransitions ?? allowedTransitions(device.status);
  return allowed.filter((to) => !RETIRING.has(to) || can('device.retire', scope));
}

/** The device as the domain's lifecycle rules see it. */
export function lifecycleOf(device: DeviceDetail): LifecycleDevice {
  return {
    status: device.status,
    incomingInspectionPassed: device.incomingInspectionPassedAt !== null,
    storesPatientData: device.storesPatientData,
    hasBeenInService: device.hasBeenInService,
    outOfServiceReason: device.outOfServiceReason,
  };
}

export interface TransitionRequest {
  to: DeviceStatus;
  reason?: string | null;
  outOfServiceReason?: string | null;
  sanitization?: { method: SanitizationMethod; performedBy: string; performedAt: string; attestation: boolean; certificate?: string };
}

export const transitionDevice = (device: Pick<DeviceDetail, 'id' | 'version'>, body: TransitionRequest) =>
  api<DeviceDetail>(`/v1/devices/${device.id}/transitions`, { method: 'POST', body, version: device.version });

export interface IncomingInspectionRequest {
  result: 'pass' | 'fail';
  performedAt: string;
  notes?: string | null;
  electricalSafety?: {
    passed: boolean;
    standard?: string;
    appliedPartType?: 'B' | 'BF' | 'CF';
    protectiveEarthOhms?: number;
    insulationMegaohms?: number;
    equipmentLeakageMicroamps?: number;
    patientLeakageMicroamps?: number;
    analyzer?: string;
  };
}

export const recordIncomingInspection = (device: Pick<DeviceDetail, 'id'>, body: IncomingInspectionRequest) =>
  api<DeviceDetail>(`/v1/devices/${device.id}/incoming-inspection`, { method: 'POST', body });
