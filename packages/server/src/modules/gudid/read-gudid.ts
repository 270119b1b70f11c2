import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';
import { AppError } from '../../http/errors.ts';

export interface GudidIdentifier {
  deviceId: string;
  /** Primary, Package, Secondary, Unit of Use, Direct Marking. */
  type: string;
  /** GS1, HIBCC or ICCBBA. */
  agency: string;
}

/** The fields of one GUDID device record that the model catalog uses. */
export interface GudidRecord {
  /** 1-based position of the record in the file (across zip entries). */
  index: number;
  primaryDi: string;
  companyName: string;
  brandName: string;
  versionModelNumber: string;
  catalogNumber: string;
  identifiers: GudidIdentifier[];
  productCodes: string[];
}

const RECORD_FIELDS = new Set(['companyName', 'brandName', 'versionModelNumber', 'catalogNumber']);
const IDENTIFIER_FIELDS: Record<string, keyof GudidIdentifier> = { deviceId: 'deviceId', deviceIdType: 'type', deviceIdIssuingAgency: 'agency' };

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Streams GUDID device records out of XML text chunks. Only the current record is held in memory, and the
 * generator pulls the next chunk only when its consumer asks for more records, so memory stays flat whatever the
 * file size.
 */
export async function* parseGudidXml(chunks: AsyncIterable<string>, source: string, first = 1): AsyncGenerator<GudidRecord> {
  const parser = new SaxesParser({ position: true });
  const ready: GudidRecord[] = [];
  const path: string[] = [];
  let record: GudidRecord | null = null;
  let identifier: GudidIdentifier | null = null;
  let text = '';
  let index = first;

  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    path.push(name);
    text = '';
    if (name === 'device') {
      const id = tag.attributes.deviceid;
      record = { index: index++, primaryDi: typeof id === 'string' ? id : '', companyName: '', brandName: '', versionModelNumber: '', catalogNumber: '', identifiers: [], productCodes: [] };
    } else if (name === 'identifier' && record) {
      identifier = { deviceId: '', type: '', agency: '' };
    }
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('cdata', (t) => {
    text += t;
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    path.pop();
    const parent = path.at(-1);
    if (!record) return;
    const value = text.trim();
    if (name === 'device') {
      if (!record.primaryDi) record.primaryDi = record.identifiers.find((i) => i.type === 'Primary')?.deviceId ?? '';
      ready.push(record);
      record = null;
    } else if (name === 'identifier' && identifier) {
      record.identifiers.push(identifier);
      identifier = null;
    } else if (parent === 'identifier' && identifier && IDENTIFIER_FIELDS[name]) {
      identifier[IDENTIFIER_FIELDS[name]] = value;
    } else if (parent === 'device' && RECORD_FIELDS.has(name)) {
      record[name as 'companyName'] = value;
    } else if (parent === 'fdaProductCode' && name === 'productCode' && value) {
      record.productCodes.push(value);
    }
    text = '';
  });

  const fail = (error: unknown): never => {
    throw new AppError('validation', `${source} is not well-formed XML: ${(error as Error).message}`);
  };
  for await (const chunk of chunks) {
    try {
      parser.write(chunk);
    } catch (error) {
      fail(error);
    }
    for (const r of ready) yield r;
    ready.length = 0;
  }
  try {
    parser.close();
  } catch (error) {
    fail(error);
  }
  for (const r of ready) yield r;
}

async function* decoded(stream: Readable): AsyncGenerator<string> {
  stream.setEncoding('utf8');
  for await (const chunk of stream) yield chunk as string;
}

async function startsWithZipSignature(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && buffer.readUInt32LE(0) === 0x04034b50;
  } finally {
    await handle.close();
  }
}

/**
 * Reads a GUDID release: a zip of XML files (the FDA's download, read entry by entry without unpacking) or one
 * XML file. Records are yielded one by one in file order.
 */
export async function* readGudidFile(file: string): AsyncGenerator<GudidRecord> {
  let zip: boolean;
  try {
    zip = await startsWithZipSignature(file);
  } catch (error) {
    throw new AppError('validation', `Cannot read ${file}: ${(error as Error).message}`);
  }
  if (!zip) {
    yield* parseGudidXml(decoded(createReadStream(file)), file);
    return;
  }
  const archive = await yauzl.openPromise(file).catch((error: Error) => {
    throw new AppError('validation', `${file} is not a readable zip file: ${error.message}`);
  });
  let count = 0;
  try {
    for await (const entry of archive.eachEntry()) {
      if (entry.fileName.endsWith('/') || !/\.xml$/i.test(entry.fileName)) continue;
      const stream = await archive.openReadStreamPromise(entry);
      for await (const record of parseGudidXml(decoded(stream), `${file}:${entry.fileName}`, count + 1)) {
        count++;
        yield record;
      }
    }
  } finally {
    archive.close();
  }
}
