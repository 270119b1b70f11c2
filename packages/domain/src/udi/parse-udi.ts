import { lookupAi } from './ai-table.ts';
import { validateAiValue } from './ai-content.ts';
import { showChar } from './charsets.ts';
import { parseGs1DigitalLink } from './gs1-digital-link.ts';
import { GS, parseGs1Bracketed, parseGs1ElementString, type Gs1Parse } from './gs1-element-string.ts';
import { gs1Result } from './gs1-result.ts';
import { looksLikeHibcc, parseHibcc } from './hibcc.ts';
import { looksLikeIccbba, parseIccbba } from './iccbba.ts';
import { error } from './problems.ts';
import { readSymbologyIdentifier, type SymbologyPrefix } from './symbology.ts';
import type { UdiParseOptions, UdiParseResult, UdiProblem } from './types.ts';

/** Longest input examined; a GS1 DataMatrix holds about 3,100 characters, real UDIs far fewer. */
export const MAX_UDI_LENGTH = 4096;

/**
 * Stand-ins for the invisible GS separator seen in typed or copied element strings: `^`, `<GS>`,
 * U+241D (␝) and U+2194 (↔, in the FHIR examples). None is in GS1 character set 82, so none can be
 * AI data; they are replaced only in unbracketed element strings.
 */
const GS_PLACEHOLDERS = /\^|<GS>|\u241d|\u2194/gi;

const DIGITAL_LINK_CANDIDATE = /^https?:\/\//i;

function unknownResult(problems: UdiProblem[], symbology?: SymbologyPrefix): UdiParseResult {
  const result: UdiParseResult = { issuer: 'unknown', format: 'unknown', elements: [], problems, valid: false };
  if (symbology) result.symbology = symbology.id;
  return result;
}

function elementStringResult(payload: string, ref: Date, symbology?: string): UdiParseResult {
  const data = payload.replace(GS_PLACEHOLDERS, GS);
  return gs1Result(parseGs1ElementString(data, ref), 'gs1-element-string', ref, symbology);
}

function digitalLinkResult(uri: string, ref: Date, options: UdiParseOptions, symbology?: SymbologyPrefix): UdiParseResult {
  const parse = parseGs1DigitalLink(uri, ref, options);
  if (parse.elements.length === 0) return unknownResult(parse.problems, symbology);
  return gs1Result(parse, 'gs1-digital-link', ref, symbology?.id);
}

/** EAN-13 / UPC-A (`]E0`, 13 digits) or EAN-8 (`]E4`) as GTIN (01), with an optional `|]e0` composite. */
function eanResult(payload: string, symbology: SymbologyPrefix, ref: Date): UdiParseResult {
  const length = symbology.mode === 'ean8' ? 8 : 13;
  const primary = payload.slice(0, length);
  const rest = payload.slice(length);
  const parse: Gs1Parse = { elements: [], problems: [] };
  const composite = rest.startsWith('|]e0') ? parseGs1ElementString(rest.slice(4).replace(GS_PLACEHOLDERS, GS), ref, 3 + length + 4) : undefined;
  if (rest !== '' && !composite) parse.problems.push(error('value_too_long', `${symbology.name} data has more than ${length} digits`, { position: 3 + length }));
  const gtin = primary.padStart(14, '0');
  const definition = lookupAi('01');
  parse.elements.push({ ai: '01', value: gtin, position: 3 });
  if (primary.length < length) parse.problems.push(error('value_too_short', `${symbology.name} data needs ${length} digits`, { key: '01', position: 3 }));
  else if (definition) parse.problems.push(...validateAiValue(definition, gtin, ref, 3));
  if (composite) {
    parse.elements.push(...composite.elements);
    parse.problems.push(...composite.problems);
  }
  return gs1Result(parse, 'gs1-ean-upc', ref, symbology.id);
}

/** Routes data that carries no GS1 symbology identifier (typed, or from a plain symbology). */
function routeUntyped(text: string, ref: Date, options: UdiParseOptions, symbology?: SymbologyPrefix): UdiParseResult {
  const id = symbology?.id;
  if (text.startsWith('(')) return gs1Result(parseGs1Bracketed(text.trimEnd(), ref), 'gs1-bracketed', ref, id);
  if (text.startsWith('{')) return gs1Result(parseGs1Bracketed(text.trimEnd(), ref, '{', '}'), 'gs1-bracketed', ref, id);
  if (DIGITAL_LINK_CANDIDATE.test(text)) return digitalLinkResult(text.trimEnd(), ref, options, symbology);
  if (looksLikeHibcc(text)) return parseHibcc(text, ref, id);
  if (looksLikeIccbba(text)) return parseIccbba(text.trimEnd(), ref, id);
  const data = text.trimEnd().replace(GS_PLACEHOLDERS, GS);
  const fnc1First = data.startsWith(GS) && /^[0-9]/.test(data.slice(1));
  if (fnc1First || /^01[0-9]{14}/.test(data) || (/^[0-9]{2}/.test(data) && data.includes(GS))) {
    return elementStringResult(fnc1First ? data.slice(1) : data, ref, id);
  }
  return unknownResult([error('unrecognized_format', 'not a GS1, HIBCC or ICCBBA UDI')], symbology);
}

function inputProblem(text: string): UdiProblem | undefined {
  if (text.length === 0) return error('empty', 'nothing was scanned');
  if (text.length > MAX_UDI_LENGTH) return error('too_long', `input has ${text.length} characters; a UDI has at most ${MAX_UDI_LENGTH}`);
  const bad = text.search(/[\u0000-\u001c\u001e\u001f\u007f\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  if (bad >= 0) return error('invalid_character', `control or invalid character ${showChar(text.charAt(bad))} at position ${bad}`, { position: bad });
  return undefined;
}

/**
 * Parses a scanned or typed Unique Device Identifier: GS1 (bracketed `(01)…`, FHIR `{01}…`,
 * FNC1/GS-separated element strings with or without AIM symbology identifier, EAN/UPC, Digital
 * Link URIs), HIBCC (`+…`) and ICCBBA ISBT 128 (`=…`, `&…`). Never throws: anything it cannot
 * read comes back with `valid: false` and problems saying why.
 */
export function parseUdi(text: string, options: UdiParseOptions = {}): UdiParseResult {
  if (typeof text !== 'string') return unknownResult([error('empty', 'input is not text')]);
  const trimmed = text.length > MAX_UDI_LENGTH ? text : text.replace(/^\s+/, '').replace(/[\r\n\t]+$/, '');
  const problem = inputProblem(trimmed);
  if (problem) return unknownResult([problem]);
  const ref = options.referenceDate ?? new Date();

  const symbology = readSymbologyIdentifier(trimmed);
  if (symbology === 'unsupported') {
    return unknownResult([error('symbology_identifier', `unsupported symbology identifier "${trimmed.slice(0, 3)}"`)]);
  }
  if (!symbology) return routeUntyped(trimmed, ref, options);

  const payload = trimmed.slice(3);
  if (payload.trim() === '') {
    const result = unknownResult([error('no_data', `${symbology.name} symbol carries no data`)], symbology);
    return symbology.mode === 'plain' ? result : { ...result, issuer: 'GS1' };
  }
  if (symbology.mode === 'gs1') return elementStringResult(payload.trimEnd(), ref, symbology.id);
  if (symbology.mode === 'ean13' || symbology.mode === 'ean8') return eanResult(payload.trimEnd(), symbology, ref);
  return routeUntyped(payload, ref, options, symbology);
}
