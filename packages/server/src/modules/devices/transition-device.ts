import { checkTransition, may, type TransitionCheck } from '@openhtm/domain';
import { sql } from 'kysely';
import type { Trx } from '../../db/tenant-context.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthContext } from '../auth/sessions.ts';
import { bodyPointer } from './create-device.ts';
import { assertVersion, visibleDevice } from './device-access.ts';
import { recordDeviceEvent } from './events.ts';
import type { IncomingInspectionBody, TransitionBody } from './schema-actions.ts';

/** Problems about the device's state (not the request's fields) make a transition unprocessable (422). */
const STATE_PROBLEMS = new Set(['transition_not_allowed', 'incoming_inspection_required']);

function transitionRefused(check: Extract<TransitionCheck, { ok: false }>): AppError {
  const byState = check.problems.some((p) => STATE_PROBLEMS.has(p.code));
  return new AppError(byState ? 'unprocessable' : 'validation', check.problems.map((p) => p.message).join('; '), {
    fields: check.problems.map((p) => ({ path: bodyPointer(p.field, 'to'), message: p.message })),
    extensions: { allowed: check.allowed, problems: check.problems.map((p) => ({ code: p.code, message: p.message })) },
  });
}

/**
 * Moves a device to another lifecycle status under the rules of DOMAIN.md §2 (checkTransition): allowed transitions
 * only (422 lists the allowed ones), a reason where it matters, a passed incoming inspection before the first time
 * in service, a data-sanitization record to dispose of a device that stored patient data. Retiring and disposing
 * need device.retire. The status change and its device_events row are written in the caller's transaction.
 */
export async function transitionDevice(trx: Trx, auth: AuthContext, id: string, body: TransitionBody, expectedVersion?: number): Promise<void> {
  const device = await visibleDevice(trx, auth, id, { lock: true });
  assertVersion(device, expectedVersion);
  if ((body.to === 'retired' || body.to === 'disposed') && !may(auth, 'device.retire', { facilityId: device.facility_id })) {
    throw new AppError('forbidden', `The ${auth.role} role may not retire or dispose of devices (device.retire)`);
  }
  const check = checkTransition(
    {
      status: device.status,
      incomingInspectionPassed: device.incoming_inspection_passed_at !== null,
      storesPatientData: device.stores_patient_data,
      hasBeenInService: device.has_been_in_service,
      outOfServiceReason: device.out_of_service_reason,
    },
    body.to,
    { reason: body.reason ?? null, outOfServiceReason: body.outOfServiceReason ?? null, ...(body.sanitization && { sanitization: body.sanitization }) },
  );
  if (!check.ok) throw transitionRefused(check);

  const outOfServiceReason = body.to === 'out_of_service' ? (body.outOfServiceReason ?? null) : null;
  await trx
    .updateTable('devices')
    .set({
      status: body.to,
      out_of_service_reason: outOfServiceReason,
      has_been_in_service: device.has_been_in_service || body.to === 'in_service',
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
  await recordDeviceEvent(trx, auth, id, {
    kind: 'status_change',
    fromStatus: device.status,
    toStatus: body.to,
    reason: body.reason ?? null,
    details: {
      ...(outOfServiceReason && { outOfServiceReason }),
      ...(device.out_of_service_reason && { previousOutOfServiceReason: device.out_of_service_reason }),
      ...(body.to === 'disposed' && body.sanitization && { sanitization: body.sanitization }),
    },
  });
}

/** Statuses in which an incoming (acceptance) inspection is recorded: delivered, or quarantined after failing one. */
const INSPECTABLE = new Set(['received', 'out_of_service']);

/**
 * Records the incoming (acceptance) inspection of a device: a pass sets incoming_inspection_passed_at (which the
 * first move into service requires), a fail clears it. The result, measurements and notes go on the timeline.
 */
export async function recordIncomingInspection(trx: Trx, auth: AuthContext, id: string, body: IncomingInspectionBody): Promise<void> {
  const device = await visibleDevice(trx, auth, id, { lock: true });
  if (!INSPECTABLE.has(device.status)) {
    throw new AppError('unprocessable', `An incoming inspection is recorded for a received or out-of-service device; this one is ${device.status}`, {
      fields: [{ path: '/body/result', message: `the device is ${device.status}` }],
    });
  }
  const performedAt = new Date(body.performedAt);
  const fields = [];
  if (performedAt.getTime() > Date.now() + 5 * 60_000) fields.push({ path: '/body/performedAt', message: 'is in the future' });
  if (body.result === 'pass' && body.electricalSafety?.passed === false) {
    fields.push({ path: '/body/result', message: 'cannot be pass when the electrical safety test failed' });
  }
  if (fields.length > 0) throw new AppError('validation', 'The inspection record is not consistent', { fields });

  await trx
    .updateTable('devices')
    .set({
      incoming_inspection_passed_at: body.result === 'pass' ? performedAt : null,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
  await recordDeviceEvent(trx, auth, id, {
    kind: 'incoming_inspection',
    reason: body.notes ?? null,
    details: { result: body.result, performedAt: performedAt.toISOString(), ...(body.electricalSafety && { electricalSafety: body.electricalSafety }) },
  });
}
