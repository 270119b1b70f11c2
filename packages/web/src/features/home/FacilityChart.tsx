import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Card, Text, Title, useMatches } from '@mantine/core';
import { useNavigate } from 'react-router-dom';
import { devicesHref, formatCount, type InventorySummary } from './inventory-summary';

/** Devices per facility, one bar each (facility codes on phones, names on wider screens); a bar opens its list. */
export function FacilityChart({ facilities }: { facilities: InventorySummary['byFacility'] }) {
  const navigate = useNavigate();
  const labelKey = useMatches({ base: 'code', sm: 'name' }) as 'code' | 'name';
  const data = facilities.map((facility) => ({ id: facility.id, code: facility.code, name: facility.name, devices: facility.count }));

  return (
    <Card h="100%">
      <Title order={3} size="h4" mb="md">
        Devices by facility
      </Title>
      {data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No facility to show.
        </Text>
      ) : (
        <BarChart
          h={Math.max(200, data.length * 44 + 20)}
          data={data}
          dataKey={labelKey}
          orientation="vertical"
          series={[{ name: 'devices', label: 'Devices', color: 'brand.6' }]}
          valueFormatter={formatCount}
          gridAxis="none"
          withXAxis={false}
          withBarValueLabel
          yAxisProps={{ width: labelKey === 'code' ? 56 : 150 }}
          maxBarWidth={28}
          barChartProps={{ margin: { right: 56 } }}
          aria-label="Devices by facility"
          barProps={{
            cursor: 'pointer',
            onClick: (_entry: unknown, index: number) => {
              const facility = data[index];
              if (facility) void navigate(devicesHref({ facilityId: facility.id }));
            },
          }}
        />
      )}
    </Card>
  );
}
