import {
  ROW_CHECKED_IMPORT_PROBLEM_CODES,
  SERVER_CHECKED_IMPORT_PROBLEM_CODES,
  type DeviceImportField,
  type DeviceImportMapping,
  type DeviceImportProblem,
} from '@openhtm/domain';

/**
 * Every code an import check reports: the domain's row-level and database codes, and beyond them references the
 * database does not know, conflicts with existing devices, and what a commit will do on its own (create a model,
 * leave a status alone).
 */
export const IMPORT_PROBLEM_CODES = [
  ...ROW_CHECKED_IMPORT_PROBLEM_CODES,
  ...SERVER_CHECKED_IMPORT_PROBLEM_CODES,
  'malformed_row',
  'missing_facility',
  'missing_manufacturer',
  'missing_model',
  'unknown_model',
  'unknown_building',
  'unknown_room',
  'ambiguous_room',
  'unknown_vendor',
  'facility_out_of_scope',
  'device_out_of_scope',
  'duplicate_match',
  'status_not_changed',
  'asset_tag_changed',
  'future_date',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

export interface ImportSuggestion {
  id: string;
  name: string;
  /** The name or alias that resembles the text of the file. */
  matchedOn: string;
}

export interface ImportProblem extends Omit<DeviceImportProblem, 'code'> {
  code: ImportProblemCode;
  suggestions?: ImportSuggestion[];
}

/** Most problems kept in detail per check; all of them are counted. */
export const MAX_KEPT_PROBLEMS = 10_000;

/**
 * Collects the problems of one check: every problem is counted by code and severity, the first
 * MAX_KEPT_PROBLEMS are kept in detail, and the lines with an error are remembered so that a commit can leave
 * exactly those rows out.
 */
export class ProblemLog {
  readonly kept: ImportProblem[] = [];
  readonly counts: Record<string, number> = {};
  errors = 0;
  warnings = 0;

  constructor(private readonly mapping: DeviceImportMapping) {}

  add(problem: ImportProblem): void {
    if (problem.severity === 'error') this.errors++;
    else this.warnings++;
    this.counts[problem.code] = (this.counts[problem.code] ?? 0) + 1;
    if (this.kept.length < MAX_KEPT_PROBLEMS) this.kept.push(problem);
  }

  /** A problem about one field of a row; the column is the header that field is mapped from. */
  field(
    line: number,
    field: DeviceImportField | null,
    code: ImportProblemCode,
    severity: 'error' | 'warning',
    message: string,
    extra: { value?: string | null; suggestions?: ImportSuggestion[] } = {},
  ): void {
    const problem: ImportProblem = { line, column: field ? (this.mapping[field] ?? null) : null, field, code, severity, message };
    if (extra.value !== undefined && extra.value !== null) problem.value = extra.value;
    if (extra.suggestions?.length) problem.suggestions = extra.suggestions;
    this.add(problem);
  }

  get total(): number {
    return this.errors + this.warnings;
  }

  /** Kept problems in file order (line, then column as mapped). */
  sorted(): ImportProblem[] {
    return [...this.kept].sort((a, b) => a.line - b.line || (a.column ?? '').localeCompare(b.column ?? ''));
  }
}
