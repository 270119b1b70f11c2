import { Badge, Button, EmptyState, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCategory, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { DEFAULT_RISK_POLICY, EQUIPMENT_FUNCTION_LABELS, EQUIPMENT_FUNCTIONS } from '@openhtm/domain';
import { useCan } from '../../app/auth/session';
import { PageHeader } from '../../components/PageHeader';
import { notifySuccess } from '../../components/notify';
import { FilterBar, SearchFilter, SelectFilter } from '../../components/data-table/filters';
import { ServerTable } from '../../components/data-table/ServerTable';
import type { Column } from '../../components/data-table/types';
import { useListParams } from '../../components/data-table/useListParams';
import { riskPolicyQuery } from '../settings/api';
import { AEM_EXCLUSION_LABELS, AEM_EXCLUSIONS, createDeviceType, DEVICE_TYPES_KEY, fetchDeviceTypesPage, type DeviceType } from './api';
import { AemStatus, Nomenclature, RiskScoreBadge } from './DeviceTypeBits';
import { DeviceTypeForm, NEW_DEVICE_TYPE } from './DeviceTypeForm';

const COLUMNS: Column<DeviceType>[] = [
  { key: 'name', header: 'Name', sortField: 'name', render: (t) => <Text size="sm" fw={600}>{t.name}</Text> },
  { key: 'code', header: 'Nomenclature', render: (t) => <Nomenclature deviceType={t} />, width: 150 },
  { key: 'function', header: 'Function', render: (t) => <Text size="sm">{EQUIPMENT_FUNCTION_LABELS[t.riskInputs.function] ?? t.riskInputs.function}</Text> },
  { key: 'risk', header: 'EM number', render: (t) => <RiskScoreBadge risk={t.defaultRisk} />, width: 140 },
  {
    key: 'lifeSupport',
    header: 'Life support',
    render: (t) => (t.lifeSupport ? <Badge color="red" variant="light" size="sm">Life support</Badge> : <Text size="sm" c="dimmed">—</Text>),
    width: 120,
  },
  { key: 'aem', header: 'AEM', render: (t) => <AemStatus deviceType={t} /> },
];

const FILTERS = ['q', 'function', 'lifeSupport', 'aemExclusion'] as const;

export function DeviceTypesPage() {
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [adding, addModal] = useDisclosure(false);
  const list = useListParams(FILTERS, 'name');
  const manage = can('reference.manage');
  const policy = useQuery(riskPolicyQuery).data?.policy ?? DEFAULT_RISK_POLICY;

  const mutation = useMutation({
    mutationFn: createDeviceType,
    onSuccess: (deviceType) => {
      void queryClient.invalidateQueries({ queryKey: DEVICE_TYPES_KEY });
      notifySuccess('Device type added', `${deviceType.name} scores ${deviceType.defaultRisk.score}.`);
      closeModal();
      navigate(`/device-types/${deviceType.id}`);
    },
  });
  const closeModal = () => {
    mutation.reset();
    addModal.close();
  };

  const addButton = manage && (
    <Button leftSection={<IconPlus size={18} />} onClick={addModal.open}>
      Add device type
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Device types"
        description="Kinds of equipment, with the risk inputs their devices are scored on and whether an alternate maintenance (AEM) program may apply."
        actions={addButton}
      />
      <ServerTable
        label="Device types"
        queryKey={DEVICE_TYPES_KEY}
        fetchPage={fetchDeviceTypesPage}
        filters={{ q: list.filters.q, function: list.filters.function, lifeSupport: list.filters.lifeSupport, aemExclusion: list.filters.aemExclusion }}
        sort={list.sort}
        onSort={list.setSort}
        columns={COLUMNS}
        rowKey={(t) => t.id}
        rowHref={(t) => `/device-types/${t.id}`}
        filtered={list.active}
        onClearFilters={list.clear}
        toolbar={
          <FilterBar
            primary={<SearchFilter value={list.filters.q} onChange={(q) => list.setFilter('q', q)} placeholder="Name or nomenclature code" />}
            activeCount={list.countSet(['function', 'lifeSupport', 'aemExclusion'])}
            onClear={list.clear}
          >
            <SelectFilter
              label="Function"
              value={list.filters.function}
              onChange={(value) => list.setFilter('function', value)}
              data={EQUIPMENT_FUNCTIONS.map((value) => ({ value, label: EQUIPMENT_FUNCTION_LABELS[value] }))}
              width={240}
            />
            <SelectFilter
              label="Life support"
              value={list.filters.lifeSupport}
              onChange={(value) => list.setFilter('lifeSupport', value)}
              data={[
                { value: 'true', label: 'Life support' },
                { value: 'false', label: 'Not life support' },
              ]}
              width={180}
            />
            <SelectFilter
              label="AEM"
              value={list.filters.aemExclusion}
              onChange={(value) => list.setFilter('aemExclusion', value)}
              data={[{ value: 'none', label: 'AEM allowed' }, ...AEM_EXCLUSIONS.map((value) => ({ value, label: AEM_EXCLUSION_LABELS[value] }))]}
              width={220}
            />
          </FilterBar>
        }
        empty={
          <EmptyState
            icon={<IconCategory size={26} stroke={1.6} />}
            withIndicatorBackground
            title="No device types yet"
            description="Device types carry the default risk of their devices. Add the kinds of equipment your department manages."
            py="xl"
          >
            {addButton && <EmptyState.Actions>{addButton}</EmptyState.Actions>}
          </EmptyState>
        }
      />
      <Modal opened={adding} onClose={closeModal} title={<Text fw={600}>Add a device type</Text>} size="xl" closeOnClickOutside={!mutation.isPending}>
        <DeviceTypeForm
          initial={NEW_DEVICE_TYPE}
          policy={policy}
          submitLabel="Add device type"
          pending={mutation.isPending}
          error={mutation.error}
          onSubmit={(values) => mutation.mutate(values)}
          onCancel={closeModal}
        />
      </Modal>
    </>
  );
}
