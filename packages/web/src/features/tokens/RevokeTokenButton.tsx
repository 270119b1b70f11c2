import { Button, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ConfirmModal } from '../../components/ConfirmModal';
import { notifySuccess } from '../../components/notify';
import { revokeToken, TOKENS_KEY, type ApiToken } from './api';

export function RevokeTokenButton({ token }: { token: ApiToken }) {
  const queryClient = useQueryClient();
  const [opened, modal] = useDisclosure(false);
  const mutation = useMutation({
    mutationFn: () => revokeToken(token.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
      notifySuccess('Token revoked', `“${token.name}” no longer works.`);
      modal.close();
    },
  });
  return (
    <>
      <Button size="xs" variant="subtle" color="red" onClick={modal.open}>
        Revoke
      </Button>
      <ConfirmModal
        opened={opened}
        onClose={modal.close}
        onConfirm={() => mutation.mutate()}
        title={`Revoke “${token.name}”?`}
        confirmLabel="Revoke token"
        danger
        mutation={mutation}
      >
        <Text size="sm">
          Requests with this token are refused from now on. Whatever uses it stops working until it is given a new token. This cannot be undone.
        </Text>
      </ConfirmModal>
    </>
  );
}
