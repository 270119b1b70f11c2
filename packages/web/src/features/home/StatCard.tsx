import { Card, Group, Skeleton, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import { Link } from 'react-router-dom';

interface StatCardProps {
  label: string;
  value: string | number | undefined;
  hint?: string;
  icon: Icon;
  to: string;
  color?: string;
  loading?: boolean;
  error?: boolean;
}

/** One figure read from the API, linking to the list it counts. */
export function StatCard({ label, value, hint, icon: StatIcon, to, color = 'brand', loading, error }: StatCardProps) {
  return (
    <UnstyledButton component={Link} to={to} aria-label={`${label}: ${value ?? '…'}`}>
      <Card padding="md" h="100%" style={{ transition: 'border-color 120ms' }} className="stat-card">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={700} style={{ letterSpacing: '0.04em' }}>
              {label}
            </Text>
            {loading ? (
              <Skeleton height={30} width={56} mt={6} />
            ) : (
              <Text fz={{ base: 26, sm: 30 }} fw={700} lh={1.25} mt={2}>
                {error ? '—' : value}
              </Text>
            )}
            {hint && (
              <Text size="xs" c="dimmed" mt={2}>
                {hint}
              </Text>
            )}
          </div>
          <ThemeIcon variant="light" color={color} size={42} radius="md" visibleFrom="sm">
            <StatIcon size={22} stroke={1.6} />
          </ThemeIcon>
        </Group>
      </Card>
    </UnstyledButton>
  );
}
