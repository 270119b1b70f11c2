import { Button, FileButton, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { ACCEPT, formatBytes, MAX_IMPORT_BYTES } from './file-check';

interface FileDropProps {
  onFile: (file: File) => void;
  disabled?: boolean;
}

/** A drop area for one CSV or XLSX file, with a button for those who do not drag. */
export function FileDrop({ onFile, disabled }: FileDropProps) {
  const [over, setOver] = useState(false);
  return (
    <Paper
      withBorder
      radius="md"
      p="xl"
      data-testid="file-drop"
      onDragOver={(event) => {
        event.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const file = event.dataTransfer.files[0];
        if (file && !disabled) onFile(file);
      }}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'var(--mantine-primary-color-filled)' : undefined,
        background: over ? 'var(--mantine-primary-color-light)' : undefined,
        transition: 'background 120ms, border-color 120ms',
      }}
    >
      <Stack align="center" gap="sm">
        <ThemeIcon size={52} radius="xl" variant="light">
          <IconFileSpreadsheet size={28} stroke={1.5} />
        </ThemeIcon>
        <Text fw={600} ta="center">
          Drop a CSV or Excel (.xlsx) file here
        </Text>
        <Text size="sm" c="dimmed" ta="center" maw={460}>
          One row per device, with a header row. UTF-8 and Windows (cp1252) text both work; up to {formatBytes(MAX_IMPORT_BYTES)}. Nothing is
          written until you have seen the check and confirmed.
        </Text>
        <Group>
          <FileButton onChange={(file) => file && onFile(file)} accept={ACCEPT} disabled={disabled}>
            {(props) => (
              <Button {...props} leftSection={<IconUpload size={16} />} disabled={disabled}>
                Choose a file
              </Button>
            )}
          </FileButton>
        </Group>
      </Stack>
    </Paper>
  );
}
