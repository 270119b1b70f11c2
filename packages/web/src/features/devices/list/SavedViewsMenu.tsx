import { ActionIcon, Button, Group, Menu, Modal, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconBookmark, IconBookmarkPlus, IconChevronDown, IconTrash, IconUsers } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSession } from '../../../app/auth/session';
import { FormError } from '../../../components/FormError';
import { notifySuccess } from '../../../components/notify';
import { applyServerErrors } from '../../../components/server-errors';
import type { SavedDeviceQuery } from '../filters';
import { createSavedView, deleteSavedView, SAVED_VIEWS_KEY, savedViewsQuery, type SavedView } from './saved-views-api';

interface SavedViewsMenuProps {
  /** The list's current filters and sort, saved as they are. */
  current: SavedDeviceQuery;
  onApply: (view: SavedView) => void;
  canSave: boolean;
}

/** Pick a saved view, or save the current filters under a name (optionally shared with everyone). */
export function SavedViewsMenu({ current, onApply, canSave }: SavedViewsMenuProps) {
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [saving, saveModal] = useDisclosure(false);
  const views = useQuery(savedViewsQuery);
  const items = views.data?.items ?? [];
  const isMine = (view: SavedView) => view.mine ?? (view.userId ? view.userId === user.id : view.owner?.id === user.id);

  const remove = useMutation({
    mutationFn: (view: SavedView) => deleteSavedView(view),
    onSuccess: (_, view) => {
      void queryClient.invalidateQueries({ queryKey: SAVED_VIEWS_KEY });
      notifySuccess(`View “${view.name}” deleted`);
    },
  });

  return (
    <>
      <Menu position="bottom-end" width={280} withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconBookmark size={16} />} rightSection={<IconChevronDown size={14} />}>
            Views
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Saved views</Menu.Label>
          {views.isPending && <Menu.Item disabled>Loading…</Menu.Item>}
          {views.error && <Menu.Item disabled>Saved views could not be loaded</Menu.Item>}
          {!views.isPending && items.length === 0 && (
            <Text size="xs" c="dimmed" px="sm" py={6}>
              No saved views yet. Set filters, then save them here.
            </Text>
          )}
          {items.map((view) => (
            <Group key={view.id} gap={0} wrap="nowrap">
              <Menu.Item
                onClick={() => onApply(view)}
                leftSection={view.shared ? <IconUsers size={15} aria-label="Shared" /> : <IconBookmark size={15} />}
                style={{ flex: 1, minWidth: 0 }}
              >
                <Text size="sm" truncate>
                  {view.name}
                </Text>
                {!isMine(view) && view.owner && (
                  <Text size="xs" c="dimmed">
                    by {view.owner.displayName}
                  </Text>
                )}
              </Menu.Item>
              {isMine(view) && (
                <ActionIcon size="sm" variant="subtle" color="red" mx={4} aria-label={`Delete view ${view.name}`} loading={remove.isPending && remove.variables?.id === view.id} onClick={() => remove.mutate(view)}>
                  <IconTrash size={14} />
                </ActionIcon>
              )}
            </Group>
          ))}
          {canSave && (
            <>
              <Menu.Divider />
              <Menu.Item leftSection={<IconBookmarkPlus size={15} />} onClick={saveModal.open}>
                Save current filters…
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      <SaveViewModal opened={saving} onClose={saveModal.close} query={current} />
    </>
  );
}

function SaveViewModal({ opened, onClose, query }: { opened: boolean; onClose: () => void; query: SavedDeviceQuery }) {
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '', shared: false },
    validateInputOnChange: true,
    validate: { name: (value) => (value.trim() === '' ? 'Give the view a name' : value.trim().length > 100 ? 'At most 100 characters' : null) },
  });
  const close = () => {
    form.reset();
    mutation.reset();
    onClose();
  };
  const mutation = useMutation({
    mutationFn: (values: { name: string; shared: boolean }) => createSavedView({ name: values.name.trim(), shared: values.shared, query }),
    onSuccess: (view) => {
      void queryClient.invalidateQueries({ queryKey: SAVED_VIEWS_KEY });
      notifySuccess(`View “${view.name}” saved`);
      close();
    },
    onError: (error) => applyServerErrors(form, error),
  });
  const filterCount = Object.keys(query).filter((key) => key !== 'sort').length;

  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>Save this view</Text>}>
      <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {filterCount === 0 ? 'No filter is set: the view shows every device' : `Saves the ${filterCount} filter${filterCount === 1 ? '' : 's'} set now`}
            {query.sort ? ' and the sort order.' : '.'}
          </Text>
          <TextInput label="Name" placeholder="High-risk pumps in the ICU" withAsterisk data-autofocus {...form.getInputProps('name')} />
          <Switch label="Share with everyone in the organisation" {...form.getInputProps('shared', { type: 'checkbox' })} />
          <FormError error={mutation.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              Save view
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
