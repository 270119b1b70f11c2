import { expandTwoDigitYear, ordinalDate } from './dates.ts';
import { error, hasErrors, warning } from './problems.ts';
import type { UdiElement, UdiParseResult, UdiProblem } from './types.ts';

/**
 * ISBT 128 data identifiers that matter for device and tissue labels. Each data structure starts
 * with `=` or `&`; the Donation Identification Number uses `=` alone, followed by its first data
 * character. Dates are `cyyjjj` (century digit, year, day of year), optionally followed by `hhmm`.
 */
const IDENTIFIERS: Record<string, { label: string; date?: 'expiry' | 'manufacture' }> = {
  '=': { label: 'Donation identification number (DIN)' },
  '=%': { label: 'Blood groups (ABO and RhD)' },
  '=<': { label: 'Product code' },
  '=>': { label: 'Expiration date', date: 'expiry' },
  '&>': { label: 'Expiration date and time', date: 'expiry' },
  '=*': { label: 'Collection date' },
  '&*': { label: 'Collection date and time' },
  '=}': { label: 'Production date', date: 'manufacture' },
  '&}': { label: 'Production date and time', date: 'manufacture' },
  '=)': { label: 'Container manufacturer and catalog number' },
  '&)': { label: 'Container lot number' },
  '=/': { label: 'Processor product identification code (PPIC)' },
};

/** True when `text` starts with an ISBT 128 data identifier (`=` or `&` and a data character). */
export function looksLikeIccbba(text: string): boolean {
  return /^[=&][^\s]/.test(text);
}

function identifierAt(text: string, pos: number): string {
  const second = text.charAt(pos + 1);
  if (text.charAt(pos) === '=' && /[A-Z0-9]/.test(second)) return '=';
  if (text.charAt(pos) === '&' && second === ',' && /[0-9]/.test(text.charAt(pos + 2))) return text.slice(pos, pos + 3);
  return text.slice(pos, pos + 2);
}

function isoFromCyyjjj(value: string, referenceDate: Date): string | undefined {
  if (!/^[0-9]{6}/.test(value)) return undefined;
  const date = ordinalDate(expandTwoDigitYear(Number(value.slice(1, 3)), referenceDate), Number(value.slice(3, 6)));
  return date.ok ? date.iso : undefined;
}

/**
 * Recognises ISBT 128 (ICCBBA) data such as `=/A9999XYZ100T0474=A99971312345600`: splits it into
 * data structures at each `=` / `&`, names the common ones and reads their dates. The PPIC (`=/`)
 * is the device identifier. Deeper validation (DIN check character, product code tables) is not done.
 */
export function parseIccbba(text: string, referenceDate: Date, symbology?: string): UdiParseResult {
  const elements: UdiElement[] = [];
  const problems: UdiProblem[] = [];
  const result: UdiParseResult = { issuer: 'ICCBBA', format: 'iccbba', elements, problems, valid: false };
  if (symbology) result.symbology = symbology;
  let pos = 0;
  while (pos < text.length) {
    const key = identifierAt(text, pos);
    const next = text.slice(pos + key.length).search(/[=&]/);
    const end = next < 0 ? text.length : pos + key.length + next;
    const value = text.slice(pos + key.length, end);
    const known = IDENTIFIERS[key];
    elements.push(known ? { key, value, label: known.label } : { key, value });
    if (value === '') problems.push(error('iccbba_structure', `data identifier "${key}" has no data`, { key, position: pos }));
    else if (/[^\x21-\x7e]/.test(value)) problems.push(error('invalid_character', `data identifier "${key}" holds characters outside printable ASCII`, { key, position: pos }));
    if (!known) problems.push(warning('iccbba_structure', `data identifier "${key}" is not interpreted`, { key, position: pos }));
    if (known?.date && value) {
      const iso = isoFromCyyjjj(value, referenceDate);
      if (!iso) problems.push(error('invalid_date', `${known.label} "${value}" is not a valid cyyjjj date`, { key, position: pos }));
      else if (known.date === 'expiry') result.expiryDate = iso;
      else result.manufactureDate = iso;
    }
    if (key === '=/' && value) result.deviceIdentifier = value;
    pos = end;
  }
  result.valid = !hasErrors(problems);
  return result;
}
