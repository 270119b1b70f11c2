import type { AiComponent, AiDefinition } from './ai-table.ts';
import { CSET39, CSET64, CSET82, firstCharNotIn, isAllDigits, showChar } from './charsets.ts';
import { gs1CheckCharacterPairValid, gs1CheckDigitValid } from './check-digits.ts';
import { parseYymmdd, parseYyyymmdd, validHour, validMinuteOrSecond } from './dates.ts';
import { error } from './problems.ts';
import type { UdiProblem, UdiProblemCode } from './types.ts';

type CheckFailure = { code: UdiProblemCode; reason: string } | undefined;
type Check = (value: string, referenceDate: Date) => CheckFailure;

const invalid = (reason: string): CheckFailure => ({ code: 'invalid_value', reason });
const badDate = (reason: string): CheckFailure => ({ code: 'invalid_date', reason });

function dateCheck(parse: (v: string, ref: Date) => { ok: boolean; reason?: string }): Check {
  return (value, ref) => {
    const result = parse(value, ref);
    return result.ok ? undefined : badDate(result.reason ?? 'not a valid date');
  };
}

const CHECKS: Record<string, Check> = {
  csum: (v) => (gs1CheckDigitValid(v) ? undefined : { code: 'check_digit', reason: 'check digit is wrong' }),
  csumalpha: (v) => (gs1CheckCharacterPairValid(v) ? undefined : { code: 'check_digit', reason: 'check character pair is wrong' }),
  yymmd0: dateCheck((v, ref) => parseYymmdd(v, ref, 'last')),
  yymmdd: dateCheck((v, ref) => parseYymmdd(v, ref)),
  yyyymmdd: dateCheck((v) => parseYyyymmdd(v)),
  yymmddhh: (v, ref) => {
    const date = parseYymmdd(v.slice(0, 6), ref);
    if (!date.ok) return badDate(date.reason);
    return validHour(v.slice(6, 8)) ? undefined : badDate('hour must be 00–23');
  },
  yyyymmddhhmm: (v) => {
    const date = parseYyyymmdd(v.slice(0, 8));
    if (!date.ok) return badDate(date.reason);
    return validHour(v.slice(8, 10)) && validMinuteOrSecond(v.slice(10, 12)) ? undefined : badDate('time must be HHMM');
  },
  hhmm: (v) => (validHour(v.slice(0, 2)) && validMinuteOrSecond(v.slice(2, 4)) ? undefined : badDate('time must be HHMM')),
  mmoptss: (v) =>
    (v.length === 2 || v.length === 4) && validMinuteOrSecond(v.slice(0, 2)) && (v.length === 2 || validMinuteOrSecond(v.slice(2)))
      ? undefined
      : badDate('minutes and optional seconds must be MM or MMSS'),
  zero: (v) => (v === '0' ? undefined : invalid('must be 0')),
  nonzero: (v) => (/^0+$/.test(v) ? invalid('must not be zero') : undefined),
  winding: (v) => (['0', '1', '9'].includes(v) ? undefined : invalid('winding direction must be 0, 1 or 9')),
  yesno: (v) => (v === '0' || v === '1' ? undefined : invalid('must be 0 or 1')),
  iso5218: (v) => (['0', '1', '2', '9'].includes(v) ? undefined : invalid('sex code must be 0, 1, 2 or 9 (ISO/IEC 5218)')),
  pieceoftotal: (v) => {
    const piece = Number(v.slice(0, 2));
    const total = Number(v.slice(2, 4));
    return piece >= 1 && total >= 1 && piece <= total ? undefined : invalid('piece number must be between 1 and the total');
  },
  // The ISO 3166 and ISO 4217 code lists are not embedded; only the shape of the code is checked.
  iso3166: (v) => (/^[0-9]{3}$/.test(v) ? undefined : invalid('country code must be three digits')),
  iso3166999: (v) => (/^[0-9]{3}$/.test(v) ? undefined : invalid('country code must be three digits')),
  iso3166list: (v) => (v.length % 3 === 0 ? undefined : invalid('country codes must come in groups of three digits')),
  iso3166alpha2: (v) => (/^[A-Z]{2}$/.test(v) ? undefined : invalid('country code must be two capital letters')),
  iso4217: (v) => (/^[0-9]{3}$/.test(v) ? undefined : invalid('currency code must be three digits')),
  hyphen: (v) => (v === '-' ? undefined : invalid('only "-" is allowed here')),
  pcenc: (v) => (/%(?![0-9A-Fa-f]{2})/.test(v) ? invalid('"%" must start a two-digit hexadecimal escape') : undefined),
  latitude: (v) => (Number(v) <= 1_800_000_000 ? undefined : invalid('latitude is out of range')),
  longitude: (v) => (Number(v) <= 3_600_000_000 ? undefined : invalid('longitude is out of range')),
  nozeroprefix: (v) => (v.length > 1 && v.startsWith('0') ? invalid('must not start with 0') : undefined),
  importeridx: (v) => (/^[-0-9A-Za-z_]$/.test(v) ? undefined : invalid('importer index must be one of - 0-9 A-Z _ a-z')),
  mediatype: (v) => {
    const n = Number(v);
    return (n >= 1 && n <= 10) || n >= 80 ? undefined : invalid('AIDC media type must be 01–10 or 80–99');
  },
  posinseqslash: (v) => {
    const match = /^([0-9])\/([0-9])$/.exec(v);
    return match && Number(match[1]) >= 1 && Number(match[1]) <= Number(match[2]) ? undefined : invalid('must be "n/m" with 1 ≤ n ≤ m');
  },
  iban: (v) => (ibanValid(v) ? undefined : { code: 'check_digit', reason: 'IBAN check digits are wrong' }),
};

