/** Largest file the server accepts (MAX_IMPORT_BYTES). */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

export const ACCEPT = '.csv,.txt,.tsv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  // One decimal where it says something: "1.4 MB", but "512 MB".
  return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
}

/**
 * Why a chosen file cannot be imported, before it is sent: empty, too large, or plainly not a spreadsheet.
 * The server reads the bytes and has the last word (binary content, encodings).
 */
export function fileProblem(file: File): string | null {
  const name = file.name;
  if (file.size === 0) return `${name} is empty.`;
  if (file.size > MAX_IMPORT_BYTES) return `${name} is ${formatBytes(file.size)}; files up to ${formatBytes(MAX_IMPORT_BYTES)} can be imported. Split it into parts.`;
  const extension = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
  if (extension === 'xls') return `${name} is an Excel 97–2003 workbook. Save it as Excel Workbook (.xlsx) or CSV, then import that.`;
  if (['pdf', 'doc', 'docx', 'png', 'jpg', 'jpeg', 'zip', 'ods', 'numbers', 'json', 'xml'].includes(extension)) {
    return `${name} is not a spreadsheet this import reads. Export the inventory as CSV or Excel (.xlsx).`;
  }
  return null;
}
