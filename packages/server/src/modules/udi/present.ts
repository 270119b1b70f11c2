import { formatGs1, parseUdi, parseUdiOrAssetTag } from '@openhtm/domain';
import { unescapeScannerText } from './scanner-text.ts';
import type { UdiParseOut } from './schema.ts';

/** Parses scanned text as a UDI (or asset tag) and shapes it for the API and the command line. */
export function parseScannedUdi(raw: string): UdiParseOut {
  const text = unescapeScannerText(raw);
  const result = parseUdi(text);
  const scan = parseUdiOrAssetTag(text);
  const gs1 = formatGs1(result);
  return {
    ...result,
    gs1HumanReadable: gs1 === '' ? null : gs1,
    scan:
      scan.kind === 'asset_tag'
        ? { kind: 'asset_tag', assetTag: scan.assetTag, ...(scan.possibleDeviceIdentifier ? { possibleDeviceIdentifier: scan.possibleDeviceIdentifier } : {}) }
        : { kind: scan.kind },
  };
}