function ibanValid(iban: string): boolean {
  if (!/^[A-Z]{2}[0-9]{2}[0-9A-Z]{1,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const digits = /[0-9]/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

const CHARSETS: Record<Exclude<AiComponent['charset'], 'N'>, string> = { X: CSET82, Y: CSET39, Z: CSET64 };

/** Splits `value` across the AI's components, reporting a length problem when it does not fit. */
function splitComponents(definition: AiDefinition, value: string): { parts: string[]; problem?: UdiProblem } {
  const parts: string[] = [];
  let rest = value;
  for (const component of definition.components) {
    if (rest.length === 0 && component.optional) break;
    if (rest.length < component.min) {
      return { parts, problem: error('value_too_short', `(${definition.ai}) is too short: "${value}" has ${value.length} characters`, { key: definition.ai }) };
    }
    const take = Math.min(rest.length, component.max);
    parts.push(rest.slice(0, take));
    rest = rest.slice(take);
  }
  if (rest.length > 0) {
    return { parts, problem: error('value_too_long', `(${definition.ai}) is too long: "${value}" has ${value.length} characters`, { key: definition.ai }) };
  }
  return { parts };
}

/**
 * Problems with `value` as the data of `definition`: length, character set, then the content checks
 * of each component (check digits, dates, code shapes).
 */
export function validateAiValue(definition: AiDefinition, value: string, referenceDate: Date, position?: number): UdiProblem[] {
  const at = position === undefined ? {} : { position };
  if (value.length === 0) return [error('missing_value', `(${definition.ai}) has no data`, { key: definition.ai, ...at })];
  const { parts, problem } = splitComponents(definition, value);
  if (problem) return [{ ...problem, ...at }];
  const problems: UdiProblem[] = [];
  parts.forEach((part, index) => {
    const component = definition.components[index];
    if (!component) return;
    const badAt = component.charset === 'N' ? (isAllDigits(part) ? -1 : part.search(/[^0-9]/)) : firstCharNotIn(part, CHARSETS[component.charset]);
    if (badAt >= 0) {
      const allowed = component.charset === 'N' ? 'digits' : `GS1 character set ${component.charset === 'X' ? '82' : component.charset === 'Y' ? '39' : '64'}`;
      problems.push(error('charset', `(${definition.ai}) contains ${showChar(part.charAt(badAt))}; only ${allowed} are allowed`, { key: definition.ai, ...at }));
      return;
    }
    for (const name of component.checks) {
      const failure = CHECKS[name]?.(part, referenceDate);
      if (failure) {
        problems.push(error(failure.code, `(${definition.ai}) "${value}": ${failure.reason}`, { key: definition.ai, ...at }));
        return;
      }
    }
  });
  return problems;
}
