import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useCan } from '../../../app/auth/session';
import { PageHeader } from '../../../components/PageHeader';
import type { DeviceDetail } from '../api';
import { DeviceStatusBadge, FdaClassBadge, HighRiskBadge, LifeSupportBadge } from '../DeviceBadges';
import { ChangeStatusModal } from '../lifecycle/ChangeStatusModal';
import { offeredTransitions } from '../lifecycle/transitions';

export function deviceTitle(device: Pick<DeviceDetail, 'manufacturer' | 'model'>): string {
  const name = device.model.name && device.model.name !== device.model.modelNumber ? ` ${device.model.name}` : '';
  return `${device.manufacturer.name} ${device.model.modelNumber}${name}`;
}

/** Asset tag, status and risk badges, what the device is, and the status change at hand. */
export function DeviceHeader({ device, onOpenTab }: { device: DeviceDetail; onOpenTab: (tab: string) => void }) {
  const can = useCan();
  const [changing, changeModal] = useDisclosure(false);
  const offered = offeredTransitions(device, can);
  const lifeSupport = device.deviceType?.lifeSupport || device.fdaClassification?.lifeSustaining || device.risk.inputs?.lifeSupport;

  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: 'Devices', to: '/devices' }]}
        title={<span className="mono" style={{ fontSize: 'inherit' }}>{device.assetTag}</span>}
        description={[deviceTitle(device), device.deviceType?.name].filter(Boolean).join(' · ')}
        badges={
          <>
            <DeviceStatusBadge status={device.status} outOfServiceReason={device.outOfServiceReason} size="lg" />
            {device.risk.highRisk && <HighRiskBadge size="lg" overridden={Boolean(device.risk.override)} />}
            {lifeSupport && <LifeSupportBadge size="lg" />}
            {device.fdaClassification && <FdaClassBadge deviceClass={device.fdaClassification.deviceClass} label={device.fdaClassification.deviceName} />}
          </>
        }
        actions={
          offered.length > 0 && (
            <Button leftSection={<IconArrowsExchange size={18} />} onClick={changeModal.open}>
              Change status
            </Button>
          )
        }
      />
      {offered.length > 0 && (
        <ChangeStatusModal
          device={device}
          opened={changing}
          onClose={changeModal.close}
          onNeedsInspection={() => {
            changeModal.close();
            onOpenTab('lifecycle');
          }}
        />
      )}
    </>
  );
}
