import { Grid } from '@mantine/core';
import { FacilityChart } from './FacilityChart';
import { FleetFigures } from './FleetFigures';
import type { InventorySummary } from './inventory-summary';
import { StatusChart } from './StatusChart';

/**
 * The charts of the inventory and the figures beside them. A chunk of its own (the chart library is most of the home
 * page's code), loaded while the figures are fetched, so that the greeting and the counts need not wait for it.
 */
export function InventoryCharts({ summary }: { summary: InventorySummary }) {
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 6, lg: 5 }}>
        <StatusChart summary={summary} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6, lg: 4 }}>
        <FacilityChart facilities={summary.byFacility} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 3 }}>
        <FleetFigures summary={summary} />
      </Grid.Col>
    </Grid>
  );
}
