/**
 * CSV as Dutch spreadsheet users open it: UTF-8 with BOM (Excel then reads accents right),
 * `;` between fields, decimal comma, CRLF. Text that a spreadsheet would run as a formula
 * (starting with = + - @ or a tab) gets a leading apostrophe: an exported comment or e-mail
 * address must never execute in someone's Excel.
 */
export type CsvCell = string | number | boolean | null | undefined;

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number')
    return Number.isFinite(value) ? String(value).replace('.', ',') : '';
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
