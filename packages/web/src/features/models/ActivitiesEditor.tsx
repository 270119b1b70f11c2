import { ActionIcon, Button, Group, NumberInput, Paper, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { MaintenanceActivity } from './api';

const INTERVAL_NAMES: Record<number, string> = { 1: 'monthly', 3: 'quarterly', 6: 'semiannual', 12: 'annual', 24: 'every 2 years', 36: 'every 3 years' };

export function intervalLabel(months: number): string {
  return INTERVAL_NAMES[months] ?? `every ${months} months`;
}

/** Problems of one activity, by field, as the API would report them. */
export function activityErrors(activity: MaintenanceActivity): Partial<Record<keyof MaintenanceActivity, string>> {
  const errors: Partial<Record<keyof MaintenanceActivity, string>> = {};
  if (!activity.activity.trim()) errors.activity = 'Name the activity';
  else if (activity.activity.length > 200) errors.activity = 'Use at most 200 characters';
  if (!Number.isInteger(activity.intervalMonths) || activity.intervalMonths < 1 || activity.intervalMonths > 120) errors.intervalMonths = 'Between 1 and 120 months';
  if ((activity.procedure ?? '').length > 500) errors.procedure = 'Use at most 500 characters';
  return errors;
}

interface ActivitiesEditorProps {
  value: MaintenanceActivity[];
  onChange: (value: MaintenanceActivity[]) => void;
  disabled?: boolean;
  /** Show errors only once the user has touched the list or submitted. */
  showErrors?: boolean;
}

/** The maintenance activities and intervals the manufacturer recommends, which schedules start from. */
export function ActivitiesEditor({ value, onChange, disabled, showErrors = true }: ActivitiesEditorProps) {
  const update = (index: number, patch: Partial<MaintenanceActivity>) => onChange(value.map((a, i) => (i === index ? { ...a, ...patch } : a)));
  return (
    <Stack gap="xs">
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          {disabled ? 'No default activities.' : 'No default activities. Add the manufacturer’s recommended inspections, e.g. an annual preventive maintenance.'}
        </Text>
      )}
      {value.map((activity, index) => {
        const errors = showErrors ? activityErrors(activity) : {};
        return (
          <Paper key={index} withBorder p="sm" radius="md">
            <Group align="flex-start" gap="sm" wrap="wrap">
              <TextInput
                label="Activity"
                placeholder="Preventive maintenance"
                value={activity.activity}
                onChange={(event) => update(index, { activity: event.currentTarget.value })}
                error={errors.activity}
                readOnly={disabled}
                style={{ flex: '2 1 200px' }}
              />
              <NumberInput
                label="Every (months)"
                value={activity.intervalMonths}
                onChange={(next) => update(index, { intervalMonths: typeof next === 'number' ? next : Number.NaN })}
                min={1}
                max={120}
                allowDecimal={false}
                description={errors.intervalMonths ? undefined : Number.isInteger(activity.intervalMonths) ? intervalLabel(activity.intervalMonths) : undefined}
                error={errors.intervalMonths}
                readOnly={disabled}
                style={{ flex: '0 1 140px' }}
              />
              <TextInput
                label="Procedure or IFU section"
                placeholder="Service manual §7"
                value={activity.procedure ?? ''}
                onChange={(event) => update(index, { procedure: event.currentTarget.value || undefined })}
                error={errors.procedure}
                readOnly={disabled}
                style={{ flex: '2 1 200px' }}
              />
              {!disabled && (
                <Tooltip label="Remove activity">
                  <ActionIcon variant="subtle" color="red" mt={26} aria-label={`Remove activity ${index + 1}`} onClick={() => onChange(value.filter((_, i) => i !== index))}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
          </Paper>
        );
      })}
      {!disabled && (
        <Group>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => onChange([...value, { activity: '', intervalMonths: 12 }])}
            disabled={value.length >= 50}
          >
            Add activity
          </Button>
        </Group>
      )}
    </Stack>
  );
}
