import { Alert, Button, Group, Text } from '@mantine/core';
import { IconCircleCheck, IconDeviceHeartMonitor, IconFileImport } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { DateTime } from '../../components/DateTime';
import type { DeviceImport } from './api';
import { formatCount } from './ImportBits';

/** What a committed import wrote, with the ways on. */
export function ImportResultPanel({ imp }: { imp: DeviceImport }) {
  const result = imp.summary?.written;
  return (
    <Alert color="teal" variant="light" icon={<IconCircleCheck size={20} />} title="Import complete" data-testid="import-result">
      {result ? (
        <Text size="sm">
          {formatCount(result.created)} {result.created === 1 ? 'device' : 'devices'} added, {formatCount(result.updated)} updated
          {result.skippedRows > 0 ? `, ${formatCount(result.skippedRows)} ${result.skippedRows === 1 ? 'row' : 'rows'} with errors left out` : ''}
          {result.modelsCreated > 0 ? `; ${formatCount(result.modelsCreated)} new models in the catalog` : ''}.
        </Text>
      ) : (
        <Text size="sm">The devices of this file are in the inventory.</Text>
      )}
      {imp.committedAt && (
        <Text size="xs" c="dimmed" mt={4}>
          Imported <DateTime value={imp.committedAt} size="xs" c="dimmed" />
        </Text>
      )}
      <Group mt="md" gap="sm">
        <Button component={Link} to="/devices" leftSection={<IconDeviceHeartMonitor size={16} />}>
          Open the devices
        </Button>
        <Button component={Link} to="/imports" variant="default" leftSection={<IconFileImport size={16} />}>
          Import another file
        </Button>
      </Group>
    </Alert>
  );
}
