import { Card, Table, Text, Title } from '@mantine/core';
import { scoreRisk, type RiskInputs, type RiskPolicy } from '@openhtm/domain';
import { RiskBadges } from '../device-types/RiskPreview';

/** Typical equipment, to show what a policy does before it is saved. */
const EXAMPLES: Array<{ name: string; inputs: RiskInputs }> = [
  { name: 'Ventilator', inputs: { function: 'life_support', physicalRisk: 'patient_death', maintenanceRequirement: 'extensive', incidentHistory: 'average' } },
  { name: 'Infusion pump', inputs: { function: 'surgical_intensive_care', physicalRisk: 'injury', maintenanceRequirement: 'average', incidentHistory: 'average' } },
  { name: 'Patient monitor', inputs: { function: 'surgical_icu_monitoring', physicalRisk: 'inappropriate_therapy_misdiagnosis', maintenanceRequirement: 'average', incidentHistory: 'average' } },
  { name: 'Centrifuge', inputs: { function: 'analytical_laboratory', physicalRisk: 'equipment_damage', maintenanceRequirement: 'average', incidentHistory: 'average' } },
  { name: 'Exam light', inputs: { function: 'patient_related_other', physicalRisk: 'none', maintenanceRequirement: 'minimal', incidentHistory: 'minimal' } },
];

/** How typical equipment scores under the policy being edited, next to the saved one. */
export function RiskPolicyExamples({ policy, saved }: { policy: RiskPolicy | null; saved: RiskPolicy }) {
  return (
    <Card>
      <Title order={2} size="h5" mb={4}>
        How typical equipment scores
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        Updated as you type; the saved policy’s score is shown when it differs.
      </Text>
      <Table fz="sm" verticalSpacing={6} aria-label="Example scores">
        <Table.Tbody>
          {EXAMPLES.map((example) => {
            const next = policy ? scoreRisk(example.inputs, policy) : null;
            const before = scoreRisk(example.inputs, saved);
            return (
              <Table.Tr key={example.name}>
                <Table.Td>
                  <Text size="sm" mb={4}>
                    {example.name}
                  </Text>
                  {next && <RiskBadges assessment={next} compact />}
                </Table.Td>
                <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                  {next ? next.score : '—'}
                  {next && next.score !== before.score && (
                    <Text size="xs" c="dimmed" fw={400}>
                      was {before.score}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
