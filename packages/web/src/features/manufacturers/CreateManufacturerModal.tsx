import { Anchor, Button, Group, Modal, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { FormError } from '../../components/FormError';
import { notifySuccess } from '../../components/notify';
import { applyServerErrors } from '../../components/server-errors';
import {
  addManufacturerAlias,
  createManufacturer,
  existingOf,
  manufacturerMatchQuery,
  MANUFACTURERS_KEY,
  suggestionsOf,
  type ManufacturerSuggestion,
} from './api';
import { SimilarManufacturers } from './SimilarManufacturers';
import { validateManufacturerName, validateUrl } from './validation';

interface Values {
  name: string;
  website: string;
  aliases: string[];
}

const INITIAL: Values = { name: '', website: '', aliases: [] };

/** Adds a manufacturer; a name like an existing one's is answered with that one, to keep one identity per company. */
export function CreateManufacturerModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: INITIAL,
    validateInputOnChange: true,
    validate: { name: validateManufacturerName, website: validateUrl },
  });
  const [typed] = useDebouncedValue(form.values.name.trim(), 300);
  const match = useQuery({ ...manufacturerMatchQuery(typed), enabled: opened && typed.length >= 2 });

  const create = useMutation({
    mutationFn: ({ values, force }: { values: Values; force: boolean }) =>
      createManufacturer({ name: values.name.trim(), website: values.website.trim() || null, aliases: values.aliases, force: force || undefined }),
    onSuccess: (manufacturer) => {
      void queryClient.invalidateQueries({ queryKey: MANUFACTURERS_KEY });
      notifySuccess('Manufacturer added', `${manufacturer.name} is ready for models and devices.`);
      close();
      navigate(`/manufacturers/${manufacturer.id}`);
    },
    onError: (error) => {
      if (suggestionsOf(error).length === 0) applyServerErrors(form, error);
    },
  });

  const alias = useMutation({
    mutationFn: (suggestion: ManufacturerSuggestion) => addManufacturerAlias(suggestion.id, form.values.name.trim()),
    onSuccess: (manufacturer) => {
      void queryClient.invalidateQueries({ queryKey: MANUFACTURERS_KEY });
      notifySuccess('Alias added', `“${form.values.name.trim()}” now means ${manufacturer.name}.`);
      close();
      navigate(`/manufacturers/${manufacturer.id}`);
    },
  });

  const close = () => {
    form.reset();
    create.reset();
    alias.reset();
    onClose();
  };

  const suggestions = suggestionsOf(create.error);
  const existing = existingOf(create.error);
  const live = match.data && match.data.normalized && typed === form.values.name.trim() ? match.data : null;
  const hint = live?.match ? (
    <Text span size="xs" c="orange.8">
      Already in the list as{' '}
      <Anchor component={Link} to={`/manufacturers/${live.match.id}`} size="xs" onClick={close}>
        {live.match.name}
      </Anchor>
      {live.match.matchedOn !== live.match.name ? ` (“${live.match.matchedOn}”)` : ''}
    </Text>
  ) : live && live.suggestions.length > 0 ? (
    <Text span size="xs" c="yellow.8">
      Similar: {live.suggestions.slice(0, 3).map((s) => s.name).join(', ')}
    </Text>
  ) : (
    'The company’s usual name, e.g. “Philips” rather than “Philips Medical Systems Nederland B.V.”'
  );

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>Add a manufacturer</Text>} size="lg" closeOnClickOutside={!create.isPending}>
      <form onSubmit={form.onSubmit((values) => create.mutate({ values, force: false }))} noValidate>
        <Stack>
          <TextInput
            label="Name"
            placeholder="Philips"
            withAsterisk
            data-autofocus
            autoComplete="off"
            description={hint}
            {...form.getInputProps('name')}
            onChange={(event) => {
              form.getInputProps('name').onChange(event);
              if (create.error) create.reset();
            }}
          />
          <TextInput label="Website" placeholder="https://www.philips.com/healthcare" {...form.getInputProps('website')} />
          <TagsInput
            label="Also known as"
            description="Other spellings in purchase records and spreadsheets; press Enter after each"
            placeholder="Philips Medical Systems"
            clearable
            {...form.getInputProps('aliases')}
          />
          {suggestions.length > 0 ? (
            <SimilarManufacturers
              name={form.values.name}
              suggestions={suggestions}
              manage
              pending={create.isPending || alias.isPending}
              onUse={(suggestion) => {
                close();
                navigate(`/manufacturers/${suggestion.id}`);
              }}
              onAddAlias={(suggestion) => alias.mutate(suggestion)}
              onCreateAnyway={() => create.mutate({ values: form.getValues(), force: true })}
            />
          ) : (
            <FormError error={create.error} />
          )}
          {existing && (
            <Group justify="flex-end">
              <Button variant="light" component={Link} to={`/manufacturers/${existing.id}`} onClick={close}>
                Open {existing.name}
              </Button>
            </Group>
          )}
          <FormError error={alias.error} />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close} disabled={create.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending && !create.variables?.force} disabled={suggestions.length > 0}>
              Add manufacturer
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
