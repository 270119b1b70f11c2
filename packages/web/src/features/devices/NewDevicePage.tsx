import { Alert, Button, Card, Group, Select, SimpleGrid, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  DEVICE_STATUS_META,
  INITIAL_DEVICE_STATUSES,
  OUT_OF_SERVICE_REASON_LABELS,
  OUT_OF_SERVICE_REASONS,
  type InitialDeviceStatus,
} from '@openhtm/domain';
import { useMemo } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { FormError } from '../../components/FormError';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { applyServerErrors } from '../../components/server-errors';
import { createDevice, DEVICES_KEY } from './api';
import { DeviceFormFields } from './form/DeviceFormFields';
import { createBodyOf, EMPTY_DEVICE_VALUES, type DeviceFormValues } from './form/form-values';
import { DEVICE_VALIDATION } from './form/validation';

/** Values a link or the scan page hands over: `/devices/new?udi=…&serialNumber=…&modelId=…`, or the same in the navigation state. */
const PREFILL_FIELDS = ['assetTag', 'serialNumber', 'udi', 'modelId', 'facilityId', 'departmentId', 'notes'] as const;
export type DevicePrefill = Partial<Record<(typeof PREFILL_FIELDS)[number], string | null>> & { modelLabel?: string };

function usePrefill(): DevicePrefill {
  const [params] = useSearchParams();
  const state = useLocation().state as { prefill?: DevicePrefill } | null;
  return useMemo(() => {
    const prefill: DevicePrefill = { ...(state?.prefill ?? {}) };
    for (const field of PREFILL_FIELDS) {
      const value = params.get(field);
      if (value) prefill[field] = value;
    }
    return prefill;
    // The prefill is read once, when the page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

const STATUS_OPTIONS = INITIAL_DEVICE_STATUSES.map((status) => ({ value: status, label: DEVICE_STATUS_META[status].label }));
const REASON_OPTIONS = OUT_OF_SERVICE_REASONS.map((reason) => ({ value: reason, label: OUT_OF_SERVICE_REASON_LABELS[reason] }));

export function NewDevicePage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const prefill = usePrefill();
  const prefilled = Object.values(prefill).some(Boolean);

  const form = useForm<DeviceFormValues>({
    mode: 'controlled',
    initialValues: {
      ...EMPTY_DEVICE_VALUES,
      ...Object.fromEntries(PREFILL_FIELDS.filter((field) => prefill[field]).map((field) => [field, prefill[field]])),
    },
    validateInputOnChange: true,
    validate: DEVICE_VALIDATION,
  });
  const values = form.getValues();

  const mutation = useMutation({
    mutationFn: (formValues: DeviceFormValues) => createDevice(createBodyOf(formValues)),
    onSuccess: (device) => {
      void queryClient.invalidateQueries({ queryKey: DEVICES_KEY });
      queryClient.setQueryData([...DEVICES_KEY, 'detail', device.id], device);
      notifySuccess('Device added', `${device.assetTag} is in the inventory.`);
      navigate(`/devices/${device.id}`);
    },
    onError: (error) => applyServerErrors(form, error),
  });

  const statusFields = (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
      <Select
        label="Initial status"
        data={STATUS_OPTIONS}
        allowDeselect={false}
        description={DEVICE_STATUS_META[values.status].description}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('status')}
        onChange={(status) => form.setValues({ status: (status ?? 'received') as InitialDeviceStatus, outOfServiceReason: null })}
      />
      {values.status === 'out_of_service' && (
        <Select label="Why out of service" withAsterisk data={REASON_OPTIONS} comboboxProps={{ withinPortal: true }} {...form.getInputProps('outOfServiceReason')} />
      )}
    </SimpleGrid>
  );

  return (
    <>
      <PageHeader breadcrumbs={[{ label: 'Devices', to: '/devices' }]} title="New device" description="Add one device to the inventory. Only the asset tag, model and facility are required." />
      <form onSubmit={form.onSubmit((formValues) => mutation.mutate(formValues))} noValidate>
        <Card maw={920}>
          {prefilled && (
            <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />} mb="lg">
              <Text size="sm">Filled in from the scanned label. Check the values, add the asset tag and location, then save.</Text>
            </Alert>
          )}
          <DeviceFormFields form={form} labels={{ model: prefill.modelLabel }} statusFields={statusFields} />
          <FormError error={mutation.error} />
          <Group justify="flex-end" gap="sm" mt="lg">
            <Button variant="default" component={Link} to="/devices">
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              Add device
            </Button>
          </Group>
        </Card>
      </form>
    </>
  );
}
