export type {
  UdiElement,
  UdiFormat,
  UdiIssuer,
  UdiParseOptions,
  UdiParseResult,
  UdiProblem,
  UdiProblemCode,
} from './types.ts';
export { parseUdi, MAX_UDI_LENGTH } from './parse-udi.ts';
export { parseUdiOrAssetTag, ASSET_TAG_MAX_LENGTH, type ScanClassification } from './asset-tag.ts';
export { formatGs1 } from './gs1-result.ts';
export {
  computeGs1CheckDigit,
  computeHibcCheckCharacter,
  gs1CheckDigitValid,
  gtinCheckDigitValid,
} from './check-digits.ts';
