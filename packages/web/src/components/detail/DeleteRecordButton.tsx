import { Button, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { ConfirmModal } from '../ConfirmModal';
import { notifySuccess } from '../notify';

interface DeleteRecordButtonProps<T> {
  record: T;
  /** What the record is, e.g. "device type": "Delete this device type?". */
  noun: string;
  remove: (record: T) => Promise<unknown>;
  /** The list the record leaves; it is read again, and shown, once the record is gone. */
  list: { queryKey: QueryKey; path: string };
  /** The second line of the notification. */
  notice?: string;
  /** Why the record cannot be deleted now; the button is then disabled and says so on hover. */
  blockedBy?: string;
  /** What deleting does, for the question. */
  children: ReactNode;
}

/** The Delete button of a record's page, with the question before and the way back to the list after. */
export function DeleteRecordButton<T>({ record, noun, remove, list, notice, blockedBy, children }: DeleteRecordButtonProps<T>) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, modal] = useDisclosure(false);
  const mutation = useMutation({
    mutationFn: remove,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: list.queryKey });
      notifySuccess(`${noun.charAt(0).toUpperCase()}${noun.slice(1)} deleted`, notice);
      navigate(list.path);
    },
  });

  return (
    <>
      <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={modal.open} disabled={Boolean(blockedBy)} title={blockedBy}>
        Delete
      </Button>
      <ConfirmModal
        opened={opened}
        onClose={modal.close}
        onConfirm={() => mutation.mutate(record)}
        title={`Delete this ${noun}?`}
        confirmLabel={`Delete ${noun}`}
        danger
        mutation={mutation}
      >
        <Text size="sm">{children}</Text>
      </ConfirmModal>
    </>
  );
}
