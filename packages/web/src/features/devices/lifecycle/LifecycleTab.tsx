import { Alert, Anchor, Button, Card, Grid, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCircleCheck, IconClipboardCheck, IconInfoCircle } from '@tabler/icons-react';
import { DEVICE_STATUS_META, type DeviceStatus } from '@openhtm/domain';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCan } from '../../../app/auth/session';
import { DateTime } from '../../../components/DateTime';
import type { DeviceDetail } from '../api';
import { DeviceStatusBadge } from '../DeviceBadges';
import { EventDetails, EventTitle, eventBullet } from '../timeline/EventSummary';
import { ChangeStatusModal } from './ChangeStatusModal';
import { IncomingInspectionModal } from './IncomingInspectionModal';
import { offeredTransitions } from './transitions';

const INSPECTABLE: ReadonlySet<DeviceStatus> = new Set(['received', 'out_of_service']);

/** Where the device is in its lifecycle, where it may go next, its acceptance inspection and the latest events. */
export function LifecycleTab({ device }: { device: DeviceDetail }) {
  const can = useCan();
  const offered = offeredTransitions(device, can);
  const [target, setTarget] = useState<DeviceStatus | null>(null);
  const [changing, changeModal] = useDisclosure(false);
  const [inspecting, inspectionModal] = useDisclosure(false);
  const meta = DEVICE_STATUS_META[device.status];
  const canInspect = can('device.write', { facilityId: device.facility.id }) && INSPECTABLE.has(device.status);

  const open = (to: DeviceStatus) => {
    setTarget(to);
    changeModal.open();
  };

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="lg">
          <Card>
            <Title order={2} size="h4" mb="sm">
              Status
            </Title>
            <Group gap="sm" mb={6}>
              <DeviceStatusBadge status={device.status} outOfServiceReason={device.outOfServiceReason} size="lg" />
            </Group>
            <Text size="sm" c="dimmed">
              {meta.description}
            </Text>
            {offered.length > 0 ? (
              <>
                <Text size="sm" fw={500} mt="md" mb="xs">
                  Move to
                </Text>
                <Group gap="xs">
                  {offered.map((to) => (
                    <Button key={to} variant="light" size="xs" color={to === 'retired' || to === 'disposed' || to === 'rejected' ? 'red' : undefined} onClick={() => open(to)}>
                      {to === device.status ? 'Change the out-of-service reason' : DEVICE_STATUS_META[to].label}
                    </Button>
                  ))}
                </Group>
              </>
            ) : (
              <Text size="sm" mt="md" c="dimmed">
                {meta.terminal ? 'This status is final: no change leaves it.' : 'Your role may not change the status of this device.'}
              </Text>
            )}
          </Card>
          <Card>
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h4">
                Latest events
              </Title>
              <Anchor component={Link} to="?tab=timeline" size="sm">
                Full timeline
              </Anchor>
            </Group>
            {device.recentEvents.length === 0 ? (
              <Text size="sm" c="dimmed">
                No lifecycle events recorded yet.
              </Text>
            ) : (
              <Timeline bulletSize={24} lineWidth={2}>
                {device.recentEvents.map((event) => (
                  <Timeline.Item key={event.id} bullet={eventBullet(event)}>
                    <EventTitle event={event} />
                    <EventDetails event={event} />
                    <Text size="xs" c="dimmed" mt={4}>
                      {event.actor} · <DateTime value={event.occurredAt} relative size="xs" c="dimmed" />
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            )}
          </Card>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Card>
          <Title order={2} size="h4" mb="sm">
            Incoming inspection
          </Title>
          {device.incomingInspectionPassedAt ? (
            <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title="Passed">
              <Text size="sm">
                Accepted on <DateTime value={device.incomingInspectionPassedAt} />.
              </Text>
            </Alert>
          ) : device.hasBeenInService ? (
            <Text size="sm" c="dimmed">
              The device was in service before it was recorded here; its acceptance predates the system.
            </Text>
          ) : (
            <Alert color="orange" variant="light" icon={<IconInfoCircle size={18} />} title="Not passed yet">
              <Text size="sm">An electrical safety and functional test must pass before the device first goes into service.</Text>
            </Alert>
          )}
          {canInspect && (
            <Group mt="md">
              <Button variant={device.incomingInspectionPassedAt ? 'default' : 'filled'} leftSection={<IconClipboardCheck size={18} />} onClick={inspectionModal.open}>
                Record incoming inspection
              </Button>
            </Group>
          )}
        </Card>
      </Grid.Col>
      {offered.length > 0 && (
        <ChangeStatusModal device={device} opened={changing} onClose={changeModal.close} initialTo={target} onNeedsInspection={() => { changeModal.close(); inspectionModal.open(); }} />
      )}
      {canInspect && <IncomingInspectionModal device={device} opened={inspecting} onClose={inspectionModal.close} />}
    </Grid>
  );
}
