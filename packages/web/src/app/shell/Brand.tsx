import { Group, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useSession } from '../auth/session';
import { LogoMark } from './LogoMark';

/** Product name and the organisation the user works for. */
export function Brand() {
  const { tenant } = useSession();
  return (
    <UnstyledButton component={Link} to="/" aria-label="OpenHTM home">
      <Group gap={10} wrap="nowrap">
        <LogoMark size={30} />
        <div>
          <Text fw={700} size="lg" lh={1.1} visibleFrom="xs">
            OpenHTM
          </Text>
          <Text size="xs" c="dimmed" lh={1.2} visibleFrom="md" truncate maw={220}>
            {tenant.name}
          </Text>
        </div>
      </Group>
    </UnstyledButton>
  );
}
