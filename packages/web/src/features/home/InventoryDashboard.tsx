import { Anchor, Button, Card, EmptyState, Grid, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDeviceHeartMonitor, IconFileImport, IconPlugConnected, IconPlus, IconTool } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { Link } from 'react-router-dom';
import { useCan } from '../../app/auth/session';
import { ErrorState } from '../../components/ErrorState';
import { devicesHref, formatCount, inventorySummaryQuery, type InventorySummary } from './inventory-summary';
import { StatCard } from './StatCard';
import { formatDateTime } from '../../components/DateTime';

const loadCharts = () => import('./InventoryCharts');
const InventoryCharts = lazy(() => loadCharts().then((module) => ({ default: module.InventoryCharts })));

const share = (part: number, total: number) => (total ? `${Math.round((part / total) * 100)}% of the inventory` : undefined);

/** The five figures at the top of the home page, each opening the list of the devices it counts. */
function InventoryCards({ summary }: { summary?: InventorySummary }) {
  const loading = !summary;
  const figure = (pick: (s: InventorySummary) => number) => (summary ? formatCount(pick(summary)) : undefined);
  const total = summary?.total ?? 0;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing={{ base: 'xs', sm: 'md' }}>
      <StatCard
        label="Devices"
        icon={IconDeviceHeartMonitor}
        to={devicesHref()}
        value={figure((s) => s.total)}
        loading={loading}
        hint={summary && `At ${summary.byFacility.length} ${summary.byFacility.length === 1 ? 'facility' : 'facilities'}`}
      />
      <StatCard label="In service" icon={IconCircleCheck} to={devicesHref({ status: 'in_service' })} color="teal" value={figure((s) => s.byStatus.in_service)} loading={loading} hint={summary && share(summary.byStatus.in_service, total)} />
      <StatCard label="Out of service" icon={IconTool} to={devicesHref({ status: 'out_of_service' })} color="orange" value={figure((s) => s.byStatus.out_of_service)} loading={loading} hint="Repair, parts, recall, quarantine" />
      <StatCard label="High risk" icon={IconAlertTriangle} to={devicesHref({ highRisk: 'true' })} color="red" value={figure((s) => s.highRisk)} loading={loading} hint={summary && share(summary.highRisk, total)} />
      <StatCard label="Connected" icon={IconPlugConnected} to={devicesHref({ connected: 'true' })} color="indigo" value={figure((s) => s.connected)} loading={loading} hint="With a network address" />
    </SimpleGrid>
  );
}

function ChartsSkeleton() {
  return (
    <Grid gap="lg">
      {[5, 4, 3].map((span) => (
        <Grid.Col key={span} span={{ base: 12, md: span === 3 ? 12 : 6, lg: span }}>
          <Card h="100%">
            <Skeleton height={18} width="50%" mb="md" />
            <Skeleton height={200} />
          </Card>
        </Grid.Col>
      ))}
    </Grid>
  );
}

/** An inventory with no device the user may see: what to do next, for those who may do it. */
function NoDevices() {
  const can = useCan();
  const add = can('device.write');
  const importable = can('device.import');
  return (
    <Card>
      <EmptyState
        icon={<IconDeviceHeartMonitor size={26} stroke={1.6} />}
        withIndicatorBackground
        title="No devices yet"
        description={
          add || importable
            ? 'Add devices one by one, or import the inventory from a spreadsheet: the figures of your inventory appear here.'
            : 'The figures of your inventory appear here once devices have been added.'
        }
        py="xl"
      >
        {(add || importable) && (
          <EmptyState.Actions>
            {importable && (
              <Button component={Link} to="/imports" leftSection={<IconFileImport size={18} />}>
                Import devices
              </Button>
            )}
            {add && (
              <Button component={Link} to="/devices/new" variant={importable ? 'default' : 'filled'} leftSection={<IconPlus size={18} />}>
                Add a device
              </Button>
            )}
          </EmptyState.Actions>
        )}
      </EmptyState>
    </Card>
  );
}

/** The inventory at a glance: counts, devices by status and by facility, strategy, warranty and ownership. */
export function InventoryDashboard() {
  const { data, error, refetch } = useQuery(inventorySummaryQuery);
  // The charts' code downloads while the figures are fetched.
  useEffect(() => void loadCharts(), []);

  let body;
  if (error) body = <Card><ErrorState error={error} title="The inventory figures could not be loaded" onRetry={() => void refetch()} /></Card>;
  else if (data && data.total === 0) body = <NoDevices />;
  else {
    body = (
      <>
        <InventoryCards summary={data} />
        {data ? (
          <Suspense fallback={<ChartsSkeleton />}>
            <InventoryCharts summary={data} />
          </Suspense>
        ) : (
          <ChartsSkeleton />
        )}
      </>
    );
  }

  return (
    <Stack gap="md" aria-label="Inventory" component="section">
      <Group justify="space-between" align="baseline">
        <Group gap="xs" align="baseline">
          <Title order={2} size="h3">
            Inventory
          </Title>
          {data && (
            <Text size="xs" c="dimmed">
              counted {formatDateTime(data.countedAt)}
            </Text>
          )}
        </Group>
        <Anchor component={Link} to="/devices" size="sm">
          All devices
        </Anchor>
      </Group>
      {body}
    </Stack>
  );
}
