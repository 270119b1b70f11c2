import { Avatar, Badge, Group, Text, Tooltip } from '@mantine/core';
import { formatDateTime } from '../../components/DateTime';
import { initialsOf } from '../../components/initials';
import { useFacilityNames } from '../facilities/api';
import type { User } from './api';

/** Active, locked after failed sign-ins, or deactivated. */
export function UserStatusBadge({ user }: { user: Pick<User, 'active' | 'lockedUntil'> }) {
  if (!user.active) return <Badge color="gray" variant="light">Deactivated</Badge>;
  if (user.lockedUntil) {
    return (
      <Tooltip label={`Locked after repeated failed sign-ins until ${formatDateTime(user.lockedUntil)}. Resetting the password unlocks it.`} multiline w={260}>
        <Badge color="orange" variant="light">Locked</Badge>
      </Tooltip>
    );
  }
  return <Badge color="teal" variant="light">Active</Badge>;
}

export function UserIdentity({ user, size = 36 }: { user: Pick<User, 'displayName' | 'email' | 'active'>; size?: number }) {
  return (
    <Group gap="sm" wrap="nowrap">
      <Avatar radius="xl" size={size} color={user.active ? 'brand' : 'gray'}>
        {initialsOf(user.displayName)}
      </Avatar>
      <div style={{ minWidth: 0 }}>
        <Text size="sm" fw={600} truncate c={user.active ? undefined : 'dimmed'}>
          {user.displayName}
        </Text>
        <Text size="xs" c="dimmed" truncate>
          {user.email}
        </Text>
      </div>
    </Group>
  );
}

/** "All facilities", or the names of the facilities the user is limited to. */
export function FacilityScope({ user, inherit }: { user: Pick<User, 'allFacilities' | 'facilityIds'>; inherit?: boolean }) {
  const facilities = useFacilityNames();
  const textProps = inherit ? { span: true, inherit: true } : { size: 'sm' as const };
  if (user.allFacilities) return <Text {...textProps}>All facilities</Text>;
  if (user.facilityIds.length === 0) return <Text {...textProps} c="orange">No facility</Text>;
  const names = user.facilityIds.map((id) => facilities.get(id)?.name ?? 'Unknown facility');
  const shown = names.slice(0, 2).join(', ');
  return (
    <Tooltip label={names.join(', ')} disabled={names.length <= 2} multiline w={260}>
      <Text {...textProps}>
        {shown}
        {names.length > 2 && ` +${names.length - 2}`}
      </Text>
    </Tooltip>
  );
}
