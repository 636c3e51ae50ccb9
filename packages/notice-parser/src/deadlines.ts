import {
  addDays,
  dateDeadline,
  eventDeadline,
  noDeadline,
  periodDeadline,
  recurringDeadline,
  type DateDeadline,
  type Deadline,
  type LocalDate,
} from '@chidao/domain';
import { knownAgencyAt } from './agencies';
import { warningAt, type ParseContext } from './context';
import { DATE, addMonths, addWorkingDays, datePartsOf, resolveDate, vietnameseDate } from './dates';
import { collapse, wordsOf } from './source-text';
import { NUMBER_WORD, fold, numberFromWords, romanValue } from './vietnamese';

/**
 * Deadlines (*thời hạn*) in a clause, of every kind DESIGN.md names, each with the words it was read
 * from. Markdown emphasis is already blanked in the view, so `**chậm nhất ngày 06/3/2026**` reads as
 * "chậm nhất ngày 06/3/2026". Where two readings overlap, the more specific one wins, in this order:
 * recurring ("trước ngày 25 hằng tháng" is not "trước ngày 25"), relative, period, date, event, none.
 */

/** A deadline read from a view range. */
export type DeadlineMatch = {
  readonly start: number;
  readonly end: number;
  readonly deadline: Deadline;
  /** Lower is stronger: how overlapping readings are settled. */
  readonly rank: number;
};

type Builder = (groups: Readonly<Record<string, string | undefined>>, words: string, at: { start: number; end: number }) => Deadline | undefined;

type Rule = { readonly rank: number; readonly pattern: RegExp; readonly build: Builder };

const g = (source: string): RegExp => new RegExp(source, 'giu');

const UNIT_FREQUENCY: Readonly<Record<string, 'weekly' | 'monthly' | 'quarterly' | 'yearly'>> = {
  tuan: 'weekly',
  thang: 'monthly',
  quy: 'quarterly',
  nam: 'yearly',
};

const WEEKDAYS: Readonly<Record<string, number>> = {
  'thu hai': 1,
  'thu ba': 2,
  'thu tu': 3,
  'thu nam': 4,
  'thu sau': 5,
  'thu bay': 6,
  'chu nhat': 7,
};

const EVERY = String.raw`(?:hằng|hàng|mỗi)`;

