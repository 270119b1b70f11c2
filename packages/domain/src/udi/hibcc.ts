import { HIBC_CHARSET, computeHibcCheckCharacter } from './check-digits.ts';
import { showChar } from './charsets.ts';
import { calendarDate, expandTwoDigitYear, ordinalDate, parseYymmdd, parseYyyymmdd, validHour, type DateParse } from './dates.ts';
import { error, hasErrors, warning } from './problems.ts';
import type { UdiElement, UdiParseResult, UdiProblem } from './types.ts';

interface HibccState {
  referenceDate: Date;
  elements: UdiElement[];
  problems: UdiProblem[];
  expiryDate?: string;
  manufactureDate?: string;
  lot?: string;
  serial?: string;
}

const LOT_OR_SERIAL = /^[A-Z0-9]{1,18}$/;

/** True when `text` has the HIBC supplier labelling flag `+` (optionally inside Code 39 `*` delimiters). */
export function looksLikeHibcc(text: string): boolean {
  return /^\*?\+/.test(text);
}

function add(state: HibccState, key: string, value: string, label: string): void {
  state.elements.push({ key, value, label });
}

function structure(state: HibccState, message: string): void {
  state.problems.push(error('hibcc_structure', message));
}

function applyDate(state: HibccState, field: 'expiryDate' | 'manufactureDate', raw: string, parsed: DateParse, label: string): void {
  add(state, field === 'expiryDate' ? 'expiry' : 'manufactureDate', raw, label);
  if (parsed.ok) state[field] = parsed.iso;
  else state.problems.push(error('invalid_date', `${label} "${raw}": ${parsed.reason}`, { key: field }));
}

/** Expiry date formats of the `$$` secondary data: the flag digit picks the layout. */
function readExpiry(state: HibccState, data: string): string {
  const ref = state.referenceDate;
  const year = (yy: string) => expandTwoDigitYear(Number(yy), ref);
  const flag = data.charAt(0);
  const layouts: Record<string, { length: number; parse: (d: string) => DateParse }> = {
    '2': { length: 6, parse: (d) => (/^[0-9]{6}$/.test(d) ? calendarDate(year(d.slice(4, 6)), Number(d.slice(0, 2)), Number(d.slice(2, 4))) : { ok: false, reason: 'expected MMDDYY' }) },
    '3': { length: 6, parse: (d) => parseYymmdd(d, ref) },
    '4': { length: 8, parse: (d) => (validHour(d.slice(6, 8)) ? parseYymmdd(d.slice(0, 6), ref) : { ok: false, reason: 'expected YYMMDDHH' }) },
    '5': { length: 5, parse: (d) => (/^[0-9]{5}$/.test(d) ? ordinalDate(year(d.slice(0, 2)), Number(d.slice(2))) : { ok: false, reason: 'expected YYJJJ' }) },
    '6': { length: 7, parse: (d) => (/^[0-9]{7}$/.test(d) && validHour(d.slice(5, 7)) ? ordinalDate(year(d.slice(0, 2)), Number(d.slice(2, 5))) : { ok: false, reason: 'expected YYJJJHH' }) },
  };
  if (flag === '0' || flag === '1') {
    const mmyy = data.slice(0, 4);
    const parsed = /^[0-9]{4}$/.test(mmyy) ? calendarDate(year(mmyy.slice(2)), Number(mmyy.slice(0, 2)), 0, 'last') : { ok: false as const, reason: 'expected MMYY' };
    applyDate(state, 'expiryDate', mmyy, parsed, 'Expiry date (MMYY)');
    return data.slice(4);
  }
  if (flag === '7') return data.slice(1);
  const layout = layouts[flag];
  if (!layout) {
    structure(state, `unknown HIBC date format flag ${showChar(flag)} after "$$"`);
    return '';
  }
  const raw = data.slice(1, 1 + layout.length);
  applyDate(state, 'expiryDate', raw, layout.parse(raw), `Expiry date (format ${flag})`);
  return data.slice(1 + layout.length);
}

function readLotOrSerial(state: HibccState, kind: 'lot' | 'serial', value: string, required: boolean): void {
  if (value === '' && !required) return;
  add(state, kind, value, kind === 'lot' ? 'Lot/batch' : 'Serial number');
  if (!LOT_OR_SERIAL.test(value)) structure(state, `${kind} "${value}" must be 1–18 capital letters or digits`);
  else state[kind] = value;
}

/** `$$`-prefixed data: optional quantity (`8` + 2 digits, `9` + 5 digits), expiry, then lot or serial. */
function readDated(state: HibccState, data: string, kind: 'lot' | 'serial'): void {
  let rest = data;
  const quantityDigits = rest.startsWith('8') ? 2 : rest.startsWith('9') ? 5 : 0;
  if (quantityDigits > 0) {
    const quantity = rest.slice(1, 1 + quantityDigits);
    add(state, 'quantity', quantity, 'Quantity');
    if (!new RegExp(`^[0-9]{${quantityDigits}}$`).test(quantity)) structure(state, `quantity "${quantity}" must be ${quantityDigits} digits`);
    rest = rest.slice(1 + quantityDigits);
  }
  readLotOrSerial(state, kind, readExpiry(state, rest), false);
}

