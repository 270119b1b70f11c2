import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormError } from './FormError';

interface ConfirmModalProps {
  opened: boolean;
  onClose: () => void;
  onConfirm: () => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Red confirm button, for what cannot be undone or locks someone out. */
  danger?: boolean;
  pending?: boolean;
  error?: unknown;
  /** The mutation the confirmation runs: its pending state and error are shown, and closing clears them. */
  mutation?: { isPending: boolean; error: unknown; reset: () => void };
}

/** Asks before a consequential action, and shows why it failed without closing. */
export function ConfirmModal({ opened, onClose: close, onConfirm, title, children, confirmLabel, danger, mutation, ...state }: ConfirmModalProps) {
  const pending = mutation?.isPending ?? state.pending;
  const error = mutation?.error ?? state.error;
  const onClose = () => {
    mutation?.reset();
    close();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>{title}</Text>} size="md">
      <Stack>
        <div>{children}</div>
        <FormError error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button color={danger ? 'red' : undefined} onClick={onConfirm} loading={pending} data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
