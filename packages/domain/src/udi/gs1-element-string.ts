import { validateAiValue } from './ai-content.ts';
import { lookupAi, matchAiPrefix } from './ai-table.ts';
import { error } from './problems.ts';
import type { UdiProblem } from './types.ts';

/** ASCII 29, the Group Separator that scanners transmit for FNC1. */
export const GS = '\u001d';

export interface Gs1Element {
  ai: string;
  value: string;
  /** Offset of the AI in the parsed text. */
  position: number;
}

export interface Gs1Parse {
  elements: Gs1Element[];
  problems: UdiProblem[];
}

/**
 * Parses GS1 element strings separated by GS (FNC1), without symbology identifier: fixed-length
 * AIs of the predefined-length table are cut by length, every other AI runs to the next GS.
 */
export function parseGs1ElementString(data: string, referenceDate: Date, offset = 0): Gs1Parse {
  const elements: Gs1Element[] = [];
  const problems: UdiProblem[] = [];
  let pos = 0;
  if (data.length === 0) problems.push(error('no_data', 'no GS1 data after the FNC1', { position: offset }));
  while (pos < data.length) {
    if (data.charAt(pos) === GS) {
      problems.push(error('malformed_ai', 'two separators in a row', { position: offset + pos }));
      pos += 1;
      continue;
    }
    const definition = matchAiPrefix(data.slice(pos, pos + 4));
    if (!definition) {
      const digits = /^[0-9]{2,4}/.exec(data.slice(pos))?.[0];
      problems.push(
        digits
          ? error('unknown_ai', `no GS1 Application Identifier starts with ${digits}`, { position: offset + pos })
          : error('malformed_ai', `expected an Application Identifier at "${data.slice(pos, pos + 6)}"`, { position: offset + pos }),
      );
      break;
    }
    const valueStart = pos + definition.ai.length;
    const nextGs = data.indexOf(GS, valueStart);
    const end = nextGs < 0 ? data.length : nextGs;
    const valueEnd =
      definition.predefinedLength && definition.fixedLength !== undefined ? Math.min(valueStart + definition.fixedLength, end) : end;
    const value = data.slice(valueStart, valueEnd);
    elements.push({ ai: definition.ai, value, position: offset + pos });
    problems.push(...validateAiValue(definition, value, referenceDate, offset + pos));
    pos = valueEnd;
    if (data.charAt(pos) === GS) pos += 1;
  }
  problems.push(...duplicateProblems(elements));
  return { elements, problems };
}

/** An AI may repeat only with the same value; a conflicting repeat makes the data ambiguous. */
export function duplicateProblems(elements: readonly Gs1Element[]): UdiProblem[] {
  const seen = new Map<string, string>();
  const problems: UdiProblem[] = [];
  for (const element of elements) {
    const previous = seen.get(element.ai);
    if (previous !== undefined && previous !== element.value) {
      problems.push(error('duplicate_ai', `(${element.ai}) appears twice with different values`, { key: element.ai, position: element.position }));
    }
    seen.set(element.ai, element.value);
  }
  return problems;
}

/**
 * Parses the human-readable form `(01)00844588003288(17)141120…`, or FHIR's `{01}…` with braces.
 * A backslash before the opening bracket makes it data (`(10)AB\(C` is lot `AB(C`); spaces between
 * elements are ignored because no AI allows them.
 */
export function parseGs1Bracketed(text: string, referenceDate: Date, open = '(', close = ')'): Gs1Parse {
  const elements: Gs1Element[] = [];
  const problems: UdiProblem[] = [];
  let pos = 0;
  while (pos < text.length) {
    if (text.charAt(pos) !== open) {
      problems.push(error('malformed_ai', `expected "${open}" at position ${pos}`, { position: pos }));
      break;
    }
    const closeAt = text.indexOf(close, pos + 1);
    const ai = closeAt < 0 ? '' : text.slice(pos + 1, closeAt);
    if (!/^[0-9]{2,4}$/.test(ai)) {
      problems.push(error('malformed_ai', `"${text.slice(pos, Math.max(closeAt + 1, pos + 6))}" is not a bracketed Application Identifier`, { position: pos }));
      break;
    }
    const { value, next } = readBracketedValue(text, closeAt + 1, open);
    elements.push({ ai, value, position: pos });
    const definition = lookupAi(ai);
    if (definition) problems.push(...validateAiValue(definition, value, referenceDate, pos));
    else problems.push(error('unknown_ai', `(${ai}) is not an assigned GS1 Application Identifier`, { key: ai, position: pos }));
    pos = next;
  }
  if (elements.length === 0 && problems.length === 0) problems.push(error('no_data', 'no GS1 element found'));
  problems.push(...duplicateProblems(elements));
  return { elements, problems };
}

function readBracketedValue(text: string, start: number, open: string): { value: string; next: number } {
  let value = '';
  let pos = start;
  while (pos < text.length && text.charAt(pos) !== open) {
    if (text.charAt(pos) === '\\' && text.charAt(pos + 1) === open) {
      value += open;
      pos += 2;
    } else {
      value += text.charAt(pos);
      pos += 1;
    }
  }
  return { value: value.replace(/^ +| +$/g, ''), next: pos };
}
