import { DEVICE_IMPORT_FIELDS, DEVICE_IMPORT_FIELD_META, type DeviceImportField } from './fields.ts';

/** Import field → the original header of the column it is read from. */
export type DeviceImportMapping = Partial<Record<DeviceImportField, string>>;

export interface AutoMapResult {
  mapping: DeviceImportMapping;
  /** Headers no field claimed, in file order: unknown names, blanks and second columns for a field. */
  unmapped: string[];
}

/**
 * A header reduced to the words that carry its meaning: camelCase split, lower case, "#", "no."
 * and "nbr" read as "number", punctuation dropped. "Serial No." → "serial number", "assetTag" → "asset tag".
 */
export function normalizeHeader(header: string): string {
  return header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/#/g, ' number ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((word) => (word === 'no' || word === 'num' || word === 'nbr' ? 'number' : word))
    .join(' ');
}

const compact = (words: string) => words.replace(/ /g, '');

/** Normalized header (without spaces) → field, from field keys, labels and synonyms. */
const HEADER_INDEX: ReadonlyMap<string, DeviceImportField> = (() => {
  const index = new Map<string, DeviceImportField>();
  for (const field of DEVICE_IMPORT_FIELDS) {
    const { label, synonyms } = DEVICE_IMPORT_FIELD_META[field];
    for (const spelling of [field, label, ...synonyms]) {
      const key = compact(normalizeHeader(spelling));
      if (!index.has(key)) index.set(key, field);
    }
  }
  return index;
})();

/** The import field a header means, or null when it is not known. */
export function fieldForHeader(header: string): DeviceImportField | null {
  return HEADER_INDEX.get(compact(normalizeHeader(header))) ?? null;
}

/**
 * Proposes which column feeds which import field, from the headers of a CSV or XLSX sheet. The
 * first column claiming a field wins; the person importing confirms or corrects the mapping.
 */
export function autoMapColumns(headers: readonly string[]): AutoMapResult {
  const mapping: DeviceImportMapping = {};
  const unmapped: string[] = [];
  for (const header of headers) {
    const field = fieldForHeader(header);
    if (field && mapping[field] === undefined) mapping[field] = header;
    else unmapped.push(header);
  }
  return { mapping, unmapped };
}