/** The rules, built per parse because several need the context (dates, catalogue, warnings). */
const rulesFor = (ctx: ParseContext): readonly Rule[] => {
  const futureDate = (written: string | undefined, at: { start: number; end: number }): LocalDate | undefined => {
    const parts = written === undefined ? undefined : datePartsOf(written);
    if (parts === undefined) return undefined;
    const resolved = resolveDate(parts, ctx.dates, 'future');
    if (resolved === undefined) {
      ctx.warn(
        warningAt(
          ctx,
          parts.year === null ? 'date-year-unknown' : 'date-invalid',
          parts.year === null
            ? `Ngày "${written}" không ghi năm và văn bản không có năm / "${written}" has no year and the notice gives none`
            : `Ngày "${written}" không có thật / "${written}" is not a calendar date`,
          at.start,
          at.end,
        ),
      );
      return undefined;
    }
    if (resolved.yearInferred) {
      ctx.warn(
        warningAt(
          ctx,
          'year-inferred',
          `Ngày "${collapse(written ?? '')}" không ghi năm, hiểu là ${vietnameseDate(resolved.date)} / "${collapse(written ?? '')}" has no year: read as ${resolved.date}`,
          at.start,
          at.end,
        ),
      );
    }
    return resolved.date;
  };
  const periodYear = (written: string | undefined, at: { start: number; end: number }): number | undefined => {
    if (written !== undefined) return Number(written);
    const year = ctx.dates.date === undefined ? ctx.dates.year : Number(ctx.dates.date.slice(0, 4));
    ctx.warn(
      warningAt(
        ctx,
        year === undefined ? 'date-year-unknown' : 'year-inferred',
        year === undefined
          ? 'Thời hạn không ghi năm và văn bản không có năm / the deadline has no year and the notice gives none'
          : `Thời hạn không ghi năm, hiểu là năm ${year} / the deadline has no year: read as ${year}`,
        at.start,
        at.end,
      ),
    );
    return year;
  };

  const relative: Builder = (groups, words, at) => {
    const count = numberFromWords(groups['n'] ?? '');
    const unit = fold(collapse(groups['unit'] ?? ''));
    if (count === undefined) return undefined;
    const anchorWords = fold(collapse(groups['anchor'] ?? ''));
    const anchor: LocalDate | null | undefined = /^(ky|ban hanh)/.test(anchorWords)
      ? ctx.issuedOn
      : /^(hop|cuoc hop)/.test(anchorWords)
        ? ctx.meetingOn
        : undefined;
    if (anchor === undefined || anchor === null) {
      ctx.warn(
        warningAt(
          ctx,
          'relative-deadline-unresolved',
          anchor === null
            ? `Thời hạn "${words}" tính từ ngày chưa biết (văn bản chưa có ngày); ghi nhận là sự kiện chưa có ngày / "${words}" counts from a date the notice does not give: recorded as an event with no date yet`
            : `Thời hạn "${words}" tính từ một sự kiện; ghi nhận là sự kiện chưa có ngày / "${words}" counts from an event: recorded with no date until it is scheduled`,
          at.start,
          at.end,
        ),
      );
      return eventDeadline({ kind: 'other', description: words }, words);
    }
    if (unit.startsWith('ngay lam viec')) {
      ctx.warn(
        warningAt(
          ctx,
          'working-days-approximate',
          `"${words}": tính ngày làm việc từ thứ Hai đến thứ Sáu, chưa trừ ngày lễ / "${words}": working days counted Monday to Friday, public holidays not deducted`,
          at.start,
          at.end,
        ),
      );
      return dateDeadline(addWorkingDays(anchor, count), 'by', words);
    }
    const due = unit === 'tuan' ? addDays(anchor, 7 * count) : unit === 'thang' ? addMonths(anchor, count) : addDays(anchor, count);
    return dateDeadline(due, 'by', words);
  };

  const dated =
    (qualifier: DateDeadline['qualifier']): Builder =>
    (groups, words, at) => {
      const date = futureDate(groups['d'], at);
      return date === undefined ? undefined : dateDeadline(date, qualifier, words);
    };

  return [
    {
      rank: 1,
      pattern: g(String.raw`trước\s+ngày\s+(?<day>\d{1,2})\s+(?:của\s+)?(?:${EVERY}|các)\s+tháng`),
      build: (groups, words) => recurringDeadline({ frequency: 'monthly', day: Number(groups['day']) }, words),
    },
    {
      rank: 1,
      pattern: g(String.raw`trước\s+ngày\s+(?<day>\d{1,2})\s+(?:của\s+)?tháng\s+cuối\s+(?:của\s+)?(?:${EVERY}|các)\s+quý`),
      build: (groups, words) => recurringDeadline({ frequency: 'quarterly', day: Number(groups['day']) }, words),
    },
    {
      rank: 1,
      pattern: g(String.raw`trước\s+ngày\s+(?<day>\d{1,2})\s*\/\s*(?<month>\d{1,2})\s+${EVERY}\s+năm`),
      build: (groups, words) =>
        recurringDeadline({ frequency: 'yearly', day: Number(groups['day']), month: Number(groups['month']) }, words),
    },
    {
      rank: 1,
      pattern: g(
        String.raw`định\s+kỳ\s+${EVERY}\s+(?<unit>tuần|tháng|quý|năm)(?:\s*[,(]?\s*(?:trước|vào)\s+ngày\s+(?<day>\d{1,2})(?!\d|\s*[/.]\s*\d))?`,
      ),
      build: (groups, words) => {
        const frequency = UNIT_FREQUENCY[fold(groups['unit'] ?? '')] ?? 'monthly';
        const day = groups['day'] === undefined ? undefined : Number(groups['day']);
        return recurringDeadline(day === undefined || frequency === 'weekly' ? { frequency } : { frequency, day }, words);
      },
    },
    {
      rank: 1,
      pattern: g(String.raw`(?:vào|trước)\s+(?<weekday>thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)\s+${EVERY}\s+tuần`),
      build: (groups, words) => {
        const weekday = WEEKDAYS[fold(collapse(groups['weekday'] ?? ''))];
        return recurringDeadline(weekday === undefined ? { frequency: 'weekly' } : { frequency: 'weekly', weekday }, words);
      },
    },
    {
      rank: 1,
      pattern: g(String.raw`báo\s+cáo\s+(?:kết\s+quả\s+)?(?:định\s+kỳ\s+)?(?:hằng|hàng)\s+(?<unit>tuần|tháng|quý|năm)`),
      build: (groups, words) => recurringDeadline({ frequency: UNIT_FREQUENCY[fold(groups['unit'] ?? '')] ?? 'monthly' }, words),
    },
    {
      rank: 2,
      pattern: g(
        String.raw`(?:trong|sau|chậm\s+nhất)\s+(?:vòng\s+|thời\s+hạn\s+|thời\s+gian\s+)?(?<n>${NUMBER_WORD})\s*(?:\(\s*[\p{L}\s]+\)\s*)?(?<unit>ngày\s+làm\s+việc|ngày|tuần|tháng)\s*,?\s*(?:kể\s+)?từ\s+(?:ngày|khi)\s+(?<anchor>ký(?:\s+ban\s+hành)?(?:\s+(?:Thông\s+báo|văn\s+bản|Kết\s+luận)(?:\s+này)?)?|ban\s+hành(?:\s+(?:Thông\s+báo|văn\s+bản|Kết\s+luận)(?:\s+này)?)?|(?:cuộc\s+)?họp|[^,.;()\n]{1,60})`,
      ),
      build: relative,
    },
    {
      rank: 3,
      pattern: g(String.raw`(?:trong|chậm\s+nhất(?:\s+(?:là|trong))?)\s+tháng\s+(?<m>\d{1,2})(?:(?:\s*\/\s*|\s+năm\s+)(?<y>\d{4}))?(?![\d/])`),
      build: (groups, words, at) => {
        const month = Number(groups['m']);
        const year = periodYear(groups['y'], at);
        return year === undefined || month < 1 || month > 12 ? undefined : periodDeadline('month', year, month, words);
      },
    },
    {
      rank: 3,
      pattern: g(String.raw`(?:trong|chậm\s+nhất(?:\s+(?:là|trong))?)\s+quý\s+(?<q>IV|I{1,3}|[1-4])(?![\p{L}\d])(?:(?:\s*\/\s*|\s+năm\s+)(?<y>\d{4}))?`),
      build: (groups, words, at) => {
        const written = groups['q'] ?? '';
        const quarter = /^\d$/.test(written) ? Number(written) : romanValue(written.toUpperCase());
        const year = periodYear(groups['y'], at);
        return year === undefined || quarter === undefined ? undefined : periodDeadline('quarter', year, quarter, words);
      },
    },
    {
      rank: 3,
      pattern: g(String.raw`trong\s+(?:0?6|sáu)\s+tháng\s+(?<half>đầu|cuối)\s+năm\s+(?<y>\d{4})`),
      build: (groups, words) => periodDeadline('half', Number(groups['y']), fold(groups['half'] ?? '') === 'dau' ? 1 : 2, words),
    },
    {
      rank: 3,
      pattern: g(String.raw`(?:trong|chậm\s+nhất\s+trong|(?:trước|đến)\s+hết)\s+năm\s+(?<y>\d{4})`),
      build: (groups, words) => periodDeadline('year', Number(groups['y']), undefined, words),
    },
    {
      rank: 4,
      pattern: g(String.raw`chậm\s+nhất\s+(?:là\s+)?(?:vào\s+)?(?:ngày\s+)?(?<d>${DATE})`),
      build: dated('by'),
    },
    {
      rank: 4,
      pattern: g(String.raw`(?:đến\s+)?trước\s+(?:ngày\s+)?(?<d>${DATE})`),
      build: dated('before'),
    },
    {
      rank: 4,
      // "từ ngày X đến ngày Y" is a period and "tính đến ngày X" an as-of date, neither a deadline.
      pattern: g(String.raw`(?<!từ\s+ngày\s+${DATE}\s+|(?:tính|lũy\s+kế|luỹ\s+kế)\s+)(?:đến|tới)\s+(?:hết\s+)?ngày\s+(?<d>${DATE})`),
      build: dated('by'),
    },
    {
      rank: 4,
      pattern: g(
        String.raw`(?:thời\s+hạn(?:\s+hoàn\s+thành)?|hạn\s+chót|hoàn\s+thành(?:\s+xong)?|xong)\s*:?\s*(?:là\s+|vào\s+|trong\s+)?(?:ngày\s+)?(?<d>${DATE})`,
      ),
      build: dated('by'),
    },
    {
      rank: 4,
      pattern: g(String.raw`trong\s+ngày\s+(?<d>${DATE})`),
      build: dated('by'),
    },
    {
      rank: 5,
      pattern: g(
        String.raw`(?<=(?:báo\s+cáo|trình|thông\s+qua|xin\s+ý\s+kiến)[^.;]{0,80}\s)(?:tại|trước|trong)\s+(?:cuộc\s+họp|phiên\s+họp|kỳ\s+họp|hội\s+nghị|buổi\s+làm\s+việc|buổi\s+họp)(?:(?!\s+để\s)[^.;,()\n])*`,
      ),
      build: (_groups, words, at) => {
        const description = words.replace(/^(?:tại|trước|trong)\s+/iu, '');
        const session = new RegExp(String.raw`(?:phiên(?:\s+họp)?|lần)\s+thứ\s+(${NUMBER_WORD})`, 'iu').exec(description);
        const number = session === null ? undefined : numberFromWords(session[1] ?? '');
        const body = bodyIn(ctx, at.start, at.end);
        return eventDeadline(
          {
            kind: 'meeting',
            description,
            ...(body === undefined ? {} : { body }),
            ...(number === undefined ? {} : { session: number }),
          },
          words,
        );
      },
    },
    { rank: 6, pattern: g(String.raw`thường\s+xuyên`), build: (_groups, words) => noDeadline('continuous', words) },
    { rank: 6, pattern: g(String.raw`kịp\s+thời|khẩn\s+trương`), build: (_groups, words) => noDeadline('prompt', words) },
  ];
};

