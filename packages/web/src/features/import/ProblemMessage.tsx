import { Button, Group, Stack, Text } from '@mantine/core';
import { IconTag } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { messageOf } from '../../app/api/problem';
import { notifySuccess } from '../../components/notify';
import { addManufacturerAlias, MANUFACTURERS_KEY } from '../manufacturers/api';
import type { ImportProblem, ImportSuggestion } from './api';

/** Records the spelling of the file as an alias of the suggested manufacturer, so that the next check resolves it. */
function AliasButton({ value, suggestion }: { value: string; suggestion: ImportSuggestion }) {
  const queryClient = useQueryClient();
  const alias = useMutation({
    mutationFn: () => addManufacturerAlias(suggestion.id, value),
    onSuccess: (manufacturer) => {
      void queryClient.invalidateQueries({ queryKey: MANUFACTURERS_KEY });
      notifySuccess(`“${value}” now means ${manufacturer.name}`, 'Check the file again to resolve every row that uses it.');
    },
  });
  if (alias.isSuccess) {
    return (
      <Text size="xs" c="teal.7">
        Alias added — check again
      </Text>
    );
  }
  return (
    <Button size="compact-xs" variant="light" leftSection={<IconTag size={12} />} loading={alias.isPending} onClick={() => alias.mutate()} title={alias.error ? messageOf(alias.error) : undefined} color={alias.error ? 'red' : undefined}>
      {suggestion.name}
    </Button>
  );
}

/** A problem's sentence, and for an unknown manufacturer the existing ones it resembles. */
export function ProblemMessage({ problem, manage }: { problem: ImportProblem; manage: boolean }) {
  const suggestions = problem.suggestions ?? [];
  // The message names the suggestions already; people who keep reference data can act on them here.
  const offerAlias = manage && problem.code === 'unknown_manufacturer' && problem.value !== undefined && suggestions.length > 0;
  return (
    <Stack gap={4} style={{ minWidth: 0 }}>
      <Text size="sm">{problem.message}</Text>
      {offerAlias && (
        <Group gap={6} wrap="wrap">
          <Text size="xs" c="dimmed">
            Record “{problem.value}” as another name of
          </Text>
          {suggestions.map((s) => (
            <AliasButton key={s.id} value={problem.value!} suggestion={s} />
          ))}
        </Group>
      )}
    </Stack>
  );
}
