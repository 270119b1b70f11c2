import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';
import { fieldErrorsOf, isApiError, messageOf } from '../app/api/problem';

interface FormErrorProps {
  error: unknown;
  /** Offered when the record changed under the user (412): reload it and start again. */
  onReload?: () => void;
}

/**
 * A refused submission. Field errors are shown on their fields by the form; this shows the rest:
 * the server's sentence, or, when someone else changed the record meanwhile, what to do about it.
 */
export function FormError({ error, onReload }: FormErrorProps) {
  if (!error) return null;
  if (isApiError(error) && error.isConflict) {
    return (
      <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} />} title="Someone else changed this record" role="alert">
        <Text size="sm">
          It was saved by another user after you opened it, so your changes were not saved. Reload to see the current version, then
          make your changes again.
        </Text>
        {onReload && (
          <Group mt="sm">
            <Button size="xs" variant="white" color="orange" leftSection={<IconRefresh size={14} />} onClick={onReload}>
              Reload the record
            </Button>
          </Group>
        )}
      </Alert>
    );
  }
  const hasFieldErrors = Object.keys(fieldErrorsOf(error)).length > 0;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" title={hasFieldErrors ? 'Check the highlighted fields' : undefined}>
      {messageOf(error)}
    </Alert>
  );
}
