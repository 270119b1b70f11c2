import { checkInitialStatus, isHostname, normalizeIpAddress, normalizeMacAddress, parseUdi } from '@openhtm/domain';
import type { FormRulesRecord } from '@mantine/form';
import type { DeviceFormValues } from './form-values';

const maxLength = (limit: number) => (value: string) => (value.trim().length > limit ? `At most ${limit} characters` : null);

/** Checks while typing, the same rules the server applies, so that most mistakes never reach it. */
export const DEVICE_VALIDATION: FormRulesRecord<DeviceFormValues> = {
  assetTag: ((value: string) => {
    if (value.trim() === '') return 'Enter the asset tag';
    if (value.trim().length > 64) return 'At most 64 characters';
    if (!/^[\x20-\x7e]*$/.test(value.trim())) return 'Use printable characters only (letters, digits, - / .)';
    return null;
  }),
  serialNumber: maxLength(100),
  udi: ((value: string) => {
    if (value.trim() === '') return null;
    const parsed = parseUdi(value);
    const error = parsed.problems.find((problem) => problem.severity === 'error');
    return error ? error.message : null;
  }),
  modelId: ((value: string | null) => (value ? null : 'Choose the model')),
  facilityId: ((value: string | null) => (value ? null : 'Choose the facility')),
  locationNote: maxLength(500),
  acquisitionCost: ((value: number | string) => {
    if (value === '' || value === null) return null;
    const amount = Number(value);
    return Number.isNaN(amount) || amount < 0 ? 'A cost of 0 or more' : null;
  }),
  purchaseOrder: maxLength(100),
  warrantyEnd: ((value: string | null, values: DeviceFormValues) =>
    value && values.acquisitionDate && value < values.acquisitionDate ? 'The warranty cannot end before the device was acquired' : null),
  serviceContract: maxLength(200),
  hostname: ((value: string) => (value.trim() === '' || isHostname(value.trim()) ? null : 'Not a host name (letters, digits, hyphens and dots)')),
  ipAddress: ((value: string) => (value.trim() === '' || normalizeIpAddress(value) ? null : 'Not an IPv4 or IPv6 address, e.g. 10.20.30.40')),
  macAddress: ((value: string) => (value.trim() === '' || normalizeMacAddress(value) ? null : 'Not a MAC address, e.g. 00:1a:2b:3c:4d:5e')),
  operatingSystem: maxLength(100),
  firmwareVersion: maxLength(100),
  softwareVersion: maxLength(100),
  notes: maxLength(4000),
  outOfServiceReason: ((value: string | null, values: DeviceFormValues) => {
    if (values.status !== 'out_of_service') return null;
    return checkInitialStatus(values.status, { outOfServiceReason: value }).ok ? null : 'Say why the device is out of service';
  }),
};
