import { Alert, Box, Button, Center, Loader, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCameraOff, IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { cameraProblem, startScanning, type ScanSession } from './camera';

interface CameraScannerProps {
  opened: boolean;
  onClose: () => void;
  /** The decoded text of the first barcode seen; the camera is closed by then. */
  onDetected: (text: string) => void;
}

/** The camera view with an aiming frame; full screen on phones. Closing it always releases the camera. */
export function CameraScanner({ opened, onClose, onDetected }: CameraScannerProps) {
  const phone = useMediaQuery('(max-width: 48em)');
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [starting, setStarting] = useState(true);
  const detected = useRef(onDetected);
  detected.current = onDetected;

  // A new opening tries the camera again, even after it failed before.
  useEffect(() => {
    if (opened) setProblem(null);
  }, [opened]);

  useEffect(() => {
    if (!opened || !video) return;
    let session: ScanSession | null = null;
    let cancelled = false;
    setStarting(true);
    startScanning(video, (text) => {
      session?.stop();
      navigator.vibrate?.(60);
      detected.current(text);
    })
      .then((started) => {
        if (cancelled) started.stop();
        else session = started;
      })
      .catch((error: unknown) => !cancelled && setProblem(cameraProblem(error)))
      .finally(() => !cancelled && setStarting(false));
    return () => {
      cancelled = true;
      session?.stop();
    };
  }, [opened, video]);

  return (
    <Modal opened={opened} onClose={onClose} fullScreen={phone} size="lg" title={<Text fw={600}>Scan a label</Text>} padding={phone ? 'xs' : 'md'}>
      <Stack gap="sm">
        {problem ? (
          <Alert color="orange" variant="light" icon={<IconCameraOff size={18} />} title="The camera is not available" role="alert">
            {problem}
          </Alert>
        ) : (
          <Box pos="relative" style={{ borderRadius: 'var(--mantine-radius-md)', overflow: 'hidden', background: '#000', aspectRatio: phone ? '3 / 4' : '4 / 3' }}>
            <video ref={setVideo} muted playsInline style={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }} aria-label="Camera view" />
            <Box
              pos="absolute"
              style={{ inset: '22% 14%', border: '3px solid rgba(255,255,255,0.85)', borderRadius: 12, boxShadow: '0 0 0 100vmax rgba(0,0,0,0.35)', pointerEvents: 'none' }}
            />
            {starting && (
              <Center pos="absolute" style={{ inset: 0 }}>
                <Loader color="white" aria-label="Starting the camera" />
              </Center>
            )}
          </Box>
        )}
        {!problem && (
          <Text size="sm" c="dimmed" ta="center">
            Point the camera at the UDI barcode (Data Matrix, GS1-128, QR) or the asset-tag barcode. It reads by itself.
          </Text>
        )}
        <Button variant="default" leftSection={<IconX size={16} />} onClick={onClose} fullWidth={phone}>
          {problem ? 'Type the code instead' : 'Cancel'}
        </Button>
      </Stack>
    </Modal>
  );
}
