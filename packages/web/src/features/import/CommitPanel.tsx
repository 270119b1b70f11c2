import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowLeft, IconDatabaseImport, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmModal } from '../../components/ConfirmModal';
import { usePhone } from '../../components/data-table/DataTable';
import { rowsReady, type DeviceImport } from './api';
import { formatCount } from './ImportBits';

interface CommitPanelProps {
  imp: DeviceImport;
  onCommit: (skipRowsWithErrors: boolean) => void;
  onRecheck: () => void;
  onEditMapping: () => void;
  committing: boolean;
  rechecking: boolean;
  error: unknown;
  onResetError: () => void;
}

/**
 * Step 4: the import itself. All rows or none; while rows have errors the whole file is refused, and the user may
 * choose to import only the rows without errors instead.
 */
export function CommitPanel({ imp, onCommit, onRecheck, onEditMapping, committing, rechecking, error, onResetError }: CommitPanelProps) {
  const summary = imp.summary!;
  const phone = usePhone();
  const [skip, setSkip] = useState(false);
  const [confirming, confirm] = useDisclosure(false);
  const withErrors = summary.rowsWithErrors;
  const importable = rowsReady(summary);
  const open = (skipRows: boolean) => {
    onResetError();
    setSkip(skipRows);
    confirm.open();
  };

  return (
    <Stack gap="sm">
      {withErrors > 0 && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={`${formatCount(withErrors)} ${withErrors === 1 ? 'row has' : 'rows have'} errors`}>
          <Text size="sm">
            The file cannot be imported as it is. Fix those rows in the file and upload it again, correct the mapping or the reference data and check again
            {importable > 0 ? `, or import only the ${formatCount(importable)} rows without errors.` : '.'}
          </Text>
        </Alert>
      )}
      <Group justify="space-between" gap="sm" wrap="wrap" style={phone ? { flexDirection: 'column-reverse', alignItems: 'stretch' } : undefined}>
        <Group gap="sm" style={phone ? { flexDirection: 'column', alignItems: 'stretch' } : undefined}>
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onEditMapping}>
            Change the mapping
          </Button>
          <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={onRecheck} loading={rechecking}>
            Check again
          </Button>
        </Group>
        <Group gap="sm" style={phone ? { flexDirection: 'column', alignItems: 'stretch' } : undefined}>
          {withErrors > 0 && importable > 0 && (
            <Button color="orange" variant="light" onClick={() => open(true)} data-testid="commit-good-rows">
              Import only the {formatCount(importable)} good rows
            </Button>
          )}
          <Button leftSection={<IconDatabaseImport size={16} />} disabled={withErrors > 0 || summary.rows === 0} onClick={() => open(false)} data-testid="commit-all">
            Import {formatCount(summary.rows)} {summary.rows === 1 ? 'row' : 'rows'}
          </Button>
        </Group>
      </Group>
      <ConfirmModal
        opened={confirming}
        onClose={confirm.close}
        onConfirm={() => onCommit(skip)}
        title={skip ? `Import ${formatCount(importable)} of ${formatCount(summary.rows)} rows?` : `Import ${formatCount(summary.rows)} rows?`}
        confirmLabel="Import"
        pending={committing}
        error={error}
      >
        <Stack gap={6}>
          <Text size="sm">
            {formatCount(summary.create)} new devices are added and {formatCount(summary.update)} existing devices updated, in one step: if anything fails,
            nothing is written.
          </Text>
          {summary.newModels > 0 && <Text size="sm">{formatCount(summary.newModels)} models the catalog lacks are created.</Text>}
          {skip && (
            <Text size="sm" c="orange.8">
              {withErrors === 1 ? 'The row with errors is left out.' : `The ${formatCount(withErrors)} rows with errors are left out.`}
            </Text>
          )}
        </Stack>
      </ConfirmModal>
    </Stack>
  );
}
