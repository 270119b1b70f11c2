import { Badge, Group, List, Paper, Table, Text } from '@mantine/core';
import {
  EQUIPMENT_FUNCTION_LABELS,
  INCIDENT_HISTORY_LABELS,
  MAINTENANCE_REQUIREMENT_LABELS,
  PHYSICAL_RISK_LABELS,
  RISK_COMPONENT_LABELS,
  type RiskAssessment,
  type RiskComponent,
  type RiskInputs,
} from '@openhtm/domain';

const INPUT_LABELS: { [C in RiskComponent]: (inputs: RiskInputs) => string } = {
  function: (inputs) => EQUIPMENT_FUNCTION_LABELS[inputs.function] ?? inputs.function,
  physicalRisk: (inputs) => PHYSICAL_RISK_LABELS[inputs.physicalRisk] ?? inputs.physicalRisk,
  maintenanceRequirement: (inputs) => MAINTENANCE_REQUIREMENT_LABELS[inputs.maintenanceRequirement] ?? inputs.maintenanceRequirement,
  incidentHistory: (inputs) => INCIDENT_HISTORY_LABELS[inputs.incidentHistory] ?? inputs.incidentHistory,
};

const COMPONENTS: RiskComponent[] = ['function', 'physicalRisk', 'maintenanceRequirement', 'incidentHistory'];

/** The EM number as the sum of its four components, the thresholds, and the reasons for the result. */
export function RiskBreakdown({ inputs, assessment, title, reasons }: { inputs: RiskInputs; assessment: RiskAssessment; title?: string; reasons?: string[] }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="xs">
        <Text size="sm" fw={600}>
          {title ?? 'Equipment management (EM) number'}
        </Text>
        <Group gap={6}>
          {assessment.highRisk && (
            <Badge color="red" variant="filled">
              High risk
            </Badge>
          )}
          <Badge color={assessment.includedInMaintenanceProgram ? 'teal' : 'gray'} variant="light">
            {assessment.includedInMaintenanceProgram ? 'In the maintenance program' : 'Not in the program'}
          </Badge>
        </Group>
      </Group>
      <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing="xs" fz="sm">
        <Table.Tbody>
          {COMPONENTS.map((component) => (
            <Table.Tr key={component}>
              <Table.Td c="dimmed" w="40%">
                {RISK_COMPONENT_LABELS[component]}
              </Table.Td>
              <Table.Td>{INPUT_LABELS[component](inputs)}</Table.Td>
              <Table.Td ta="right" ff="monospace" w={50}>
                {assessment.components[component] > 0 ? '+' : ''}
                {assessment.components[component]}
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
            <Table.Td fw={600}>EM number</Table.Td>
            <Table.Td c="dimmed" fz="xs">
              program ≥ {assessment.inclusionThreshold} · high risk ≥ {assessment.highRiskThreshold}
            </Table.Td>
            <Table.Td ta="right" ff="monospace" fw={700} data-testid="risk-score">
              {assessment.score}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <List size="xs" c="dimmed" mt="xs" spacing={2}>
        {(reasons ?? assessment.reasons).map((reason) => (
          <List.Item key={reason}>{reason}</List.Item>
        ))}
      </List>
    </Paper>
  );
}
