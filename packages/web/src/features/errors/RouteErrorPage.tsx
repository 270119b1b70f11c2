import { Button, Center, Code, Collapse, EmptyState, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBug, IconChevronDown, IconCloudOff, IconHome, IconRefresh } from '@tabler/icons-react';
import { isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { PageState } from '../../components/PageState';
import { NotFoundPage } from './NotFoundPage';

/** What browsers throw when a page's code cannot be downloaded (Chromium, Firefox, Safari, and Vite's CSS preload). */
const CHUNK_LOAD_ERROR = /dynamically imported module|Importing a module script failed|Unable to preload CSS/i;

/** A page whose code did not arrive: the connection dropped, or OpenHTM was updated since this tab opened. */
function PageDownloadFailed() {
  return (
    <PageState
      icon={<IconCloudOff size={30} stroke={1.5} />}
      color="orange"
      title="This page could not be loaded"
      description="Your browser could not download this part of OpenHTM. Check the network connection and reload; if OpenHTM was just updated, reloading also brings the new version."
      actions={
        <Button leftSection={<IconRefresh size={16} />} onClick={() => window.location.reload()}>
          Reload the page
        </Button>
      }
    />
  );
}

/** Shown instead of a page that crashed: an apology, ways out, and the details for a bug report. */
export function RouteErrorPage() {
  const error = useRouteError();
  const [showDetails, details] = useDisclosure(false);
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  if (error instanceof Error && CHUNK_LOAD_ERROR.test(error.message)) return <PageDownloadFailed />;
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
