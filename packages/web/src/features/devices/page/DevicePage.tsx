import { Badge, Tabs } from '@mantine/core';
import { IconClipboardList, IconHistory, IconInfoCircle, IconPaperclip, IconPencil, IconShieldHalf } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../app/api/problem';
import { useCan } from '../../../app/auth/session';
import { DetailSkeleton } from '../../../components/DetailSkeleton';
import { ErrorState } from '../../../components/ErrorState';
import { NotFoundState } from '../../errors/NotFoundPage';
import { deviceQuery } from '../api';
import { AttachmentsTab } from '../attachments/AttachmentsTab';
import { EditDeviceForm } from '../edit/EditDeviceForm';
import { LifecycleTab } from '../lifecycle/LifecycleTab';
import { RiskStrategyTab } from '../risk/RiskStrategyTab';
import { DeviceTimeline } from '../timeline/DeviceTimeline';
import { DeviceHeader } from './DeviceHeader';
import { DeviceOverview } from './DeviceOverview';

const TABS = ['overview', 'risk', 'lifecycle', 'timeline', 'attachments', 'edit'] as const;
type Tab = (typeof TABS)[number];

/** Everything about one device: identity, location, risk, lifecycle, history and documents. */
export function DevicePage() {
  const { id = '' } = useParams();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const { data: device, error, isPending, refetch } = useQuery(deviceQuery(id));
  const tabs = useRef<HTMLDivElement>(null);
  const requested = params.get('tab');
  // On phones the tab strip scrolls sideways: the open tab is brought into view.
  useEffect(() => {
    tabs.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [requested, isPending]);

  if (isPending) return <DetailSkeleton />;
  if (error) {
    if (isApiError(error) && (error.status === 404 || error.status === 400)) {
      return <NotFoundState title="This device does not exist" description="The link may be wrong, or the device belongs to a facility you do not have access to." backTo="/devices" backLabel="All devices" />;
    }
    return <ErrorState error={error} onRetry={() => void refetch()} />;
  }

  const write = can('device.write', { facilityId: device.facility.id });
  const tab: Tab = requested && (TABS as readonly string[]).includes(requested) && (requested !== 'edit' || write) ? (requested as Tab) : 'overview';
  const openTab = (next: string | null) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (!next || next === 'overview') updated.delete('tab');
        else updated.set('tab', next);
        return updated;
      },
      { replace: true },
    );

  return (
    <>
      <DeviceHeader device={device} onOpenTab={openTab} />
      <Tabs value={tab} onChange={openTab} keepMounted={false}>
        <Tabs.List ref={tabs} mb="lg" style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden', scrollbarWidth: 'none' }}>
          <Tabs.Tab value="overview" leftSection={<IconInfoCircle size={16} />}>
            Overview
          </Tabs.Tab>
          <Tabs.Tab value="risk" leftSection={<IconShieldHalf size={16} />}>
            Risk & strategy
          </Tabs.Tab>
          <Tabs.Tab value="lifecycle" leftSection={<IconClipboardList size={16} />}>
            Lifecycle
          </Tabs.Tab>
          <Tabs.Tab value="timeline" leftSection={<IconHistory size={16} />}>
            Timeline
          </Tabs.Tab>
          <Tabs.Tab
            value="attachments"
            leftSection={<IconPaperclip size={16} />}
            rightSection={device.attachmentsCount > 0 ? <Badge size="xs" variant="light" circle>{device.attachmentsCount}</Badge> : undefined}
          >
            Attachments
          </Tabs.Tab>
          {write && (
            <Tabs.Tab value="edit" leftSection={<IconPencil size={16} />}>
              Edit
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <DeviceOverview device={device} />
        </Tabs.Panel>
        <Tabs.Panel value="risk">
          <RiskStrategyTab device={device} />
        </Tabs.Panel>
        <Tabs.Panel value="lifecycle">
          <LifecycleTab device={device} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline">
          <DeviceTimeline deviceId={device.id} />
        </Tabs.Panel>
        <Tabs.Panel value="attachments">
          <AttachmentsTab device={device} />
        </Tabs.Panel>
        {write && (
          <Tabs.Panel value="edit">
            <EditDeviceForm device={device} onSaved={() => openTab('overview')} />
          </Tabs.Panel>
        )}
      </Tabs>
    </>
  );
}
