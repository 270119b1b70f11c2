import { formatGs1, parseUdiOrAssetTag, type UdiProblem } from '@openhtm/domain';
import { api } from '../../app/api/client';
import type { DeviceSummary } from '../devices/api';
import type { DevicePrefill } from '../devices/NewDevicePage';

/** The answer to a scanned or typed code: the device it names, or what a new device would start from. */
export interface LookupPrefill {
  assetTag?: string;
  udi?: string;
  udiDi?: string;
  serialNumber?: string;
  lot?: string;
  expiryDate?: string;
  manufactureDate?: string;
  model?: { id: string; modelNumber: string; name: string | null };
  manufacturer?: { id: string; name: string };
  deviceType?: { id: string; name: string } | null;
}

/** What the scanned text was read as, and everything wrong with it. */
export interface ScanReading {
  kind: 'udi' | 'asset_tag' | 'unknown';
  issuer?: string;
  format?: string;
  valid: boolean;
  problems: Array<Pick<UdiProblem, 'code' | 'severity' | 'message'>>;
}

export type LookupResult =
  | { match: 'device'; device: DeviceSummary; scan: ScanReading }
  | { match: 'multiple'; devices: DeviceSummary[]; scan: ScanReading }
  | { match: 'none'; prefill?: LookupPrefill; scan: ScanReading };

export const lookupCode = (code: string) => api<LookupResult>('/v1/devices/lookup', { query: { code } });

/** The new-device form's prefill from the lookup's answer, completed from the client's own parse of the code. */
export function prefillOf(code: string, prefill: LookupPrefill = {}): DevicePrefill {
  const scan = parseUdiOrAssetTag(code);
  const result: DevicePrefill = {
    // A GS1 UDI is kept in its human-readable form: the GS separators of a scanned element string are invisible.
    udi: (scan.kind === 'udi' && formatGs1(scan.udi)) || prefill.udi || (scan.kind === 'udi' ? code.trim() : undefined),
    serialNumber: prefill.serialNumber ?? (scan.kind === 'udi' ? scan.udi.serial : undefined),
    assetTag: prefill.assetTag ?? (scan.kind === 'asset_tag' ? scan.assetTag : undefined),
    modelId: prefill.model?.id,
  };
  if (prefill.model) result.modelLabel = `${prefill.manufacturer?.name ?? ''} ${prefill.model.modelNumber}`.trim();
  return Object.fromEntries(Object.entries(result).filter(([, value]) => value)) as DevicePrefill;
}

/** `/devices/new?…`: the prefill in the address, so that a reload keeps it. */
export function newDeviceHref(prefill: DevicePrefill): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(prefill)) if (value && key !== 'modelLabel') params.set(key, value);
  const text = params.toString();
  return `/devices/new${text ? `?${text}` : ''}`;
}
