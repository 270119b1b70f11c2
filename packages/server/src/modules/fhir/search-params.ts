import { parseUdi } from '@openhtm/domain';
import { AppError } from '../../http/errors.ts';
import type { Criteria, Match } from './queries.ts';
import { agencyOfIssuer, assetTagSystem, modelNumberSystem } from './systems.ts';

/** A token parameter value: `value` (any system), `|value` (no system) or `system|value`. */
export interface Token {
  system: string | undefined;
  value: string;
}

/** Splits a parameter on unescaped commas (FHIR's OR) and reads each part as a token. */
export function parseTokens(raw: string, parameter: string): Token[] {
  const parts = raw.split(/(?<!\\),/).map((p) => p.replace(/\\([,|$\\])/g, '$1'));
  return parts.map((part) => {
    const bar = part.search(/(?<!\\)\|/);
    const token = bar < 0 ? { system: undefined, value: part } : { system: part.slice(0, bar), value: part.slice(bar + 1) };
    if (token.value.trim() === '') throw new AppError('validation', `The ${parameter} parameter has an empty value`, { fields: [{ path: `/querystring/${parameter}`, message: 'needs a value' }] });
    return { ...token, value: token.value.trim() };
  });
}

/** All values of a repeated query parameter (`?identifier=a&identifier=b` arrives as an array). */
export const valuesOf = (raw: string | string[] | undefined): string[] => (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]);

/**
 * Device `identifier`: the asset tag under this tenant's asset-tag system, the serial number as an identifier without
 * a system (`|value`), either for a bare value. A token of another system matches nothing.
 */
export function deviceIdentifierMatches(tokens: Token[], tenantSlug: string): Match<'asset_tag' | 'serial_number'>[] {
  const matches: Match<'asset_tag' | 'serial_number'>[] = [];
  for (const { system, value } of tokens) {
    if (system === undefined || system === assetTagSystem(tenantSlug)) matches.push({ column: 'asset_tag', values: [value] });
    if (system === undefined || system === '') matches.push({ column: 'serial_number', values: [value] });
  }
  return matches;
}

/**
 * Device `udi-di`: the device identifier exactly (identifiers have a fixed form, so prefix matching would only
 * mislead); a full UDI in any supported form counts by its device identifier.
 */
export function udiDiMatches(values: string[]): Match<'udi_di'>[] {
  return values.map((value) => {
    const parsed = /^\d{8,14}$/.test(value) ? null : parseUdi(value);
    return { column: 'udi_di' as const, values: [parsed?.deviceIdentifier ?? value] };
  });
}

/** DeviceDefinition `identifier`: a UDI device identifier (GS1, HIBCC or ICCBBA issuer URIs, or none) or the model number. */
export function modelIdentifierMatches(tokens: Token[], tenantSlug: string): Match<'model_number' | 'identifier'>[] {
  const matches: Match<'model_number' | 'identifier'>[] = [];
  for (const { system, value } of tokens) {
    if (system === undefined || system === '' || agencyOfIssuer(system)) matches.push({ column: 'identifier', values: [value] });
    if (system === undefined || system === modelNumberSystem(tenantSlug)) matches.push({ column: 'model_number', values: [value] });
  }
  return matches;
}

/** An AND of OR-groups; a group without any possible match makes the whole search empty. */
export function criteria<C extends string>(...groups: Match<C>[][]): Criteria<C> | null {
  return groups.some((g) => g.length === 0) ? null : groups;
}
