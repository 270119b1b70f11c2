import { Alert, Button, Group, List, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  checkTransition,
  DEVICE_STATUS_META,
  OUT_OF_SERVICE_REASON_LABELS,
  OUT_OF_SERVICE_REASONS,
  type DeviceStatus,
  type OutOfServiceReason,
  type SanitizationMethod,
} from '@openhtm/domain';
import { useEffect } from 'react';
import { isApiError } from '../../../app/api/problem';
import { useCan, useSession } from '../../../app/auth/session';
import { FormError } from '../../../components/FormError';
import { notifySuccess } from '../../../components/notify';
import { DEVICES_KEY, type DeviceDetail } from '../api';
import { DeviceStatusBadge, statusLabel } from '../DeviceBadges';
import { SanitizationFields, type SanitizationValues } from './SanitizationFields';
import { lifecycleOf, offeredTransitions, transitionDevice, type TransitionRequest } from './transitions';

export interface ChangeStatusValues extends SanitizationValues {
  to: DeviceStatus | null;
  reason: string;
  outOfServiceReason: OutOfServiceReason | null;
}

interface ChangeStatusModalProps {
  device: DeviceDetail;
  opened: boolean;
  onClose: () => void;
  /** The status needs a passed incoming inspection first: take the user to where it is recorded. */
  onNeedsInspection: () => void;
  /** Preselects a status (from a button on the lifecycle tab). */
  initialTo?: DeviceStatus | null;
}

function requestOf(device: DeviceDetail, values: ChangeStatusValues): TransitionRequest {
  const disposingData = values.to === 'disposed' && device.storesPatientData;
  return {
    to: values.to!,
    reason: values.reason.trim() || null,
    ...(values.to === 'out_of_service' && { outOfServiceReason: values.outOfServiceReason }),
    ...(disposingData && {
      sanitization: {
        method: values.sanitizationMethod as SanitizationMethod,
        performedBy: values.sanitizedBy.trim(),
        performedAt: values.sanitizedAt ? new Date(values.sanitizedAt).toISOString() : '',
        attestation: values.attestation,
        ...(values.certificate.trim() && { certificate: values.certificate.trim() }),
      },
    }),
  };
}

/** The form's field of each problem the domain's lifecycle rules name. */
const FIELD_OF: Record<string, keyof ChangeStatusValues> = {
  status: 'to',
  reason: 'reason',
  outOfServiceReason: 'outOfServiceReason',
  'sanitization.method': 'sanitizationMethod',
  'sanitization.performedBy': 'sanitizedBy',
  'sanitization.performedAt': 'sanitizedAt',
  'sanitization.attestation': 'attestation',
  sanitization: 'sanitizationMethod',
};

