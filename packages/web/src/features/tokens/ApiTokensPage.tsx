import { Badge, Button, EmptyState, Switch, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useCan } from '../../app/auth/session';
import { DateTime } from '../../components/DateTime';
import { PageHeader } from '../../components/PageHeader';
import { RoleBadge } from '../../components/RoleBadge';
import { FilterBar } from '../../components/data-table/filters';
import { ServerTable } from '../../components/data-table/ServerTable';
import type { Column } from '../../components/data-table/types';
import { useListParams } from '../../components/data-table/useListParams';
import { userChoicesQuery } from '../users/api';
import { fetchTokensPage, statusOf, TOKENS_KEY, type ApiToken, type CreatedApiToken } from './api';
import { CreateTokenModal } from './CreateTokenModal';
import { RevokeTokenButton } from './RevokeTokenButton';
import { TokenCreatedModal } from './TokenCreatedModal';

const STATUS_BADGES = {
  active: <Badge color="teal" variant="light">Active</Badge>,
  expired: <Badge color="orange" variant="light">Expired</Badge>,
  revoked: <Badge color="gray" variant="light">Revoked</Badge>,
};

const FILTERS = ['includeRevoked'] as const;

export function ApiTokensPage() {
  const can = useCan();
  const manage = can('token.manage');
  const [creating, createModal] = useDisclosure(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const list = useListParams(FILTERS, '-createdAt');
  const users = useQuery({ ...userChoicesQuery, enabled: can('user.read') });
  const userNames = new Map((users.data?.items ?? []).map((user) => [user.id, user.displayName]));

  const columns: Column<ApiToken>[] = [
    {
      key: 'name',
      header: 'Name',
      sortField: 'name',
      render: (token) => (
        <div>
          <Text size="sm" fw={600} c={statusOf(token) === 'active' ? undefined : 'dimmed'}>
            {token.name}
          </Text>
          <Text size="xs" c="dimmed" className="mono">
            {token.prefix}…
          </Text>
        </div>
      ),
    },
    { key: 'role', header: 'Role', render: (token) => <RoleBadge role={token.role} /> },
    {
      key: 'created',
      header: 'Created',
      sortField: 'createdAt',
      render: (token) => (
        <div>
          <DateTime value={token.createdAt} dateOnly />
          {userNames.get(token.createdBy) && (
            <Text size="xs" c="dimmed">
              by {userNames.get(token.createdBy)}
            </Text>
          )}
        </div>
      ),
    },
    { key: 'lastUsed', header: 'Last used', render: (token) => <DateTime value={token.lastUsedAt} relative empty="Never" /> },
    { key: 'expires', header: 'Expires', render: (token) => <DateTime value={token.expiresAt} dateOnly empty="Never" c={statusOf(token) === 'expired' ? 'orange' : undefined} /> },
    {
      key: 'status',
      header: 'Status',
      render: (token) => (
        <div>
          {STATUS_BADGES[statusOf(token)]}
          {token.revokedAt && <DateTime value={token.revokedAt} dateOnly size="xs" c="dimmed" display="block" mt={2} />}
        </div>
      ),
    },
  ];
  if (manage) {
    columns.push({ key: 'actions', header: '', align: 'right', width: 110, render: (token) => (token.revokedAt ? null : <RevokeTokenButton token={token} />) });
  }

  const createButton = manage && (
    <Button leftSection={<IconPlus size={18} />} onClick={createModal.open}>
      Create token
    </Button>
  );

  return (
    <>
      <PageHeader
        title="API tokens"
        description="Credentials for integrations and scripts that use the OpenHTM API: a CMMS export, a nightly report, a network scanner. Each token acts with one role."
        actions={createButton}
      />
      <ServerTable
        label="API tokens"
        queryKey={TOKENS_KEY}
        fetchPage={fetchTokensPage}
        filters={{ includeRevoked: list.filters.includeRevoked === 'true' ? true : undefined }}
        sort={list.sort}
        onSort={list.setSort}
        columns={columns}
        rowKey={(token) => token.id}
        toolbar={
          <FilterBar
            primary={
              <Switch
                label="Show revoked tokens"
                checked={list.filters.includeRevoked === 'true'}
                onChange={(event) => list.setFilter('includeRevoked', event.currentTarget.checked ? 'true' : null)}
              />
            }
          />
        }
        empty={
          <EmptyState
            icon={<IconKey size={26} stroke={1.6} />}
            withIndicatorBackground
            title={list.filters.includeRevoked ? 'No API tokens' : 'No active API tokens'}
            description="Create a token for each system that connects to OpenHTM, so that each can be revoked on its own."
            py="xl"
          >
            {createButton && <EmptyState.Actions>{createButton}</EmptyState.Actions>}
          </EmptyState>
        }
      />
      {manage && <CreateTokenModal opened={creating} onClose={createModal.close} onCreated={setCreated} />}
      <TokenCreatedModal token={created} onClose={() => setCreated(null)} />
    </>
  );
}