/** The first body the catalogue knows inside a meeting's description ("cuộc họp Tổ giúp việc …"). */
const bodyIn = (ctx: ParseContext, start: number, end: number): string | undefined => {
  const words = /(?<![\p{L}\d])\p{Lu}/gu;
  words.lastIndex = start;
  const text = ctx.src.text.slice(0, end);
  for (let match = words.exec(text); match !== null; match = words.exec(text)) {
    const mention = knownAgencyAt(ctx, match.index, end);
    if (mention !== undefined) return collapse(text.slice(mention.start, mention.end));
  }
  return undefined;
};

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

/** Every deadline in a view range, overlapping readings settled by rank, in text order. */
export const deadlinesIn = (ctx: ParseContext, start: number, end: number): readonly DeadlineMatch[] => {
  const text = ctx.src.text.slice(0, end);
  const candidates: DeadlineMatch[] = [];
  for (const rule of rulesFor(ctx)) {
    rule.pattern.lastIndex = start;
    for (let match = rule.pattern.exec(text); match !== null; match = rule.pattern.exec(text)) {
      const at = { start: match.index, end: match.index + match[0].length };
      if (at.end === at.start) {
        rule.pattern.lastIndex += 1;
        continue;
      }
      // Settle overlaps before building, so a reading that loses never emits its warnings.
      if (candidates.some((other) => other.rank <= rule.rank && overlaps(other, at))) continue;
      const deadline = rule.build(match.groups ?? {}, wordsOf(ctx.src, at.start, at.end), at);
      if (deadline !== undefined) candidates.push({ ...at, deadline, rank: rule.rank });
    }
  }
  return candidates.sort((a, b) => a.start - b.start);
};
