import { lookupAi } from './ai-table.ts';
import { parseYymmdd } from './dates.ts';
import type { Gs1Parse } from './gs1-element-string.ts';
import { hasErrors, warning } from './problems.ts';
import type { UdiFormat, UdiParseResult } from './types.ts';

/**
 * Turns parsed GS1 elements into a UDI result: (01) is the device identifier, (17) expiry with
 * day 00 meaning the last day of the month, (11) manufacture date with day 00 read as the first
 * day, (10) lot, (21) serial.
 */
export function gs1Result(parse: Gs1Parse, format: UdiFormat, referenceDate: Date, symbology?: string): UdiParseResult {
  const problems = [...parse.problems];
  const valueOf = (ai: string) => parse.elements.find((e) => e.ai === ai)?.value;
  const dateOf = (ai: string, dayZero: 'first' | 'last') => {
    const value = valueOf(ai);
    if (value === undefined) return undefined;
    const date = parseYymmdd(value, referenceDate, dayZero);
    return date.ok ? date.iso : undefined;
  };

  const deviceIdentifier = valueOf('01');
  if (deviceIdentifier === undefined && parse.elements.length > 0) {
    problems.push(warning('missing_device_identifier', 'no GTIN (01): this GS1 data does not identify a device'));
  }
  const result: UdiParseResult = {
    issuer: 'GS1',
    format,
    elements: parse.elements.map((e) => {
      const label = lookupAi(e.ai)?.title;
      return label ? { key: e.ai, value: e.value, label } : { key: e.ai, value: e.value };
    }),
    problems,
    valid: !hasErrors(problems),
  };
  if (symbology) result.symbology = symbology;
  if (deviceIdentifier !== undefined) result.deviceIdentifier = deviceIdentifier;
  const expiryDate = dateOf('17', 'last');
  if (expiryDate) result.expiryDate = expiryDate;
  const manufactureDate = dateOf('11', 'first');
  if (manufactureDate) result.manufactureDate = manufactureDate;
  const lot = valueOf('10');
  if (lot !== undefined) result.lot = lot;
  const serial = valueOf('21');
  if (serial !== undefined) result.serial = serial;
  return result;
}

/**
 * The GS1 human-readable form `(01)00844588003288(17)141120(10)7654321D` of a GS1 result; an
 * opening bracket inside a value is escaped as `\(` so the text parses back to the same elements.
 * Empty for results of other issuers.
 */
export function formatGs1(result: Pick<UdiParseResult, 'issuer' | 'elements'>): string {
  if (result.issuer !== 'GS1') return '';
  return result.elements.map((e) => `(${e.key})${e.value.replaceAll('(', '\\(')}`).join('');
}
