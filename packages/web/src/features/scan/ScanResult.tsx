import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { parseUdi, parseUdiOrAssetTag, type UdiProblem } from '@openhtm/domain';
import { Link } from 'react-router-dom';
import { UdiPreview, UdiProblems } from '../devices/udi/UdiPreview';
import { newDeviceHref, prefillOf, type LookupResult } from './scan-api';

/** What a scanned code that names no single device is: several devices, or the parsed label and the way to a new record. */
export function ScanResult({ code, result, canCreate }: { code: string; result: Exclude<LookupResult, { match: 'device' }>; canCreate: boolean }) {
  if (result.match === 'multiple') {
    return (
      <Card>
        <Title order={2} size="h4" mb="sm">
          {result.devices.length} devices carry this code
        </Title>
        <Stack gap={6}>
          {result.devices.map((device) => (
            <Anchor key={device.id} component={Link} to={`/devices/${device.id}`}>
              <span className="mono">{device.assetTag}</span>
              {device.serialNumber ? ` · SN ${device.serialNumber}` : ''}
              {` · ${device.facility.name}`}
            </Anchor>
          ))}
        </Stack>
      </Card>
    );
  }

  const scan = parseUdiOrAssetTag(code);
  const udi = scan.kind === 'udi' ? scan.udi : null;
  const prefill = prefillOf(code, result.prefill);
  // The server parses with the same rules; anything it found beyond the client's parse is shown too.
  const serverProblems = (result.scan?.problems ?? [])
    .filter((problem) => !parseUdi(code).problems.some((mine) => mine.message === problem.message))
    .map((problem) => ({ ...problem, code: problem.code as UdiProblem['code'] }));

  return (
    <Card data-testid="scan-result">
      <Title order={2} size="h4" mb={4}>
        No device with this code
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {scan.kind === 'asset_tag' ? `No device has the asset tag or serial number ${scan.assetTag}.` : 'No device in the inventory carries this UDI.'}
      </Text>
      <Stack gap="sm">
        {udi ? (
          <UdiPreview udi={udi} />
        ) : scan.kind === 'unknown' ? (
          <UdiPreview udi={parseUdi(code)} />
        ) : null}
        {serverProblems.length > 0 && <UdiProblems problems={serverProblems} />}
        {prefill.modelLabel && (
          <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />}>
            The catalog knows this device identifier: <strong>{prefill.modelLabel}</strong>.
          </Alert>
        )}
        {canCreate && scan.kind !== 'unknown' && (
          <Group>
            <Button component={Link} to={newDeviceHref(prefill)} state={{ prefill }} leftSection={<IconPlus size={18} />}>
              Create device
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
