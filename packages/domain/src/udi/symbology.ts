/**
 * AIM symbology identifiers (ISO/IEC 15424) that scanners may prefix to the data, e.g. `]d2`.
 * `gs1` means the data is GS1 element strings with GS as FNC1; `ean` the 8 or 13 digits of an
 * EAN/UPC symbol; `plain` any other data (HIBCC and ISBT 128 use these symbologies).
 */
export type SymbologyMode = 'gs1' | 'ean13' | 'ean8' | 'plain';

const SYMBOLOGIES: Record<string, { mode: SymbologyMode; name: string }> = {
  C1: { mode: 'gs1', name: 'GS1-128' },
  d2: { mode: 'gs1', name: 'GS1 DataMatrix' },
  Q3: { mode: 'gs1', name: 'GS1 QR Code' },
  e0: { mode: 'gs1', name: 'GS1 DataBar / Composite' },
  J1: { mode: 'gs1', name: 'GS1 DotCode' },
  z1: { mode: 'gs1', name: 'GS1 Aztec' },
  E0: { mode: 'ean13', name: 'EAN-13 / UPC-A' },
  E4: { mode: 'ean8', name: 'EAN-8' },
  A0: { mode: 'plain', name: 'Code 39' },
  C0: { mode: 'plain', name: 'Code 128' },
  d1: { mode: 'plain', name: 'Data Matrix' },
  Q1: { mode: 'plain', name: 'QR Code' },
  J0: { mode: 'plain', name: 'DotCode' },
  z0: { mode: 'plain', name: 'Aztec' },
  L0: { mode: 'plain', name: 'PDF417' },
  I0: { mode: 'plain', name: 'Interleaved 2 of 5' },
};

export interface SymbologyPrefix {
  /** Identifier without the `]`, e.g. `d2`. */
  id: string;
  mode: SymbologyMode;
  name: string;
}

/** The symbology identifier at the start of `text`, `'unsupported'` for an unknown one, undefined if none. */
export function readSymbologyIdentifier(text: string): SymbologyPrefix | 'unsupported' | undefined {
  if (!text.startsWith(']')) return undefined;
  const id = text.slice(1, 3);
  const entry = SYMBOLOGIES[id];
  return entry ? { id, ...entry } : 'unsupported';
}
