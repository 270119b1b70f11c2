import { Card, Group, SimpleGrid, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useCan } from '../../app/auth/session';
import { NAV_ITEMS } from '../../app/shell/nav-items';

/** The modules the user may open, with what each is for. */
export function QuickLinks() {
  const can = useCan();
  const items = NAV_ITEMS.filter((item) => item.to !== '/' && can(item.action));
  return (
    <Card>
      <Title order={2} size="h4" mb="md">
        Go to
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        {items.map((item) => (
          <UnstyledButton key={item.to} component={Link} to={item.to} p="sm" style={{ borderRadius: 'var(--mantine-radius-md)', border: '1px solid var(--mantine-color-default-border)' }}>
            <Group wrap="nowrap" gap="sm">
              <ThemeIcon variant="light" size={36} radius="md">
                <item.icon size={19} stroke={1.6} />
              </ThemeIcon>
              <div style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {item.label}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {item.description}
                </Text>
              </div>
              <IconChevronRight size={16} style={{ opacity: 0.4 }} />
            </Group>
          </UnstyledButton>
        ))}
      </SimpleGrid>
    </Card>
  );
}
