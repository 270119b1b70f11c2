import '@mantine/dropzone/styles.css';
import { Alert, Button, CloseButton, FileButton, Group, Progress, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconCamera, IconCloudUpload, IconFileAlert, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError, messageOf } from '../../../app/api/problem';
import { useSession } from '../../../app/auth/session';
import { usePhone } from '../../../components/data-table/DataTable';
import { notifySuccess } from '../../../components/notify';
import { DEVICES_KEY } from '../api';
import { formatBytes } from './format';
import { uploadAttachment } from './attachments-api';

/** The server's limit (25 MB); checked here too so that a phone does not send a huge file only to have it refused. */
const MAX_BYTES = 25 * 1024 * 1024;
const ACCEPTED = 'Photos (JPEG, PNG, WebP, HEIC), PDF, text or CSV, Word or Excel documents — up to 25 MB each.';

interface Upload {
  key: string;
  name: string;
  progress: number;
  error?: string;
}

function uploadError(error: unknown): string {
  if (isApiError(error) && error.status === 413) return `Too large: ${error.problem.detail ?? 'attachments may be up to 25 MB'}`;
  if (isApiError(error) && error.status === 415) return `Not accepted: ${error.problem.detail ?? 'this type of file cannot be attached'}`;
  return messageOf(error);
}

/** Drop files or pick them (on phones: take a photo); each uploads with its progress, and a refusal says why. */
export function AttachmentUpload({ deviceId }: { deviceId: string }) {
  const { csrfToken } = useSession();
  const phone = usePhone();
  const queryClient = useQueryClient();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const update = (key: string, change: Partial<Upload>) => setUploads((current) => current.map((upload) => (upload.key === key ? { ...upload, ...change } : upload)));

  const send = (files: File[]) => {
    for (const file of files) {
      const key = `${file.name}-${file.size}-${Math.random()}`;
      if (file.size > MAX_BYTES) {
        setUploads((current) => [...current, { key, name: file.name, progress: 0, error: `Too large: ${formatBytes(file.size)}; attachments may be up to 25 MB` }]);
        continue;
      }
      setUploads((current) => [...current, { key, name: file.name, progress: 0 }]);
      uploadAttachment(deviceId, file, { csrfToken, onProgress: (progress) => update(key, { progress }) })
        .then((attachment) => {
          setUploads((current) => current.filter((upload) => upload.key !== key));
          notifySuccess('File attached', attachment.fileName);
          void queryClient.invalidateQueries({ queryKey: [...DEVICES_KEY, 'detail', deviceId] });
        })
        .catch((error: unknown) => update(key, { error: uploadError(error) }));
    }
  };

  return (
    <Stack gap="sm">
      <Dropzone onDrop={send} maxSize={Number.MAX_SAFE_INTEGER} multiple aria-label="Attach files" data-testid="attachment-dropzone">
        <Group justify="center" gap="md" mih={110} style={{ pointerEvents: 'none' }} wrap="nowrap">
          <Dropzone.Accept>
            <IconUpload size={40} stroke={1.5} color="var(--mantine-primary-color-filled)" />
          </Dropzone.Accept>
          <Dropzone.Reject>
            <IconFileAlert size={40} stroke={1.5} color="var(--mantine-color-red-6)" />
          </Dropzone.Reject>
          <Dropzone.Idle>
            <IconCloudUpload size={40} stroke={1.5} style={{ opacity: 0.6 }} />
          </Dropzone.Idle>
          <div>
            <Text size="md" fw={500}>
              {phone ? 'Choose files to attach' : 'Drop files here or click to choose'}
            </Text>
            <Text size="xs" c="dimmed" mt={4}>
              {ACCEPTED}
            </Text>
          </div>
        </Group>
      </Dropzone>
      <Group hiddenFrom="sm">
        <FileButton onChange={(file) => file && send([file])} accept="image/*" capture="environment">
          {(props) => (
            <Button {...props} variant="light" fullWidth leftSection={<IconCamera size={18} />}>
              Take a photo
            </Button>
          )}
        </FileButton>
      </Group>
      {uploads.map((upload) => (
        <div key={upload.key}>
          {upload.error ? (
            <Alert color="red" variant="light" icon={<IconFileAlert size={18} />} title={upload.name} role="alert" withCloseButton={false}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Text size="sm">{upload.error}</Text>
                <CloseButton size="sm" aria-label="Dismiss" onClick={() => setUploads((current) => current.filter((candidate) => candidate.key !== upload.key))} />
              </Group>
            </Alert>
          ) : (
            <Stack gap={4}>
              <Text size="sm" truncate>
                Uploading {upload.name}…
              </Text>
              <Progress value={upload.progress * 100} animated size="sm" aria-label={`Upload of ${upload.name}`} />
            </Stack>
          )}
        </div>
      ))}
    </Stack>
  );
}
