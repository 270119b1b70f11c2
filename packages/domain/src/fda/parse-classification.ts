import {
  FDA_CLASSIFICATION_COLUMNS,
  REQUIRED_FDA_CLASSIFICATION_FIELDS,
  isFdaDeviceClass,
  type FdaClassificationField,
  type FdaProductClassification,
} from './classification.ts';

export interface FdaParseProblem {
  /** 1-based line in the file. */
  line: number;
  /** The record field concerned; null for the row as a whole. */
  field: FdaClassificationField | null;
  message: string;
}

export interface FdaClassificationParse {
  records: FdaProductClassification[];
  problems: FdaParseProblem[];
}

type Columns = Partial<Record<FdaClassificationField, number>>;

const PRODUCT_CODE = /^[A-Z0-9]{3}$/;

function readHeader(headerLine: string, problems: FdaParseProblem[]): { columns: Columns; width: number } | null {
  const names = headerLine.split('|').map((name) => name.trim().toUpperCase());
  const columns: Columns = {};
  names.forEach((name, index) => {
    const field = FDA_CLASSIFICATION_COLUMNS[name];
    if (field && columns[field] === undefined) columns[field] = index;
  });
  const missing = REQUIRED_FDA_CLASSIFICATION_FIELDS.filter((field) => columns[field] === undefined);
  for (const field of missing) {
    problems.push({ line: 1, field, message: `The header has no column for ${field}` });
  }
  return missing.length > 0 ? null : { columns, width: names.length };
}

function parseFlag(value: string, line: number, field: FdaClassificationField, problems: FdaParseProblem[]): boolean {
  const flag = value.toUpperCase();
  if (flag === 'Y') return true;
  if (flag === 'N') return false;
  problems.push({ line, field, message: `Expected Y or N, found "${value}"; read as N` });
  return false;
}

function parseMalfunctionReporting(value: string, line: number, problems: FdaParseProblem[]): 'eligible' | 'ineligible' | null {
  const normalized = value.toLowerCase();
  if (normalized === 'eligible' || normalized === 'ineligible') return normalized;
  if (normalized !== '') {
    problems.push({ line, field: 'summaryMalfunctionReporting', message: `Expected Eligible or Ineligible, found "${value}"` });
  }
  return null;
}

function parseRow(
  cells: string[],
  columns: Columns,
  line: number,
  problems: FdaParseProblem[],
): FdaProductClassification | null {
  const cell = (field: FdaClassificationField): string => {
    const index = columns[field];
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const optional = (field: FdaClassificationField): string | null => cell(field) || null;

  const productCode = cell('productCode').toUpperCase();
  if (!PRODUCT_CODE.test(productCode)) {
    problems.push({ line, field: 'productCode', message: `"${cell('productCode')}" is not a three-character product code; row skipped` });
    return null;
  }
  const deviceName = cell('deviceName');
  if (deviceName === '') {
    problems.push({ line, field: 'deviceName', message: `Product code ${productCode} has no device name; row skipped` });
    return null;
  }
  const deviceClass = cell('deviceClass').toUpperCase();
  if (!isFdaDeviceClass(deviceClass)) {
    problems.push({ line, field: 'deviceClass', message: `Product code ${productCode} has unknown device class "${cell('deviceClass')}"; row skipped` });
    return null;
  }
  const flag = (field: FdaClassificationField) =>
    columns[field] === undefined ? false : parseFlag(cell(field), line, field, problems);

  return {
    productCode,
    deviceName,
    deviceClass,
    regulationNumber: optional('regulationNumber'),
    medicalSpecialty: optional('medicalSpecialty'),
    reviewPanel: optional('reviewPanel'),
    implant: flag('implant'),
    lifeSustaining: flag('lifeSustaining'),
    definition: optional('definition'),
    unclassifiedReason: optional('unclassifiedReason'),
    gmpExempt: flag('gmpExempt'),
    thirdPartyReviewEligible: flag('thirdPartyReviewEligible'),
    thirdPartyReviewCode: optional('thirdPartyReviewCode'),
    submissionTypeId: optional('submissionTypeId'),
    physicalState: optional('physicalState'),
    technicalMethod: optional('technicalMethod'),
    targetArea: optional('targetArea'),
    summaryMalfunctionReporting: parseMalfunctionReporting(cell('summaryMalfunctionReporting'), line, problems),
  };
}

/**
 * Parses FDA's product classification file: pipe-delimited, a header row, CRLF or LF line ends.
 * `text` is already decoded (the file is windows-1252: see `decodeCp1252`). Columns are found by
 * header name. Rows that cannot be used (wrong number of cells, bad product code, no name, unknown
 * class, repeated product code) are skipped with a problem; odd flag values are read as N and
 * reported. Device class letters are read case-insensitively (the file has "f" for HDE).
 */
export function parseFdaClassification(text: string): FdaClassificationParse {
  const problems: FdaParseProblem[] = [];
  const records: FdaProductClassification[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = readHeader(lines[0] ?? '', problems);
  if (!header) return { records, problems };

  const seen = new Map<string, number>();
  for (let index = 1; index < lines.length; index++) {
    const lineText = lines[index]!;
    const line = index + 1;
    if (lineText.trim() === '') continue;
    const cells = lineText.split('|');
    if (cells.length !== header.width) {
      problems.push({ line, field: null, message: `Expected ${header.width} fields, found ${cells.length}; row skipped` });
      continue;
    }
    const record = parseRow(cells, header.columns, line, problems);
    if (!record) continue;
    const firstLine = seen.get(record.productCode);
    if (firstLine !== undefined) {
      problems.push({ line, field: 'productCode', message: `Product code ${record.productCode} repeats line ${firstLine}; row skipped` });
      continue;
    }
    seen.set(record.productCode, line);
    records.push(record);
  }
  return { records, problems };
}
