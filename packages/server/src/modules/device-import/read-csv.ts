import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import { parse, type CsvError, type Info } from 'csv-parse';
import { decodeCp1252 } from '@openhtm/domain';
import type { ImportEncoding, RawRow } from './read-file.ts';

/** Decodes windows-1252 bytes chunk by chunk: a single-byte encoding never splits a character between chunks. */
function cp1252Decoder(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, decodeCp1252(chunk));
    },
  });
}

function newlinesIn(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    if (cell.includes('\n')) count += cell.split('\n').length - 1;
  }
  return count;
}

/**
 * The records of a CSV file, streamed, each with the line it starts on. A record csv-parse cannot read (a stray
 * quote) comes back as an error for its line, and reading goes on with the next one.
 */
export function csvRows(filePath: string, encoding: ImportEncoding, delimiter: string): { rows: AsyncGenerator<RawRow>; close(): void } {
  const file = createReadStream(filePath, { highWaterMark: 256 * 1024 });
  const parser = parse({
    delimiter,
    bom: true,
    info: true,
    relax_column_count: true,
    skip_records_with_error: true,
    skip_empty_lines: true,
  });
  const skipped: RawRow[] = [];
  parser.on('skip', (error: CsvError & { lines?: number }): void => {
    skipped.push({ line: error.lines ?? 0, error: error.message.replace(/ at line \d+/, '') });
  });
  const decoded = encoding === 'windows-1252' ? file.pipe(cp1252Decoder()) : file;
  decoded.on('error', (error: Error) => parser.destroy(error));
  decoded.pipe(parser);

  async function* rows(): AsyncGenerator<RawRow> {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      while (skipped.length > 0) yield skipped.shift()!;
      yield { line: info.lines - newlinesIn(record), cells: record };
    }
    while (skipped.length > 0) yield skipped.shift()!;
  }
  return {
    rows: rows(),
    close: () => {
      file.destroy();
      parser.destroy();
    },
  };
}
