import { Card, Stack, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import type { DeviceImportMapping } from '@openhtm/domain';
import { isApiError } from '../../app/api/problem';
import { DetailSkeleton } from '../../components/DetailSkeleton';
import { ErrorState } from '../../components/ErrorState';
import { FormError } from '../../components/FormError';
import { PageHeader } from '../../components/PageHeader';
import { notifySuccess } from '../../components/notify';
import { NotFoundState } from '../errors/NotFoundPage';
import { usePhone } from '../../components/data-table/DataTable';
import { checkImport, commitImport, IMPORTS_KEY, importQuery, saveMapping, type DeviceImportDetail } from './api';
import { CommitPanel } from './CommitPanel';
import { FileFacts } from './FileFacts';
import { formatCount, ImportStatusBadge } from './ImportBits';
import { ImportResultPanel } from './ImportResultPanel';
import { ImportSummaryCards } from './ImportSummaryCards';
import { NewModelsNote } from './NewModelsNote';
import { MappingStep } from './MappingStep';
import { ProblemTable } from './ProblemTable';
import { WizardSteps } from './WizardSteps';

const BREADCRUMBS = [{ label: 'Import devices', to: '/imports' }];

/** Steps 2–4 of an import, on the import's own page so that it can be left and resumed. */
export function ImportWizardPage() {
  const { id = '' } = useParams();
  const phone = usePhone();
  const queryClient = useQueryClient();
  const { data: imp, error, isPending, refetch } = useQuery(importQuery(id));
  const [editingMapping, setEditingMapping] = useState(false);

  const stored = (next: DeviceImportDetail) => {
    // Answers to a check or commit leave the file's first rows out: keep the ones read before.
    queryClient.setQueryData(importQuery(next.id).queryKey, (before) =>
      next.sampleRows.length === 0 && before ? { ...next, sampleRows: before.sampleRows } : next,
    );
    void queryClient.invalidateQueries({ queryKey: IMPORTS_KEY, predicate: (q) => q.queryKey[1] !== 'detail' });
  };
  const check = useMutation({
    mutationFn: async (mapping: DeviceImportMapping) => {
      const current = imp!;
      if (JSON.stringify(mapping) !== JSON.stringify(current.mapping)) stored(await saveMapping(current, mapping));
      return checkImport(id);
    },
    onSuccess: (next) => {
      stored(next);
      setEditingMapping(false);
    },
  });
  const commit = useMutation({
    mutationFn: (skipRowsWithErrors: boolean) => commitImport(id, skipRowsWithErrors),
    onSuccess: (next) => {
      stored(next);
      void queryClient.invalidateQueries({ queryKey: ['devices'] });
      void queryClient.invalidateQueries({ queryKey: ['models'] });
      const written = next.summary?.written;
      notifySuccess('Import complete', written ? `${formatCount(written.created)} added, ${formatCount(written.updated)} updated.` : undefined);
    },
    // A refused commit (rows with errors) is recorded on the import: read it again.
    onError: () => void refetch(),
  });

  if (isPending) return <DetailSkeleton />;
  if (error) {
    if (isApiError(error) && (error.status === 404 || error.status === 400)) {
      return <NotFoundState title="This import does not exist" description="The link may be wrong, or the import was removed." backTo="/imports" backLabel="All imports" />;
    }
    return <ErrorState error={error} onRetry={() => void refetch()} />;
  }

  const committed = imp.status === 'committed';
  const checked = imp.summary !== null && !editingMapping;
  const active = committed ? 4 : checked ? 2 : 1;

  return (
    <>
      <PageHeader breadcrumbs={BREADCRUMBS} title={imp.fileName} badges={<ImportStatusBadge status={imp.status} />} />
      <Stack gap="lg">
        <WizardSteps active={active} />
        <FileFacts key={active === 1 ? 'mapping' : 'report'} imp={imp} initiallyOpen={active === 1 && !phone} />
        {active === 1 && (
          <Card>
            <Title order={2} size="h4" mb="md">
              Map the columns
            </Title>
            <MappingStep
              imp={imp}
              pending={check.isPending}
              error={check.error}
              onCheck={(mapping) => check.mutate(mapping)}
              onReload={() => {
                check.reset();
                void refetch();
              }}
            />
          </Card>
        )}
        {active >= 2 && imp.summary && (
          <>
            {committed && <ImportResultPanel imp={imp} />}
            <ImportSummaryCards summary={imp.summary} />
            {imp.summary.newModels > 0 && <NewModelsNote summary={imp.summary} committed={committed} />}
            <Card>
              <Title order={2} size="h4" mb="md">
                Problem report
              </Title>
              <ProblemTable imp={imp} />
            </Card>
            {!committed && <FormError error={check.error} />}
            {!committed && (
              <CommitPanel
                imp={imp}
                onCommit={(skip) => commit.mutate(skip)}
                onRecheck={() => check.mutate(imp.mapping)}
                onEditMapping={() => setEditingMapping(true)}
                committing={commit.isPending}
                rechecking={check.isPending}
                error={commit.error}
                onResetError={() => commit.reset()}
              />
            )}
          </>
        )}
      </Stack>
    </>
  );
}
