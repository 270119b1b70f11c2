import { Select, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { allFacilitiesQuery } from '../../facilities/api';
import { facilityTreeQuery, type FacilityTree } from '../reference-api';
import type { DeviceFormValues } from './form-values';

/** Floors of the chosen building (all floors when none is chosen). */
function floorsOf(tree: FacilityTree | undefined, buildingId: string | null) {
  return (tree?.buildings ?? []).filter((building) => !buildingId || building.id === buildingId).flatMap((building) => building.floors.map((floor) => ({ ...floor, building })));
}

/** Facility → building → department → room: each list narrows to what lies in the one chosen before. */
export function LocationFields({ form }: { form: UseFormReturnType<DeviceFormValues> }) {
  const values = form.getValues();
  const facilities = useQuery(allFacilitiesQuery);
  const tree = useQuery(facilityTreeQuery(values.facilityId));
  const floors = floorsOf(tree.data, values.buildingId);
  const floorIds = new Set(floors.map((floor) => floor.id));
  const departments = (tree.data?.departments ?? []).filter((department) => !values.buildingId || department.floorId === null || floorIds.has(department.floorId) || department.buildingId === values.buildingId);
  const rooms = floors.flatMap((floor) =>
    floor.rooms
      .filter((room) => !values.departmentId || room.departmentId === values.departmentId || room.departmentId === null)
      .map((room) => ({ value: room.id, label: values.buildingId ? `${room.name} · ${floor.name}` : `${room.name} · ${floor.building.name}, ${floor.name}` })),
  );
  const noFacility = !values.facilityId;
  const loadingTree = Boolean(values.facilityId) && tree.isPending;

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
      <Select
        label="Facility"
        withAsterisk
        placeholder="Choose the facility"
        data={(facilities.data?.items ?? []).map((facility) => ({ value: facility.id, label: `${facility.name} (${facility.code})` }))}
        searchable
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('facilityId')}
        onChange={(facilityId) => form.setValues({ facilityId, buildingId: null, departmentId: null, roomId: null })}
      />
      <Select
        label="Building"
        placeholder={noFacility ? 'Choose a facility first' : loadingTree ? 'Loading…' : 'Any building'}
        disabled={noFacility}
        data={(tree.data?.buildings ?? []).map((building) => ({ value: building.id, label: building.name }))}
        searchable
        clearable
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('buildingId')}
        onChange={(buildingId) => form.setValues({ buildingId, roomId: null })}
      />
      <Select
        label="Department"
        placeholder={noFacility ? 'Choose a facility first' : departments.length === 0 && !loadingTree ? 'No departments' : 'Choose the department'}
        disabled={noFacility}
        data={departments.map((department) => ({ value: department.id, label: department.name }))}
        searchable
        clearable
        nothingFoundMessage="No department matches"
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('departmentId')}
        onChange={(departmentId) => form.setValues({ departmentId, roomId: null })}
      />
      <Select
        label="Room"
        placeholder={noFacility ? 'Choose a facility first' : rooms.length === 0 && !loadingTree ? 'No rooms' : 'Choose the room'}
        disabled={noFacility}
        data={rooms}
        searchable
        clearable
        nothingFoundMessage="No room matches"
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('roomId')}
        onChange={(roomId) => {
          const building = (tree.data?.buildings ?? []).find((candidate) => candidate.floors.some((floor) => floor.rooms.some((room) => room.id === roomId)));
          const room = building?.floors.flatMap((floor) => floor.rooms).find((candidate) => candidate.id === roomId);
          form.setValues({ roomId, buildingId: building?.id ?? values.buildingId, departmentId: values.departmentId ?? room?.departmentId ?? null });
        }}
      />
      <TextInput label="Location note" placeholder="e.g. Bay 4, left of the door" style={{ gridColumn: '1 / -1' }} {...form.getInputProps('locationNote')} />
    </SimpleGrid>
  );
}
