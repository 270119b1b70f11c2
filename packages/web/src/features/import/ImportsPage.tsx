import { Alert, Loader, Paper, Stack, Text, Title, Group } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { messageOf } from '../../app/api/problem';
import { useCan } from '../../app/auth/session';
import { PageHeader } from '../../components/PageHeader';
import { IMPORTS_KEY, importQuery, uploadImport } from './api';
import { fileProblem, formatBytes } from './file-check';
import { FileDrop } from './FileDrop';
import { ImportHistory } from './ImportHistory';

/** Step 1 of an import: choose the file. The server reads it and the wizard continues on the import's own page. */
export function ImportsPage() {
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [refused, setRefused] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: uploadImport,
    onSuccess: (created) => {
      queryClient.setQueryData(importQuery(created.id).queryKey, created);
      void queryClient.invalidateQueries({ queryKey: IMPORTS_KEY });
      navigate(`/imports/${created.id}`);
    },
  });
  const choose = (file: File) => {
    upload.reset();
    const problem = fileProblem(file);
    setRefused(problem);
    if (!problem) upload.mutate(file);
  };
  const error = refused ?? (upload.error ? messageOf(upload.error) : null);

  return (
    <>
      <PageHeader
        title="Import devices"
        description="Bring an inventory spreadsheet in: map its columns, see every problem by row and column, then import in one step — all rows or none."
      />
      <Stack gap="xl">
        {can('device.import') && (
          <Stack gap="sm">
            {upload.isPending && upload.variables ? (
              <Paper withBorder radius="md" p="xl" aria-live="polite">
                <Group justify="center" gap="sm">
                  <Loader size="sm" />
                  <Text size="sm">
                    Uploading and reading {upload.variables.name} ({formatBytes(upload.variables.size)})…
                  </Text>
                </Group>
              </Paper>
            ) : (
              <FileDrop onFile={choose} />
            )}
            {error && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title="This file cannot be imported" role="alert" data-testid="upload-error">
                {error}
              </Alert>
            )}
          </Stack>
        )}
        <div>
          <Title order={2} size="h4" mb="sm">
            Earlier imports
          </Title>
          <ImportHistory />
        </div>
      </Stack>
    </>
  );
}
