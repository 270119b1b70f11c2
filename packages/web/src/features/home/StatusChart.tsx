import '@mantine/charts/styles.css';
import { DonutChart } from '@mantine/charts';
import { Anchor, Card, ColorSwatch, Group, Stack, Text, Title } from '@mantine/core';
import { DEVICE_STATUS_META, DEVICE_STATUSES, type DeviceStatus } from '@openhtm/domain';
import { Link, useNavigate } from 'react-router-dom';
import { STATUS_COLORS } from '../devices/DeviceBadges';
import { devicesHref, formatCount, type InventorySummary } from './inventory-summary';

/** A chart colour per status: the badge colours, with shades that tell apart the two grey ones. */
const chartColor = (status: DeviceStatus) => `${STATUS_COLORS[status]}.${status === 'requested' ? 4 : status === 'retired' ? 7 : 6}`;

/** Devices per lifecycle status: a donut, and beside it each status that has devices, opening their list. */
export function StatusChart({ summary }: { summary: InventorySummary }) {
  const navigate = useNavigate();
  const statuses = DEVICE_STATUSES.filter((status) => summary.byStatus[status] > 0);
  const data = statuses.map((status) => ({ name: DEVICE_STATUS_META[status].label, value: summary.byStatus[status], color: chartColor(status), status }));

  return (
    <Card h="100%">
      <Title order={3} size="h4" mb="md">
        Devices by status
      </Title>
      <Group align="center" gap="lg" wrap="wrap" justify="center">
        <DonutChart
          data={data}
          size={190}
          thickness={28}
          paddingAngle={1}
          withTooltip
          tooltipDataSource="segment"
          valueFormatter={formatCount}
          chartLabel={formatCount(summary.total)}
          aria-label="Devices by status"
          pieProps={{
            cursor: 'pointer',
            onClick: (_entry: unknown, index: number) => {
              const status = data[index]?.status;
              if (status) void navigate(devicesHref({ status }));
            },
          }}
        />
        <Stack gap={4} style={{ flex: '1 1 180px', minWidth: 0 }}>
          {data.map((item) => (
            <Group key={item.status} justify="space-between" wrap="nowrap" gap="xs">
              <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
                <ColorSwatch color={`var(--mantine-color-${item.color.replace('.', '-')})`} size={10} withShadow={false} />
                <Anchor component={Link} to={devicesHref({ status: item.status })} size="sm" truncate>
                  {item.name}
                </Anchor>
              </Group>
              <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatCount(item.value)}
              </Text>
            </Group>
          ))}
        </Stack>
      </Group>
    </Card>
  );
}
