import { Badge, type MantineColor } from '@mantine/core';
import { ROLE_LABELS, type Role } from '@openhtm/domain';

const ROLE_COLORS: Record<Role, MantineColor> = {
  admin: 'grape',
  htm_manager: 'indigo',
  clinical_engineer: 'blue',
  technician: 'teal',
  clinician: 'green',
  security_analyst: 'orange',
  auditor: 'gray',
};

export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge variant="light" color={ROLE_COLORS[role]} style={{ textTransform: 'none' }} fw={600}>
      {ROLE_LABELS[role]}
    </Badge>
  );
}
