import { Badge, Card, DataList, Group, Skeleton, Title } from '@mantine/core';
import { Field } from '../../components/Field';
import { useHealth } from './home-queries';

/** Database, migrations and job runner, from /api/health. */
export function SystemStatus() {
  const { data, isPending, error } = useHealth(true);
  return (
    <Card h="100%">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4">
          System status
        </Title>
        {data && (
          <Badge color={data.status === 'ok' ? 'teal' : 'orange'} variant="light">
            {data.status === 'ok' ? 'All systems normal' : 'Degraded'}
          </Badge>
        )}
        {error && <Badge color="red" variant="light">Unreachable</Badge>}
      </Group>
      {isPending ? (
        <Skeleton height={90} />
      ) : data ? (
        <DataList labelWidth={120} gap="xs">
          <Field label="Database" value={data.database.reachable ? `Reachable · ${data.database.latencyMs ?? '?'} ms` : 'Unreachable'} />
          <Field label="Schema" value={data.migrations.pending ? `${data.migrations.pending} migration(s) pending` : 'Up to date'} />
          <Field label="Job runner" value={data.jobs.running ? 'Running' : 'Stopped'} />
        </DataList>
      ) : null}
    </Card>
  );
}
