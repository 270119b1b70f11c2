import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { FormError } from '../../components/FormError';
import { notifySuccess } from '../../components/notify';
import { applyServerErrors } from '../../components/server-errors';
import { manufacturerQuery, MANUFACTURERS_KEY, updateManufacturer, type Manufacturer } from './api';
import { validateManufacturerName, validateUrl } from './validation';

interface Values {
  name: string;
  website: string;
}

const valuesOf = (m: Manufacturer): Values => ({ name: m.name, website: m.website ?? '' });

/** Renames a manufacturer or changes its website; the server keeps a former name as an alias. */
export function ManufacturerForm({ manufacturer, onReload }: { manufacturer: Manufacturer; onReload: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: valuesOf(manufacturer),
    validateInputOnChange: true,
    validate: { name: validateManufacturerName, website: validateUrl },
  });

  useEffect(() => {
    form.setInitialValues(valuesOf(manufacturer));
    form.setValues(valuesOf(manufacturer));
    form.resetDirty(valuesOf(manufacturer));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [manufacturer.version, manufacturer.id]);

  const mutation = useMutation({
    mutationFn: (values: Values) => {
      const changes: { name?: string; website?: string | null } = {};
      if (values.name.trim() !== manufacturer.name) changes.name = values.name.trim();
      if ((values.website.trim() || null) !== manufacturer.website) changes.website = values.website.trim() || null;
      return updateManufacturer(manufacturer, changes);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(manufacturerQuery(saved.id).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: MANUFACTURERS_KEY });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      notifySuccess('Manufacturer saved', saved.name !== manufacturer.name ? `“${manufacturer.name}” stays as an alias of ${saved.name}.` : `${saved.name} is up to date.`);
    },
    onError: (error) => applyServerErrors(form, error),
  });

  const unchanged = form.values.name.trim() === manufacturer.name && (form.values.website.trim() || null) === manufacturer.website;

  return (
    <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
      <Stack>
        <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
          <TextInput label="Name" withAsterisk miw={220} description="A former name stays as an alias" {...form.getInputProps('name')} />
          <TextInput label="Website" miw={220} placeholder="https://…" description="Support and service information" {...form.getInputProps('website')} />
        </Group>
        <FormError
          error={mutation.error}
          onReload={() => {
            mutation.reset();
            onReload();
          }}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" disabled={unchanged || mutation.isPending} onClick={() => { form.reset(); mutation.reset(); }}>
            Discard changes
          </Button>
          <Button type="submit" loading={mutation.isPending} disabled={unchanged}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
