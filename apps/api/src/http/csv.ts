/*
 * CSV for analysts: UTF-8 with a byte-order mark (without it Excel reads Vietnamese as mojibake),
 * CRLF line ends and RFC 4180 quoting. Nested values are flattened into dotted columns.
 */

/** The byte-order mark Excel needs to read UTF-8. */
export const UTF8_BOM = '\uFEFF';

type Row = Readonly<Record<string, unknown>>;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** One row with nested objects flattened into `parent.child` keys; arrays become one cell. */
export const flatten = (value: Row, prefix = ''): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const name = prefix === '' ? key : `${prefix}.${key}`;
    if (isPlainObject(inner)) Object.assign(out, flatten(inner, name));
    else out[name] = inner;
  }
  return out;
};

const cellText = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => (isPlainObject(item) || Array.isArray(item) ? JSON.stringify(item) : cellText(item))).join('; ');
  if (isPlainObject(value)) return JSON.stringify(value);
  return String(value);
};

/**
 * A cell as CSV. Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is
 * prefixed with an apostrophe: the data comes from notices and reports that anyone may write.
 */
const cell = (value: unknown): string => {
  let text = cellText(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * Rows as CSV text with a BOM. Columns are `columns` when given, else every key in order of first
 * appearance across the flattened rows.
 */
export const toCsv = (rows: readonly Row[], columns?: readonly string[]): string => {
  const flat = rows.map((row) => flatten(row));
  const header = columns ?? [...new Set(flat.flatMap((row) => Object.keys(row)))];
  const lines = [header.map(cell).join(','), ...flat.map((row) => header.map((column) => cell(row[column])).join(','))];
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
};
