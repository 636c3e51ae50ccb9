import { toCsv } from './csv';

/** The bits of Express's request and response that list answers use. */
export type ListRequest = { readonly headers: Readonly<Record<string, string | string[] | undefined>>; readonly query?: unknown };
export type ListResponse = { setHeader: (name: string, value: string) => unknown };

/** True when the caller asks for CSV: `?format=csv`, or `Accept: text/csv` without `?format=json`. */
export const wantsCsv = (request: ListRequest, format: string | undefined): boolean => {
  if (format !== undefined) return format === 'csv';
  const accept = request.headers['accept'];
  const text = Array.isArray(accept) ? accept.join(',') : (accept ?? '');
  return /(^|,)\s*text\/csv/i.test(text);
};

/**
 * A list as JSON (`body`, as given) or as CSV of `rows` with a BOM, as a download named `name.csv`.
 * Returns what the handler should return; for CSV the content type is set here.
 */
export const listAnswer = (
  request: ListRequest,
  response: ListResponse,
  options: { readonly format: string | undefined; readonly name: string; readonly rows: readonly Readonly<Record<string, unknown>>[]; readonly body: unknown; readonly columns?: readonly string[] },
): unknown => {
  if (!wantsCsv(request, options.format)) return options.body;
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${options.name}.csv"`);
  return toCsv(options.rows, options.columns);
};
