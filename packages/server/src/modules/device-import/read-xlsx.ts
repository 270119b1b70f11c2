import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import type { RawRow } from './read-file.ts';

/** A calendar date when the time is midnight (how Excel stores dates), otherwise the full ISO timestamp. */
function dateText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** The text a cell shows: rich text joined, a formula's result, a hyperlink's text, a date as yyyy-mm-dd. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : dateText(value);
  if (typeof value === 'object') {
    const cell = value as Record<string, unknown>;
    if (Array.isArray(cell.richText)) return (cell.richText as { text?: string }[]).map((part) => part.text ?? '').join('');
    if ('result' in cell) return cellText(cell.result);
    if ('text' in cell) return cellText(cell.text);
    if ('error' in cell) return String(cell.error);
  }
  return String(value);
}

/**
 * The rows of the first worksheet of an XLSX workbook, streamed (exceljs WorkbookReader), each with its sheet
 * row number as the line. Shared strings and styles are cached so that text and dates read as Excel shows them.
 */
export function xlsxRows(filePath: string): { rows: AsyncGenerator<RawRow>; close(): void } {
  const file = createReadStream(filePath);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });

  async function* rows(): AsyncGenerator<RawRow> {
    try {
      for await (const sheet of reader) {
        for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
          const values = row.values as unknown[];
          const cells: string[] = [];
          for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
          yield { line: row.number, cells };
        }
        break;
      }
    } catch (error) {
      yield { line: 0, error: `is not a readable workbook (${(error as Error).message})` };
    }
  }
  return { rows: rows(), close: () => file.destroy() };
}
