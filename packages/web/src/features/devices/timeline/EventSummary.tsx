import { Group, Text, ThemeIcon, type MantineColor } from '@mantine/core';
import {
  IconArrowRight,
  IconCirclePlus,
  IconClipboardCheck,
  IconFileImport,
  IconPencil,
  IconShieldHalf,
  IconTool,
  type Icon,
} from '@tabler/icons-react';
import { MAINTENANCE_STRATEGY_LABELS, SANITIZATION_METHOD_LABELS, type DeviceStatus, type MaintenanceStrategy, type SanitizationMethod } from '@openhtm/domain';
import type { DeviceEvent } from '../api';
import { DeviceStatusBadge, STATUS_COLORS } from '../DeviceBadges';

const KIND_ICONS: Record<string, { icon: Icon; color: MantineColor }> = {
  created: { icon: IconCirclePlus, color: 'teal' },
  imported: { icon: IconFileImport, color: 'teal' },
  incoming_inspection: { icon: IconClipboardCheck, color: 'cyan' },
  risk_assessment: { icon: IconShieldHalf, color: 'grape' },
  risk_override: { icon: IconShieldHalf, color: 'red' },
  strategy_decision: { icon: IconTool, color: 'indigo' },
};

export function eventBullet(event: Pick<DeviceEvent, 'kind' | 'toStatus'>) {
  const { icon: EventIcon, color } =
    event.kind === 'status_change' ? { icon: IconArrowRight, color: STATUS_COLORS[event.toStatus as DeviceStatus] ?? 'gray' } : (KIND_ICONS[event.kind] ?? { icon: IconPencil, color: 'gray' });
  return (
    <ThemeIcon size={24} radius="xl" variant="light" color={color}>
      <EventIcon size={14} />
    </ThemeIcon>
  );
}

const str = (value: unknown) => (typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value));

/** What happened, in one line with badges: "In service → Out of service (In repair)". */
export function EventTitle({ event }: { event: DeviceEvent }) {
  const details = event.details ?? {};
  switch (event.kind) {
    case 'status_change':
      return (
        <Group gap={6} wrap="wrap">
          {event.fromStatus && <DeviceStatusBadge status={event.fromStatus} outOfServiceReason={str(details.previousOutOfServiceReason) || null} size="sm" />}
          {event.fromStatus && <IconArrowRight size={14} style={{ opacity: 0.6 }} aria-label="to" />}
          {event.toStatus && <DeviceStatusBadge status={event.toStatus} outOfServiceReason={str(details.outOfServiceReason) || null} size="sm" />}
        </Group>
      );
    case 'incoming_inspection':
      return <Text size="sm" fw={600}>Incoming inspection {details.result === 'pass' ? 'passed' : details.result === 'fail' ? 'failed' : 'recorded'}</Text>;
    case 'created':
      return (
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={600}>
            Added to the inventory{event.toStatus ? ' as' : ''}
          </Text>
          {event.toStatus && <DeviceStatusBadge status={event.toStatus} size="sm" />}
        </Group>
      );
    case 'imported':
      return <Text size="sm" fw={600}>Imported from a spreadsheet</Text>;
    case 'risk_override':
      return <Text size="sm" fw={600}>High risk overridden to {details.highRisk === false ? 'not high risk' : 'high risk'}</Text>;
    case 'risk_assessment':
      return <Text size="sm" fw={600}>Risk assessed{typeof details.score === 'number' ? `: EM ${details.score}` : ''}</Text>;
    case 'strategy_decision':
      return <Text size="sm" fw={600}>Maintenance strategy: {MAINTENANCE_STRATEGY_LABELS[details.strategy as MaintenanceStrategy] ?? str(details.strategy)}</Text>;
    default:
      return <Text size="sm" fw={600}>{event.kind.replace(/_/g, ' ')}</Text>;
  }
}

/** The event's reason and the details worth reading (sanitization, electrical safety). */
export function EventDetails({ event }: { event: DeviceEvent }) {
  const details = event.details ?? {};
  const sanitization = details.sanitization as { method?: string; performedBy?: string; performedAt?: string; certificate?: string } | undefined;
  const safety = details.electricalSafety as { passed?: boolean; standard?: string } | undefined;
  return (
    <>
      {event.reason && (
        <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
          “{event.reason}”
        </Text>
      )}
      {sanitization && (
        <Text size="xs" c="dimmed" mt={4}>
          Data sanitized: {SANITIZATION_METHOD_LABELS[sanitization.method as SanitizationMethod] ?? sanitization.method}, by {sanitization.performedBy}
          {sanitization.certificate ? ` (certificate ${sanitization.certificate})` : ''}
        </Text>
      )}
      {safety && (
        <Text size="xs" c="dimmed" mt={4}>
          Electrical safety {safety.passed ? 'passed' : 'failed'}
          {safety.standard ? ` (${safety.standard})` : ''}
        </Text>
      )}
    </>
  );
}
