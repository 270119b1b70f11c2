import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { FormError } from '../../components/FormError';
import { applyServerErrors } from '../../components/server-errors';
import type { FacilityInput } from './api';

const CODE = /^[A-Za-z0-9_.-]+$/;

interface FacilityFormProps {
  initial: FacilityInput;
  /** Changes when the record does (its version), to start again from what was saved. */
  revision?: string | number;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: FacilityInput) => void;
  onCancel?: () => void;
  onReload?: () => void;
  autoFocus?: boolean;
}

/** Code and name of a facility, for adding one and for renaming it. */
export function FacilityForm({ initial, revision, submitLabel, pending, error, onSubmit, onCancel, onReload, autoFocus }: FacilityFormProps) {
  const form = useForm<FacilityInput>({
    mode: 'controlled',
    initialValues: initial,
    validateInputOnChange: true,
    validate: {
      code: (value) =>
        !value.trim() ? 'Enter a short code' : value.length > 32 ? 'Use at most 32 characters' : !CODE.test(value) ? 'Use letters, digits, dot, dash or underscore only' : null,
      name: (value) => (!value.trim() ? 'Enter the facility’s name' : value.length > 200 ? 'Use at most 200 characters' : null),
    },
  });

  useEffect(() => {
    form.setInitialValues(initial);
    form.setValues(initial);
    form.resetDirty(initial);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [revision]);

  useEffect(() => applyServerErrors(form, error), [error]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <form onSubmit={form.onSubmit((values) => onSubmit({ code: values.code.trim(), name: values.name.trim() }))} noValidate>
      <Stack>
        <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
          <TextInput
            label="Code"
            description="Short and unique, as on asset tags"
            placeholder="RGH"
            withAsterisk
            maw={{ base: '100%', sm: 220 }}
            miw={160}
            data-autofocus={autoFocus || undefined}
            {...form.getInputProps('code')}
          />
          <TextInput label="Name" description="The facility’s full name" placeholder="Riverside General Hospital" withAsterisk miw={220} {...form.getInputProps('name')} />
        </Group>
        <FormError error={error} onReload={onReload} />
        <Group justify="flex-end" gap="sm">
          {onCancel && (
            <Button variant="default" onClick={onCancel} disabled={pending}>
              Cancel
            </Button>
          )}
          {!onCancel && (
            <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty() || pending}>
              Discard changes
            </Button>
          )}
          <Button type="submit" loading={pending} disabled={!onCancel && !form.isDirty()}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
