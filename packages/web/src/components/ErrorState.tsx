import { Button, EmptyState, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { isApiError, messageOf } from '../app/api/problem';

interface ErrorStateProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

/** A query that failed: what went wrong in words, the request id for support, and a way to try again. */
export function ErrorState({ error, title = 'This could not be loaded', onRetry }: ErrorStateProps) {
  const requestId = isApiError(error) ? error.problem.requestId : undefined;
  return (
    <EmptyState
      role="alert"
      variant="light"
      color="red"
      icon={<IconAlertTriangle size={26} stroke={1.6} />}
      title={title}
      description={
        <>
          {messageOf(error)}
          {requestId && (
            <Text size="xs" c="dimmed" mt={6}>
              Request id <span className="mono">{requestId}</span>
            </Text>
          )}
        </>
      }
      py="xl"
    >
      {onRetry && (
        <EmptyState.Actions>
          <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={onRetry}>
            Try again
          </Button>
        </EmptyState.Actions>
      )}
    </EmptyState>
  );
}
