import { Select, SimpleGrid } from '@mantine/core';
import {
  EQUIPMENT_FUNCTION_LABELS,
  INCIDENT_HISTORY_LABELS,
  MAINTENANCE_REQUIREMENT_LABELS,
  PHYSICAL_RISK_LABELS,
  RISK_COMPONENT_KEYS,
  RISK_COMPONENT_LABELS,
  type RiskComponent,
  type RiskPolicy,
} from '@openhtm/domain';
import type { DeviceTypeRiskInputs } from './api';

const LABELS: Record<RiskComponent, Record<string, string>> = {
  function: EQUIPMENT_FUNCTION_LABELS,
  physicalRisk: PHYSICAL_RISK_LABELS,
  maintenanceRequirement: MAINTENANCE_REQUIREMENT_LABELS,
  incidentHistory: INCIDENT_HISTORY_LABELS,
};

const DESCRIPTIONS: Record<RiskComponent, string> = {
  function: 'What the equipment is used for',
  physicalRisk: 'The worst outcome of a failure',
  maintenanceRequirement: 'What the manufacturer and experience call for',
  incidentHistory: 'Failures and incidents of this kind of device',
};

/** Options of one risk input, each with the points the policy gives it. */
export function riskOptions(component: RiskComponent, policy: RiskPolicy) {
  const points = policy.points[component] as Record<string, number>;
  return (RISK_COMPONENT_KEYS[component] as readonly string[]).map((key) => {
    const value = points[key] ?? 0;
    return { value: key, label: `${LABELS[component][key]} (${value > 0 ? '+' : ''}${value})` };
  });
}

interface RiskInputsFieldsProps {
  value: DeviceTypeRiskInputs;
  onChange: (component: RiskComponent, value: string) => void;
  policy: RiskPolicy;
  errors?: Partial<Record<RiskComponent, string>>;
  readOnly?: boolean;
}

/** The four Fennigkoh–Smith inputs, with the tenant's points beside each choice. */
export function RiskInputsFields({ value, onChange, policy, errors = {}, readOnly }: RiskInputsFieldsProps) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
      {(Object.keys(RISK_COMPONENT_KEYS) as RiskComponent[]).map((component) => (
        <Select
          key={component}
          label={RISK_COMPONENT_LABELS[component]}
          description={DESCRIPTIONS[component]}
          data={riskOptions(component, policy)}
          value={value[component]}
          onChange={(next) => next && onChange(component, next)}
          allowDeselect={false}
          withAsterisk={component !== 'incidentHistory'}
          error={errors[component]}
          readOnly={readOnly}
          comboboxProps={{ withinPortal: true }}
        />
      ))}
    </SimpleGrid>
  );
}
