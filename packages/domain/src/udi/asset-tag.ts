import { isAllDigits } from './charsets.ts';
import { gtinCheckDigitValid } from './check-digits.ts';
import { parseUdi } from './parse-udi.ts';
import { readSymbologyIdentifier } from './symbology.ts';
import type { UdiParseOptions, UdiParseResult, UdiProblem } from './types.ts';

/** Longest text accepted as an asset tag. */
export const ASSET_TAG_MAX_LENGTH = 64;

export type ScanClassification =
  | { kind: 'udi'; udi: UdiParseResult }
  | {
      kind: 'asset_tag';
      assetTag: string;
      /** Set when the tag is also a GTIN with a correct check digit (padded to 14 digits), so both lookups make sense. */
      possibleDeviceIdentifier?: string;
    }
  | { kind: 'unknown'; problems: UdiProblem[] };

/** Printable ASCII, no leading or trailing space. */
const ASSET_TAG = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

/**
 * Decides what a scanned string is: a UDI (any recognised issuer, even with problems, so the user
 * sees what is wrong with the label) or an asset tag to look a device up by. Web addresses that are
 * not GS1 Digital Links, control characters and over-long text are `unknown`.
 */
export function parseUdiOrAssetTag(text: string, options: UdiParseOptions = {}): ScanClassification {
  const udi = parseUdi(text, options);
  if (udi.issuer !== 'unknown') return { kind: 'udi', udi };
  if (udi.problems.some((p) => ['empty', 'too_long', 'invalid_character', 'symbology_identifier', 'no_data', 'digital_link'].includes(p.code))) {
    return { kind: 'unknown', problems: udi.problems };
  }
  let tag = text.trim();
  const symbology = readSymbologyIdentifier(tag);
  if (symbology && symbology !== 'unsupported') tag = tag.slice(3).trim();
  if (tag.length > 2 && tag.startsWith('*') && tag.endsWith('*')) tag = tag.slice(1, -1).trim();
  if (tag.length > ASSET_TAG_MAX_LENGTH || !ASSET_TAG.test(tag)) {
    return { kind: 'unknown', problems: udi.problems };
  }
  if (isAllDigits(tag) && gtinCheckDigitValid(tag)) {
    return { kind: 'asset_tag', assetTag: tag, possibleDeviceIdentifier: tag.padStart(14, '0') };
  }
  return { kind: 'asset_tag', assetTag: tag };
}