/** Moves the device to one of the statuses allowed from here, with what that status needs, checked as the user types. */
export function ChangeStatusModal({ device, opened, onClose, onNeedsInspection, initialTo = null }: ChangeStatusModalProps) {
  const can = useCan();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const offered = offeredTransitions(device, can);
  const form = useForm<ChangeStatusValues>({
    mode: 'controlled',
    initialValues: { to: initialTo, reason: '', outOfServiceReason: null, sanitizationMethod: null, sanitizedBy: user.displayName, sanitizedAt: null, certificate: '', attestation: false },
    validateInputOnChange: true,
    validate: (values) => {
      if (!values.to) return { to: 'Choose the new status' };
      const check = checkTransition(lifecycleOf(device), values.to, requestOf(device, values));
      if (check.ok) return {};
      const errors: Record<string, string> = {};
      for (const problem of check.problems) {
        const field = FIELD_OF[problem.field ?? 'status'] ?? 'to';
        if (problem.code !== 'incoming_inspection_required') errors[field] ??= problem.message;
      }
      return errors;
    },
  });
  useEffect(() => {
    if (opened) form.setFieldValue('to', initialTo);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, initialTo]);

  const values = form.getValues();
  const meta = values.to ? DEVICE_STATUS_META[values.to] : null;
  const needsInspection = values.to ? checkTransition(lifecycleOf(device), values.to, requestOf(device, values)) : null;
  const inspectionMissing = needsInspection && !needsInspection.ok && needsInspection.problems.some((p) => p.code === 'incoming_inspection_required');

  const close = () => {
    form.reset();
    mutation.reset();
    onClose();
  };
  const mutation = useMutation({
    mutationFn: (formValues: ChangeStatusValues) => transitionDevice(device, requestOf(device, formValues)),
    onSuccess: (_, formValues) => {
      void queryClient.invalidateQueries({ queryKey: DEVICES_KEY });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      notifySuccess('Status changed', `${device.assetTag} is now ${statusLabel(formValues.to!, formValues.outOfServiceReason).toLowerCase()}.`);
      close();
    },
    onError: (error) => {
      if (isApiError(error) && (error.status === 412 || error.status === 422)) void queryClient.invalidateQueries({ queryKey: [...DEVICES_KEY, 'detail', device.id] });
    },
  });
  const refusedAllowed = isApiError(mutation.error) && Array.isArray(mutation.error.problem.allowed) ? (mutation.error.problem.allowed as DeviceStatus[]) : null;

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>Change the status of {device.assetTag}</Text>} size="lg" closeOnClickOutside={!mutation.isPending}>
      <form onSubmit={form.onSubmit((formValues) => mutation.mutate(formValues))} noValidate>
        <Stack>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              Now
            </Text>
            <DeviceStatusBadge status={device.status} outOfServiceReason={device.outOfServiceReason} />
          </Group>
          <Select
            label="New status"
            placeholder="Choose the new status"
            withAsterisk
            data={offered.map((status) => ({ value: status, label: status === device.status ? `${DEVICE_STATUS_META[status].label} (change the reason)` : DEVICE_STATUS_META[status].label }))}
            description={meta?.description ?? `Allowed from ${DEVICE_STATUS_META[device.status].label.toLowerCase()}: ${offered.map((s) => DEVICE_STATUS_META[s].label.toLowerCase()).join(', ')}`}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-autofocus
            {...form.getInputProps('to')}
          />
          {inspectionMissing && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title="Incoming inspection first">
              <Text size="sm">The incoming (acceptance) inspection must pass before the device goes into service for the first time.</Text>
              <Button size="xs" variant="white" color="orange" mt="xs" onClick={onNeedsInspection}>
                Record the incoming inspection
              </Button>
            </Alert>
          )}
          {values.to === 'out_of_service' && (
            <Select
              label="Why is it out of service?"
              placeholder="Choose a reason"
              withAsterisk
              data={OUT_OF_SERVICE_REASONS.map((reason) => ({ value: reason, label: OUT_OF_SERVICE_REASON_LABELS[reason], disabled: device.status === 'out_of_service' && device.outOfServiceReason === reason }))}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('outOfServiceReason')}
            />
          )}
          {values.to && (
            <Textarea
              label="Reason"
              withAsterisk={Boolean(meta?.reasonRequired && values.to !== 'out_of_service')}
              description={meta?.reasonRequired && values.to !== 'out_of_service' ? 'Recorded on the timeline with your name and the time.' : 'Optional; recorded on the timeline.'}
              autosize
              minRows={2}
              {...form.getInputProps('reason')}
            />
          )}
          {values.to === 'disposed' && device.storesPatientData && <SanitizationFields form={form} />}
          {refusedAllowed && (
            <Alert color="red" variant="light" title="This change was refused">
              <Text size="sm">{mutation.error instanceof Error ? mutation.error.message : ''}</Text>
              <Text size="sm" mt={4}>
                Allowed now:{' '}
                {refusedAllowed.length > 0 ? refusedAllowed.map((status) => DEVICE_STATUS_META[status]?.label ?? status).join(', ') : 'none (the status is final)'}
              </Text>
            </Alert>
          )}
          {!refusedAllowed && <FormError error={mutation.error} onReload={close} />}
          {mutation.error && isApiError(mutation.error) && mutation.error.fieldErrors.length > 1 && !refusedAllowed && (
            <List size="sm">
              {mutation.error.fieldErrors.map((problem) => (
                <List.Item key={problem.path + problem.message}>{problem.message}</List.Item>
              ))}
            </List>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={mutation.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={!values.to || Boolean(inspectionMissing)} color={values.to === 'disposed' || values.to === 'retired' ? 'red' : undefined}>
              {values.to ? `Mark ${DEVICE_STATUS_META[values.to].label.toLowerCase()}` : 'Change status'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
