import { normalizeDocumentSymbol, parseDocumentSymbol, type DocumentSymbol } from '@chidao/domain';
import * as E from 'fp-ts/Either';
import { knownAgencyAt } from './agencies';
import { spanOf, type ParseContext } from './context';
import { DATE, datePartsOf, resolveDate } from './dates';
import { collapse } from './source-text';
import type { ParsedReference, Spanned } from './types';

/**
 * Document symbols (*số ký hiệu*) in running text, in either convention, with the stray spaces of a
 * typed or scanned notice: "100/TB-UBND", "03 - TB/BCĐ", "23/2018/QĐ-TTg", and a draft's "/TB-UBND".
 * An issuer code is one or more capitalised segments joined by hyphens ("UBND-KT", "QĐ-TTg"); the
 * next lower-case word ("ngày", "của") ends it. Horizontal spaces only: a symbol never spans lines.
 */
const SEGMENT = String.raw`\p{Lu}[\p{L}\d]*`;
export const SYMBOL = String.raw`(?<![\p{L}\d])\d{0,7}[ \t]*(?:-[ \t]*\p{L}+[ \t]*)?\/[ \t]*(?:\d{4}[ \t]*\/[ \t]*)?${SEGMENT}(?:[ \t]*[-–][ \t]*${SEGMENT})*`;

/** Kinds of document a notice cites, as written before "số". */
export const DOCUMENT_KINDS = String.raw`Quyết\s+định|Thông\s+báo(?:\s+kết\s+luận)?|Nghị\s+quyết|Kế\s+hoạch|Chỉ\s+thị|Công\s+văn|Văn\s+bản|Kết\s+luận|Chương\s+trình(?:\s+hành\s+động)?|Đề\s+án|Hướng\s+dẫn|Nghị\s+định|Thông\s+tư|Luật|Tờ\s+trình|Báo\s+cáo|Quy\s+định|Quy\s+chế`;

/** The parsed symbol of a written one, or undefined when the domain rejects it. */
export const documentSymbolOf = (written: string): DocumentSymbol | undefined =>
  E.getOrElseW(() => undefined)(parseDocumentSymbol(written));

/** The canonical text of a written symbol, or undefined. */
export const canonicalSymbol = (written: string): string | undefined =>
  E.getOrElseW(() => undefined)(normalizeDocumentSymbol(written));

const CITATION = new RegExp(
  String.raw`(?<kind>${DOCUMENT_KINDS})\s+số\s*:?\s*(?<symbol>${SYMBOL})(?:\s*,?\s*(?:ban\s+hành\s+)?ngày\s+(?<date>${DATE}))?`,
  'gu',
);

/** A document citation found in the text: "Thông báo số 100/TB-UBND ngày 13/02/2026 của UBND tỉnh". */
export type Citation = { readonly start: number; readonly end: number; readonly reference: ParsedReference };

/** Every citation in a view range, in text order. */
export const citationsIn = (ctx: ParseContext, start: number, end: number): readonly Citation[] => {
  const text = ctx.src.text.slice(0, end);
  const found: Citation[] = [];
  CITATION.lastIndex = start;
  for (let match = CITATION.exec(text); match !== null; match = CITATION.exec(text)) {
    const groups = match.groups ?? {};
    const symbol = canonicalSymbol(groups['symbol'] ?? '');
    if (symbol === undefined || documentSymbolOf(symbol)?.number === null) continue;
    const parts = groups['date'] === undefined ? undefined : datePartsOf(groups['date']);
    const issuedOn = parts === undefined ? undefined : resolveDate(parts, ctx.dates, 'past')?.date;
    let citationEnd = match.index + match[0].length;
    let issuer: { text: string; id: string } | undefined;
    const of = /\s*,?\s*của\s+/y;
    of.lastIndex = citationEnd;
    if (of.exec(text) !== null) {
      const mention = knownAgencyAt(ctx, of.lastIndex, end);
      if (mention !== undefined) {
        const resolved = mention.resolution;
        const agency = resolved._tag === 'Resolved' || resolved._tag === 'Superseded' ? resolved.agency : undefined;
        if (agency !== undefined) {
          issuer = { text: collapse(text.slice(mention.start, mention.end)), id: agency.id };
          citationEnd = mention.end;
        }
      }
    }
    found.push({
      start: match.index,
      end: citationEnd,
      reference: {
        symbol,
        ...(issuedOn === undefined ? {} : { issuedOn }),
        ...(issuer === undefined ? {} : { issuer: issuer.text, issuerId: issuer.id }),
        kind: collapse(groups['kind'] ?? ''),
      },
    });
  }
  return found;
};

/** The references of a notice: each cited document once (its first citation), the notice's own symbol left out. */
export const referencesIn = (
  ctx: ParseContext,
  start: number,
  end: number,
  ownSymbol: string | null,
): readonly Spanned<ParsedReference>[] => {
  const seen = new Set<string>(ownSymbol === null ? [] : [ownSymbol.toUpperCase()]);
  const references: Spanned<ParsedReference>[] = [];
  for (const citation of citationsIn(ctx, start, end)) {
    const key = citation.reference.symbol.toUpperCase();
    if (seen.has(key)) continue;
    seen.add(key);
    references.push({ value: citation.reference, span: spanOf(ctx, citation) });
  }
  return references;
};
