import { Button, EmptyState, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingHospital, IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useCan, useSession } from '../../app/auth/session';
import { DateTime } from '../../components/DateTime';
import { PageHeader } from '../../components/PageHeader';
import { notifySuccess } from '../../components/notify';
import { FilterBar, SearchFilter } from '../../components/data-table/filters';
import { ServerTable } from '../../components/data-table/ServerTable';
import type { Column } from '../../components/data-table/types';
import { useListParams } from '../../components/data-table/useListParams';
import { createFacility, FACILITIES_KEY, fetchFacilitiesPage, type Facility } from './api';
import { FacilityForm } from './FacilityForm';

const COLUMNS: Column<Facility>[] = [
  { key: 'name', header: 'Name', sortField: 'name', render: (facility) => <Text size="sm" fw={600}>{facility.name}</Text> },
  { key: 'code', header: 'Code', sortField: 'code', render: (facility) => <Text size="sm" className="mono">{facility.code}</Text>, width: 140 },
  { key: 'updated', header: 'Last changed', render: (facility) => <DateTime value={facility.updatedAt} relative />, width: 180 },
];

const FILTERS = ['q'] as const;

export function FacilitiesPage() {
  const can = useCan();
  const { user } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [adding, addModal] = useDisclosure(false);
  const list = useListParams(FILTERS, 'name');
  // Adding a facility needs access to all of them: a user limited to some could not see the new one.
  const mayAdd = can('facility.manage') && user.allFacilities;

  const mutation = useMutation({
    mutationFn: createFacility,
    onSuccess: (facility) => {
      void queryClient.invalidateQueries({ queryKey: FACILITIES_KEY });
      notifySuccess('Facility added', `${facility.name} (${facility.code}) is ready.`);
      closeModal();
      navigate(`/facilities/${facility.id}`);
    },
  });

  const closeModal = () => {
    mutation.reset();
    addModal.close();
  };

  const addButton = mayAdd && (
    <Button leftSection={<IconPlus size={18} />} onClick={addModal.open}>
      Add facility
    </Button>
  );

  return (
    <>
      <PageHeader title="Facilities" description="Hospitals, clinics and other sites whose medical equipment the department manages." actions={addButton} />
      <ServerTable
        label="Facilities"
        queryKey={FACILITIES_KEY}
        fetchPage={fetchFacilitiesPage}
        filters={{ q: list.filters.q }}
        sort={list.sort}
        onSort={list.setSort}
        columns={COLUMNS}
        rowKey={(facility) => facility.id}
        rowHref={(facility) => `/facilities/${facility.id}`}
        filtered={list.active}
        onClearFilters={list.clear}
        toolbar={
          <FilterBar primary={<SearchFilter value={list.filters.q} onChange={(q) => list.setFilter('q', q)} placeholder="Facility name" />} />
        }
        empty={
          <EmptyState
            icon={<IconBuildingHospital size={26} stroke={1.6} />}
            withIndicatorBackground
            title="No facilities yet"
            description={mayAdd ? 'Add the hospitals and sites of your organisation to start the inventory.' : 'No facility has been assigned to you. Ask an administrator for access.'}
            py="xl"
          >
            {addButton && <EmptyState.Actions>{addButton}</EmptyState.Actions>}
          </EmptyState>
        }
      />
      <Modal opened={adding} onClose={closeModal} title={<Text fw={600}>Add a facility</Text>} size="lg">
        <FacilityForm
          initial={{ code: '', name: '' }}
          submitLabel="Add facility"
          pending={mutation.isPending}
          error={mutation.error}
          onSubmit={(values) => mutation.mutate(values)}
          onCancel={closeModal}
          autoFocus
        />
      </Modal>
    </>
  );
}
