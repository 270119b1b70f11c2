import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { AEM_EXCLUSION_LABELS, type DeviceType } from './api';

/** The EM number as a badge: red when high-risk, teal when in the program, grey otherwise. */
export function RiskScoreBadge({ risk }: { risk: DeviceType['defaultRisk'] }) {
  const color = risk.highRisk ? 'red' : risk.includedInMaintenanceProgram ? 'teal' : 'gray';
  return (
    <Tooltip label={risk.reasons.join('. ')} multiline w={280}>
      <Group gap={6} wrap="nowrap" justify="inherit">
        <Badge color={color} variant={risk.highRisk ? 'filled' : 'light'} miw={36}>
          {risk.score}
        </Badge>
        {risk.highRisk && (
          <Text size="xs" c="red.7" fw={600}>
            High-risk
          </Text>
        )}
      </Group>
    </Tooltip>
  );
}

export function AemStatus({ deviceType }: { deviceType: Pick<DeviceType, 'aemExclusion'> }) {
  return deviceType.aemExclusion ? (
    <Badge color="orange" variant="light" size="sm">
      No AEM: {AEM_EXCLUSION_LABELS[deviceType.aemExclusion].toLowerCase()}
    </Badge>
  ) : (
    <Text size="sm" c="dimmed">
      AEM allowed
    </Text>
  );
}

export function Nomenclature({ deviceType }: { deviceType: Pick<DeviceType, 'nomenclatureSystem' | 'nomenclatureCode'> }) {
  if (!deviceType.nomenclatureCode) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Text size="sm">
      <Text span size="xs" c="dimmed">
        {deviceType.nomenclatureSystem === 'local' ? 'Local' : deviceType.nomenclatureSystem}{' '}
      </Text>
      <span className="mono">{deviceType.nomenclatureCode}</span>
    </Text>
  );
}
