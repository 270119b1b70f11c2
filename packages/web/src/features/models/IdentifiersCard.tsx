import { ActionIcon, Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconCircleCheck, IconAlertTriangle, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormError } from '../../components/FormError';
import { usePhone } from '../../components/data-table/DataTable';
import { notifySuccess } from '../../components/notify';
import { addModelIdentifier, IDENTIFIER_KIND_LABELS, IDENTIFIER_KINDS, ISSUING_AGENCIES, modelQuery, MODELS_KEY, removeModelIdentifier, type IdentifierKind, type IssuingAgency, type Model } from './api';
import { identifierProblem } from './identifier-check';

function CheckStatus({ valid }: { valid: boolean }) {
  return valid ? (
    <Badge color="teal" variant="light" size="sm" leftSection={<IconCircleCheck size={12} />}>
      Check OK
    </Badge>
  ) : (
    <Tooltip label="Reported by the import: the identifier fails its agency’s check. Confirm it with the manufacturer.">
      <Badge color="red" variant="light" size="sm" leftSection={<IconAlertTriangle size={12} />}>
        Check failed
      </Badge>
    </Tooltip>
  );
}

/** The UDI device identifiers of a model (GUDID primary and package DIs…), each with its check status. */
export function IdentifiersCard({ model, manage }: { model: Model; manage: boolean }) {
  const queryClient = useQueryClient();
  const phone = usePhone();
  const [agency, setAgency] = useState<IssuingAgency>('GS1');
  const [kind, setKind] = useState<IdentifierKind>('primary');
  const [di, setDi] = useState('');
  const saved = (next: Model) => {
    queryClient.setQueryData(modelQuery(next.id).queryKey, next);
    void queryClient.invalidateQueries({ queryKey: MODELS_KEY });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
  const add = useMutation({
    mutationFn: () => addModelIdentifier(model.id, { issuingAgency: agency, deviceIdentifier: di.trim(), kind }),
    onSuccess: (next) => {
      saved(next);
      notifySuccess('Device identifier added', `${di.trim()} now finds ${next.modelNumber}.`);
      setDi('');
    },
  });
  const remove = useMutation({
    mutationFn: (identifierId: string) => removeModelIdentifier(model.id, identifierId),
    onSuccess: (next) => {
      saved(next);
      notifySuccess('Device identifier removed');
    },
  });
  const problem = di ? identifierProblem(agency, di) : null;
  const removeButton = (identifier: Model['identifiers'][number]) => (
    <Tooltip label="Remove this identifier">
      <ActionIcon variant="subtle" color="red" aria-label={`Remove ${identifier.deviceIdentifier}`} onClick={() => remove.mutate(identifier.id)} loading={remove.isPending && remove.variables === identifier.id}>
        <IconTrash size={16} />
      </ActionIcon>
    </Tooltip>
  );

  return (
    <Card>
      <Title order={2} size="h4" mb={4}>
        UDI device identifiers
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Scanning a UDI with one of these identifiers finds this model.
      </Text>
      <Stack gap="md">
        {model.identifiers.length === 0 ? (
          <Text size="sm" c="dimmed">
            No device identifiers yet. They come from FDA GUDID imports, or can be added here.
          </Text>
        ) : phone ? (
          <Stack gap={0} role="list" aria-label="Device identifiers">
            {model.identifiers.map((identifier, index) => (
              <Group key={identifier.id} role="listitem" justify="space-between" wrap="nowrap" gap="xs" py="xs" style={index > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}>
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" className="mono" style={{ wordBreak: 'break-all' }}>
                    {identifier.deviceIdentifier}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {identifier.issuingAgency} · {IDENTIFIER_KIND_LABELS[identifier.kind] ?? identifier.kind}
                  </Text>
                </div>
                <Group gap={4} wrap="nowrap">
                  <CheckStatus valid={identifier.checkDigitValid} />
                  {manage && removeButton(identifier)}
                </Group>
              </Group>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={480} type="native">
            <Table aria-label="Device identifiers">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Identifier</Table.Th>
                  <Table.Th>Agency</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Check</Table.Th>
                  {manage && <Table.Th w={40} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {model.identifiers.map((identifier) => (
                  <Table.Tr key={identifier.id}>
                    <Table.Td className="mono">{identifier.deviceIdentifier}</Table.Td>
                    <Table.Td>{identifier.issuingAgency}</Table.Td>
                    <Table.Td>{IDENTIFIER_KIND_LABELS[identifier.kind] ?? identifier.kind}</Table.Td>
                    <Table.Td>
                      <CheckStatus valid={identifier.checkDigitValid} />
                    </Table.Td>
                    {manage && (
                      <Table.Td>{removeButton(identifier)}</Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {manage && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (di.trim() && !problem) add.mutate();
            }}
          >
            <Group align="flex-start" gap="sm" wrap="wrap">
              <Select label="Agency" data={[...ISSUING_AGENCIES]} value={agency} onChange={(v) => v && setAgency(v as IssuingAgency)} allowDeselect={false} w={110} comboboxProps={{ withinPortal: true }} />
              <TextInput
                label="Device identifier"
                placeholder={agency === 'GS1' ? '00884521123457' : agency === 'HIBCC' ? 'H123ABC1230' : 'A9999XYZ100T0474'}
                value={di}
                onChange={(event) => {
                  setDi(event.currentTarget.value);
                  if (add.error) add.reset();
                }}
                error={problem}
                description={!problem && di ? (agency === 'GS1' ? 'Check digit OK' : 'Looks right') : undefined}
                style={{ flex: '1 1 220px' }}
              />
              <Select
                label="Kind"
                data={IDENTIFIER_KINDS.map((value) => ({ value, label: IDENTIFIER_KIND_LABELS[value] }))}
                value={kind}
                onChange={(v) => v && setKind(v as IdentifierKind)}
                allowDeselect={false}
                w={170}
                comboboxProps={{ withinPortal: true }}
              />
              <Button type="submit" mt={25} variant="default" loading={add.isPending} disabled={!di.trim() || Boolean(problem)}>
                Add
              </Button>
            </Group>
          </form>
        )}
        <FormError error={add.error ?? remove.error} />
      </Stack>
    </Card>
  );
}
