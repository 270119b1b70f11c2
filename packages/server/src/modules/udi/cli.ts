import { AppError } from '../../http/errors.ts';
import { parseScannedUdi } from './present.ts';
import type { UdiParseOut } from './schema.ts';

const LABELS: Array<[keyof UdiParseOut, string]> = [
  ['deviceIdentifier', 'device identifier'],
  ['expiryDate', 'expiry date'],
  ['manufactureDate', 'manufacture date'],
  ['lot', 'lot'],
  ['serial', 'serial'],
  ['gs1HumanReadable', 'GS1 form'],
];

/** Shows control characters (the GS separator above all) visibly in printed values. */
const visible = (text: string) => text.replace(/\u001d/g, '<GS>').replace(/[\u0000-\u001f\u007f]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);

function report(result: UdiParseOut, out: (line: string) => void): void {
  const symbology = result.symbology ? `, symbology ]${result.symbology}` : '';
  out(`${result.valid ? 'valid' : 'INVALID'} ${result.issuer} UDI (${result.format}${symbology})`);
  for (const [key, label] of LABELS) {
    const value = result[key];
    if (typeof value === 'string') out(`  ${label.padEnd(18)} ${visible(value)}`);
  }
  if (result.elements.length > 0) {
    out('elements');
    for (const e of result.elements) out(`  ${e.key.padEnd(6)} ${visible(e.value)}${e.label ? `  (${e.label})` : ''}`);
  }
  if (result.problems.length === 0) {
    out('problems: none');
    return;
  }
  out(`problems: ${result.problems.length}`);
  for (const p of result.problems) {
    const where = [p.key ? `AI/field ${p.key}` : '', p.position !== undefined ? `position ${p.position}` : ''].filter(Boolean).join(', ');
    out(`  ${p.severity.padEnd(7)} ${p.code}: ${p.message}${where ? ` [${where}]` : ''}`);
  }
}

/**
 * `htm udi parse TEXT [--json]`: what a scanner's output says and everything wrong with it. The GS separator
 * may be typed as \x1d, <GS> or ^. Exit code 1 when the UDI is not valid.
 */
export function udiParseCommand(text: string | undefined, options: { json: boolean }, out: (line: string) => void): number {
  if (text === undefined || text === '') throw new AppError('validation', 'Give the UDI text to parse (quote it in the shell)');
  const result = parseScannedUdi(text);
  if (options.json) out(JSON.stringify(result, null, 2));
  else report(result, out);
  return result.valid ? 0 : 1;
}
