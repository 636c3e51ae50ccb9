import * as E from 'fp-ts/Either';
import { documentSymbolOf } from './symbols';
import type { ParsedDirective } from './types';
import { fold } from './vietnamese';

/** Lower-case ASCII words joined by "-": "BCĐ" → "bcd", "UBND-KT" → "ubnd-kt". */
export const slug = (text: string): string =>
  fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** "khanh-hoa.bcd-khcn-dmst-cds" → "kh-bcd-khcn-dmst-cds"; "khanh-hoa.ubnd" → "kh-ubnd". */
const agencySlug = (id: string): string => {
  const dot = id.indexOf('.');
  if (dot < 0) return slug(id);
  const scope = id
    .slice(0, dot)
    .split('-')
    .map((word) => word.charAt(0))
    .join('');
  return `${scope}-${slug(id.slice(dot + 1))}`;
};

/**
 * The id a directive is registered under, derived from what identifies it — the same notice text
 * always gives the same id, so importing it again is a no-op:
 * - the issuer: its catalogue id with the scope shortened to initials (`khanh-hoa.ubnd` → `kh-ubnd`),
 *   or, when the issuer is not in the catalogue, the symbol's issuer code (`ubnd`);
 * - the kind code of the symbol (`tb`);
 * - a numbered notice: its number and year (`03-TB/BCĐ` of 2025 → `…-tb-3-2025`), the natural key
 *   of DESIGN.md, so `03-TB/BCĐ` and `3-TB/BCĐ` are one directive;
 * - an unnumbered draft: its issue date, else its meeting date (`kh-ubnd-tb-2026-02-27`), as the
 *   domain keys drafts.
 * Left with the reason when the notice lacks what the id needs.
 */
export const directiveIdOf = (directive: ParsedDirective): E.Either<string, string> => {
  const symbol = directive.symbol === null ? undefined : documentSymbolOf(directive.symbol.value);
  if (symbol === undefined) return E.left('Thiếu số ký hiệu văn bản / the notice has no document symbol');
  const issuerId = directive.issuerAgency?.agency?.id;
  const issuer = issuerId === undefined ? slug(symbol.issuer) : agencySlug(issuerId);
  const kind = slug(symbol.kind);
  const dated = directive.issuedOn?.value ?? directive.meetingOn?.value;
  if (symbol.number === null) {
    return dated === undefined
      ? E.left('Bản dự thảo không có ngày ban hành hay ngày họp / an unnumbered draft needs an issue or meeting date')
      : E.right(`${issuer}-${kind}-${dated}`);
  }
  const year = symbol.year ?? (dated === undefined ? directive.issueYear : Number(dated.slice(0, 4)));
  return year === null
    ? E.left('Không xác định được năm ban hành / the year of issue is unknown')
    : E.right(`${issuer}-${kind}-${symbol.number}-${year}`);
};
