import { Card, NumberInput, SimpleGrid, Text, Title } from '@mantine/core';
import {
  EQUIPMENT_FUNCTION_LABELS,
  INCIDENT_HISTORY_LABELS,
  MAINTENANCE_REQUIREMENT_LABELS,
  PHYSICAL_RISK_LABELS,
  RISK_COMPONENT_KEYS,
  RISK_COMPONENT_LABELS,
  type RiskComponent,
} from '@openhtm/domain';

const LABELS: Record<RiskComponent, Record<string, string>> = {
  function: EQUIPMENT_FUNCTION_LABELS,
  physicalRisk: PHYSICAL_RISK_LABELS,
  maintenanceRequirement: MAINTENANCE_REQUIREMENT_LABELS,
  incidentHistory: INCIDENT_HISTORY_LABELS,
};

interface PointTableCardProps {
  component: RiskComponent;
  points: Record<string, number | string>;
  defaults: Record<string, number>;
  errors: Record<string, string>;
  onChange: (key: string, value: number | string) => void;
  readOnly: boolean;
}

/** The points one EM component gives each of its values; a value that differs from the default says so. */
export function PointTableCard({ component, points, defaults, errors, onChange, readOnly }: PointTableCardProps) {
  return (
    <Card>
      <Title order={2} size="h5" mb="sm">
        {RISK_COMPONENT_LABELS[component]}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="xs">
        {(RISK_COMPONENT_KEYS[component] as readonly string[]).map((key) => {
          const value = points[key] ?? '';
          const changed = value !== '' && Number(value) !== defaults[key];
          return (
            <NumberInput
              key={key}
              label={LABELS[component][key] ?? key}
              value={value}
              onChange={(next) => onChange(key, next)}
              allowDecimal
              decimalScale={2}
              error={errors[`points.${component}.${key}`]}
              description={changed ? `Default ${defaults[key]}` : undefined}
              readOnly={readOnly}
              variant={readOnly ? 'filled' : 'default'}
              size="sm"
            />
          );
        })}
      </SimpleGrid>
      {errors[`points.${component}`] && (
        <Text size="sm" c="red" mt="xs">
          {errors[`points.${component}`]}
        </Text>
      )}
    </Card>
  );
}
