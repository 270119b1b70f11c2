import { Button, Center, Code, Collapse, EmptyState, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBug, IconChevronDown, IconHome, IconRefresh } from '@tabler/icons-react';
import { isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { NotFoundPage } from './NotFoundPage';

/** Shown instead of a page that crashed: an apology, ways out, and the details for a bug report. */
export function RouteErrorPage() {
  const error = useRouteError();
  const [showDetails, details] = useDisclosure(false);
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : String(error);

  return (
    <Center mih="70vh" p="md">
      <Stack align="center" maw={560}>
        <EmptyState variant="light" color="red" size="lg">
          <EmptyState.Indicator>
            <IconBug size={30} stroke={1.5} />
          </EmptyState.Indicator>
          <EmptyState.Title order={1}>Something went wrong on this page</EmptyState.Title>
          <EmptyState.Description>
            OpenHTM hit an unexpected error while showing this page. Nothing you saved is lost. Reload the page, or go back to the home page.
          </EmptyState.Description>
          <EmptyState.Actions>
            <Group justify="center">
              <Button leftSection={<IconRefresh size={16} />} onClick={() => window.location.reload()}>
                Reload the page
              </Button>
              <Button variant="default" leftSection={<IconHome size={16} />} onClick={() => window.location.assign('/')}>
                Home
              </Button>
            </Group>
          </EmptyState.Actions>
        </EmptyState>
        <UnstyledButton onClick={details.toggle} aria-expanded={showDetails}>
          <Group gap={4}>
            <Text size="sm" c="dimmed">
              Technical details
            </Text>
            <IconChevronDown size={14} style={{ transform: showDetails ? 'rotate(180deg)' : undefined }} />
          </Group>
        </UnstyledButton>
        <Collapse expanded={showDetails} w="100%">
          <Code block>{message}</Code>
        </Collapse>
      </Stack>
    </Center>
  );
}
