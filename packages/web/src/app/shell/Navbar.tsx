import { AppShell, Box, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router-dom';
import { useCan, useSession } from '../auth/session';
import { NAV_ITEMS, type NavItem } from './nav-items';

function isActive(item: NavItem, pathname: string): boolean {
  return item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`);
}

/** The modules the user may open, grouped as in NAV_ITEMS. */
export function Navbar() {
  const can = useCan();
  const { tenant } = useSession();
  const { pathname } = useLocation();
  const visible = NAV_ITEMS.filter((item) => can(item.action));
  const sections = [...new Set(visible.map((item) => item.section ?? ''))];

  return (
    <>
      <AppShell.Section grow component={ScrollArea} p="sm">
        <nav aria-label="Main">
          <Stack gap="lg">
            {sections.map((section) => (
              <Box key={section || 'main'}>
                {section && (
                  <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={6} style={{ letterSpacing: '0.04em' }}>
                    {section}
                  </Text>
                )}
                <Stack gap={2}>
                  {visible
                    .filter((item) => (item.section ?? '') === section)
                    .map((item) => (
                      <NavLink
                        key={item.to}
                        component={Link}
                        to={item.to}
                        label={item.label}
                        leftSection={<item.icon size={19} stroke={1.6} />}
                        active={isActive(item, pathname)}
                        aria-current={isActive(item, pathname) ? 'page' : undefined}
                        variant="light"
                        style={{ borderRadius: 'var(--mantine-radius-md)' }}
                        fw={500}
                      />
                    ))}
                </Stack>
              </Box>
            ))}
          </Stack>
        </nav>
      </AppShell.Section>
      <AppShell.Section p="md" style={{ borderTop: '1px solid var(--app-shell-border-color)' }}>
        <Text size="xs" c="dimmed">
          Organisation
        </Text>
        <Text size="sm" fw={500} truncate>
          {tenant.name}
        </Text>
      </AppShell.Section>
    </>
  );
}
