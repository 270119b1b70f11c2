import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import { AppError } from '../../http/errors.ts';
import { csvRows } from './read-csv.ts';
import { xlsxRows } from './read-xlsx.ts';

export type ImportFormat = 'csv' | 'xlsx';
/** How a CSV file's text is encoded; spreadsheets written by Excel on Windows are often windows-1252. */
export type ImportEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

export interface DetectedFile {
  format: ImportFormat;
  encoding: ImportEncoding | null;
}

const ENCODINGS: readonly string[] = ['utf-8', 'utf-8-bom', 'windows-1252'] satisfies ImportEncoding[];

/** The file as detected at upload, from what the import record stores. */
export function storedFile(row: { format: ImportFormat; encoding: string | null }): DetectedFile {
  return { format: row.format, encoding: row.encoding !== null && ENCODINGS.includes(row.encoding) ? (row.encoding as ImportEncoding) : null };
}

/** One record of the file after its header row: the cells in column order, or why the record could not be read. */
export type RawRow = { line: number; cells: string[] } | { line: number; error: string };

const HEAD_BYTES = 64 * 1024;

const unsupported = (message: string) => new AppError('unsupported_media_type', message);

async function readHead(filePath: string): Promise<Buffer> {
  const handle = await fs.open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Text has no NUL bytes and hardly any control characters; random bytes and binary formats have plenty. */
function looksBinary(head: Buffer): boolean {
  let controls = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls++;
  }
  return controls > head.length / 100;
}

/** Whether the whole file is valid UTF-8, decoded in chunks so that memory stays flat. */
async function isUtf8File(filePath: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(filePath, { highWaterMark: 1024 * 1024 })) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/**
 * Decides what an uploaded file is: an XLSX workbook, or CSV text in UTF-8 (with or without BOM) or, when it is
 * not valid UTF-8, windows-1252. Empty files, binary data and other formats are refused with a message that
 * says what the file is.
 */
export async function detectFile(filePath: string, fileName: string): Promise<DetectedFile> {
  const { size } = await fs.stat(filePath);
  if (size === 0) throw new AppError('validation', `${fileName} is empty`);
  const type = await fileTypeFromFile(filePath);
  if (type?.ext === 'xlsx') return { format: 'xlsx', encoding: null };
  if (type?.ext === 'zip' && /\.xlsx$/i.test(fileName)) return { format: 'xlsx', encoding: null };
  if (type?.ext === 'cfb') throw unsupported(`${fileName} is an Excel 97–2003 (.xls) or other legacy Office file; save it as .xlsx or CSV`);
  if (type) throw unsupported(`${fileName} is ${type.mime} (.${type.ext}), not a CSV or Excel (.xlsx) spreadsheet`);
  const head = await readHead(filePath);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw unsupported(`${fileName} is UTF-16 text; save it as "CSV UTF-8" or windows-1252 CSV`);
  }
  if (looksBinary(head)) throw unsupported(`${fileName} holds binary data, not CSV text or an Excel (.xlsx) workbook`);
  if (!(await isUtf8File(filePath))) return { format: 'csv', encoding: 'windows-1252' };
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  return { format: 'csv', encoding: bom ? 'utf-8-bom' : 'utf-8' };
}

/** The field delimiter of a CSV file, from its first line: comma, semicolon (European Excel), tab or pipe. */
export async function detectDelimiter(filePath: string): Promise<string> {
  const head = (await readHead(filePath)).toString('latin1');
  const firstLine = head.replace(/^\uFEFF|^\u00ef\u00bb\u00bf/, '').split(/\r?\n/)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const candidate of [',', ';', '\t', '|']) {
    const count = unquoted.split(candidate).length - 1;
    if (count > bestCount) [best, bestCount] = [candidate, count];
  }
  return best;
}

/**
 * Header names made unique so that a mapping can name each column: a blank header becomes "Column N", a repeated
 * one "Name (2)".
 */
export function uniqueHeaders(cells: readonly string[]): string[] {
  const seen = new Set<string>();
  return cells.map((cell, index) => {
    const base = cell.trim() === '' ? `Column ${index + 1}` : cell.trim();
    let name = base;
    for (let n = 2; seen.has(name); n++) name = `${base} (${n})`;
    seen.add(name);
    return name;
  });
}

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

export interface ImportFileRows {
  headers: string[];
  /** The header cells as written (blank and repeated names included). */
  rawHeaders: string[];
  /** The line of the header row. */
  headerLine: number;
  /** Rows after the header, blank rows left out. */
  rows: AsyncGenerator<RawRow>;
  close(): void;
}

/**
 * Opens an import file for reading: the first non-blank record is the header row, the records after it are the
 * rows. Reads as a stream, so a million-row file takes no more memory than a small one.
 */
export async function openImportFile(filePath: string, detected: DetectedFile): Promise<ImportFileRows | null> {
  const source = detected.format === 'xlsx' ? xlsxRows(filePath) : csvRows(filePath, detected.encoding ?? 'utf-8', await detectDelimiter(filePath));
  let header: { line: number; cells: string[] } | null = null;
  for (;;) {
    const next = await source.rows.next();
    if (next.done) break;
    if ('error' in next.value) throw new AppError('validation', `The header row cannot be read: ${next.value.error}`);
    if (!isBlank(next.value.cells)) {
      header = next.value;
      break;
    }
  }
  if (!header) {
    source.close();
    return null;
  }
  const width = header.cells.length;
  async function* rows(): AsyncGenerator<RawRow> {
    try {
      for await (const row of source.rows) {
        if ('error' in row) yield row;
        else if (!isBlank(row.cells)) {
          const extra = row.cells.slice(width).filter((cell) => cell.trim() !== '');
          if (extra.length > 0) yield { line: row.line, error: `has ${row.cells.length} cells but the header names ${width} columns` };
          else yield row;
        }
      }
    } finally {
      source.close();
    }
  }
  return { headers: uniqueHeaders(header.cells), rawHeaders: header.cells, headerLine: header.line, rows: rows(), close: source.close };
}

export interface FileHead {
  headers: string[];
  rawHeaders: string[];
  sampleRows: { line: number; cells: string[] }[];
}

/** The headers and the first rows of a file, for the mapping step; an empty file or one with no rows is refused. */
export async function readFileHead(filePath: string, detected: DetectedFile, fileName: string, sampleSize = 10): Promise<FileHead> {
  const file = await openImportFile(filePath, detected);
  if (!file) throw new AppError('validation', `${fileName} has no header row: it is blank`);
  const sampleRows: FileHead['sampleRows'] = [];
  try {
    for await (const row of file.rows) {
      if ('error' in row) throw new AppError('validation', `${fileName} is not a readable ${detected.format.toUpperCase()} file: line ${row.line} ${row.error}`);
      sampleRows.push({ line: row.line, cells: file.headers.map((_, i) => row.cells[i] ?? '') });
      if (sampleRows.length >= sampleSize) break;
    }
  } finally {
    file.close();
  }
  return { headers: file.headers, rawHeaders: file.rawHeaders, sampleRows };
}
