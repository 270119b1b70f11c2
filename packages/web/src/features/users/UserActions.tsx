import { Button, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmModal } from '../../components/ConfirmModal';
import { notifySuccess } from '../../components/notify';
import { updateUser, USERS_KEY, type User } from './api';
import { ResetPasswordModal } from './ResetPasswordModal';

/** Reset password, deactivate and reactivate: the administrator's buttons on a user's page. */
export function UserActions({ user, isSelf, onReload }: { user: User; isSelf: boolean; onReload: () => void }) {
  const queryClient = useQueryClient();
  const [resetting, resetModal] = useDisclosure(false);
  const [confirming, confirmModal] = useDisclosure(false);
  // Fixed when the dialog opens, so that its wording does not flip while it closes after the change.
  const [deactivating, setDeactivating] = useState(user.active);
  const openConfirm = () => {
    setDeactivating(user.active);
    confirmModal.open();
  };

  const mutation = useMutation({
    mutationFn: () => updateUser(user, { active: !deactivating }),
    onSuccess: (saved) => {
      queryClient.setQueryData([...USERS_KEY, 'detail', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      notifySuccess(saved.active ? 'User reactivated' : 'User deactivated', saved.active ? `${saved.displayName} can sign in again.` : `${saved.displayName} can no longer sign in.`);
      confirmModal.close();
    },
    onError: (error) => {
      if ((error as { status?: number }).status === 412) onReload();
    },
  });

  return (
    <>
      <Button variant="default" leftSection={<IconKey size={16} />} onClick={resetModal.open}>
        Reset password
      </Button>
      {!isSelf &&
        (user.active ? (
          <Button variant="light" color="red" leftSection={<IconUserOff size={16} />} onClick={openConfirm}>
            Deactivate
          </Button>
        ) : (
          <Button variant="light" color="teal" leftSection={<IconUserCheck size={16} />} onClick={openConfirm}>
            Reactivate
          </Button>
        ))}
      <ResetPasswordModal user={user} opened={resetting} onClose={resetModal.close} isSelf={isSelf} />
      <ConfirmModal
        opened={confirming}
        onClose={confirmModal.close}
        onConfirm={() => mutation.mutate()}
        title={deactivating ? `Deactivate ${user.displayName}?` : `Reactivate ${user.displayName}?`}
        confirmLabel={deactivating ? 'Deactivate' : 'Reactivate'}
        danger={deactivating}
        mutation={mutation}
      >
        <Text size="sm">
          {deactivating
            ? 'They are signed out at once and can no longer sign in. Their name stays on the records they worked on, and you can reactivate them later.'
            : 'They can sign in again with their existing password, with the same role and facility access as before.'}
        </Text>
      </ConfirmModal>
    </>
  );
}
