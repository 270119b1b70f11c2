import { MultiSelect, Stack, Switch } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { allFacilitiesQuery } from '../facilities/api';

interface ScopeValues {
  allFacilities: boolean;
  facilityIds: string[];
}

/** Access to every facility, or to the ones chosen (a technician who works at one hospital). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function FacilityScopeFields<V extends ScopeValues>({ form, disabled }: { form: UseFormReturnType<V, any>; disabled?: boolean }) {
  const { data, isPending } = useQuery(allFacilitiesQuery);
  const options = (data?.items ?? []).map((facility) => ({ value: facility.id, label: `${facility.name} (${facility.code})` }));
  const values = form.getValues();
  return (
    <Stack gap="xs">
      <Switch
        label="Access to all facilities"
        description="Turn off to limit this person to the facilities they work at."
        disabled={disabled}
        {...form.getInputProps('allFacilities', { type: 'checkbox' })}
      />
      {!values.allFacilities && (
        <MultiSelect
          label="Facilities"
          placeholder={isPending ? 'Loading facilities…' : 'Choose facilities'}
          data={options}
          searchable
          clearable
          hidePickedOptions
          nothingFoundMessage="No facility matches"
          disabled={disabled}
          withAsterisk
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('facilityIds')}
        />
      )}
    </Stack>
  );
}
