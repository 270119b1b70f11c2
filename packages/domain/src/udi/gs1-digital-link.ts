import { validateAiValue } from './ai-content.ts';
import { lookupAi } from './ai-table.ts';
import { duplicateProblems, type Gs1Element, type Gs1Parse } from './gs1-element-string.ts';
import { error } from './problems.ts';
import type { UdiParseOptions, UdiProblem } from './types.ts';

/** Schemes as GS1 accepts them: all lower case or all upper case, never mixed. */
const SCHEMES = ['https://', 'HTTPS://', 'http://', 'HTTP://'] as const;
const URI_CHARACTERS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;
const BAD_DOMAIN_CHARACTERS = /[_~?#@!$&'()*+,;=%]/;

/** Primary keys allowed at the root of a Digital Link path, with their ordered qualifier chains. */
const PRIMARY_KEYS: Record<string, string[][]> = {
  '00': [],
  '01': [['22', '10', '21'], ['235']],
  '253': [],
  '255': [],
  '401': [],
  '402': [],
  '414': [['254'], ['7040']],
  '415': [['8020']],
  '417': [['7040']],
  '8003': [],
  '8004': [['7040']],
  '8006': [['22', '10', '21']],
  '8010': [['8011']],
  '8013': [],
  '8017': [['8019']],
  '8018': [['8019']],
};

/** Deprecated Digital Link path names ("convenience alphas"), accepted only when asked for. */
const CONVENIENCE_ALPHAS: Record<string, string> = {
  cpid: '8010', cpsn: '8011', cpv: '22', gcn: '255', gdti: '253', giai: '8004', ginc: '401', gln: '414',
  glnx: '254', gmn: '8013', grai: '8003', gsin: '402', gsrn: '8018', gsrnp: '8017', gtin: '01', itip: '8006',
  lot: '10', party: '417', refno: '8020', ser: '21', srin: '8019', sscc: '00',
};

/** True when `text` starts with a scheme that makes it a Digital Link candidate. */
export function looksLikeDigitalLink(text: string): boolean {
  return SCHEMES.some((scheme) => text.startsWith(scheme));
}

function pathSequenceValid(ais: readonly string[]): boolean {
  const [key, ...qualifiers] = ais;
  const chains = key === undefined ? undefined : PRIMARY_KEYS[key];
  if (!chains) return false;
  if (qualifiers.length === 0) return true;
  return chains.some((chain) => {
    let at = 0;
    for (const qualifier of qualifiers) {
      at = chain.indexOf(qualifier, at);
      if (at < 0) return false;
      at += 1;
    }
    return true;
  });
}

function resolvePathAi(segment: string, options: UdiParseOptions): string | undefined {
  if (/^[0-9]{2,4}$/.test(segment)) return lookupAi(segment) ? segment : undefined;
  return options.permitConvenienceAlphas ? CONVENIENCE_ALPHAS[segment] : undefined;
}

/** Percent-decodes a path segment or query value; `+` is a space only in the query. Undefined if it decodes a NUL. */
function uriDecode(raw: string, inQuery: boolean): string | undefined {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charAt(i);
    const hex = raw.slice(i + 1, i + 3);
    if (ch === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      const code = parseInt(hex, 16);
      if (code === 0) return undefined;
      out += String.fromCharCode(code);
      i += 2;
    } else {
      out += inQuery && ch === '+' ? ' ' : ch;
    }
  }
  return out;
}

interface DlContext {
  referenceDate: Date;
  options: UdiParseOptions;
  elements: Gs1Element[];
  problems: UdiProblem[];
}

function addElement(ctx: DlContext, ai: string, raw: string, position: number, inQuery: boolean): void {
  if (raw.length === 0) {
    ctx.problems.push(error('missing_value', `(${ai}) has no value in the Digital Link`, { key: ai, position }));
    return;
  }
  let value = uriDecode(raw, inQuery);
  if (value === undefined) {
    ctx.problems.push(error('invalid_character', `(${ai}) decodes to a NUL character`, { key: ai, position }));
    return;
  }
  if (ai === '01' && /^([0-9]{8}|[0-9]{12,13})$/.test(value)) {
    if (!ctx.options.permitZeroSuppressedGtin) {
      ctx.problems.push(error('zero_suppressed_gtin', `GTIN "${value}" must be written with 14 digits in a Digital Link`, { key: ai, position }));
    }
    value = value.padStart(14, '0');
  }
  ctx.elements.push({ ai, value, position });
  const definition = lookupAi(ai);
  if (definition) ctx.problems.push(...validateAiValue(definition, value, ctx.referenceDate, position));
}

