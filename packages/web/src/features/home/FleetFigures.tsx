import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { OWNERSHIP_LABELS, OWNERSHIPS } from '@openhtm/domain';
import { Link } from 'react-router-dom';
import { devicesHref, formatCount, type InventorySummary } from './inventory-summary';

interface FigureProps {
  label: string;
  value: number;
  /** The device list of what the figure counts, where the list has a filter for it. */
  to?: string;
}

function Figure({ label, value, to }: FigureProps) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" py={5} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      {to ? (
        <Anchor component={Link} to={to} size="sm">
          {label}
        </Anchor>
      ) : (
        <Text size="sm">{label}</Text>
      )}
      <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatCount(value)}
      </Text>
    </Group>
  );
}

/** Maintenance strategy, warranty, and ownership other than owned. */
export function FleetFigures({ summary }: { summary: InventorySummary }) {
  const notOwned = OWNERSHIPS.filter((ownership) => ownership !== 'owned' && summary.byOwnership[ownership] > 0);
  return (
    <Card h="100%">
      <Title order={3} size="h4" mb="xs">
        Maintenance and ownership
      </Title>
      <Stack gap={0}>
        <Figure label="AEM program" value={summary.byStrategy.aem} to={devicesHref({ strategy: 'aem' })} />
        <Figure label="Manufacturer's schedule, decided" value={summary.byStrategy.manufacturer} />
        <Figure label="Strategy not decided yet" value={summary.byStrategy.notDecided} />
        <Figure label="Under warranty" value={summary.underWarranty} />
        {notOwned.map((ownership) => (
          <Figure key={ownership} label={OWNERSHIP_LABELS[ownership]} value={summary.byOwnership[ownership]} to={devicesHref({ ownership })} />
        ))}
      </Stack>
    </Card>
  );
}
