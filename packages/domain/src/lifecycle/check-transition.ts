import {
  DEVICE_STATUS_META,
  INITIAL_DEVICE_STATUSES,
  OUT_OF_SERVICE_REASONS,
  allowedTransitions,
  isOutOfServiceReason,
  type DeviceStatus,
} from './statuses.ts';

/** Media sanitization methods of NIST SP 800-88. */
export const SANITIZATION_METHODS = ['clear', 'purge', 'destroy'] as const;
export type SanitizationMethod = (typeof SANITIZATION_METHODS)[number];

export const SANITIZATION_METHOD_LABELS: Record<SanitizationMethod, string> = {
  clear: 'Clear (overwrite user-addressable storage)',
  purge: 'Purge (cryptographic or block erase)',
  destroy: 'Destroy (shred, disintegrate, incinerate)',
};

export interface SanitizationRecord {
  method: SanitizationMethod;
  performedBy: string;
  /** ISO 8601 timestamp. */
  performedAt: string;
  /** The person attests that the patient data is gone. */
  attestation: true;
}

export interface LifecycleDevice {
  status: DeviceStatus;
  incomingInspectionPassed: boolean;
  storesPatientData: boolean;
  /** The device was in service before (e.g. imported as in service); skips the acceptance check. */
  hasBeenInService?: boolean;
  outOfServiceReason?: string | null;
}

export interface TransitionInput {
  reason?: string | null;
  outOfServiceReason?: string | null;
  sanitization?: Partial<Omit<SanitizationRecord, 'attestation'>> & { attestation?: boolean };
}

export type TransitionProblemCode =
  | 'transition_not_allowed'
  | 'not_an_initial_status'
  | 'reason_required'
  | 'out_of_service_reason_required'
  | 'invalid_out_of_service_reason'
  | 'incoming_inspection_required'
  | 'sanitization_required'
  | 'sanitization_incomplete';

export interface TransitionProblem {
  code: TransitionProblemCode;
  field?: string;
  message: string;
}

export type TransitionCheck =
  | { ok: true }
  | { ok: false; problems: TransitionProblem[]; allowed: DeviceStatus[] };

function isBlank(value: string | null | undefined): boolean {
  return value === undefined || value === null || value.trim() === '';
}

function outOfServiceProblems(device: LifecycleDevice | null, input: TransitionInput): TransitionProblem[] {
  const value = input.outOfServiceReason;
  if (isBlank(value)) {
    return [{
      code: 'out_of_service_reason_required',
      field: 'outOfServiceReason',
      message: `Say why the device is out of service: ${OUT_OF_SERVICE_REASONS.join(', ')}`,
    }];
  }
  if (!isOutOfServiceReason(value as string)) {
    return [{
      code: 'invalid_out_of_service_reason',
      field: 'outOfServiceReason',
      message: `"${value}" is not an out-of-service reason; use one of ${OUT_OF_SERVICE_REASONS.join(', ')}`,
    }];
  }
  if (device?.status === 'out_of_service' && device.outOfServiceReason === value) {
    return [{
      code: 'transition_not_allowed',
      field: 'outOfServiceReason',
      message: `The device is already out of service for "${value}"`,
    }];
  }
  return [];
}

function sanitizationProblems(input: TransitionInput): TransitionProblem[] {
  const record = input.sanitization;
  if (!record) {
    return [{
      code: 'sanitization_required',
      field: 'sanitization',
      message: 'The device stored patient data: record how its data was sanitized before disposal',
    }];
  }
  const problems: TransitionProblem[] = [];
  const incomplete = (field: string, message: string) =>
    problems.push({ code: 'sanitization_incomplete', field: `sanitization.${field}`, message });
  if (!record.method || !(SANITIZATION_METHODS as readonly string[]).includes(record.method)) {
    incomplete('method', `Sanitization method must be one of ${SANITIZATION_METHODS.join(', ')}`);
  }
  if (isBlank(record.performedBy)) incomplete('performedBy', 'Record who sanitized the device');
  if (isBlank(record.performedAt) || Number.isNaN(Date.parse(record.performedAt as string))) {
    incomplete('performedAt', 'Record when the device was sanitized (ISO 8601)');
  }
  if (record.attestation !== true) {
    incomplete('attestation', 'The person who sanitized the device must attest that the patient data is gone');
  }
  return problems;
}

function entryProblems(device: LifecycleDevice | null, to: DeviceStatus, input: TransitionInput): TransitionProblem[] {
  const problems: TransitionProblem[] = [];
  if (to === 'out_of_service') problems.push(...outOfServiceProblems(device, input));
  else if (DEVICE_STATUS_META[to].reasonRequired && isBlank(input.reason)) {
    problems.push({
      code: 'reason_required',
      field: 'reason',
      message: `A reason is required to mark a device ${DEVICE_STATUS_META[to].label.toLowerCase()}`,
    });
  }
  return problems;
}

/**
 * Checks whether `device` may move to status `to`. Besides the transition table, it enforces:
 * a reason where the status needs one; an out-of-service reason; a passed incoming (acceptance)
 * inspection before a device first goes into service; and a data sanitization record before
 * disposing of a device that stored patient data. On failure, `allowed` lists the statuses the
 * device may move to.
 */
export function checkTransition(device: LifecycleDevice, to: DeviceStatus, input: TransitionInput = {}): TransitionCheck {
  const allowed = [...allowedTransitions(device.status)];
  if (!allowed.includes(to)) {
    const options = allowed.length > 0 ? `allowed: ${allowed.join(', ')}` : 'no transition leaves this status';
    return {
      ok: false,
      allowed,
      problems: [{
        code: 'transition_not_allowed',
        field: 'status',
        message: `A device cannot go from ${device.status} to ${to} (${options})`,
      }],
    };
  }
  const problems = entryProblems(device, to, input);
  if (to === 'in_service' && !device.incomingInspectionPassed && device.hasBeenInService !== true) {
    problems.push({
      code: 'incoming_inspection_required',
      field: 'status',
      message: 'The incoming (acceptance) inspection must pass before the device goes into service',
    });
  }
  if (to === 'disposed' && device.storesPatientData) problems.push(...sanitizationProblems(input));
  return problems.length === 0 ? { ok: true } : { ok: false, problems, allowed };
}

/**
 * Checks the status a new device record is created in. Existing inventory may be imported as
 * received, in service or out of service; the acceptance inspection of such devices predates the
 * system and is not required.
 */
export function checkInitialStatus(status: DeviceStatus, input: TransitionInput = {}): TransitionCheck {
  const allowed: DeviceStatus[] = [...INITIAL_DEVICE_STATUSES];
  if (!allowed.includes(status)) {
    return {
      ok: false,
      allowed,
      problems: [{
        code: 'not_an_initial_status',
        field: 'status',
        message: `A device cannot be created as ${status} (allowed: ${allowed.join(', ')})`,
      }],
    };
  }
  const problems = entryProblems(null, status, input);
  return problems.length === 0 ? { ok: true } : { ok: false, problems, allowed };
}
