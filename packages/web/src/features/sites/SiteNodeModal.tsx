import { Button, Group, Modal, Select, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ErrorState } from '../../components/ErrorState';
import { FormError } from '../../components/FormError';
import { notifySuccess } from '../../components/notify';
import { applyServerErrors } from '../../components/server-errors';
import { createSite, deleteSite, SITE_KIND_LABELS, siteRecordQuery, SITES_KEY, updateSite, type FacilityTree, type SiteCreate, type SiteKind, type SiteRecord } from './api';

/** What the modal does: add a site record under a parent, or change one. */
export type SiteEdit =
  | { mode: 'create'; kind: SiteKind; facilityId: string; buildingId?: string; floorId?: string | null; departmentId?: string | null }
  | { mode: 'edit'; kind: SiteKind; id: string };

interface Values {
  name: string;
  costCenter: string;
  floorId: string | null;
  departmentId: string | null;
}

const MAX_NAME: Record<SiteKind, number> = { building: 200, floor: 100, department: 200, room: 100 };

function floorOptions(tree: FacilityTree) {
  return tree.buildings.flatMap((b) => b.floors.map((f) => ({ value: f.id, label: `${b.name} · ${f.name}` })));
}

function SiteForm({ edit, tree, record, onDone }: { edit: SiteEdit; tree: FacilityTree; record: SiteRecord | null; onDone: () => void }) {
  const queryClient = useQueryClient();
  const { kind } = edit;
  const initial: Values = {
    name: record?.name ?? '',
    costCenter: record?.costCenter ?? '',
    floorId: record ? (record.floorId ?? null) : edit.mode === 'create' ? (edit.floorId ?? null) : null,
    departmentId: record ? (record.departmentId ?? null) : edit.mode === 'create' ? (edit.departmentId ?? null) : null,
  };
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: initial,
    validateInputOnChange: true,
    validate: {
      name: (v) => (!v.trim() ? `Name the ${SITE_KIND_LABELS[kind]}` : v.length > MAX_NAME[kind] ? `Use at most ${MAX_NAME[kind]} characters` : null),
      costCenter: (v) => (v.length > 50 ? 'Use at most 50 characters' : null),
      floorId: (v) => (kind === 'room' && edit.mode === 'create' && !v ? 'Choose the floor the room is on' : null),
    },
  });

  const bodyOf = (values: Values): SiteCreate => {
    const body: SiteCreate = { name: values.name.trim() };
    if (kind === 'department') Object.assign(body, { costCenter: values.costCenter.trim() || null, floorId: values.floorId });
    if (kind === 'room') Object.assign(body, { departmentId: values.departmentId }, edit.mode === 'create' ? { floorId: values.floorId } : {});
    return body;
  };
  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = bodyOf(values);
      if (edit.mode === 'edit' && record) return updateSite(kind, record, body);
      if (edit.mode !== 'create') throw new Error('Nothing to save');
      if (kind === 'building' || kind === 'department') body.facilityId = edit.facilityId;
      if (kind === 'floor') body.buildingId = edit.buildingId;
      return createSite(kind, body);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: SITES_KEY });
      void queryClient.invalidateQueries({ queryKey: ['reference'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      notifySuccess(edit.mode === 'create' ? `${capitalise(SITE_KIND_LABELS[kind])} added` : 'Saved', saved.name);
      onDone();
    },
    onError: (error) => applyServerErrors(form, error),
  });
  const remove = useMutation({
    mutationFn: () => deleteSite(kind, record!),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: SITES_KEY });
      notifySuccess(`${capitalise(SITE_KIND_LABELS[kind])} deleted`, record?.name);
      onDone();
    },
  });

  const floors = floorOptions(tree);
  const departments = tree.departments.map((d) => ({ value: d.id, label: d.costCenter ? `${d.name} (${d.costCenter})` : d.name }));
  useEffect(() => applyServerErrors(form, save.error), [save.error]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        <TextInput label="Name" withAsterisk data-autofocus placeholder={PLACEHOLDERS[kind]} {...form.getInputProps('name')} />
        {kind === 'department' && (
          <>
            <TextInput label="Cost center" placeholder="4410" {...form.getInputProps('costCenter')} />
            <Select label="Floor" description="Where the department is; optional" placeholder="Not on one floor" data={floors} clearable searchable comboboxProps={{ withinPortal: true }} {...form.getInputProps('floorId')} />
          </>
        )}
        {kind === 'room' && edit.mode === 'create' && !edit.floorId && (
          <Select label="Floor" withAsterisk data={floors} searchable comboboxProps={{ withinPortal: true }} nothingFoundMessage="Add a building and a floor first" {...form.getInputProps('floorId')} />
        )}
        {kind === 'room' && (
          <Select label="Department" description="The department the room belongs to; optional" placeholder="None" data={departments} clearable searchable comboboxProps={{ withinPortal: true }} {...form.getInputProps('departmentId')} />
        )}
        <FormError error={save.error ?? remove.error} onReload={() => void queryClient.invalidateQueries({ queryKey: SITES_KEY })} />
        <Group justify="space-between" gap="sm">
          {edit.mode === 'edit' ? (
            <Button variant="subtle" color="red" onClick={() => remove.mutate()} loading={remove.isPending} disabled={save.isPending}>
              Delete
            </Button>
          ) : (
            <span />
          )}
          <Group gap="sm">
            <Button variant="default" onClick={onDone} disabled={save.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {edit.mode === 'create' ? `Add ${SITE_KIND_LABELS[kind]}` : 'Save'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

const PLACEHOLDERS: Record<SiteKind, string> = { building: 'North Tower', floor: 'Level 3', department: 'Intensive Care Unit', room: '3-114' };

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Adds or changes a building, floor, department or room; a change reads the record's current version first. */
export function SiteNodeModal({ edit, tree, onClose }: { edit: SiteEdit | null; tree: FacilityTree; onClose: () => void }) {
  const record = useQuery({ ...siteRecordQuery(edit?.kind ?? 'building', edit?.mode === 'edit' ? edit.id : ''), enabled: edit?.mode === 'edit' });
  const title = edit ? `${edit.mode === 'create' ? 'Add a' : 'Change the'} ${SITE_KIND_LABELS[edit.kind]}` : '';
  return (
    <Modal opened={edit !== null} onClose={onClose} title={<Text fw={600}>{title}</Text>} size="md">
      {edit &&
        (edit.mode === 'create' ? (
          <SiteForm edit={edit} tree={tree} record={null} onDone={onClose} />
        ) : record.isPending ? (
          <Stack>
            <Skeleton height={36} />
            <Skeleton height={36} width="40%" />
          </Stack>
        ) : record.error ? (
          <ErrorState error={record.error} onRetry={() => void record.refetch()} />
        ) : (
          <SiteForm key={record.data.version} edit={edit} tree={tree} record={record.data} onDone={onClose} />
        ))}
    </Modal>
  );
}
