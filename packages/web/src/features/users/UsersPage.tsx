import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { EmptyState } from '@mantine/core';
import { IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useCan } from '../../app/auth/session';
import { DateTime } from '../../components/DateTime';
import { PageHeader } from '../../components/PageHeader';
import { RoleBadge } from '../../components/RoleBadge';
import { ROLE_OPTIONS } from '../../components/roles';
import { FilterBar, SearchFilter, SelectFilter } from '../../components/data-table/filters';
import { ServerTable } from '../../components/data-table/ServerTable';
import type { Column } from '../../components/data-table/types';
import { useListParams } from '../../components/data-table/useListParams';
import { fetchUsersPage, USERS_KEY, type User } from './api';
import { CreateUserModal } from './CreateUserModal';
import { FacilityScope, UserIdentity, UserStatusBadge } from './UserBits';

const COLUMNS: Column<User>[] = [
  { key: 'name', header: 'Name', sortField: 'displayName', render: (user) => <UserIdentity user={user} /> },
  { key: 'role', header: 'Role', render: (user) => <RoleBadge role={user.role} /> },
  { key: 'facilities', header: 'Facility access', render: (user) => <FacilityScope user={user} /> },
  { key: 'status', header: 'Status', render: (user) => <UserStatusBadge user={user} /> },
  { key: 'lastLogin', header: 'Last sign-in', render: (user) => <DateTime value={user.lastLoginAt} relative empty="Never" /> },
  { key: 'created', header: 'Added', sortField: 'createdAt', hideOnCard: true, render: (user) => <DateTime value={user.createdAt} dateOnly /> },
];

const FILTERS = ['q', 'role', 'active'] as const;

export function UsersPage() {
  const can = useCan();
  const [creating, createModal] = useDisclosure(false);
  const list = useListParams(FILTERS, 'displayName');
  const manage = can('user.manage');

  const createButton = manage && (
    <Button leftSection={<IconUserPlus size={18} />} onClick={createModal.open}>
      Add user
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone who signs in to OpenHTM, their role and the facilities they work at."
        actions={createButton}
      />
      <ServerTable
        label="Users"
        queryKey={USERS_KEY}
        fetchPage={fetchUsersPage}
        filters={{ q: list.filters.q, role: list.filters.role, active: list.filters.active }}
        sort={list.sort}
        onSort={list.setSort}
        columns={COLUMNS}
        rowKey={(user) => user.id}
        rowHref={(user) => `/admin/users/${user.id}`}
        filtered={list.active}
        onClearFilters={list.clear}
        toolbar={
          <FilterBar
            primary={<SearchFilter value={list.filters.q} onChange={(q) => list.setFilter('q', q)} placeholder="Name or e-mail address" />}
            activeCount={list.countSet(['role', 'active'])}
            onClear={list.clear}
          >
            <SelectFilter label="Role" value={list.filters.role} onChange={(role) => list.setFilter('role', role)} data={ROLE_OPTIONS} width={220} />
            <SelectFilter
              label="Status"
              value={list.filters.active}
              onChange={(active) => list.setFilter('active', active)}
              data={[
                { value: 'true', label: 'Active' },
                { value: 'false', label: 'Deactivated' },
              ]}
              width={170}
            />
          </FilterBar>
        }
        empty={
          <EmptyState icon={<IconUsers size={26} stroke={1.6} />} withIndicatorBackground title="No users yet" description="Add the people of your department so they can sign in." py="xl">
            {createButton && <EmptyState.Actions>{createButton}</EmptyState.Actions>}
          </EmptyState>
        }
      />
      {manage && <CreateUserModal opened={creating} onClose={createModal.close} />}
    </>
  );
}
