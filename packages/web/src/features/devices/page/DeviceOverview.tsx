import { Anchor, Badge, Card, DataList, Grid, Group, NumberFormatter, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { FDA_DEVICE_CLASS_LABELS, formatGs1, OWNERSHIP_LABELS, parseUdi, type FdaDeviceClass } from '@openhtm/domain';
import type { ReactNode } from 'react';
import { DateTime } from '../../../components/DateTime';
import { Field } from '../../../components/Field';
import type { DeviceDetail } from '../api';
import { usePhone } from '../../../components/data-table/DataTable';
import { ConnectedIcon } from '../DeviceBadges';
import { UdiProblems } from '../udi/UdiPreview';
import { NOMENCLATURE_LABELS, type NomenclatureSystem } from '../../device-types/api';

const none = (
  <Text span size="sm" c="dimmed">
    —
  </Text>
);
const or = (value: ReactNode) => (value === null || value === undefined || value === '' ? none : value);
const mono = (value: string | null) => (value ? <span className="mono">{value}</span> : none);

function Section({ title, children, extra }: { title: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <Card>
      <Group justify="space-between" mb="md" gap="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        {extra}
      </Group>
      {children}
    </Card>
  );
}

/** The UDI in GS1 human-readable form when it parses as GS1, with any problem its check digits show. */
function Udi({ udi }: { udi: string | null }) {
  if (!udi) return none;
  const parsed = parseUdi(udi);
  const gs1 = formatGs1(parsed);
  return (
    <Stack gap={2}>
      <span className="mono" style={{ wordBreak: 'break-all' }}>
        {gs1 || udi}
      </span>
      {parsed.issuer !== 'unknown' && (
        <Text size="xs" c="dimmed">
          {parsed.issuer}
          {parsed.lot ? ` · lot ${parsed.lot}` : ''}
          {parsed.expiryDate ? ` · expires ${parsed.expiryDate}` : ''}
        </Text>
      )}
      <UdiProblems problems={parsed.problems.filter((problem) => problem.severity === 'error')} />
    </Stack>
  );
}

/** Identity, location, ownership, warranty, network and notes of a device, in cards. */
export function DeviceOverview({ device }: { device: DeviceDetail }) {
  const phone = usePhone();
  const fda = device.fdaClassification;
  const labelWidth = phone ? 120 : 170;
  const today = new Date().toISOString().slice(0, 10);
  const sections = {
    identity: (
      <Section title="Identity">
        <DataList labelWidth={labelWidth} withDivider>
          <Field label="Asset tag" value={mono(device.assetTag)} />
          <Field label="Serial number" value={mono(device.serialNumber)} />
          <Field label="UDI" value={<Udi udi={device.udi} />} />
          {device.udiDi && <Field label="UDI device identifier" value={mono(device.udiDi)} />}
          <Field label="Manufacturer" value={device.manufacturer.name} />
          <Field label="Model" value={<>{device.model.modelNumber}{device.model.name && device.model.name !== device.model.modelNumber ? ` — ${device.model.name}` : ''}</>} />
          <Field
            label="Device type"
            value={device.deviceType ? <>{device.deviceType.name}{device.deviceType.nomenclatureCode && <Text span size="xs" c="dimmed"> · {NOMENCLATURE_LABELS[device.deviceType.nomenclatureSystem as NomenclatureSystem] ?? device.deviceType.nomenclatureSystem} {device.deviceType.nomenclatureCode}</Text>}</> : none}
          />
          <Field
            label="FDA classification"
            value={
              fda ? (
                <Stack gap={2}>
                  <Text size="sm">
                    {fda.deviceName} <span className="mono">({fda.productCode})</span>
                  </Text>
                  <Group gap={4}>
                    <Badge size="sm" variant="outline" color="gray">{FDA_DEVICE_CLASS_LABELS[fda.deviceClass as FdaDeviceClass] ?? `Class ${fda.deviceClass}`}</Badge>
                    {fda.lifeSustaining && <Badge size="sm" variant="light" color="pink">Life-sustaining</Badge>}
                    {fda.implant && <Badge size="sm" variant="light" color="grape">Implant</Badge>}
                    {fda.regulationNumber && <Text size="xs" c="dimmed">21 CFR {fda.regulationNumber}</Text>}
                  </Group>
                </Stack>
              ) : device.model.fdaProductCode ? (
                <Text size="sm">
                  <span className="mono">{device.model.fdaProductCode}</span>{' '}
                  <Text span size="xs" c="dimmed">
                    · not in the imported FDA classification
                  </Text>
                </Text>
              ) : (
                none
              )
            }
          />
          <Field label="Expected end of life" value={device.expectedEndOfLife ? <><DateTime value={device.expectedEndOfLife} dateOnly c={device.expectedEndOfLife < today ? 'orange' : undefined} />{device.model.expectedLifeYears && <Text span size="xs" c="dimmed"> · {device.model.expectedLifeYears} years</Text>}</> : none} />
          <Field label="End of support" value={<DateTime value={device.model.endOfSupport} dateOnly c={device.model.endOfSupport && device.model.endOfSupport < today ? 'orange' : undefined} />} />
          {device.model.ifuUrl && (
            <Field
              label="Instructions for use"
              value={
                <Anchor href={device.model.ifuUrl} target="_blank" rel="noreferrer" size="sm">
                  Open the IFU <IconExternalLink size={12} />
                </Anchor>
              }
            />
          )}
        </DataList>
      </Section>
    ),
    network: (
      <Section title="Network" extra={<ConnectedIcon connected={device.connected} />}>
        {device.connected || device.operatingSystem || device.softwareVersion || device.firmwareVersion ? (
          <DataList labelWidth={labelWidth} withDivider>
            <Field label="Host name" value={mono(device.hostname)} />
            <Field label="IP address" value={mono(device.ipAddress)} />
            <Field label="MAC address" value={mono(device.macAddress)} />
            <Field label="Operating system" value={or(device.operatingSystem)} />
            <Field label="Firmware" value={or(device.firmwareVersion)} />
            <Field label="Software" value={or(device.softwareVersion)} />
          </DataList>
        ) : (
          <Text size="sm" c="dimmed">
            Not connected: no host name, IP or MAC address recorded.
          </Text>
        )}
      </Section>
    ),
    location: (
      <Section title="Location">
        <DataList labelWidth={120} withDivider>
          <Field label="Facility" value={`${device.facility.name} (${device.facility.code})`} />
          <Field label="Building" value={or(device.building?.name)} />
          <Field label="Department" value={or(device.department?.name)} />
          <Field label="Room" value={or(device.room?.name)} />
          {device.locationNote && <Field label="Note" value={device.locationNote} />}
        </DataList>
      </Section>
    ),
    ownership: (
      <Section title="Ownership and acquisition">
        <DataList labelWidth={phone ? 120 : 140} withDivider>
          <Field label="Ownership" value={OWNERSHIP_LABELS[device.ownership] ?? device.ownership} />
          <Field label="Acquired" value={<DateTime value={device.acquisitionDate} dateOnly />} />
          <Field label="Cost" value={device.acquisitionCost !== null ? <NumberFormatter value={device.acquisitionCost} prefix="$" thousandSeparator decimalScale={2} fixedDecimalScale /> : none} />
          <Field label="Purchase order" value={mono(device.purchaseOrder)} />
          <Field label="Vendor" value={or(device.vendor?.name)} />
        </DataList>
      </Section>
    ),
    warranty: (
      <Section title="Warranty and contract" extra={device.underWarranty ? <Badge color="teal" variant="light">Under warranty</Badge> : undefined}>
        <DataList labelWidth={phone ? 120 : 140} withDivider>
          <Field label="Warranty ends" value={<DateTime value={device.warrantyEnd} dateOnly />} />
          <Field label="Service contract" value={or(device.serviceContract)} />
        </DataList>
      </Section>
    ),
    notes: (
      <Section title="Data and notes">
        <DataList labelWidth={phone ? 120 : 140} withDivider>
          <Field label="Patient data" value={device.storesPatientData ? 'Stores patient data (sanitize before disposal)' : 'Stores no patient data'} />
          <Field label="Added" value={<DateTime value={device.createdAt} />} />
          <Field label="Last changed" value={<DateTime value={device.updatedAt} relative />} />
        </DataList>
        {device.notes && (
          <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap' }}>
            {device.notes}
          </Text>
        )}
      </Section>
    ),
  };
  // At the bedside, where the device belongs comes right after what it is.
  if (phone) {
    return (
      <Stack gap="md">
        {sections.identity}
        {sections.location}
        {sections.warranty}
        {sections.network}
        {sections.ownership}
        {sections.notes}
      </Stack>
    );
  }
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="lg">
          {sections.identity}
          {sections.network}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Stack gap="lg">
          {sections.location}
          {sections.ownership}
          {sections.warranty}
          {sections.notes}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