function readSupplemental(state: HibccState, segment: string): void {
  const date = /^(14D|16D)(.*)$/.exec(segment);
  if (date) {
    const field = date[1] === '14D' ? 'expiryDate' : 'manufactureDate';
    applyDate(state, field, date[2] ?? '', parseYyyymmdd(date[2] ?? ''), date[1] === '14D' ? 'Expiry date (YYYYMMDD)' : 'Manufacture date (YYYYMMDD)');
  } else if (segment.startsWith('S')) {
    readLotOrSerial(state, 'serial', segment.slice(1), true);
  } else {
    add(state, 'supplemental', segment, 'Supplemental data');
    state.problems.push(warning('hibcc_structure', `supplemental data "/${segment}" is not interpreted`));
  }
}

/** Secondary data: lot, serial and dates, in one of the `$`, `$$`, `$+`, `$$+` or legacy Julian forms. */
function readSecondary(state: HibccState, data: string): void {
  const [main = '', ...supplemental] = data.split('/');
  if (main.startsWith('$$+')) readDated(state, main.slice(3), 'serial');
  else if (main.startsWith('$$')) readDated(state, main.slice(2), 'lot');
  else if (main.startsWith('$+')) readLotOrSerial(state, 'serial', main.slice(2), true);
  else if (main.startsWith('$')) readLotOrSerial(state, 'lot', main.slice(1), true);
  else if (/^[0-9]{5}/.test(main)) {
    const yyjjj = main.slice(0, 5);
    applyDate(state, 'expiryDate', yyjjj, ordinalDate(expandTwoDigitYear(Number(yyjjj.slice(0, 2)), state.referenceDate), Number(yyjjj.slice(2))), 'Expiry date (YYJJJ)');
    readLotOrSerial(state, 'lot', main.slice(5), false);
  } else structure(state, `secondary data "${main}" has no recognised format`);
  for (const segment of supplemental) readSupplemental(state, segment);
}

/** Primary data: labeler identification code (4, letter first), product/catalog number (1–18), unit of measure (digit). */
function readPrimary(state: HibccState, primary: string): string | undefined {
  const lic = primary.slice(0, 4);
  const pcn = primary.slice(4, -1);
  const unit = primary.slice(-1);
  add(state, 'LIC', lic, 'Labeler identification code');
  if (!/^[A-Z][A-Z0-9]{3}$/.test(lic)) structure(state, `labeler identification code "${lic}" must be a letter and three letters or digits`);
  if (primary.length < 6) {
    structure(state, 'primary data needs a product number and a unit of measure after the labeler code');
    return undefined;
  }
  add(state, 'PCN', pcn, 'Product or catalog number');
  add(state, 'unitOfMeasure', unit, 'Unit of measure');
  if (!/^[A-Z0-9]{1,18}$/.test(pcn)) structure(state, `product or catalog number "${pcn}" must be 1–18 capital letters or digits`);
  if (!/^[0-9]$/.test(unit)) structure(state, `unit of measure ${showChar(unit)} must be a digit`);
  return `${lic}${pcn}${unit}`;
}

function verifyCheckCharacter(state: HibccState, text: string): void {
  const badAt = [...text].findIndex((ch) => !HIBC_CHARSET.includes(ch));
  if (badAt >= 0) {
    state.problems.push(error('charset', `${showChar(text.charAt(badAt))} is not in the HIBC character set (0-9 A-Z - . space $ / + %)`, { position: badAt }));
  }
  const data = text.slice(0, -1);
  const given = text.slice(-1);
  const expected = computeHibcCheckCharacter(data);
  if (expected === undefined) {
    state.problems.push(error('check_character', 'the mod-43 check character cannot be verified because of characters outside the HIBC set'));
  } else if (expected !== given) {
    state.problems.push(error('check_character', `check character is ${showChar(given)} but the data gives ${showChar(expected)}`, { position: text.length - 1 }));
  }
}

/**
 * Parses HIBC LIC data (ANSI/HIBC 2.6): primary `+LIC PCN U C`, secondary `+$$… L C`, or both
 * joined by `/` with one mod-43 check character at the end. The device identifier is
 * LIC + product number + unit of measure.
 */
export function parseHibcc(input: string, referenceDate: Date, symbology?: string): UdiParseResult {
  const text = input.length > 2 && input.startsWith('*') && input.endsWith('*') ? input.slice(1, -1) : input;
  const state: HibccState = { referenceDate, elements: [], problems: [] };
  let deviceIdentifier: string | undefined;
  if (text.length < 3) structure(state, 'HIBC data is too short');
  else {
    verifyCheckCharacter(state, text);
    const content = text.slice(1, -1);
    if (/^[A-Z]/.test(content)) {
      const slash = content.indexOf('/');
      deviceIdentifier = readPrimary(state, slash < 0 ? content : content.slice(0, slash));
      if (slash >= 0) readSecondary(state, content.slice(slash + 1));
    } else if (/^[0-9$]/.test(content)) {
      readSecondary(state, content.slice(0, -1));
      add(state, 'link', content.slice(-1), 'Link character (check character of the primary data)');
    } else {
      structure(state, 'after "+" HIBC data starts with a labeler code (letter), "$" or a Julian date');
    }
    add(state, 'check', text.slice(-1), 'Check character');
  }
  const result: UdiParseResult = {
    issuer: 'HIBCC',
    format: 'hibcc',
    elements: state.elements,
    problems: state.problems,
    valid: !hasErrors(state.problems),
  };
  if (symbology) result.symbology = symbology;
  if (deviceIdentifier) result.deviceIdentifier = deviceIdentifier;
  if (state.expiryDate) result.expiryDate = state.expiryDate;
  if (state.manufactureDate) result.manufactureDate = state.manufactureDate;
  if (state.lot) result.lot = state.lot;
  if (state.serial) result.serial = state.serial;
  return result;
}
