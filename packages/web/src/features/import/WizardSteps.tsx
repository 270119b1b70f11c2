import { Progress, Stack, Stepper, Text } from '@mantine/core';
import { usePhone } from '../../components/data-table/DataTable';

const STEPS = [
  { label: 'Upload', description: 'File read' },
  { label: 'Map columns', description: 'Which column is which' },
  { label: 'Check', description: 'Every problem, nothing written' },
  { label: 'Import', description: 'All at once' },
];

/** Where the import stands: a stepper, or on phones one line and a bar. `active` is the index of the current step; 4 when done. */
export function WizardSteps({ active }: { active: number }) {
  const phone = usePhone();
  if (phone) {
    const step = STEPS[Math.min(active, STEPS.length - 1)]!;
    return (
      <Stack gap={6}>
        <Text size="sm">
          <Text span fw={600}>
            {active >= STEPS.length ? 'Done' : `Step ${active + 1} of ${STEPS.length}: ${step.label}`}
          </Text>
          {active < STEPS.length && (
            <Text span c="dimmed">
              {' '}
              — {step.description.toLowerCase()}
            </Text>
          )}
        </Text>
        <Progress value={(Math.min(active + 1, STEPS.length) / STEPS.length) * 100} size="sm" aria-label="Import progress" />
      </Stack>
    );
  }
  return (
    <Stepper active={active} size="sm" allowNextStepsSelect={false}>
      {STEPS.map((step) => (
        <Stepper.Step key={step.label} label={step.label} description={step.description} />
      ))}
    </Stepper>
  );
}
