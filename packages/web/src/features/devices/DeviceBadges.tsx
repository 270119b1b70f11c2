import { Badge, Group, Text, ThemeIcon, Tooltip, type MantineColor } from '@mantine/core';
import { IconAlertTriangle, IconHeartbeat, IconPlugConnected, IconPlugConnectedX } from '@tabler/icons-react';
import {
  DEVICE_STATUS_META,
  DEVICE_STATUSES,
  MAINTENANCE_STRATEGY_LABELS,
  OUT_OF_SERVICE_REASON_LABELS,
  type DeviceStatus,
  type MaintenanceStrategy,
  type OutOfServiceReason,
} from '@openhtm/domain';

export const STATUS_COLORS: Record<DeviceStatus, MantineColor> = {
  requested: 'gray',
  under_evaluation: 'violet',
  approved: 'indigo',
  rejected: 'red',
  ordered: 'blue',
  received: 'cyan',
  in_service: 'teal',
  out_of_service: 'orange',
  retired: 'gray',
  disposed: 'dark',
};

/** The statuses as Select options, in lifecycle order. */
export const STATUS_OPTIONS = DEVICE_STATUSES.map((status) => ({ value: status, label: DEVICE_STATUS_META[status].label }));

export function statusLabel(status: DeviceStatus, outOfServiceReason?: string | null): string {
  const label = DEVICE_STATUS_META[status]?.label ?? status;
  if (status === 'out_of_service' && outOfServiceReason) {
    return `${label} · ${OUT_OF_SERVICE_REASON_LABELS[outOfServiceReason as OutOfServiceReason] ?? outOfServiceReason}`;
  }
  return label;
}

/** The lifecycle status, with the out-of-service reason when there is one. */
export function DeviceStatusBadge({ status, outOfServiceReason, size = 'md', showReason = true }: { status: DeviceStatus; outOfServiceReason?: string | null; size?: 'sm' | 'md' | 'lg'; showReason?: boolean }) {
  const color = status === 'out_of_service' && outOfServiceReason === 'recalled' ? 'red' : STATUS_COLORS[status] ?? 'gray';
  return (
    <Tooltip label={DEVICE_STATUS_META[status]?.description} multiline w={240}>
      <Badge color={color} variant="light" size={size} style={{ whiteSpace: 'nowrap' }}>
        {statusLabel(status, showReason ? outOfServiceReason : null)}
      </Badge>
    </Tooltip>
  );
}

/** High-risk equipment (TJC EC.02.04.01); `overridden` marks a clinical engineer's decision. */
export function HighRiskBadge({ overridden, size = 'md' }: { overridden?: boolean; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color="red" variant="filled" size={size} leftSection={<IconAlertTriangle size={12} />}>
      High risk{overridden ? ' (override)' : ''}
    </Badge>
  );
}

export function LifeSupportBadge({ size = 'md' }: { size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color="pink" variant="light" size={size} leftSection={<IconHeartbeat size={12} />}>
      Life support
    </Badge>
  );
}

/** FDA device class I–III from the model's product code. */
export function FdaClassBadge({ deviceClass, label }: { deviceClass: string; label?: string }) {
  const roman: Record<string, string> = { '1': 'Class I', '2': 'Class II', '3': 'Class III' };
  return (
    <Tooltip label={label ?? 'FDA device class'}>
      <Badge color={deviceClass === '3' ? 'grape' : 'gray'} variant="outline">
        FDA {roman[deviceClass] ?? deviceClass}
      </Badge>
    </Tooltip>
  );
}

export function StrategyText({ strategy }: { strategy: MaintenanceStrategy }) {
  return <Text size="sm">{strategy === 'aem' ? 'AEM' : 'Manufacturer'}</Text>;
}

export const STRATEGY_OPTIONS = (Object.keys(MAINTENANCE_STRATEGY_LABELS) as MaintenanceStrategy[]).map((value) => ({ value, label: MAINTENANCE_STRATEGY_LABELS[value] }));

/** A plug icon for connected devices (with a hostname, IP or MAC address), dimmed for the others. */
export function ConnectedIcon({ connected }: { connected: boolean }) {
  return connected ? (
    <Tooltip label="Connected to the network">
      <ThemeIcon variant="light" color="blue" size="sm" radius="xl" aria-label="Connected">
        <IconPlugConnected size={13} />
      </ThemeIcon>
    </Tooltip>
  ) : (
    <Tooltip label="Not connected to the network">
      <ThemeIcon variant="transparent" color="gray" size="sm" aria-label="Not connected" style={{ opacity: 0.35 }}>
        <IconPlugConnectedX size={13} />
      </ThemeIcon>
    </Tooltip>
  );
}

/** Badges of a device's risk: high risk and life support. */
export function RiskBadges({ highRisk, lifeSupport, overridden, size = 'sm' }: { highRisk: boolean; lifeSupport?: boolean; overridden?: boolean; size?: 'sm' | 'md' }) {
  if (!highRisk && !lifeSupport) return null;
  return (
    <Group gap={4} wrap="nowrap" component="span">
      {highRisk && <HighRiskBadge size={size} overridden={overridden} />}
      {lifeSupport && <LifeSupportBadge size={size} />}
    </Group>
  );
}
