/**
 * Scanner output as people type or paste it: the invisible GS separator (ASCII 29) written as the escape `\x1d`,
 * `\u001d`, `\035` or `\029`. They become the real character; the domain's parser reads `<GS>`, `^` and the
 * FHIR examples' `↔` itself.
 */
export function unescapeScannerText(text: string): string {
  return text.replace(/\\x1d|\\u001d|\\035|\\029/gi, '\u001d');
}
