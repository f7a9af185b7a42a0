/**
 * CSV as Norwegian Excel opens it: semicolon-separated, CRLF, UTF-8 with a byte-order mark (without
 * it Excel reads the file as Windows-1252 and mangles æøå). A cell that starts with = + - @ or a
 * tab/carriage return would be run as a formula (CSV injection, e.g. a name typed as "=HYPERLINK(…)"):
 * it is prefixed with an apostrophe, which Excel shows as text.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(cell).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
