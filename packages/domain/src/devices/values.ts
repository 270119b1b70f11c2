import { isExists } from 'date-fns';
import {
  DEVICE_STATUSES,
  DEVICE_STATUS_META,
  OUT_OF_SERVICE_REASONS,
  type DeviceStatus,
  type OutOfServiceReason,
} from '../lifecycle/statuses.ts';
import { OWNERSHIPS, OWNERSHIP_LABELS, OWNERSHIP_SYNONYMS, type Ownership } from './fields.ts';

/** The parse of one spreadsheet cell: a typed value, or the message to show next to the cell. */
export type CellParse<T> = { ok: true; value: T } | { ok: false; message: string };

/** Lower-case, every run of punctuation or space as one space: "Vendor-Maintained " → "vendor maintained". */
export function normalizeWords(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/;
const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2199;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Reads a calendar date written as ISO yyyy-mm-dd (a time part is ignored) or US m/d/yyyy, and
 * returns it as yyyy-mm-dd. Dates that do not exist (2023-02-30), two-digit years and years
 * outside 1900–2199 are refused.
 */
export function parseImportDate(text: string): CellParse<string> {
  const trimmed = text.trim();
  let year: number;
  let month: number;
  let day: number;
  const iso = ISO_DATE.exec(trimmed);
  const us = iso ? null : US_DATE.exec(trimmed);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (us) {
    if (us[3]!.length === 2) return { ok: false, message: `"${trimmed}" has a two-digit year; write the year in full` };
    [month, day, year] = [Number(us[1]), Number(us[2]), Number(us[3])];
  } else {
    return { ok: false, message: `"${trimmed}" is not a date; use yyyy-mm-dd or m/d/yyyy` };
  }
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
    return { ok: false, message: `"${trimmed}" has an implausible year ${year}` };
  }
  if (!isExists(year, month - 1, day)) return { ok: false, message: `"${trimmed}" is not a real calendar date` };
  return { ok: true, value: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
}

const MONEY = /^(?:usd|us\$|\$)?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*(?:usd)?$/i;

/**
 * Reads a US-dollar amount ("$1,234.50", "1234.5", "USD 900") as a decimal string with two
 * places ("1234.50"), exact for a numeric column. Negative amounts and more than two decimals
 * (often a European "1.234,50") are refused.
 */
export function parseMoney(text: string): CellParse<string> {
  const trimmed = text.trim();
  if (/^-|^\(.*\)$/.test(trimmed.replace(/^\$\s*/, ''))) {
    return { ok: false, message: `"${trimmed}" is negative; a cost cannot be negative` };
  }
  const match = MONEY.exec(trimmed);
  if (!match) return { ok: false, message: `"${trimmed}" is not an amount; write it like 1234.50 or $1,234.50` };
  const whole = match[1]!.replace(/,/g, '').replace(/^0+(?=\d)/, '');
  const cents = (match[2] ?? '').padEnd(2, '0');
  return { ok: true, value: `${whole}.${cents}` };
}

const TRUE_WORDS = new Set(['y', 'yes', 'true', 't', '1', 'x']);
const FALSE_WORDS = new Set(['n', 'no', 'false', 'f', '0']);

/** Reads Y/N, yes/no, true/false, 1/0 (and "x" for a ticked box) in any case. */
export function parseImportBoolean(text: string): CellParse<boolean> {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return { ok: true, value: true };
  if (FALSE_WORDS.has(word)) return { ok: true, value: false };
  return { ok: false, message: `"${text.trim()}" is not yes or no; use Y or N` };
}

const OWNERSHIP_WORDS = new Map<string, Ownership>();
for (const ownership of OWNERSHIPS) {
  for (const spelling of [ownership, OWNERSHIP_LABELS[ownership], ...OWNERSHIP_SYNONYMS[ownership]]) {
    OWNERSHIP_WORDS.set(normalizeWords(spelling), ownership);
  }
}

/** Reads an ownership from its key, label or a common synonym ("Lease", "Rental", "Demo"…). */
export function parseOwnership(text: string): CellParse<Ownership> {
  const ownership = OWNERSHIP_WORDS.get(normalizeWords(text));
  if (ownership) return { ok: true, value: ownership };
  return {
    ok: false,
    message: `"${text.trim()}" is not an ownership; use one of ${OWNERSHIPS.map((o) => OWNERSHIP_LABELS[o]).join(', ')}`,
  };
}

export interface ImportedStatus {
  status: DeviceStatus;
  outOfServiceReason: OutOfServiceReason | null;
}

const STATUS_SYNONYMS: Partial<Record<DeviceStatus, readonly string[]>> = {
  received: ['new', 'pending acceptance', 'awaiting acceptance', 'pending inspection', 'awaiting inspection'],
  in_service: ['inservice', 'active', 'in use', 'available', 'deployed', 'operational'],
  out_of_service: ['oos', 'down', 'inoperable', 'broken'],
  retired: ['decommissioned', 'removed from service', 'out of use'],
  disposed: ['scrapped', 'salvaged', 'sold', 'discarded', 'disposal'],
};

const OUT_OF_SERVICE_KEYWORDS: ReadonlyArray<[RegExp, OutOfServiceReason]> = [
  [/\bparts?\b/, 'awaiting_parts'],
  [/\brecall/, 'recalled'],
  [/\bquarantin/, 'quarantined'],
  [/\brepair/, 'repair'],
];

const STATUS_WORDS = new Map<string, DeviceStatus>();
for (const status of DEVICE_STATUSES) {
  for (const spelling of [status, DEVICE_STATUS_META[status].label, ...(STATUS_SYNONYMS[status] ?? [])]) {
    STATUS_WORDS.set(normalizeWords(spelling), status);
  }
}

/**
 * Reads a device status as other systems export it ("Active", "In Service", "OOS - awaiting
 * parts", "Scrapped"). Words naming an out-of-service reason (repair, parts, recall, quarantine)
 * give an out-of-service status with that reason.
 */
export function parseImportStatus(text: string): CellParse<ImportedStatus> {
  const words = normalizeWords(text);
  const status = STATUS_WORDS.get(words);
  if (status) return { ok: true, value: { status, outOfServiceReason: null } };
  const reason = OUT_OF_SERVICE_KEYWORDS.find(([pattern]) => pattern.test(words))?.[1];
  if (reason) return { ok: true, value: { status: 'out_of_service', outOfServiceReason: reason } };
  return {
    ok: false,
    message: `"${text.trim()}" is not a device status; use e.g. In service, Out of service - ${OUT_OF_SERVICE_REASONS.join('/')}, Retired`,
  };
}
