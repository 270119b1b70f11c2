import { Grid, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconActivity, IconBuildingHospital, IconKey, IconUsers } from '@tabler/icons-react';
import { ROLE_LABELS } from '@openhtm/domain';
import { useCan, useSession } from '../../app/auth/session';
import { RoleBadge } from '../../components/RoleBadge';
import { FacilityScope } from '../users/UserBits';
import { useHomeFigures } from './home-queries';
import { InventoryDashboard } from './InventoryDashboard';
import { QuickLinks } from './QuickLinks';
import { RecentActivity } from './RecentActivity';
import { StatCard } from './StatCard';
import { SystemStatus } from './SystemStatus';

function greeting(hour: number): string {
  if (hour < 5) return 'Good evening';
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

const plural = (value: string | undefined, one: string, many: string) => (value === '1' ? one : many);

export function HomePage() {
  const { user, tenant } = useSession();
  const can = useCan();
  const figures = useHomeFigures();
  const firstName = user.displayName.split(/\s+/)[0] ?? user.displayName;

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} fz={{ base: 24, sm: 28 }}>
          {greeting(new Date().getHours())}, {firstName}
        </Title>
        <Group gap="xs" mt={8} align="center">
          <RoleBadge role={user.role} />
          <Text size="sm" c="dimmed">
            {tenant.name}
          </Text>
          {!user.allFacilities && (
            <Text size="sm" c="dimmed">
              · <FacilityScope user={user} inherit />
            </Text>
          )}
        </Group>
      </div>

      {can('inventory.read') && <InventoryDashboard />}

      <SimpleGrid cols={{ base: 2, lg: 4 }} spacing={{ base: 'xs', sm: 'md' }}>
        <StatCard
          label="Facilities"
          icon={IconBuildingHospital}
          to="/facilities"
          {...figures.facilities}
          hint={user.allFacilities ? 'In your organisation' : 'That you work at'}
        />
        {can('user.read') && <StatCard label="Active users" icon={IconUsers} to="/admin/users?active=true" color="indigo" {...figures.users} hint={plural(figures.users.value, 'Person who can sign in', 'People who can sign in')} />}
        {can('token.read') && <StatCard label="API tokens" icon={IconKey} to="/admin/api-tokens" color="grape" {...figures.tokens} hint="Active integrations" />}
        {can('job.read') && (
          <StatCard
            label="Failed jobs"
            icon={IconActivity}
            to="/admin/jobs?state=failed"
            color={figures.failedJobs.value ? 'red' : 'teal'}
            {...figures.failedJobs}
            hint={figures.failedJobs.value ? 'Need a look' : 'Background work is healthy'}
          />
        )}
      </SimpleGrid>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: can('audit.read') ? 7 : 12 }}>
          <Stack gap="lg">
            <QuickLinks />
            {can('job.read') && <SystemStatus />}
          </Stack>
        </Grid.Col>
        {can('audit.read') && (
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <RecentActivity />
          </Grid.Col>
        )}
      </Grid>
      <Text size="xs" c="dimmed" ta="center" mt="md">
        Signed in as {user.email} · {ROLE_LABELS[user.role]}
      </Text>
    </Stack>
  );
}
