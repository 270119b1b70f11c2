import { Anchor, Button, Group, Modal, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Role } from '@openhtm/domain';
import { FormError } from '../../components/FormError';
import { notifySuccess } from '../../components/notify';
import { ROLE_OPTIONS } from '../../components/roles';
import { applyServerErrors } from '../../components/server-errors';
import { createUser, USERS_KEY } from './api';
import { FacilityScopeFields } from './FacilityScopeFields';
import { generatePassword, validateDisplayName, validateEmail, validateFacilities, validatePassword } from './validation';

interface Values {
  displayName: string;
  email: string;
  role: Role | '';
  password: string;
  allFacilities: boolean;
  facilityIds: string[];
}

const INITIAL: Values = { displayName: '', email: '', role: '', password: '', allFacilities: true, facilityIds: [] };

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: INITIAL,
    validateInputOnChange: true,
    validate: {
      displayName: validateDisplayName,
      email: validateEmail,
      role: (value) => (value ? null : 'Choose a role'),
      password: validatePassword,
      facilityIds: validateFacilities,
    },
  });

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      createUser({
        ...values,
        email: values.email.trim(),
        displayName: values.displayName.trim(),
        role: values.role as Role,
        facilityIds: values.allFacilities ? [] : values.facilityIds,
      }),
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
      notifySuccess('User added', `${user.displayName} can now sign in with ${user.email}.`);
      close();
    },
    onError: (error) => applyServerErrors(form, error),
  });

  const close = () => {
    form.reset();
    mutation.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>Add a user</Text>} size="lg" closeOnClickOutside={!mutation.isPending}>
      <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
        <Stack>
          <TextInput label="Name" placeholder="Jordan Lee" withAsterisk data-autofocus autoComplete="off" {...form.getInputProps('displayName')} />
          <TextInput label="E-mail address" placeholder="jordan.lee@hospital.org" type="email" withAsterisk autoComplete="off" {...form.getInputProps('email')} />
          <Select
            label="Role"
            placeholder="Choose a role"
            description="The role decides what this person may see and do."
            data={ROLE_OPTIONS}
            withAsterisk
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('role')}
          />
          <PasswordInput
            label="Initial password"
            withAsterisk
            autoComplete="new-password"
            description={
              <>
                At least 10 characters; hand it over securely.{' '}
                <Anchor component="button" type="button" size="xs" onClick={() => form.setFieldValue('password', generatePassword())}>
                  Generate one
                </Anchor>
              </>
            }
            {...form.getInputProps('password')}
          />
          <FacilityScopeFields form={form} />
          <FormError error={mutation.error} />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close} disabled={mutation.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              Add user
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
