import { Alert, Badge, Button, Group, Table, Text } from '@mantine/core';
import { IconAlertCircle, IconRefresh, IconStack2 } from '@tabler/icons-react';
import { OWNERSHIP_LABELS } from '@openhtm/domain';
import type { DeviceDetail, DeviceFields } from '../api';
import { fieldsOf, valuesOf, type DeviceFormValues } from '../form/form-values';

const LABELS: Record<keyof DeviceFields, string> = {
  assetTag: 'Asset tag',
  serialNumber: 'Serial number',
  udi: 'UDI',
  modelId: 'Model',
  facilityId: 'Facility',
  buildingId: 'Building',
  departmentId: 'Department',
  roomId: 'Room',
  locationNote: 'Location note',
  ownership: 'Ownership',
  acquisitionDate: 'Acquisition date',
  acquisitionCost: 'Acquisition cost',
  purchaseOrder: 'Purchase order',
  vendorId: 'Vendor',
  warrantyEnd: 'Warranty ends',
  serviceContract: 'Service contract',
  hostname: 'Host name',
  ipAddress: 'IP address',
  macAddress: 'MAC address',
  operatingSystem: 'Operating system',
  firmwareVersion: 'Firmware version',
  softwareVersion: 'Software version',
  storesPatientData: 'Stores patient data',
  notes: 'Notes',
};

/** The names of a device's references, for showing ids as people know them. */
function namesOf(device: DeviceDetail): Partial<Record<keyof DeviceFields, string | undefined>> {
  return {
    modelId: `${device.manufacturer.name} ${device.model.modelNumber}`,
    facilityId: device.facility.name,
    buildingId: device.building?.name,
    departmentId: device.department?.name,
    roomId: device.room?.name,
    vendorId: device.vendor?.name,
  };
}

function show(field: keyof DeviceFields, value: unknown, devices: DeviceDetail[], fallback = 'your choice'): string {
  if (value === null || value === '' || value === undefined) return '(empty)';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (field === 'ownership') return OWNERSHIP_LABELS[value as keyof typeof OWNERSHIP_LABELS] ?? String(value);
  if (field.endsWith('Id')) {
    const device = devices.find((candidate) => fieldsOf(valuesOf(candidate))[field] === value);
    return (device && namesOf(device)[field]) ?? fallback;
  }
  return String(value);
}

interface ConflictPanelProps {
  /** The version the user started from. */
  base: DeviceDetail;
  /** The version someone else saved meanwhile. */
  current: DeviceDetail;
  mine: DeviceFormValues;
  onTakeTheirs: () => void;
  onReapplyMine: () => void;
}

/** A refused save (412): what the other person changed and what this user changed, side by side, and the two ways on. */
export function ConflictPanel({ base, current, mine, onTakeTheirs, onReapplyMine }: ConflictPanelProps) {
  const before = fieldsOf(valuesOf(base));
  const theirs = fieldsOf(valuesOf(current));
  const yours = fieldsOf(mine);
  const fields = (Object.keys(LABELS) as Array<keyof DeviceFields>).filter((field) => theirs[field] !== before[field] || yours[field] !== before[field]);

  return (
    <Alert mt="lg" color="orange" variant="light" icon={<IconAlertCircle size={18} />} title="Someone else changed this device" role="alert" data-testid="edit-conflict">
      <Text size="sm" mb="sm">
        {current.updatedAt ? 'It was saved by another user after you opened it' : 'It was changed meanwhile'}, so your changes were not saved. Compare, then take the
        current version or put your changes on top of it and save again.
      </Text>
      <Table.ScrollContainer minWidth={480} type="native">
        <Table fz="sm" verticalSpacing={4} withTableBorder={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Field</Table.Th>
              <Table.Th>Now saved</Table.Th>
              <Table.Th>Yours</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((field) => {
              const theyChanged = theirs[field] !== before[field];
              const youChanged = yours[field] !== before[field];
              return (
                <Table.Tr key={field}>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {LABELS[field]}
                      {theyChanged && youChanged && theirs[field] !== yours[field] && (
                        <Badge size="xs" color="red" variant="light">
                          both
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td fw={theyChanged ? 600 : undefined} c={theyChanged ? undefined : 'dimmed'}>
                    {show(field, theirs[field], [current, base])}
                  </Table.Td>
                  <Table.Td fw={youChanged ? 600 : undefined} c={youChanged ? undefined : 'dimmed'}>
                    {show(field, yours[field], [current, base])}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group mt="sm" gap="xs">
        <Button size="xs" variant="white" color="orange" leftSection={<IconRefresh size={14} />} onClick={onTakeTheirs}>
          Take the current version
        </Button>
        <Button size="xs" color="orange" leftSection={<IconStack2 size={14} />} onClick={onReapplyMine}>
          Re-apply my changes on it
        </Button>
      </Group>
    </Alert>
  );
}
