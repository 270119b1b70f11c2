import { Badge, Group, List, Paper, Stack, Table, Text } from '@mantine/core';
import {
  EQUIPMENT_FUNCTION_LABELS,
  INCIDENT_HISTORY_LABELS,
  MAINTENANCE_REQUIREMENT_LABELS,
  PHYSICAL_RISK_LABELS,
  RISK_COMPONENT_LABELS,
  scoreRisk,
  type RiskAssessment,
  type RiskComponent,
  type RiskPolicy,
} from '@openhtm/domain';
import type { DeviceTypeRiskInputs } from './api';

const VALUE_LABELS: Record<RiskComponent, Record<string, string>> = {
  function: EQUIPMENT_FUNCTION_LABELS,
  physicalRisk: PHYSICAL_RISK_LABELS,
  maintenanceRequirement: MAINTENANCE_REQUIREMENT_LABELS,
  incidentHistory: INCIDENT_HISTORY_LABELS,
};

/** The assessment of these inputs under the policy, or null when the policy cannot score them. */
export function assess(inputs: DeviceTypeRiskInputs, lifeSupport: boolean, policy: RiskPolicy): RiskAssessment | null {
  try {
    return scoreRisk({ ...inputs, lifeSupport }, policy);
  } catch {
    return null;
  }
}

/** High-risk and program membership as badges; `compact` for narrow places (tables). */
export function RiskBadges({ assessment, compact = false }: { assessment: Pick<RiskAssessment, 'highRisk' | 'includedInMaintenanceProgram'>; compact?: boolean }) {
  return (
    <Group gap={6} wrap="wrap">
      {assessment.highRisk ? (
        <Badge color="red" variant="filled">
          High-risk
        </Badge>
      ) : (
        !compact && (
          <Badge color="gray" variant="light">
            Not high-risk
          </Badge>
        )
      )}
      {assessment.includedInMaintenanceProgram ? (
        <Badge color="teal" variant="light">
          {compact ? 'In program' : 'In the maintenance program'}
        </Badge>
      ) : (
        <Badge color="gray" variant="outline">
          {compact ? 'Not in program' : 'Not in the program'}
        </Badge>
      )}
    </Group>
  );
}

interface RiskPreviewProps {
  inputs: DeviceTypeRiskInputs;
  lifeSupport: boolean;
  policy: RiskPolicy;
  /** The score saved on the record, to show what the change would do. */
  savedScore?: number;
}

/** The EM number these inputs give, recomputed as they change, with each component's points and the reasons. */
export function RiskPreview({ inputs, lifeSupport, policy, savedScore }: RiskPreviewProps) {
  const assessment = assess(inputs, lifeSupport, policy);
  if (!assessment) {
    return (
      <Paper withBorder p="md" radius="md">
        <Text size="sm" c="dimmed">
          Choose all four risk inputs to see the EM number.
        </Text>
      </Paper>
    );
  }
  const changed = savedScore !== undefined && savedScore !== assessment.score;
  return (
    <Paper withBorder p="md" radius="md" aria-live="polite" aria-label="Risk preview">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
              EM number
            </Text>
            <Group gap={8} align="baseline">
              <Text fz={36} fw={700} lh={1} data-testid="risk-score" c={assessment.highRisk ? 'red.7' : undefined}>
                {assessment.score}
              </Text>
              {changed && (
                <Text size="sm" c="dimmed" data-testid="risk-score-change">
                  was {savedScore}
                </Text>
              )}
            </Group>
          </div>
          <RiskBadges assessment={assessment} />
        </Group>
        <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={0} highlightOnHover={false} fz="sm">
          <Table.Tbody>
            {(Object.keys(assessment.components) as RiskComponent[]).map((component) => (
              <Table.Tr key={component}>
                <Table.Td c="dimmed" style={{ width: '45%' }}>
                  {RISK_COMPONENT_LABELS[component]}
                </Table.Td>
                <Table.Td>{VALUE_LABELS[component][inputs[component]] ?? inputs[component]}</Table.Td>
                <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {assessment.components[component] > 0 ? '+' : ''}
                  {assessment.components[component]}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">
          {policy.name}: in the program from {policy.inclusionThreshold}, high-risk from {policy.highRiskThreshold}.
        </Text>
        <List size="xs" spacing={2} c="dimmed">
          {assessment.reasons.map((reason) => (
            <List.Item key={reason}>{reason}</List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  );
}
