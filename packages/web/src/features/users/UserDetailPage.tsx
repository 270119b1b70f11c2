import { Card, DataList, Grid, Text, Title } from '@mantine/core';
import { Field } from '../../components/Field';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { isApiError } from '../../app/api/problem';
import { useCan, useSession } from '../../app/auth/session';
import { DateTime } from '../../components/DateTime';
import { DetailSkeleton } from '../../components/DetailSkeleton';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { RoleBadge } from '../../components/RoleBadge';
import { RecordHistory } from '../audit/RecordHistory';
import { NotFoundState } from '../errors/NotFoundPage';
import { userQuery } from './api';
import { EditUserForm } from './EditUserForm';
import { UserActions } from './UserActions';
import { FacilityScope, UserStatusBadge } from './UserBits';

const BREADCRUMBS = [{ label: 'Users', to: '/admin/users' }];

export function UserDetailPage() {
  const { id = '' } = useParams();
  const can = useCan();
  const session = useSession();
  const { data: user, error, isPending, refetch } = useQuery(userQuery(id));

  if (isPending) return <DetailSkeleton />;
  if (error) {
    if (isApiError(error) && (error.status === 404 || error.status === 400)) {
      return <NotFoundState title="This user does not exist" description="The link may be wrong, or the account was removed." backTo="/admin/users" backLabel="All users" />;
    }
    return <ErrorState error={error} onRetry={() => void refetch()} />;
  }

  const manage = can('user.manage');
  const isSelf = user.id === session.user.id;
  const reload = () => void refetch();

  return (
    <>
      <PageHeader
        breadcrumbs={BREADCRUMBS}
        title={user.displayName}
        description={user.email}
        badges={
          <>
            <RoleBadge role={user.role} />
            <UserStatusBadge user={user} />
          </>
        }
        actions={manage && <UserActions user={user} isSelf={isSelf} onReload={reload} />}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card>
            <Title order={2} size="h4" mb="md">
              Account
            </Title>
            {manage ? (
              <EditUserForm user={user} isSelf={isSelf} onReload={reload} />
            ) : (
              <DataList labelWidth={160} withDivider>
                <Field label="Name" value={user.displayName} />
                <Field label="E-mail address" value={user.email} />
                <Field label="Role" value={<RoleBadge role={user.role} />} />
                <Field label="Facility access" value={<FacilityScope user={user} />} />
              </DataList>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card>
            <Title order={2} size="h4" mb="md">
              Sign-in
            </Title>
            <DataList orientation="vertical" gap="md">
              <Field label="Last sign-in" value={<DateTime value={user.lastLoginAt} empty="Never signed in" />} />
              {user.lockedUntil && <Field label="Locked until" value={<DateTime value={user.lockedUntil} c="orange" />} />}
              <Field label="Account created" value={<DateTime value={user.createdAt} />} />
              <Field label="Last changed" value={<DateTime value={user.updatedAt} relative />} />
            </DataList>
          </Card>
        </Grid.Col>
        {can('audit.read') && (
          <Grid.Col span={12}>
            <Card>
              <Title order={2} size="h4" mb={4}>
                History
              </Title>
              <Text size="sm" c="dimmed" mb="md">
                Changes to this account and its sign-ins, newest first.
              </Text>
              <RecordHistory entity="user" entityId={user.id} />
            </Card>
          </Grid.Col>
        )}
      </Grid>
    </>
  );
}
