import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { Role } from '@openhtm/domain';
import { FormError } from '../../components/FormError';
import { ROLE_OPTIONS } from '../../components/roles';
import { applyServerErrors } from '../../components/server-errors';
import { createToken, TOKENS_KEY, type CreatedApiToken } from './api';

const EXPIRY_OPTIONS = [
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In one year' },
  { value: 'custom', label: 'On a date I choose' },
  { value: 'never', label: 'Never' },
];

interface Values {
  name: string;
  role: Role | '';
  expiry: string;
  expiresAt: string | null;
}

function expiryOf(values: Values): string | undefined {
  if (values.expiry === 'never') return undefined;
  if (values.expiry === 'custom') return values.expiresAt ? dayjs(values.expiresAt).endOf('day').toISOString() : undefined;
  return dayjs().add(Number(values.expiry), 'day').toISOString();
}

/** Names a new token, gives it a role and a lifetime; the secret is then shown once by the caller. */
export function CreateTokenModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (token: CreatedApiToken) => void }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { name: '', role: '', expiry: '90', expiresAt: null },
    validateInputOnChange: true,
    validate: {
      name: (value) => (!value.trim() ? 'Name the token after what uses it' : value.length > 100 ? 'Use at most 100 characters' : null),
      role: (value) => (value ? null : 'Choose the role the token acts with'),
      expiresAt: (value, values) => (values.expiry === 'custom' && !value ? 'Choose the expiry date' : null),
    },
  });

  const close = () => {
    form.reset();
    mutation.reset();
    onClose();
  };

  const mutation = useMutation({
    mutationFn: (values: Values) => createToken({ name: values.name.trim(), role: values.role as Role, expiresAt: expiryOf(values) }),
    onSuccess: (token) => {
      void queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
      close();
      onCreated(token);
    },
    onError: (error) => applyServerErrors(form, error),
  });

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>Create an API token</Text>} size="lg">
      <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
        <Stack>
          <TextInput label="Name" placeholder="CMMS nightly export" description="What uses this token, so that you recognise it later" withAsterisk data-autofocus {...form.getInputProps('name')} />
          <Select
            label="Role"
            placeholder="Choose a role"
            description="The token may do what a user with this role may do. Choose the least that works."
            data={ROLE_OPTIONS}
            withAsterisk
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('role')}
          />
          <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
            <Select label="Expires" data={EXPIRY_OPTIONS} allowDeselect={false} miw={200} comboboxProps={{ withinPortal: true }} {...form.getInputProps('expiry')} />
            {form.getValues().expiry === 'custom' && (
              <DateInput
                label="Expiry date"
                placeholder="Choose a date"
                minDate={dayjs().add(1, 'day').toDate()}
                valueFormat="D MMM YYYY"
                withAsterisk
                miw={200}
                popoverProps={{ withinPortal: true }}
                {...form.getInputProps('expiresAt')}
              />
            )}
          </Group>
          <FormError error={mutation.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={mutation.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              Create token
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
