import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Role } from '@openhtm/domain';
import { FormError } from '../../components/FormError';
import { notifySuccess } from '../../components/notify';
import { ROLE_OPTIONS } from '../../components/roles';
import { applyServerErrors } from '../../components/server-errors';
import { updateUser, USERS_KEY, type User, type UserUpdate } from './api';
import { FacilityScopeFields } from './FacilityScopeFields';
import { validateDisplayName, validateEmail, validateFacilities } from './validation';

interface Values {
  displayName: string;
  email: string;
  role: Role;
  allFacilities: boolean;
  facilityIds: string[];
}

const valuesOf = (user: User): Values => ({
  displayName: user.displayName,
  email: user.email,
  role: user.role,
  allFacilities: user.allFacilities,
  facilityIds: user.facilityIds,
});

/** Only what changed is sent, so that a concurrent change to another field is not overwritten by a stale value. */
function changesOf(user: User, values: Values): UserUpdate {
  const changes: UserUpdate = {};
  if (values.displayName.trim() !== user.displayName) changes.displayName = values.displayName.trim();
  if (values.email.trim() !== user.email) changes.email = values.email.trim();
  if (values.role !== user.role) changes.role = values.role;
  if (values.allFacilities !== user.allFacilities) changes.allFacilities = values.allFacilities;
  const ids = values.allFacilities ? [] : values.facilityIds;
  if (!values.allFacilities && [...ids].sort().join() !== [...user.facilityIds].sort().join()) changes.facilityIds = ids;
  return changes;
}

interface EditUserFormProps {
  user: User;
  /** The signed-in user may not change their own role: it would end their session and could lock the organisation out. */
  isSelf: boolean;
  onReload: () => void;
}

export function EditUserForm({ user, isSelf, onReload }: EditUserFormProps) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: valuesOf(user),
    validateInputOnChange: true,
    validate: { displayName: validateDisplayName, email: validateEmail, facilityIds: validateFacilities },
  });

  // A newer version of the record (after saving or reloading) becomes the form's starting point.
  useEffect(() => {
    form.setInitialValues(valuesOf(user));
    form.setValues(valuesOf(user));
    form.resetDirty(valuesOf(user));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [user.version, user.id]);

  const mutation = useMutation({
    mutationFn: (values: Values) => updateUser(user, changesOf(user, values)),
    onSuccess: (saved) => {
      queryClient.setQueryData([...USERS_KEY, 'detail', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      notifySuccess('Changes saved', `${saved.displayName}’s account is up to date.`);
    },
    onError: (error) => applyServerErrors(form, error),
  });

  const unchanged = Object.keys(changesOf(user, form.getValues())).length === 0;

  return (
    <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
      <Stack>
        <Group grow align="flex-start" wrap="wrap" gap="md" preventGrowOverflow={false}>
          <TextInput label="Name" withAsterisk miw={220} {...form.getInputProps('displayName')} />
          <TextInput label="E-mail address" type="email" withAsterisk miw={220} {...form.getInputProps('email')} />
        </Group>
        <Select
          label="Role"
          data={ROLE_OPTIONS}
          allowDeselect={false}
          disabled={isSelf}
          description={isSelf ? 'You cannot change your own role; ask another administrator.' : 'Changing the role signs this person out everywhere.'}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('role')}
        />
        <FacilityScopeFields form={form} />
        <FormError error={mutation.error} onReload={() => { mutation.reset(); onReload(); }} />
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
