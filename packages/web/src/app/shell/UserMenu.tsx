import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconLogout, IconUser } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { ROLE_LABELS } from '@openhtm/domain';
import { messageOf } from '../api/problem';
import { signOut, useCan, useSession } from '../auth/session';
import { initialsOf } from '../../components/initials';

/** The signed-in user's name and role, with sign-out. */
export function UserMenu() {
  const { user, tenant } = useSession();
  const can = useCan();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const handleSignOut = async () => {
    try {
      await signOut(queryClient);
      navigate('/login', { replace: true });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Sign-out failed', message: messageOf(error) });
    }
  };

  return (
    <Menu position="bottom-end" width={250} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu for ${user.displayName}`} data-testid="user-menu">
          <Group gap={8} wrap="nowrap">
            <Avatar color="brand" radius="xl" size={34}>
              {initialsOf(user.displayName)}
            </Avatar>
            <div style={{ lineHeight: 1.15 }}>
              <Text size="sm" fw={600} visibleFrom="md" truncate maw={160}>
                {user.displayName}
              </Text>
              <Text size="xs" c="dimmed" visibleFrom="md">
                {ROLE_LABELS[user.role]}
              </Text>
            </div>
            <IconChevronDown size={14} stroke={1.6} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
            {user.displayName}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {user.email}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {ROLE_LABELS[user.role]} · {tenant.name}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        {can('user.read') && (
          <Menu.Item leftSection={<IconUser size={16} />} onClick={() => navigate(`/admin/users/${user.id}`)}>
            My account record
          </Menu.Item>
        )}
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={() => void handleSignOut()}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
