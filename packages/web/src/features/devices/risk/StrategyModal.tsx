import { Alert, Button, Group, List, Modal, NumberInput, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { assessAemEligibility, type MaintenanceStrategy } from '@openhtm/domain';
import { isApiError } from '../../../app/api/problem';
import { FormError } from '../../../components/FormError';
import { notifySuccess } from '../../../components/notify';
import { applyServerErrors } from '../../../components/server-errors';
import { DEVICES_KEY, type DeviceDetail } from '../api';
import { decideStrategy } from './risk-api';

interface Values {
  strategy: MaintenanceStrategy;
  reason: string;
  completedPmCount: number | string;
}

/** The AEM eligibility of a decision as the server will judge it (the tenant's AEM policy), every reason listed. */
function aemEligibilityOf(device: DeviceDetail, values: Pick<Values, 'reason' | 'completedPmCount'>) {
  const exclusion = device.deviceType?.aemExclusion;
  return assessAemEligibility(
    {
      imaging: exclusion === 'imaging',
      laser: exclusion === 'laser',
      lawPrescribedMaintenance: exclusion === 'law',
      maintenanceHistoryMonths: device.aemEligibility.maintenanceHistoryMonths,
      completedPmCount: values.completedPmCount === '' ? null : Number(values.completedPmCount),
      riskAssessmentDocumented: device.risk.score !== null && values.reason.trim() !== '',
    },
    device.aemEligibility.policy,
  );
}

/** Manufacturer's recommendations or AEM: AEM only when eligible and with the documented basis of the decision. */
export function StrategyModal({ device, opened, onClose }: { device: DeviceDetail; opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { strategy: device.strategy.strategy, reason: device.strategy.reason ?? '', completedPmCount: '' },
    validateInputOnChange: true,
    validate: { reason: (value, values) => (values.strategy === 'aem' && value.trim() === '' ? 'AEM needs the documented basis of the decision (the risk assessment per ANSI/AAMI EQ56)' : null) },
  });
  const values = form.getValues();
  const eligibility = aemEligibilityOf(device, values);
  const close = () => {
    form.reset();
    mutation.reset();
    onClose();
  };
  const mutation = useMutation({
    mutationFn: (formValues: Values) =>
      decideStrategy(device, {
        strategy: formValues.strategy,
        reason: formValues.reason.trim() || null,
        ...(formValues.completedPmCount !== '' && { completedPmCount: Number(formValues.completedPmCount) }),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: DEVICES_KEY });
      notifySuccess('Maintenance strategy decided', 'The decision is stamped with your name and the time.');
      close();
    },
    onError: (error) => applyServerErrors(form, error),
  });
  const serverReasons = isApiError(mutation.error) && Array.isArray(mutation.error.problem.reasons) ? (mutation.error.problem.reasons as Array<{ message: string }>) : null;

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>Maintenance strategy of {device.assetTag}</Text>} size="lg">
      <form onSubmit={form.onSubmit((formValues) => mutation.mutate(formValues))} noValidate>
        <Stack>
          <SegmentedControl
            fullWidth
            data={[
              { value: 'manufacturer', label: 'Manufacturer’s recommendations' },
              { value: 'aem', label: 'AEM program' },
            ]}
            {...form.getInputProps('strategy')}
          />
          {values.strategy === 'aem' && (
            <>
              <NumberInput
                label="Completed scheduled maintenance (PM) on record"
                description={`AEM needs at least ${device.aemEligibility.policy.minimumCompletedPmCount}, and ${device.aemEligibility.policy.minimumHistoryMonths} months of maintenance history.`}
                min={0}
                allowDecimal={false}
                {...form.getInputProps('completedPmCount')}
              />
              <Alert
                variant="light"
                color={eligibility.eligible ? 'teal' : 'orange'}
                icon={eligibility.eligible ? <IconCircleCheck size={18} /> : <IconAlertTriangle size={18} />}
                title={eligibility.eligible ? 'Eligible for AEM' : 'Not eligible for AEM'}
                data-testid="aem-eligibility"
              >
                {eligibility.eligible ? (
                  <Text size="sm">No exclusion applies (CMS S&C 14-07).</Text>
                ) : (
                  <List size="sm" spacing={2}>
                    {eligibility.reasons.map((reason) => (
                      <List.Item key={reason.code}>{reason.message}</List.Item>
                    ))}
                  </List>
                )}
              </Alert>
            </>
          )}
          <Textarea
            label="Basis of the decision"
            withAsterisk={values.strategy === 'aem'}
            description={values.strategy === 'aem' ? 'The documented risk assessment by qualified staff (ANSI/AAMI EQ56).' : 'Optional.'}
            autosize
            minRows={3}
            {...form.getInputProps('reason')}
          />
          {serverReasons && serverReasons.length > 0 ? (
            <Alert color="red" variant="light" title="AEM was refused">
              <List size="sm">
                {serverReasons.map((reason) => (
                  <List.Item key={reason.message}>{reason.message}</List.Item>
                ))}
              </List>
            </Alert>
          ) : (
            <FormError error={mutation.error} />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={values.strategy === 'aem' && !eligibility.eligible}>
              Record decision
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
