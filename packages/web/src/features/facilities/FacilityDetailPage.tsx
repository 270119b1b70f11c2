import { Badge, Card, DataList, Grid, Text, Title } from '@mantine/core';
import { Field } from '../../components/Field';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { isApiError } from '../../app/api/problem';
import { useCan } from '../../app/auth/session';
import { DateTime } from '../../components/DateTime';
import { DetailSkeleton } from '../../components/DetailSkeleton';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { notifySuccess } from '../../components/notify';
import { RecordHistory } from '../audit/RecordHistory';
import { NotFoundState } from '../errors/NotFoundPage';
import { LocationsSection } from '../sites/LocationsSection';
import { FACILITIES_KEY, facilityQuery, updateFacility, type Facility, type FacilityInput } from './api';
import { FacilityForm } from './FacilityForm';

const BREADCRUMBS = [{ label: 'Facilities', to: '/facilities' }];

export function FacilityDetailPage() {
  const { id = '' } = useParams();
  const can = useCan();
  const queryClient = useQueryClient();
  const { data: facility, error, isPending, refetch } = useQuery(facilityQuery(id));

  const mutation = useMutation({
    mutationFn: ({ current, values }: { current: Facility; values: FacilityInput }) => {
      const changes: Partial<FacilityInput> = {};
      if (values.code !== current.code) changes.code = values.code;
      if (values.name !== current.name) changes.name = values.name;
      return updateFacility(current, changes);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(facilityQuery(saved.id).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: FACILITIES_KEY });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      notifySuccess('Facility saved', `${saved.name} (${saved.code}) is up to date.`);
    },
  });

  if (isPending) return <DetailSkeleton />;
  if (error) {
    if (isApiError(error) && (error.status === 404 || error.status === 400)) {
      return <NotFoundState title="This facility does not exist" description="The link may be wrong, or the facility is outside the ones you work at." backTo="/facilities" backLabel="All facilities" />;
    }
    return <ErrorState error={error} onRetry={() => void refetch()} />;
  }

  const manage = can('facility.manage', { facilityId: facility.id });

  return (
    <>
      <PageHeader
        breadcrumbs={BREADCRUMBS}
        title={facility.name}
        badges={
          <Badge variant="default" size="lg" className="mono">
            {facility.code}
          </Badge>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card>
            <Title order={2} size="h4" mb="md">
              Facility
            </Title>
            {manage ? (
              <FacilityForm
                initial={{ code: facility.code, name: facility.name }}
                revision={facility.version}
                submitLabel="Save changes"
                pending={mutation.isPending}
                error={mutation.error}
                onSubmit={(values) => mutation.mutate({ current: facility, values })}
                onReload={() => {
                  mutation.reset();
                  void refetch();
                }}
              />
            ) : (
              <DataList labelWidth={140} withDivider>
                <Field label="Name" value={facility.name} />
                <Field label="Code" value={<span className="mono">{facility.code}</span>} />
              </DataList>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card>
            <Title order={2} size="h4" mb="md">
              Record
            </Title>
            <DataList orientation="vertical" gap="md">
              <Field label="Added" value={<DateTime value={facility.createdAt} />} />
              <Field label="Last changed" value={<DateTime value={facility.updatedAt} relative />} />
            </DataList>
          </Card>
        </Grid.Col>
        <Grid.Col span={12}>
          <LocationsSection facilityId={facility.id} />
        </Grid.Col>
        {can('audit.read') && (
          <Grid.Col span={12}>
            <Card>
              <Title order={2} size="h4" mb={4}>
                History
              </Title>
              <Text size="sm" c="dimmed" mb="md">
                Changes to this facility, newest first.
              </Text>
              <RecordHistory entity="facility" entityId={facility.id} />
            </Card>
          </Grid.Col>
        )}
      </Grid>
    </>
  );
}
