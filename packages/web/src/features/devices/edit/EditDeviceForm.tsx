import { Button, Card, Group } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../app/api/client';
import { isApiError } from '../../../app/api/problem';
import { FormError } from '../../../components/FormError';
import { notifySuccess } from '../../../components/notify';
import { applyServerErrors } from '../../../components/server-errors';
import { DEVICES_KEY, updateDevice, type DeviceDetail } from '../api';
import { DeviceFormFields } from '../form/DeviceFormFields';
import { changesOf, valuesOf, type DeviceFormValues } from '../form/form-values';
import { DEVICE_VALIDATION } from '../form/validation';
import { ConflictPanel } from './ConflictPanel';

/** The version a 412 answer carries, or the device as it is now. */
async function currentOf(error: unknown, id: string): Promise<DeviceDetail> {
  const carried = isApiError(error) ? (error.problem.current as DeviceDetail | undefined) : undefined;
  return carried?.id === id ? carried : api<DeviceDetail>(`/v1/devices/${id}`);
}

const pick = (values: DeviceFormValues, keys: Array<keyof DeviceFormValues>): Partial<DeviceFormValues> =>
  Object.fromEntries(keys.map((key) => [key, values[key]]));

/**
 * Edits a device. Only changed fields are sent, with If-Match; when someone else saved in between (412), the
 * user sees their change and the other person's side by side, and either takes the current version or re-applies
 * their changes on top of it.
 */
export function EditDeviceForm({ device, onSaved }: { device: DeviceDetail; onSaved: () => void }) {
  const queryClient = useQueryClient();
  /** The version the user's edit started from: what the changes are computed against and sent as If-Match. */
  const [base, setBase] = useState<DeviceDetail>(device);
  const [conflict, setConflict] = useState<DeviceDetail | null>(null);
  const form = useForm<DeviceFormValues>({ mode: 'controlled', initialValues: valuesOf(device), validateInputOnChange: true, validate: DEVICE_VALIDATION });

  const restart = (from: DeviceDetail, values: DeviceFormValues = valuesOf(from)) => {
    setBase(from);
    setConflict(null);
    mutation.reset();
    form.setInitialValues(valuesOf(from));
    form.setValues(values);
    form.resetDirty(valuesOf(from));
    queryClient.setQueryData([...DEVICES_KEY, 'detail', from.id], from);
  };

  const mutation = useMutation({
    mutationFn: (values: DeviceFormValues) => updateDevice(base, changesOf(valuesOf(base), values)),
    onSuccess: (saved) => {
      queryClient.setQueryData([...DEVICES_KEY, 'detail', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: DEVICES_KEY });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      notifySuccess('Changes saved', `${saved.assetTag} is up to date.`);
      restart(saved);
      onSaved();
    },
    onError: async (error) => {
      if (isApiError(error) && error.isConflict) setConflict(await currentOf(error, base.id));
      else applyServerErrors(form, error);
    },
  });

  const values = form.getValues();
  const changes = changesOf(valuesOf(base), values);
  const unchanged = Object.keys(changes).length === 0;
  const labels = { model: `${base.manufacturer.name} ${base.model.modelNumber}`, vendor: base.vendor?.name };

  return (
    <form onSubmit={form.onSubmit((formValues) => mutation.mutate(formValues))} noValidate>
      <Card maw={920}>
        <DeviceFormFields form={form} labels={labels} />
        {conflict ? (
          <ConflictPanel
            base={base}
            mine={values}
            current={conflict}
            onTakeTheirs={() => restart(conflict)}
            onReapplyMine={() => restart(conflict, { ...valuesOf(conflict), ...pick(values, Object.keys(changes) as Array<keyof DeviceFormValues>) })}
          />
        ) : (
          <div style={{ marginTop: 16 }}>
            <FormError error={mutation.error} />
          </div>
        )}
        <Group justify="flex-end" gap="sm" mt="lg">
          <Button variant="default" disabled={unchanged || mutation.isPending} onClick={() => restart(base)}>
            Discard changes
          </Button>
          <Button type="submit" loading={mutation.isPending} disabled={unchanged || conflict !== null}>
            Save changes
          </Button>
        </Group>
      </Card>
    </form>
  );
}
