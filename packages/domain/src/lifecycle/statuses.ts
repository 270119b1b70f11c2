/** Device lifecycle from DOMAIN.md §2, with the transitions HTM allows between statuses. */

export const DEVICE_STATUSES = [
  'requested',
  'under_evaluation',
  'approved',
  'rejected',
  'ordered',
  'received',
  'in_service',
  'out_of_service',
  'retired',
  'disposed',
] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

export const OUT_OF_SERVICE_REASONS = ['repair', 'awaiting_parts', 'recalled', 'quarantined'] as const;
export type OutOfServiceReason = (typeof OUT_OF_SERVICE_REASONS)[number];

export const OUT_OF_SERVICE_REASON_LABELS: Record<OutOfServiceReason, string> = {
  repair: 'In repair',
  awaiting_parts: 'Awaiting parts',
  recalled: 'Recalled',
  quarantined: 'Quarantined',
};

export type LifecyclePhase = 'acquisition' | 'operation' | 'end_of_life';

export interface DeviceStatusMeta {
  label: string;
  description: string;
  phase: LifecyclePhase;
  /** No transition leaves this status. */
  terminal: boolean;
  /** Entering this status needs a reason (who and when are always recorded). */
  reasonRequired: boolean;
}

export const DEVICE_STATUS_META: Record<DeviceStatus, DeviceStatusMeta> = {
  requested: {
    label: 'Requested',
    description: 'A department asked for the device; nothing is decided yet.',
    phase: 'acquisition',
    terminal: false,
    reasonRequired: false,
  },
  under_evaluation: {
    label: 'Under evaluation',
    description: 'Clinical engineering evaluates the technology before purchase.',
    phase: 'acquisition',
    terminal: false,
    reasonRequired: false,
  },
  approved: {
    label: 'Approved',
    description: 'The purchase is approved.',
    phase: 'acquisition',
    terminal: false,
    reasonRequired: false,
  },
  rejected: {
    label: 'Rejected',
    description: 'The request was turned down.',
    phase: 'acquisition',
    terminal: true,
    reasonRequired: true,
  },
  ordered: {
    label: 'Ordered',
    description: 'A purchase order is out.',
    phase: 'acquisition',
    terminal: false,
    reasonRequired: false,
  },
  received: {
    label: 'Received',
    description: 'Delivered and waiting for its incoming (acceptance) inspection.',
    phase: 'acquisition',
    terminal: false,
    reasonRequired: false,
  },
  in_service: {
    label: 'In service',
    description: 'Available for patient use.',
    phase: 'operation',
    terminal: false,
    reasonRequired: false,
  },
  out_of_service: {
    label: 'Out of service',
    description: 'Not available for patient use: in repair, awaiting parts, recalled or quarantined.',
    phase: 'operation',
    terminal: false,
    reasonRequired: true,
  },
  retired: {
    label: 'Retired',
    description: 'Permanently removed from use, waiting for disposal.',
    phase: 'end_of_life',
    terminal: false,
    reasonRequired: true,
  },
  disposed: {
    label: 'Disposed',
    description: 'Gone from the hospital (sold, scrapped, returned, donated).',
    phase: 'end_of_life',
    terminal: true,
    reasonRequired: true,
  },
};

/**
 * Allowed transitions. `out_of_service → out_of_service` changes the out-of-service reason
 * (e.g. repair → awaiting parts). A received device that fails acceptance goes out of service
 * (quarantined) or is retired (returned to the vendor).
 */
export const DEVICE_STATUS_TRANSITIONS: Record<DeviceStatus, readonly DeviceStatus[]> = {
  requested: ['under_evaluation', 'rejected'],
  under_evaluation: ['approved', 'rejected'],
  approved: ['ordered'],
  rejected: [],
  ordered: ['received'],
  received: ['in_service', 'out_of_service', 'retired'],
  in_service: ['out_of_service', 'retired'],
  out_of_service: ['in_service', 'out_of_service', 'retired'],
  retired: ['disposed'],
  disposed: [],
};

/**
 * Statuses a device record may be created in: `requested` for new acquisitions; `received`,
 * `in_service` and `out_of_service` for existing inventory brought in by an import.
 */
export const INITIAL_DEVICE_STATUSES = ['requested', 'received', 'in_service', 'out_of_service'] as const;
export type InitialDeviceStatus = (typeof INITIAL_DEVICE_STATUSES)[number];

/** The statuses a device in `status` may move to. */
export function allowedTransitions(status: DeviceStatus): readonly DeviceStatus[] {
  return DEVICE_STATUS_TRANSITIONS[status];
}

export function isDeviceStatus(value: string): value is DeviceStatus {
  return (DEVICE_STATUSES as readonly string[]).includes(value);
}

export function isOutOfServiceReason(value: string): value is OutOfServiceReason {
  return (OUT_OF_SERVICE_REASONS as readonly string[]).includes(value);
}
