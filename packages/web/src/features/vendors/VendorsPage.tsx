import { Button, EmptyState, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconTruckDelivery } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useCan } from '../../app/auth/session';
import { DateTime } from '../../components/DateTime';
import { PageHeader } from '../../components/PageHeader';
import { notifySuccess } from '../../components/notify';
import { FilterBar, SearchFilter } from '../../components/data-table/filters';
import { ServerTable } from '../../components/data-table/ServerTable';
import type { Column } from '../../components/data-table/types';
import { useListParams } from '../../components/data-table/useListParams';
import { createVendor, fetchVendorsPage, VENDORS_KEY, type Vendor } from './api';
import { VendorForm } from './VendorForm';

const dash = <Text size="sm" c="dimmed">—</Text>;

const COLUMNS: Column<Vendor>[] = [
  { key: 'name', header: 'Name', sortField: 'name', render: (v) => <Text size="sm" fw={600}>{v.name}</Text> },
  { key: 'phone', header: 'Phone', render: (v) => (v.phone ? <Text size="sm">{v.phone}</Text> : dash) },
  // Plain text: on phones the whole row is a link, which may not contain another.
  { key: 'email', header: 'E-mail', render: (v) => (v.email ? <Text size="sm" style={{ wordBreak: 'break-all' }}>{v.email}</Text> : dash) },
  { key: 'account', header: 'Account', render: (v) => (v.accountNumber ? <Text size="sm" className="mono">{v.accountNumber}</Text> : dash) },
  { key: 'contacts', header: 'Contacts', align: 'right', width: 100, render: (v) => <Text size="sm">{v.contactCount}</Text> },
  { key: 'updated', header: 'Last changed', sortField: 'updatedAt', width: 160, render: (v) => <DateTime value={v.updatedAt} relative /> },
];

const FILTERS = ['q'] as const;

export function VendorsPage() {
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [adding, addModal] = useDisclosure(false);
  const list = useListParams(FILTERS, 'name');
  const manage = can('reference.manage');
  const mutation = useMutation({
    mutationFn: createVendor,
    onSuccess: (vendor) => {
      void queryClient.invalidateQueries({ queryKey: VENDORS_KEY });
      notifySuccess('Vendor added', `Add the people to call at ${vendor.name}.`);
      closeModal();
      navigate(`/vendors/${vendor.id}`);
    },
  });
  const closeModal = () => {
    mutation.reset();
    addModal.close();
  };
  const addButton = manage && (
    <Button leftSection={<IconPlus size={18} />} onClick={addModal.open}>
      Add vendor
    </Button>
  );

  return (
    <>
      <PageHeader title="Vendors" description="Suppliers and service companies: where devices were bought, who services them, and whom to call." actions={addButton} />
      <ServerTable
        label="Vendors"
        queryKey={VENDORS_KEY}
        fetchPage={fetchVendorsPage}
        filters={{ q: list.filters.q }}
        sort={list.sort}
        onSort={list.setSort}
        columns={COLUMNS}
        rowKey={(v) => v.id}
        rowHref={(v) => `/vendors/${v.id}`}
        filtered={list.active}
        onClearFilters={list.clear}
        toolbar={<FilterBar primary={<SearchFilter value={list.filters.q} onChange={(q) => list.setFilter('q', q)} placeholder="Name or account number" />} />}
        empty={
          <EmptyState icon={<IconTruckDelivery size={26} stroke={1.6} />} withIndicatorBackground title="No vendors yet" description="Add the companies you buy devices from and that service them." py="xl">
            {addButton && <EmptyState.Actions>{addButton}</EmptyState.Actions>}
          </EmptyState>
        }
      />
      <Modal opened={adding} onClose={closeModal} title={<Text fw={600}>Add a vendor</Text>} size="lg" closeOnClickOutside={!mutation.isPending}>
        <VendorForm vendor={null} submitLabel="Add vendor" pending={mutation.isPending} error={mutation.error} onSubmit={(values) => mutation.mutate(values)} onCancel={closeModal} />
      </Modal>
    </>
  );
}
