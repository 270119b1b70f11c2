import { Alert, Anchor, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormError } from '../../components/FormError';
import { notifySuccess } from '../../components/notify';
import { applyServerErrors } from '../../components/server-errors';
import { resetPassword, USERS_KEY, type User } from './api';
import { generatePassword, validatePassword } from './validation';

interface ResetPasswordModalProps {
  user: User;
  opened: boolean;
  onClose: () => void;
  isSelf: boolean;
}

/** An administrator sets a new password; the account is unlocked and signed out everywhere. */
export function ResetPasswordModal({ user, opened, onClose, isSelf }: ResetPasswordModalProps) {
  const queryClient = useQueryClient();
  const [visible, setVisible] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { password: '', confirm: '' },
    validateInputOnChange: true,
    validate: {
      password: validatePassword,
      confirm: (value, values) => (value !== values.password ? 'The two passwords differ' : null),
    },
  });

  const close = () => {
    form.reset();
    mutation.reset();
    setVisible(false);
    onClose();
  };

  const mutation = useMutation({
    mutationFn: (password: string) => resetPassword(user.id, password),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      notifySuccess('Password reset', `${user.displayName} can sign in with the new password.`);
      close();
    },
    onError: (error) => applyServerErrors(form, error),
  });

  const generate = () => {
    const password = generatePassword();
    form.setValues({ password, confirm: password });
    setVisible(true);
  };

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>Reset password for {user.displayName}</Text>} size="md">
      <form onSubmit={form.onSubmit((values) => mutation.mutate(values.password))} noValidate>
        <Stack>
          <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />}>
            {isSelf
              ? 'You will be signed out and need to sign in again with the new password.'
              : `${user.displayName} will be signed out on every device${user.lockedUntil ? ', and the lock after failed sign-ins is lifted' : ''}.`}
          </Alert>
          <PasswordInput
            label="New password"
            withAsterisk
            autoComplete="new-password"
            data-autofocus
            visible={visible}
            onVisibilityChange={setVisible}
            description={
              <>
                At least 10 characters.{' '}
                <Anchor component="button" type="button" size="xs" onClick={generate}>
                  Generate one
                </Anchor>
              </>
            }
            {...form.getInputProps('password')}
          />
          <PasswordInput label="Repeat the new password" withAsterisk autoComplete="new-password" visible={visible} onVisibilityChange={setVisible} {...form.getInputProps('confirm')} />
          <FormError error={mutation.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={mutation.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              Reset password
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
