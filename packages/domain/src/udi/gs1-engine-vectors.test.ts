/// <reference types="node" />
// Node types are referenced here only to read the shared fixtures; the domain sources stay free of them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseUdi } from './parse-udi.ts';
import type { UdiParseOptions } from './types.ts';
import { fixturePath } from '../../../../test-support/fixtures.ts';

/**
 * Vectors from the GS1 Syntax Engine's own unit tests, flattened to `{ valid, input }` per C source
 * file. The engine toggles options around some of them, which the flattening lost; the rules below
 * put each such vector back in the mode the engine ran it in, and are written against the input
 * alone (never against our output):
 *
 * - `scandata.c`: a non-GS1 symbology identifier (`]Q1`, `]d1`, `]J0`) carries arbitrary data that
 *   the engine accepts as a valid plain message unless it begins with `http://` / `https://` in
 *   all-lower or all-upper case, when it must be a Digital Link. A plain message is not a UDI, so
 *   for those vectors we assert "recognised symbology, issuer unknown" instead of the engine's flag.
 * - `dl.c`: convenience-alpha paths (`/gtin/`, `/ser/`, `/sscc/`) and zero-suppressed GTINs (8, 12
 *   or 13 digits) are rejected by default and accepted only with `permitConvenienceAlphas` /
 *   `permitZeroSuppressedGTINinDLuris`: the invalid ones run with our defaults, the valid ones with
 *   the matching option of ours.
 * - `dl.c`: one input is listed both valid and invalid because the valid run enables the engine's
 *   `permitUnknownAIs`. We do not support unassigned AIs (on a device label they are errors worth
 *   showing), so only its invalid entry is checked.
 */
interface Vector {
  valid: boolean;
  input: string;
}

const fixtureFile = fixturePath('gs1/gs1-engine-test-vectors.json');
const groups = JSON.parse(readFileSync(fixtureFile, 'utf8')) as Record<string, Vector[]>;
const referenceDate = new Date('2025-06-01T00:00:00Z');

const PLAIN_SYMBOLOGY = /^\](Q1|d1|J0)/;
const DIGITAL_LINK_SCHEME = /^(https?|HTTPS?):\/\//;
const CONVENIENCE_ALPHA_PATH = /^https?:\/\/[^/]+(\/[^/?]+)*\/(gtin|ser|sscc|lot|cpv)\//;
const ZERO_SUPPRESSED_GTIN = /[/?&]01[/=]([0-9]{8}|[0-9]{12,13})(?:[/?&#]|$)/;

function isPlainNonUri(input: string): boolean {
  return PLAIN_SYMBOLOGY.test(input) && !DIGITAL_LINK_SCHEME.test(input.slice(3));
}

function optionsFor(vector: Vector): UdiParseOptions {
  const options: UdiParseOptions = { referenceDate };
  if (vector.valid && CONVENIENCE_ALPHA_PATH.test(vector.input)) options.permitConvenienceAlphas = true;
  if (vector.valid && ZERO_SUPPRESSED_GTIN.test(vector.input)) options.permitZeroSuppressedGtin = true;
  return options;
}

function listedBothWays(vectors: Vector[], vector: Vector): boolean {
  return vectors.some((other) => other.input === vector.input && other.valid !== vector.valid);
}

interface Tally {
  compared: number;
  agreed: number;
  disagreements: string[];
}

function runGroup(name: string, transform: (input: string) => string = (s) => s): Tally {
  const vectors = groups[name] ?? [];
  const tally: Tally = { compared: 0, agreed: 0, disagreements: [] };
  for (const vector of vectors) {
    if (isPlainNonUri(vector.input)) continue;
    const optionDependent = CONVENIENCE_ALPHA_PATH.test(vector.input) || ZERO_SUPPRESSED_GTIN.test(vector.input);
    if (vector.valid && !optionDependent && listedBothWays(vectors, vector)) continue;
    const result = parseUdi(transform(vector.input), optionsFor(vector));
    tally.compared += 1;
    if (result.valid === vector.valid) tally.agreed += 1;
    else tally.disagreements.push(`${JSON.stringify(vector.input)}: expected ${vector.valid}, problems ${JSON.stringify(result.problems)}`);
  }
  return tally;
}

describe('GS1 Syntax Engine test vectors', () => {
  it('has the groups this suite drives', () => {
    expect(Object.keys(groups).sort()).toEqual(['ai.c', 'ai.c:processAIdata', 'dl.c', 'scandata.c']);
  });

  it('agrees on every bracketed element string (ai.c)', () => {
    const tally = runGroup('ai.c');
    expect(tally.disagreements).toEqual([]);
    expect(tally.compared).toBe(27);
  });

  it('agrees on every FNC1-separated element string written with ^ (ai.c:processAIdata)', () => {
    const tally = runGroup('ai.c:processAIdata');
    expect(tally.disagreements).toEqual([]);
    expect(tally.compared).toBe(79);
  });

  it('agrees on the same element strings with a real GS (ASCII 29) as FNC1', () => {
    const tally = runGroup('ai.c:processAIdata', (input) => input.replaceAll('^', '\u001d'));
    expect(tally.disagreements).toEqual([]);
    expect(tally.compared).toBe(79);
  });

  it('agrees on scan data with symbology identifiers (scandata.c)', () => {
    const tally = runGroup('scandata.c');
    expect(tally.disagreements).toEqual([]);
    expect(tally.compared).toBe(41);
  });

  it('recognises the symbology of plain (non-GS1) scan data and does not call it a UDI', () => {
    const plain = (groups['scandata.c'] ?? []).filter((v) => isPlainNonUri(v.input));
    expect(plain).toHaveLength(13);
    for (const vector of plain) {
      const result = parseUdi(vector.input, { referenceDate });
      expect(result.issuer, vector.input).toBe('unknown');
      expect(result.symbology, vector.input).toBe(vector.input.slice(1, 3));
      expect(result.valid).toBe(false);
    }
  });

  it('agrees on Digital Link URIs (dl.c)', () => {
    const tally = runGroup('dl.c');
    expect(tally.disagreements).toEqual([]);
    expect(tally.compared).toBe(90);
  });

  it('rejects zero-suppressed GTINs and convenience alphas by default', () => {
    const optionVectors = (groups['dl.c'] ?? []).filter(
      (v) => v.valid && (CONVENIENCE_ALPHA_PATH.test(v.input) || ZERO_SUPPRESSED_GTIN.test(v.input)),
    );
    expect(optionVectors).toHaveLength(9);
    for (const vector of optionVectors) {
      expect(parseUdi(vector.input, { referenceDate }).valid, vector.input).toBe(false);
    }
  });
});
