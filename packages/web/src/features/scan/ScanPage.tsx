import { ActionIcon, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowRight, IconCamera, IconX } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { parseUdiOrAssetTag } from '@openhtm/domain';
import { useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useCan } from '../../app/auth/session';
import { FormError } from '../../components/FormError';
import { PageHeader } from '../../components/PageHeader';
import { usePhone } from '../../components/data-table/DataTable';
import { UdiPreview } from '../devices/udi/UdiPreview';
import { CameraScanner } from './CameraScanner';
import { lookupCode, type LookupResult } from './scan-api';
import { ScanResult } from './ScanResult';

/**
 * Scan a label at the bedside: the camera, a USB or Bluetooth scanner (it types into the field and presses Enter)
 * or typing. A code that names a device opens it; any other is shown parsed, ready to become a new device.
 */
export function ScanPage() {
  const navigate = useNavigate();
  const can = useCan();
  const phone = usePhone();
  const input = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [camera, cameraModal] = useDisclosure(false);
  const [answer, setAnswer] = useState<{ code: string; result: Exclude<LookupResult, { match: 'device' }> } | null>(null);

  const lookup = useMutation({
    mutationFn: lookupCode,
    onSuccess: (result, looked) => {
      if (result.match === 'device') navigate(`/devices/${result.device.id}`);
      else setAnswer({ code: looked, result });
    },
  });
  const submit = (text: string) => {
    const trimmed = text.replace(/[\r\n]+$/, '');
    if (trimmed.trim() === '') return;
    setAnswer(null);
    lookup.mutate(trimmed);
  };
  const typed = useMemo(() => (code.trim() ? parseUdiOrAssetTag(code) : null), [code]);

  return (
    <>
      <PageHeader title="Scan" description="Find a device by its UDI or asset-tag barcode, or start a new record from its label." />
      <Stack gap="lg" maw={720}>
        <Button
          size="xl"
          h={96}
          radius="lg"
          leftSection={<IconCamera size={34} stroke={1.6} />}
          onClick={cameraModal.open}
          fullWidth
          styles={{ label: { fontSize: 22 } }}
        >
          Scan with the camera
        </Button>
        <Card>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              submit(code);
            }}
          >
            <Text component="label" htmlFor="scan-code" size="sm" fw={500} mb={4} display="block">
              Or type, paste or use a barcode scanner
            </Text>
            <Group align="flex-end" gap="xs" wrap={phone ? 'wrap' : 'nowrap'}>
              <TextInput
                ref={input}
                id="scan-code"
                placeholder="UDI or asset tag"
                value={code}
                onChange={(event) => setCode(event.currentTarget.value)}
                autoFocus
                autoComplete="off"
                autoCapitalize="off"
                spellCheck={false}
                size="md"
                style={{ flex: phone ? '1 1 100%' : 1, minWidth: 0 }}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                rightSection={
                  code ? (
                    <ActionIcon variant="subtle" color="gray" aria-label="Clear" onClick={() => { setCode(''); setAnswer(null); input.current?.focus(); }}>
                      <IconX size={16} />
                    </ActionIcon>
                  ) : null
                }
              />
              <Button type="submit" size="md" fullWidth={phone} loading={lookup.isPending} rightSection={<IconArrowRight size={18} />}>
                Look up
              </Button>
            </Group>
          </form>
          {typed && !answer && (
            <div style={{ marginTop: 12 }}>
              {typed.kind === 'udi' ? (
                <UdiPreview udi={typed.udi} compact />
              ) : (
                <Text size="sm" c="dimmed">
                  {typed.kind === 'asset_tag' ? `Asset tag ${typed.assetTag}: look it up to open the device.` : 'This is neither a UDI nor an asset tag.'}
                </Text>
              )}
            </div>
          )}
          <div style={{ marginTop: lookup.error ? 12 : 0 }}>
            <FormError error={lookup.error} />
          </div>
        </Card>
        {answer && <ScanResult code={answer.code} result={answer.result} canCreate={can('device.write')} />}
      </Stack>
      <CameraScanner
        opened={camera}
        onClose={cameraModal.close}
        onDetected={(text) => {
          cameraModal.close();
          setCode(text);
          submit(text);
        }}
      />
    </>
  );
}
