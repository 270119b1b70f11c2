/** Issuing agencies accredited by the FDA for UDIs (DOMAIN.md §3), or `unknown` when none is recognised. */
export type UdiIssuer = 'GS1' | 'HIBCC' | 'ICCBBA' | 'unknown';

/** How the scanned or typed text was written. */
export type UdiFormat =
  | 'gs1-bracketed'
  | 'gs1-element-string'
  | 'gs1-digital-link'
  | 'gs1-ean-upc'
  | 'hibcc'
  | 'iccbba'
  | 'unknown';

/**
 * One data element as found in the input. `key` is the GS1 Application Identifier (`01`, `17`, …),
 * the HIBCC field name (`LIC`, `PCN`, `lot`, …) or the ISBT 128 data identifier (`=/`, `&)`, …).
 */
export interface UdiElement {
  key: string;
  value: string;
  label?: string;
}

export type UdiProblemCode =
  | 'empty'
  | 'too_long'
  | 'invalid_character'
  | 'unrecognized_format'
  | 'symbology_identifier'
  | 'no_data'
  | 'malformed_ai'
  | 'unknown_ai'
  | 'missing_value'
  | 'value_too_short'
  | 'value_too_long'
  | 'charset'
  | 'check_digit'
  | 'check_character'
  | 'invalid_date'
  | 'invalid_value'
  | 'missing_separator'
  | 'duplicate_ai'
  | 'missing_device_identifier'
  | 'digital_link'
  | 'zero_suppressed_gtin'
  | 'hibcc_structure'
  | 'iccbba_structure';

export interface UdiProblem {
  code: UdiProblemCode;
  /** `error` makes the result invalid; `warning` keeps it valid but worth showing. */
  severity: 'error' | 'warning';
  message: string;
  /** AI, HIBCC field or ISBT 128 data identifier the problem is about. */
  key?: string;
  /** Zero-based offset in the input (after trimming) where the problem was found, when known. */
  position?: number;
}

export interface UdiParseResult {
  issuer: UdiIssuer;
  format: UdiFormat;
  /** AIM symbology identifier without the leading `]`, e.g. `d2`, `C1`, `Q3`. */
  symbology?: string;
  /** GTIN-14 for GS1, LIC + product number + unit of measure for HIBCC, PPIC for ICCBBA. */
  deviceIdentifier?: string;
  /** ISO 8601 calendar date (yyyy-mm-dd). */
  expiryDate?: string;
  /** ISO 8601 calendar date (yyyy-mm-dd). */
  manufactureDate?: string;
  lot?: string;
  serial?: string;
  elements: UdiElement[];
  problems: UdiProblem[];
  /** True when no problem has severity `error`. */
  valid: boolean;
}

export interface UdiParseOptions {
  /**
   * Accept GS1 Digital Link URIs whose GTIN is written zero-suppressed (8, 12 or 13 digits); the
   * device identifier is padded to GTIN-14. Off by default, as in the GS1 Syntax Engine.
   */
  permitZeroSuppressedGtin?: boolean;
  /**
   * Accept the deprecated Digital Link "convenience alphas" (`/gtin/`, `/lot/`, `/ser/`, …) in
   * place of numeric AIs. Off by default, as in the GS1 Syntax Engine.
   */
  permitConvenienceAlphas?: boolean;
  /**
   * Date used to place two-digit years in a century (GS1 General Specifications §7.12:
   * a window of 49 years back and 50 years ahead). Defaults to the current date.
   */
  referenceDate?: Date;
}
