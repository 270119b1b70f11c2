import { Badge, Group, Text } from '@mantine/core';
import type { ImportSummary } from './api';
import { formatCount } from './ImportBits';

const SHOWN = 8;

/** The models a commit adds to the catalog (or added), named so that a typo in a model number stands out. */
export function NewModelsNote({ summary, committed }: { summary: ImportSummary; committed: boolean }) {
  const shown = summary.modelsToCreate.slice(0, SHOWN);
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm" c="dimmed">
        {formatCount(summary.newModels)} {summary.newModels === 1 ? 'model' : 'models'} {committed ? 'were added to the catalog' : 'not in the catalog yet, added by the import'}:
      </Text>
      {shown.map((model) => (
        <Badge key={`${model.manufacturer}:${model.modelNumber}`} variant="default" fw={500} title={`First on line ${model.firstLine}`}>
          {model.manufacturer} {model.modelNumber}
        </Badge>
      ))}
      {summary.newModels > shown.length && (
        <Text size="sm" c="dimmed">
          and {formatCount(summary.newModels - shown.length)} more
        </Text>
      )}
    </Group>
  );
}
