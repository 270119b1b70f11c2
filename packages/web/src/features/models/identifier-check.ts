import { computeGs1CheckDigit, gtinCheckDigitValid } from '@openhtm/domain';
import type { IssuingAgency } from './api';

/**
 * What is wrong with a UDI device identifier as typed, or null when it looks right. GS1 DIs are GTINs whose
 * check digit is verified; HIBCC and ICCBBA DIs are checked for their character set and length only.
 */
export function identifierProblem(agency: IssuingAgency, raw: string): string | null {
  const di = raw.trim();
  if (!di) return 'Enter the device identifier';
  if (di.length > 50) return 'Use at most 50 characters';
  if (agency === 'GS1') {
    if (!/^\d+$/.test(di)) return 'A GS1 DI (GTIN) has digits only';
    if (![8, 12, 13, 14].includes(di.length)) return `A GTIN has 8, 12, 13 or 14 digits (${di.length} so far)`;
    if (!gtinCheckDigitValid(di)) return `Check digit ${di.slice(-1)} is wrong: it should be ${computeGs1CheckDigit(di.slice(0, -1))}`;
    return null;
  }
  if (agency === 'HIBCC') {
    if (!/^[A-Z][A-Z0-9]{3}[A-Z0-9]{1,18}\d$/.test(di.replace(/^\+/, ''))) {
      return 'A HIBCC DI is the labeler code (4 characters, a letter first), the product number and a unit-of-measure digit';
    }
    return null;
  }
  return /^[A-Z0-9]+$/.test(di) ? null : 'An ICCBBA DI has capital letters and digits only';
}
