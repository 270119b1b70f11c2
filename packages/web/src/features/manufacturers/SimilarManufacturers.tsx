import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconTag } from '@tabler/icons-react';
import type { ManufacturerSuggestion } from './api';

interface SimilarManufacturersProps {
  /** The name the user typed. */
  name: string;
  suggestions: ManufacturerSuggestion[];
  onUse: (suggestion: ManufacturerSuggestion) => void;
  onAddAlias: (suggestion: ManufacturerSuggestion) => void;
  onCreateAnyway: () => void;
  pending: boolean;
  /** Only people who may change reference data are offered to add an alias or create anyway. */
  manage: boolean;
}

/**
 * The answer to "add a manufacturer" when the name resembles existing ones: one manufacturer should keep one
 * identity, so the existing record is offered first (open it, or record the new spelling as its alias).
 */
export function SimilarManufacturers({ name, suggestions, onUse, onAddAlias, onCreateAnyway, pending, manage }: SimilarManufacturersProps) {
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="This looks like a manufacturer you already have" role="alert">
      <Stack gap="sm">
        <Text size="sm">
          “{name.trim()}” resembles {suggestions.length === 1 ? 'an existing manufacturer' : 'existing manufacturers'}. Use the existing record so that
          devices and recalls match one manufacturer.
        </Text>
        {suggestions.map((suggestion) => (
          <Group key={suggestion.id} justify="space-between" gap="xs" wrap="wrap" data-testid="manufacturer-suggestion">
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={600}>
                {suggestion.name}
              </Text>
              <Text size="xs" c="dimmed">
                {suggestion.matchedOn !== suggestion.name ? `matches “${suggestion.matchedOn}”, ` : ''}
                {Math.round(suggestion.score * 100)}% similar
              </Text>
            </div>
            <Group gap="xs">
              {manage && (
                <Button size="xs" variant="default" leftSection={<IconTag size={14} />} onClick={() => onAddAlias(suggestion)} disabled={pending}>
                  Add as alias
                </Button>
              )}
              <Button size="xs" rightSection={<IconArrowRight size={14} />} onClick={() => onUse(suggestion)} disabled={pending}>
                Use {suggestion.name}
              </Button>
            </Group>
          </Group>
        ))}
        {manage && (
          <Group justify="flex-end">
            <Button size="xs" variant="subtle" color="yellow.9" onClick={onCreateAnyway} loading={pending}>
              It is a different company — create anyway
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
