import { computeGs1CheckDigit, computeHibcCheckCharacter, gtinCheckDigitValid } from '@openhtm/domain';
import type { FieldProblem } from '../../http/errors.ts';
import type { IdentifierIn } from './schema.ts';

export type IssuingAgency = IdentifierIn['issuingAgency'];
export type IdentifierKind = NonNullable<IdentifierIn['kind']>;

/** A model identifier as stored: the DI in its canonical form and whether it passed its agency's check. */
export interface CheckedIdentifier {
  issuing_agency: IssuingAgency;
  device_identifier: string;
  kind: IdentifierKind;
  check_digit_valid: boolean;
}

/** HIBCC DI: labeler code (a letter and three letters or digits), product or catalog number, unit-of-measure digit. */
const HIBCC_DI = /^[A-Z][A-Z0-9]{3}[A-Z0-9]{1,18}[0-9]$/;
const ICCBBA_DI = /^[A-Z0-9]{6,23}$/;

/** An HIBCC DI as labelers list it: without a check character, or followed by its correct mod-43 check character. */
function hibccDiValid(di: string): boolean {
  if (HIBCC_DI.test(di)) return true;
  const body = di.slice(0, -1);
  return HIBCC_DI.test(body) && computeHibcCheckCharacter(`+${body}`) === di.slice(-1);
}

export interface IdentifierCheck {
  identifier: CheckedIdentifier;
  /** What is wrong with the DI; empty when it passed. */
  problem: string | null;
}

/**
 * Canonical form and check of a UDI device identifier. GS1 DIs are GTINs, kept as GTIN-14 (zero-padded, as in
 * AI (01) of a scanned UDI) and verified by their mod-10 check digit; HIBCC DIs must have the HIBC structure
 * (GUDID lists them without the `+`, some with their check character, which must then be right); ICCBBA DIs must be
 * ISBT 128 characters.
 */
export function checkIdentifier(input: { issuingAgency: IssuingAgency; deviceIdentifier: string; kind?: IdentifierKind }): IdentifierCheck {
  const raw = input.deviceIdentifier.trim().toUpperCase().replace(/\s+/g, '');
  const kind = input.kind ?? 'primary';
  if (input.issuingAgency === 'GS1') {
    if (!/^\d+$/.test(raw) || ![8, 12, 13, 14].includes(raw.length)) {
      return { identifier: { issuing_agency: 'GS1', device_identifier: raw, kind, check_digit_valid: false }, problem: 'is not a GTIN (8, 12, 13 or 14 digits)' };
    }
    const gtin14 = raw.padStart(14, '0');
    const valid = gtinCheckDigitValid(gtin14);
    const expected = computeGs1CheckDigit(gtin14.slice(0, -1));
    return {
      identifier: { issuing_agency: 'GS1', device_identifier: gtin14, kind, check_digit_valid: valid },
      problem: valid ? null : `fails the GS1 check digit: the last digit should be ${expected}, not ${gtin14.slice(-1)}`,
    };
  }
  if (input.issuingAgency === 'HIBCC') {
    const di = raw.startsWith('+') ? raw.slice(1) : raw;
    const valid = hibccDiValid(di);
    return {
      identifier: { issuing_agency: 'HIBCC', device_identifier: di, kind, check_digit_valid: valid },
      problem: valid ? null : 'is not an HIBCC DI (a labeler code starting with a letter, a product number and a unit-of-measure digit)',
    };
  }
  const valid = ICCBBA_DI.test(raw);
  return {
    identifier: { issuing_agency: 'ICCBBA', device_identifier: raw, kind, check_digit_valid: valid },
    problem: valid ? null : 'is not an ICCBBA DI (6 to 23 letters and digits)',
  };
}

/** Checks identifiers entered by a person: every failure is a field problem (imports flag them instead). */
export function checkEnteredIdentifiers(inputs: readonly IdentifierIn[], basePath: string): { identifiers: CheckedIdentifier[]; problems: FieldProblem[] } {
  const identifiers: CheckedIdentifier[] = [];
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  inputs.forEach((input, index) => {
    const path = `${basePath}/${index}/deviceIdentifier`;
    const { identifier, problem } = checkIdentifier(input);
    const key = `${identifier.issuing_agency}:${identifier.device_identifier}`;
    if (problem) problems.push({ path, message: problem });
    else if (seen.has(key)) problems.push({ path, message: 'is listed twice' });
    seen.add(key);
    identifiers.push(identifier);
  });
  return { identifiers, problems };
}
