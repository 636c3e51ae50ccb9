import type { AgencyCatalogue, LocalDate } from '@chidao/domain';
import type { DateContext } from './dates';
import { sourceSpanOf, type SourceText } from './source-text';
import type { ParseWarning, Span } from './types';

/** What every extractor needs: the text, the catalogue, the notice's date, and where warnings go. */
export type ParseContext = {
  readonly src: SourceText;
  readonly catalogue: AgencyCatalogue;
  /** The date agencies are judged on (issue date, else meeting date…); null when the notice has none. */
  readonly agencyDate: LocalDate | null;
  /** What year-less dates are completed with. */
  readonly dates: DateContext;
  /** The issue date, for deadlines counted "kể từ ngày ký". */
  readonly issuedOn: LocalDate | null;
  /** The meeting date, for deadlines counted "kể từ ngày họp". */
  readonly meetingOn: LocalDate | null;
  readonly warn: (warning: ParseWarning) => void;
};

/** A warning list that keeps one warning per code and span, in the order first seen. */
export const warningCollector = (): { readonly warnings: ParseWarning[]; readonly warn: (warning: ParseWarning) => void } => {
  const warnings: ParseWarning[] = [];
  const seen = new Set<string>();
  return {
    warnings,
    warn: (warning) => {
      const key = `${warning.code}|${warning.span?.start ?? ''}|${warning.span?.end ?? ''}|${warning.message}`;
      if (seen.has(key)) return;
      seen.add(key);
      warnings.push(warning);
    },
  };
};

/** A warning about a view range. */
export const warningAt = (ctx: Pick<ParseContext, 'src'>, code: string, message: string, start: number, end: number): ParseWarning => ({
  code,
  message,
  span: sourceSpanOf(ctx.src, start, end),
});

/** A view range. */
export type Range = { readonly start: number; readonly end: number };

/** The source span of a view range. */
export const spanOf = (ctx: Pick<ParseContext, 'src'>, range: Range): Span => sourceSpanOf(ctx.src, range.start, range.end);
