import { ActionIcon, Badge, Card, CloseButton, Group, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormError } from '../../components/FormError';
import { notifySuccess } from '../../components/notify';
import { addManufacturerAlias, manufacturerQuery, MANUFACTURERS_KEY, removeManufacturerAlias, type Manufacturer } from './api';

/** The other names of a manufacturer: imports and searches that use them find this manufacturer. */
export function AliasesCard({ manufacturer, manage }: { manufacturer: Manufacturer; manage: boolean }) {
  const queryClient = useQueryClient();
  const [alias, setAlias] = useState('');
  const saved = (next: Manufacturer) => {
    queryClient.setQueryData(manufacturerQuery(next.id).queryKey, next);
    void queryClient.invalidateQueries({ queryKey: MANUFACTURERS_KEY });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
  const add = useMutation({
    mutationFn: (text: string) => addManufacturerAlias(manufacturer.id, text),
    onSuccess: (next, text) => {
      saved(next);
      setAlias('');
      notifySuccess(`“${text}” now means ${next.name}`);
    },
  });
  const remove = useMutation({
    mutationFn: (aliasId: string) => removeManufacturerAlias(manufacturer.id, aliasId),
    onSuccess: (next) => {
      saved(next);
      notifySuccess('Alias removed');
    },
  });

  const text = alias.trim();
  const tooLong = text.length > 200;
  return (
    <Card>
      <Title order={2} size="h4" mb={4}>
        Also known as
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Spellings that mean {manufacturer.name} in imports, GUDID records and searches.
      </Text>
      <Stack gap="md">
        {manufacturer.aliases.length === 0 ? (
          <Text size="sm" c="dimmed">
            No aliases yet.
          </Text>
        ) : (
          <Group gap="xs" aria-label="Aliases" role="list">
            {manufacturer.aliases.map((a) => (
              <Badge
                key={a.id}
                role="listitem"
                size="lg"
                variant="default"
                fw={500}
                rightSection={
                  manage ? (
                    <CloseButton size="xs" aria-label={`Remove alias ${a.alias}`} onClick={() => remove.mutate(a.id)} disabled={remove.isPending} />
                  ) : undefined
                }
              >
                {a.alias}
              </Badge>
            ))}
          </Group>
        )}
        {manage && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (text && !tooLong) add.mutate(text);
            }}
          >
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <TextInput
                aria-label="New alias"
                placeholder="Add another name, e.g. Phillips"
                value={alias}
                onChange={(event) => {
                  setAlias(event.currentTarget.value);
                  if (add.error) add.reset();
                }}
                error={tooLong ? 'Use at most 200 characters' : undefined}
                style={{ flex: 1 }}
              />
              <Tooltip label="Add alias">
                <ActionIcon type="submit" size={36} variant="default" aria-label="Add alias" loading={add.isPending} disabled={!text || tooLong}>
                  <IconPlus size={18} />
                </ActionIcon>
              </Tooltip>
            </Group>
          </form>
        )}
        <FormError error={add.error ?? remove.error} />
      </Stack>
    </Card>
  );
}