/** Walks the path from its end to the right-most primary key; returns the index of its segment. */
function findPrimaryKey(segments: readonly string[], options: UdiParseOptions): number {
  for (let i = segments.length - 2; i >= 0; i -= 2) {
    const ai = resolvePathAi(segments[i] ?? '', options);
    if (ai === undefined) return -1;
    if (PRIMARY_KEYS[ai]) return i;
  }
  return -1;
}

function parseQuery(ctx: DlContext, query: string, queryStart: number, pathAis: readonly string[]): void {
  let position = queryStart;
  for (const param of query.split('&')) {
    const here = position;
    position += param.length + 1;
    const eq = param.indexOf('=');
    if (eq < 0) continue;
    const key = param.slice(0, eq);
    if (!/^[0-9]+$/.test(key)) continue;
    if (!lookupAi(key)) {
      ctx.problems.push(error('unknown_ai', `query parameter ${key} is numeric but not a GS1 Application Identifier`, { key, position: here }));
      continue;
    }
    if (ctx.elements.some((e) => e.ai === key)) {
      ctx.problems.push(error('duplicate_ai', `(${key}) appears more than once in the Digital Link`, { key, position: here }));
      continue;
    }
    for (let at = 1; at <= pathAis.length; at++) {
      if (pathSequenceValid([...pathAis.slice(0, at), key, ...pathAis.slice(at)])) {
        ctx.problems.push(error('digital_link', `(${key}) qualifies the primary key and belongs in the path, not the query`, { key, position: here }));
        break;
      }
    }
    addElement(ctx, key, param.slice(eq + 1), here, true);
  }
}

/**
 * Parses a GS1 Digital Link URI (`https://example.com/01/09520123456788/10/ABC?17=201225`): the
 * path from the right-most primary key holds the key and its qualifiers in their defined order;
 * numeric query parameters are further AIs; other parameters and the fragment are ignored.
 */
export function parseGs1DigitalLink(uri: string, referenceDate: Date, options: UdiParseOptions = {}): Gs1Parse {
  const ctx: DlContext = { referenceDate, options, elements: [], problems: [] };
  const fail = (message: string, position?: number): Gs1Parse => ({
    elements: [],
    problems: [error('digital_link', message, position === undefined ? {} : { position })],
  });
  const scheme = SCHEMES.find((s) => uri.startsWith(s));
  if (!scheme) return fail('a Digital Link starts with http:// or https:// (all lower or all upper case)');
  if (!URI_CHARACTERS.test(uri)) {
    const bad = uri.search(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/);
    return fail(`character at position ${bad} is not allowed in a URI`, bad);
  }
  const withoutFragment = uri.split('#')[0] ?? '';
  const queryAt = withoutFragment.indexOf('?');
  const beforeQuery = queryAt < 0 ? withoutFragment : withoutFragment.slice(0, queryAt);
  const slash = beforeQuery.indexOf('/', scheme.length);
  if (slash <= scheme.length) return fail('the Digital Link has no domain name or no path');
  if (BAD_DOMAIN_CHARACTERS.test(beforeQuery.slice(scheme.length, slash))) return fail('the domain name contains a character that is not allowed', scheme.length);

  const segments = beforeQuery.slice(slash + 1).split('/');
  const keyIndex = findPrimaryKey(segments, options);
  if (keyIndex < 0) return fail('no GS1 primary key (such as /01/ for a GTIN) found in the path', slash);

  const pathAis: string[] = [];
  let position = slash + 1 + segments.slice(0, keyIndex).reduce((sum, s) => sum + s.length + 1, 0);
  for (let i = keyIndex; i < segments.length; i += 2) {
    const segment = segments[i] ?? '';
    const ai = resolvePathAi(segment, options) ?? segment;
    pathAis.push(ai);
    addElement(ctx, ai, segments[i + 1] ?? '', position, false);
    position += segment.length + (segments[i + 1] ?? '').length + 2;
  }
  if (!pathSequenceValid(pathAis)) {
    ctx.problems.push(error('digital_link', `path /${pathAis.join('/…/')}/… is not a valid key and qualifier sequence`, { position: slash }));
  }
  if (queryAt >= 0) parseQuery(ctx, withoutFragment.slice(queryAt + 1), queryAt + 1, pathAis);
  ctx.problems.push(...duplicateProblems(ctx.elements));
  return { elements: ctx.elements, problems: ctx.problems };
}
