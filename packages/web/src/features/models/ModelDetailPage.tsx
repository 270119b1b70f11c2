import { Anchor, Badge, Text } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { useCan } from '../../app/auth/session';
import { DeleteRecordButton } from '../../components/detail/DeleteRecordButton';
import { HistoryCard, RecordCard, SectionCard } from '../../components/detail/DetailCards';
import { DetailPage } from '../../components/detail/DetailPage';
import { RecordLoader } from '../../components/detail/RecordLoader';
import { changedFields, saveFormProps, useSaveRecord } from '../../components/detail/record-save';
import { Field } from '../../components/Field';
import { RecordHistory } from '../audit/RecordHistory';
import { NotFoundState } from '../errors/NotFoundPage';
import { deleteModel, MODEL_SOURCE_LABELS, modelQuery, MODELS_KEY, updateModel, type Model, type ModelInput } from './api';
import { IdentifiersCard } from './IdentifiersCard';
import { EndOfSupport, FdaFlags, formatYears } from './ModelBits';
import { formValuesOf, inputOf, ModelForm } from './ModelForm';

const BREADCRUMBS = [{ label: 'Models', to: '/models' }];

function ModelDescription({ model }: { model: Model }) {
  return (
    <>
      <Anchor component={Link} to={`/manufacturers/${model.manufacturer.id}`} size="sm">
        {model.manufacturer.name}
      </Anchor>
      {model.deviceType && (
        <>
          {' · '}
          <Anchor component={Link} to={`/device-types/${model.deviceType.id}`} size="sm">
            {model.deviceType.name}
          </Anchor>
        </>
      )}
    </>
  );
}

function FdaProductCode({ model }: { model: Model }) {
  if (!model.fdaProductCode) return '—';
  return (
    <>
      <span className="mono">{model.fdaProductCode}</span> {model.fdaClassification?.deviceName ?? <Badge size="xs" color="orange" variant="outline">not in the FDA file</Badge>}
      {model.fdaClassification?.regulationNumber && (
        <Text size="xs" c="dimmed">
          21 CFR {model.fdaClassification.regulationNumber}
        </Text>
      )}
    </>
  );
}

export function ModelDetailPage() {
  const { id = '' } = useParams();
  const can = useCan();
  const query = useQuery(modelQuery(id));
  const save = useSaveRecord({
    update: (current: Model, values: ModelInput) => updateModel(current, changedFields(inputOf(formValuesOf(current)), values)),
    recordKey: (saved) => modelQuery(saved.id).queryKey,
    listKey: MODELS_KEY,
    notice: (saved) => ['Model saved', `${saved.manufacturer.name} ${saved.modelNumber} is up to date.`],
  });
  const manage = can('reference.manage');
  const notFound = <NotFoundState title="This model does not exist" description="The link may be wrong, or the model was deleted or merged." backTo="/models" backLabel="All models" />;

  return (
    <RecordLoader query={query} notFound={notFound}>
      {(model) => (
        <DetailPage
          breadcrumbs={BREADCRUMBS}
          title={model.name && model.name !== model.modelNumber ? `${model.modelNumber} · ${model.name}` : model.modelNumber}
          description={<ModelDescription model={model} />}
          badges={model.fdaClassification && <FdaFlags classification={model.fdaClassification} />}
          actions={
            manage && (
              <DeleteRecordButton record={model} noun="model" remove={deleteModel} list={{ queryKey: MODELS_KEY, path: '/models' }}>
                A model that devices belong to cannot be deleted; the server will say so.
              </DeleteRecordButton>
            )
          }
          splitFrom="lg"
          main={
            <SectionCard title="Model">
              <ModelForm model={model} readOnly={!manage} {...saveFormProps(save, model, () => void query.refetch())} />
            </SectionCard>
          }
          aside={
            <RecordCard record={model} title="At a glance">
              <Field label="FDA product code" value={<FdaProductCode model={model} />} />
              <Field label="Expected life" value={formatYears(model.expectedLifeYears)} />
              <Field label="End of support" value={<EndOfSupport date={model.endOfSupport} />} />
              <Field
                label="Instructions for use"
                value={
                  model.ifuUrl ? (
                    <Anchor href={model.ifuUrl} target="_blank" rel="noreferrer" size="sm">
                      Open the IFU <IconExternalLink size={12} style={{ verticalAlign: 'middle' }} />
                    </Anchor>
                  ) : (
                    '—'
                  )
                }
              />
              <Field label="Source" value={MODEL_SOURCE_LABELS[model.source] ?? model.source} />
            </RecordCard>
          }
        >
          <IdentifiersCard model={model} manage={manage} />
          <HistoryCard of="this model">
            <RecordHistory entity="model" entityId={model.id} />
          </HistoryCard>
        </DetailPage>
      )}
    </RecordLoader>
  );
}
