import { ActionIcon, Alert, Button, Code, Group, Modal, Stack, Text, Tooltip } from '@mantine/core';
import { CopyButton } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import type { CreatedApiToken } from './api';

/** The new token's secret, shown once with a copy button; the server keeps only its hash. */
export function TokenCreatedModal({ token, onClose }: { token: CreatedApiToken | null; onClose: () => void }) {
  return (
    <Modal
      opened={token !== null}
      onClose={onClose}
      title={<Text fw={600}>Token “{token?.name}” created</Text>}
      size="lg"
      closeOnClickOutside={false}
    >
      {token && (
        <Stack>
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title="Copy the token now">
            You will not see it again: OpenHTM stores only a fingerprint of it. If it is lost, revoke it and create a new one.
          </Alert>
          <Group gap="xs" wrap="nowrap" align="stretch">
            <Code block style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap', fontSize: 13 }} data-testid="new-token">
              {token.token}
            </Code>
            <CopyButton value={token.token} timeout={2500}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? 'Copied' : 'Copy to clipboard'}>
                  <ActionIcon size="xl" variant={copied ? 'filled' : 'light'} color={copied ? 'teal' : undefined} onClick={copy} aria-label="Copy token">
                    {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
          <Text size="sm" c="dimmed">
            Send it as <span className="mono">Authorization: Bearer &lt;token&gt;</span> with each API request.
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>I have copied it</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
