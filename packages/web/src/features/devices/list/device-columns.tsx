import { Group, Text, Tooltip } from '@mantine/core';
import { OUT_OF_SERVICE_REASON_LABELS } from '@openhtm/domain';
import dayjs from 'dayjs';
import { formatDate } from '../../../components/DateTime';
import type { Column } from '../../../components/data-table/types';
import type { DeviceSummary } from '../api';
import { ConnectedIcon, DeviceStatusBadge, HighRiskBadge } from '../DeviceBadges';

function Warranty({ end }: { end: string | null }) {
  if (!end) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  const days = dayjs(end).diff(dayjs().startOf('day'), 'day');
  const color = days < 0 ? 'dimmed' : days <= 90 ? 'orange' : undefined;
  return (
    <Tooltip label={days < 0 ? `Ended ${formatDate(end)}` : `${days} days left`}>
      <Text size="sm" c={color} style={{ whiteSpace: 'nowrap' }}>
        {days < 0 ? 'Ended' : formatDate(end)}
      </Text>
    </Tooltip>
  );
}

export function AssetTagCell({ device }: { device: Pick<DeviceSummary, 'assetTag' | 'serialNumber'> }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="sm" fw={600} className="mono" style={{ fontSize: 'var(--mantine-font-size-sm)', whiteSpace: 'nowrap' }}>
        {device.assetTag}
      </Text>
      {device.serialNumber && (
        <Text size="xs" c="dimmed" truncate maw={140}>
          SN {device.serialNumber}
        </Text>
      )}
    </div>
  );
}

export const DEVICE_COLUMNS: Column<DeviceSummary>[] = [
  { key: 'assetTag', header: 'Asset tag', sortField: 'assetTag', hideOnCard: true, render: (device) => <AssetTagCell device={device} /> },
  {
    key: 'type',
    header: 'Type',
    render: (device) => (
      <Text size="sm" lineClamp={2} miw={100} maw={150}>
        {device.deviceType?.name ?? '—'}
      </Text>
    ),
  },
  {
    key: 'model',
    header: 'Manufacturer / model',
    render: (device) => (
      <div style={{ minWidth: 130, maxWidth: 200 }}>
        <Text size="sm" truncate>
          {device.manufacturer.name}
        </Text>
        <Text size="xs" c="dimmed" truncate>
          {device.model.modelNumber}
          {device.model.name && device.model.name !== device.model.modelNumber ? ` · ${device.model.name}` : ''}
        </Text>
      </div>
    ),
  },
  {
    key: 'location',
    header: 'Facility / department',
    render: (device) => (
      <div style={{ minWidth: 120, maxWidth: 190 }}>
        <Text size="sm" truncate>
          {device.facility.name}
        </Text>
        <Text size="xs" c="dimmed" truncate>
          {[device.department?.name, device.room?.name].filter(Boolean).join(' · ') || '—'}
        </Text>
      </div>
    ),
  },
  {
    key: 'status',
    header: 'Status',
    sortField: 'status',
    hideOnCard: true,
    render: (device) => (
      <div style={{ minWidth: 'max-content' }}>
        <DeviceStatusBadge status={device.status} outOfServiceReason={device.outOfServiceReason} showReason={false} size="sm" />
        {device.outOfServiceReason && (
          <Text size="xs" c="dimmed" mt={2}>
            {OUT_OF_SERVICE_REASON_LABELS[device.outOfServiceReason]}
          </Text>
        )}
      </div>
    ),
  },
  {
    key: 'risk',
    header: 'Risk / strategy',
    render: (device) => (
      <div style={{ minWidth: 'max-content' }}>
        {device.highRisk ? (
          <HighRiskBadge size="sm" />
        ) : (
          <Text size="sm" c="dimmed">
            {device.riskScore !== null ? `EM ${device.riskScore}` : 'Not scored'}
          </Text>
        )}
        <Text size="xs" c="dimmed" mt={2}>
          {device.maintenanceStrategy === 'aem' ? 'AEM' : 'Manufacturer'}
        </Text>
      </div>
    ),
  },
  { key: 'connected', header: 'Network', align: 'center', hideOnCard: true, render: (device) => <ConnectedIcon connected={device.connected} /> },
  { key: 'warranty', header: 'Warranty', render: (device) => <Warranty end={device.warrantyEnd} /> },
];

/** The phone card's title: asset tag, serial and status on one line. */
export function DeviceCardTitle({ device }: { device: DeviceSummary }) {
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
      <AssetTagCell device={device} />
      <DeviceStatusBadge status={device.status} outOfServiceReason={device.outOfServiceReason} size="sm" />
    </Group>
  );
}
