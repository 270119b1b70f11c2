import type { GudidRecord } from './read-gudid.ts';

export type GudidProblemCode = 'check_digit' | 'identifier_format' | 'unknown_identifier' | 'missing_field';

/** One thing wrong with a GUDID record, named so a person can find the record. */
export interface GudidProblem {
  code: GudidProblemCode;
  /** 1-based position of the record in the file. */
  record: number;
  primaryDi: string;
  companyName: string;
  modelNumber: string;
  /** The identifier concerned, for identifier problems. */
  deviceIdentifier?: string;
  identifierKind?: string;
  message: string;
}

/** Most problems kept for the report; beyond this only the count grows, so memory stays bounded. */
export const MAX_REPORTED_PROBLEMS = 10_000;

export function problemOf(record: GudidRecord, code: GudidProblemCode, message: string, identifier?: { deviceId: string; kind: string }): GudidProblem {
  return {
    code,
    record: record.index,
    primaryDi: record.primaryDi,
    companyName: record.companyName,
    modelNumber: record.versionModelNumber || record.catalogNumber,
    ...(identifier && { deviceIdentifier: identifier.deviceId, identifierKind: identifier.kind }),
    message,
  };
}
