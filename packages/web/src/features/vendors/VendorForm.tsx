import { Button, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { FormError } from '../../components/FormError';
import { applyServerErrors } from '../../components/server-errors';
import { validateUrl } from '../manufacturers/validation';
import type { Vendor, VendorInput } from './api';
import { maxLength, orNull, validateOptionalEmail, validatePhone, validateRequiredName } from './validation';

type Values = Record<keyof VendorInput, string>;

const valuesOf = (vendor: Vendor | null): Values => ({
  name: vendor?.name ?? '',
  phone: vendor?.phone ?? '',
  email: vendor?.email ?? '',
  website: vendor?.website ?? '',
  accountNumber: vendor?.accountNumber ?? '',
  notes: vendor?.notes ?? '',
});

export const vendorInputOf = (values: Values): VendorInput => ({
  name: values.name.trim(),
  phone: orNull(values.phone),
  email: orNull(values.email),
  website: orNull(values.website),
  accountNumber: orNull(values.accountNumber),
  notes: orNull(values.notes),
});

interface VendorFormProps {
  vendor: Vendor | null;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: VendorInput) => void;
  onCancel?: () => void;
  onReload?: () => void;
  readOnly?: boolean;
}

/** A supplier or service company: how to reach it and the organisation's account with it. */
export function VendorForm({ vendor, submitLabel, pending, error, onSubmit, onCancel, onReload, readOnly }: VendorFormProps) {
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: valuesOf(vendor),
    validateInputOnChange: true,
    validate: {
      name: validateRequiredName('vendor'),
      phone: validatePhone,
      email: validateOptionalEmail,
      website: validateUrl,
      accountNumber: maxLength(100),
      notes: maxLength(4000),
    },
  });

  useEffect(() => {
    form.setInitialValues(valuesOf(vendor));
    form.setValues(valuesOf(vendor));
    form.resetDirty(valuesOf(vendor));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [vendor?.version, vendor?.id]);

  useEffect(() => applyServerErrors(form, error), [error]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <form onSubmit={form.onSubmit((values) => onSubmit(vendorInputOf(values)))} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <TextInput label="Name" placeholder="Acme Biomedical Services" withAsterisk readOnly={readOnly} data-autofocus {...form.getInputProps('name')} />
          <TextInput label="Account number" placeholder="Your customer number with them" readOnly={readOnly} {...form.getInputProps('accountNumber')} />
          <TextInput label="Phone" placeholder="+1 800 555 0100" type="tel" readOnly={readOnly} {...form.getInputProps('phone')} />
          <TextInput label="E-mail address" placeholder="service@vendor.com" type="email" readOnly={readOnly} {...form.getInputProps('email')} />
        </SimpleGrid>
        <TextInput label="Website" placeholder="https://…" readOnly={readOnly} {...form.getInputProps('website')} />
        <Textarea label="Notes" autosize minRows={2} maxRows={8} placeholder="Service hours, escalation, contract references…" readOnly={readOnly} {...form.getInputProps('notes')} />
        {!readOnly && (
          <>
            <FormError error={error} onReload={onReload} />
            <Group justify="flex-end" gap="sm">
              {onCancel ? (
                <Button variant="default" onClick={onCancel} disabled={pending}>
                  Cancel
                </Button>
              ) : (
                <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty() || pending}>
                  Discard changes
                </Button>
              )}
              <Button type="submit" loading={pending} disabled={!onCancel && !form.isDirty()}>
                {submitLabel}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </form>
  );
}
