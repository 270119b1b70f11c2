import { AppShell, Burger, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { Outlet, useLocation } from 'react-router-dom';
import { Brand } from './Brand';
import { ColorSchemeToggle } from './ColorSchemeToggle';
import { GlobalSearch } from './GlobalSearch';
import { Navbar } from './Navbar';
import { NavigationProgress } from './PageLoading';
import { UserMenu } from './UserMenu';

/** The signed-in frame: header with search and account, navbar with the modules the user may open. */
export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();

  // On phones the navbar covers the page; it closes once a page is chosen.
  useEffect(() => close(), [location.pathname, close]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} gap="sm" wrap="nowrap" justify="space-between">
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Close navigation' : 'Open navigation'} />
            <Brand />
          </Group>
          <GlobalSearch />
          <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
            <ColorSchemeToggle />
            <UserMenu />
          </Group>
        </Group>
        <NavigationProgress />
      </AppShell.Header>
      <AppShell.Navbar>
        <Navbar />
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
