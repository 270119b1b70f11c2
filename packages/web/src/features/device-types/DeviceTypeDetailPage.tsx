import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { DEFAULT_RISK_POLICY } from '@openhtm/domain';
import { useCan } from '../../app/auth/session';
import { DeleteRecordButton } from '../../components/detail/DeleteRecordButton';
import { HistoryCard, RecordCard, SectionCard } from '../../components/detail/DetailCards';
import { DetailPage } from '../../components/detail/DetailPage';
import { RecordLoader } from '../../components/detail/RecordLoader';
import { changedFields, saveFormProps, useSaveRecord } from '../../components/detail/record-save';
import { Field } from '../../components/Field';
import { RecordHistory } from '../audit/RecordHistory';
import { NotFoundState } from '../errors/NotFoundPage';
import { ModelsTable } from '../models/ModelsTable';
import { riskPolicyQuery } from '../settings/api';
import { deleteDeviceType, DEVICE_TYPES_KEY, deviceTypeQuery, updateDeviceType, type DeviceType, type DeviceTypeInput } from './api';
import { RiskScoreBadge } from './DeviceTypeBits';
import { DeviceTypeForm } from './DeviceTypeForm';

const BREADCRUMBS = [{ label: 'Device types', to: '/device-types' }];

const inputOf = (t: DeviceType): DeviceTypeInput => ({
  name: t.name,
  nomenclatureSystem: t.nomenclatureSystem,
  nomenclatureCode: t.nomenclatureCode,
  riskInputs: t.riskInputs,
  lifeSupport: t.lifeSupport,
  aemExclusion: t.aemExclusion,
});

const nomenclatureOf = (t: DeviceType) => (t.nomenclatureCode ? `${t.nomenclatureSystem === 'local' ? 'Local code' : t.nomenclatureSystem} ${t.nomenclatureCode}` : undefined);

export function DeviceTypeDetailPage() {
  const { id = '' } = useParams();
  const can = useCan();
  const query = useQuery(deviceTypeQuery(id));
  const policy = useQuery(riskPolicyQuery).data?.policy ?? DEFAULT_RISK_POLICY;
  const save = useSaveRecord({
    update: (current: DeviceType, values: DeviceTypeInput) => updateDeviceType(current, changedFields(inputOf(current), values)),
    recordKey: (saved) => deviceTypeQuery(saved.id).queryKey,
    listKey: DEVICE_TYPES_KEY,
    notice: (saved) => ['Device type saved', `${saved.name} now scores ${saved.defaultRisk.score}.`],
  });
  const manage = can('reference.manage');
  const notFound = <NotFoundState title="This device type does not exist" description="The link may be wrong, or the type was deleted." backTo="/device-types" backLabel="All device types" />;

  return (
    <RecordLoader query={query} notFound={notFound}>
      {(deviceType) => (
        <DetailPage
          breadcrumbs={BREADCRUMBS}
          title={deviceType.name}
          badges={<RiskScoreBadge risk={deviceType.defaultRisk} />}
          description={nomenclatureOf(deviceType)}
          actions={
            manage && (
              <DeleteRecordButton record={deviceType} noun="device type" remove={deleteDeviceType} list={{ queryKey: DEVICE_TYPES_KEY, path: '/device-types' }}>
                A device type that models or devices use cannot be deleted; the server will say so.
              </DeleteRecordButton>
            )
          }
          main={
            <SectionCard title="Device type">
              <DeviceTypeForm
                initial={inputOf(deviceType)}
                revision={deviceType.version}
                policy={policy}
                savedScore={deviceType.defaultRisk.score}
                readOnly={!manage}
                {...saveFormProps(save, deviceType, () => void query.refetch())}
              />
            </SectionCard>
          }
        >
          <SectionCard title="Models of this type">
            <ModelsTable filters={{ deviceTypeId: deviceType.id }} hideDeviceType emptyText="No model is of this type yet." />
          </SectionCard>
          <RecordCard record={deviceType} orientation="horizontal">
            <Field label="Scored under" value={deviceType.defaultRisk.policyName} />
          </RecordCard>
          <HistoryCard of="this device type">
            <RecordHistory entity="device_type" entityId={deviceType.id} />
          </HistoryCard>
        </DetailPage>
      )}
    </RecordLoader>
  );
}
