import { Anchor, DataList } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useCan } from '../../app/auth/session';
import { DeleteRecordButton } from '../../components/detail/DeleteRecordButton';
import { HistoryCard, RecordCard, SectionCard } from '../../components/detail/DetailCards';
import { DetailPage } from '../../components/detail/DetailPage';
import { RecordLoader } from '../../components/detail/RecordLoader';
import { Field } from '../../components/Field';
import { RecordHistory } from '../audit/RecordHistory';
import { NotFoundState } from '../errors/NotFoundPage';
import { ModelsTable } from '../models/ModelsTable';
import { AliasesCard } from './AliasesCard';
import { deleteManufacturer, manufacturerQuery, MANUFACTURERS_KEY } from './api';
import { ManufacturerForm } from './ManufacturerForm';

const BREADCRUMBS = [{ label: 'Manufacturers', to: '/manufacturers' }];

export function ManufacturerDetailPage() {
  const { id = '' } = useParams();
  const can = useCan();
  const query = useQuery(manufacturerQuery(id));
  const manage = can('reference.manage');
  const reload = () => void query.refetch();
  const notFound = (
    <NotFoundState title="This manufacturer does not exist" description="The link may be wrong, or it was merged into another manufacturer." backTo="/manufacturers" backLabel="All manufacturers" />
  );

  return (
    <RecordLoader query={query} notFound={notFound}>
      {(manufacturer) => (
        <DetailPage
          breadcrumbs={BREADCRUMBS}
          title={manufacturer.name}
          description={
            manufacturer.website ? (
              <Anchor href={manufacturer.website} target="_blank" rel="noreferrer" size="sm">
                {manufacturer.website} <IconExternalLink size={12} style={{ verticalAlign: 'middle' }} />
              </Anchor>
            ) : undefined
          }
          actions={
            manage && (
              <DeleteRecordButton
                record={manufacturer}
                noun="manufacturer"
                remove={deleteManufacturer}
                list={{ queryKey: MANUFACTURERS_KEY, path: '/manufacturers' }}
                notice={`${manufacturer.name} is no longer in the list.`}
                blockedBy={manufacturer.modelCount > 0 ? 'A manufacturer with models cannot be deleted' : undefined}
              >
                {manufacturer.name} and its {manufacturer.aliases.length} aliases will be removed. Imports that name it will report an unknown manufacturer.
              </DeleteRecordButton>
            )
          }
          main={
            <SectionCard title="Manufacturer">
              {manage ? (
                <ManufacturerForm manufacturer={manufacturer} onReload={reload} />
              ) : (
                <DataList labelWidth={140} withDivider>
                  <Field label="Name" value={manufacturer.name} />
                  <Field label="Website" value={manufacturer.website ?? '—'} />
                </DataList>
              )}
            </SectionCard>
          }
          aside={
            <RecordCard record={manufacturer}>
              <Field label="Models" value={manufacturer.modelCount} />
              <Field label="Comparison key" value={<span className="mono">{manufacturer.normalizedName}</span>} />
            </RecordCard>
          }
        >
          <AliasesCard manufacturer={manufacturer} manage={manage} />
          <SectionCard title="Models">
            <ModelsTable filters={{ manufacturerId: manufacturer.id }} hideManufacturer emptyText={`No models of ${manufacturer.name} yet.`} />
          </SectionCard>
          <HistoryCard of="this manufacturer">
            <RecordHistory entity="manufacturer" entityId={manufacturer.id} />
          </HistoryCard>
        </DetailPage>
      )}
    </RecordLoader>
  );
}
