/**
 * CSV as Excel reads it: RFC 4180 fields, CRLF after every record, and a UTF-8
 * byte-order mark first: without it Excel reads the file in the local code page
 * and every Vietnamese letter outside ASCII ("Đinh Thị Hoa") comes out garbled.
 */
export const BOM = '\uFEFF';
const CRLF = '\r\n';

/** One row: column name → value (absent, null and undefined are empty fields). */
export type Row = Readonly<Record<string, unknown>>;

/**
 * A value as the text of one field, before quoting. Numbers are written plainly
 * (money is a whole number of đồng: 99186000000, never 9.9186e10 nor 99,186,000,000),
 * booleans as TRUE / FALSE (what Excel writes), lists of values joined with "; ",
 * anything else structured as JSON.
 */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (Array.isArray(value)) return value.map(formatCell).join('; ');
  return JSON.stringify(value);
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // JavaScript switches to exponent notation from 1e21 and below 1e-6.
  if (Number.isInteger(value)) return BigInt(value).toString();
  return value.toFixed(20).replace(/\.?0+$/, '');
}

/** One field, quoted when it holds a comma, a quote or a line break (quotes doubled). */
export function csvField(value: unknown): string {
  const text = formatCell(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const record = (fields: readonly unknown[]) => fields.map(csvField).join(',') + CRLF;

/** The start of a file: the BOM and the header record. */
export function csvHeader(columns: readonly string[]): string {
  return BOM + record(columns);
}

/** Records for `rows`, in `columns` order; for writing a long export page by page after {@link csvHeader}. */
export function csvRows(columns: readonly string[], rows: readonly Row[]): string {
  let text = '';
  for (const row of rows) text += record(columns.map((column) => row[column]));
  return text;
}

/** A whole file: BOM, header, one record per row. */
export function toCsv(columns: readonly string[], rows: readonly Row[]): string {
  return csvHeader(columns) + csvRows(columns, rows);
}
