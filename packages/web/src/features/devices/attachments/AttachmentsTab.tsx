import { ActionIcon, Anchor, Card, Center, Group, Skeleton, Stack, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { IconDownload, IconFile, IconFileTypePdf, IconPaperclip, IconPhoto, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCan, useSession } from '../../../app/auth/session';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { DateTime } from '../../../components/DateTime';
import { ErrorState } from '../../../components/ErrorState';
import { notifySuccess } from '../../../components/notify';
import { DEVICES_KEY, type DeviceDetail } from '../api';
import { AttachmentUpload } from './AttachmentUpload';
import { attachmentsKey, attachmentUrl, deleteAttachment, fetchAttachments, type Attachment } from './attachments-api';
import { formatBytes, typeLabel } from './format';

function FileIcon({ contentType }: { contentType: string }) {
  const Icon = contentType.startsWith('image/') ? IconPhoto : contentType === 'application/pdf' ? IconFileTypePdf : IconFile;
  return (
    <ThemeIcon variant="light" size={40} radius="md" color={contentType.startsWith('image/') ? 'teal' : contentType === 'application/pdf' ? 'red' : 'gray'}>
      <Icon size={22} stroke={1.6} />
    </ThemeIcon>
  );
}

/** The uploader's name when the user is the signed-in one; the API gives only the user id. */
const uploaderOf = (attachment: Attachment, self: { id: string; displayName: string }) =>
  attachment.uploadedBy === self.id ? `by ${self.displayName}` : attachment.uploadedBy ? 'by a colleague' : 'uploader unknown';

/** Photos and documents of the device: upload by drag and drop (or the camera), open, download, delete. */
export function AttachmentsTab({ device }: { device: DeviceDetail }) {
  const can = useCan();
  const { user } = useSession();
  const write = can('device.write', { facilityId: device.facility.id });
  const queryClient = useQueryClient();
  const [removing, setRemoving] = useState<Attachment | null>(null);
  const list = useQuery({ queryKey: attachmentsKey(device.id), queryFn: ({ signal }) => fetchAttachments(device.id, signal) });

  const remove = useMutation({
    mutationFn: (attachment: Attachment) => deleteAttachment(attachment),
    onSuccess: (_, attachment) => {
      void queryClient.invalidateQueries({ queryKey: [...DEVICES_KEY, 'detail', device.id] });
      notifySuccess('Attachment deleted', attachment.fileName);
      setRemoving(null);
    },
  });

  return (
    <Stack gap="lg">
      {write && <AttachmentUpload deviceId={device.id} />}
      <Card>
        <Title order={2} size="h4" mb="md">
          Attached files
        </Title>
        {list.isPending ? (
          <Stack gap="sm" aria-busy aria-label="Loading attachments">
            {[0, 1].map((index) => (
              <Skeleton key={index} height={44} />
            ))}
          </Stack>
        ) : list.error ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.length === 0 ? (
          <Center py="lg">
            <Stack align="center" gap={4}>
              <IconPaperclip size={28} stroke={1.4} style={{ opacity: 0.5 }} />
              <Text size="sm" c="dimmed">
                No photos or documents yet.
              </Text>
            </Stack>
          </Center>
        ) : (
          <Stack gap="sm" role="list" aria-label="Attachments">
            {list.data.map((attachment, index) => (
              <Group
                key={attachment.id}
                role="listitem"
                wrap="nowrap"
                gap="sm"
                align="center"
                pb={index < list.data.length - 1 ? 'sm' : 0}
                style={{ borderBottom: index < list.data.length - 1 ? '1px solid var(--mantine-color-default-border)' : undefined }}
              >
                <FileIcon contentType={attachment.contentType} />
                <div style={{ flex: 1, minWidth: 0 }}>
                  <Anchor href={attachmentUrl(attachment)} target="_blank" rel="noreferrer" size="sm" fw={500} style={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                    {attachment.fileName}
                  </Anchor>
                  <Text size="xs" c="dimmed" truncate>
                    {typeLabel(attachment.contentType)} · {formatBytes(attachment.sizeBytes)} · {uploaderOf(attachment, user)} · <DateTime value={attachment.createdAt} relative size="xs" c="dimmed" />
                  </Text>
                  {attachment.description && (
                    <Text size="xs" truncate>
                      {attachment.description}
                    </Text>
                  )}
                </div>
                <Tooltip label="Download">
                  <ActionIcon component="a" href={attachmentUrl(attachment, true)} download={attachment.fileName} variant="subtle" color="gray" aria-label={`Download ${attachment.fileName}`}>
                    <IconDownload size={18} />
                  </ActionIcon>
                </Tooltip>
                {write && (
                  <Tooltip label="Delete">
                    <ActionIcon variant="subtle" color="red" aria-label={`Delete ${attachment.fileName}`} onClick={() => setRemoving(attachment)}>
                      <IconTrash size={18} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Card>
      <ConfirmModal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate(removing)}
        title="Delete this attachment?"
        confirmLabel="Delete"
        danger
        mutation={remove}
      >
        <Text size="sm">
          {removing?.fileName} is removed from {device.assetTag}. The timeline keeps a record that it was attached.
        </Text>
      </ConfirmModal>
    </Stack>
  );
}
