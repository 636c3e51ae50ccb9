import { dateDeadline, dueDateOf, type Deadline, type LocalDate } from '@chidao/domain';
import { spanOf, warningAt, type ParseContext, type Range } from './context';
import { DATE, datePartsOf, resolveDate } from './dates';
import type { DeadlineMatch } from './deadlines';
import { collapse, wordsOf } from './source-text';
import { DOCUMENT_KINDS, SYMBOL, canonicalSymbol } from './symbols';
import type { ParsedExtension, ParsedReminder, Spanned } from './types';
import { NUMBER_WORD, numberFromWords } from './vietnamese';

/**
 * Extensions (*gia hạn lần n*) and reminders (*nhắc việc, đôn đốc*) stated in a clause. Three ways a
 * notice states an extension:
 * - "gia hạn lần 2 đến ngày 15/3/2026": number and new date together;
 * - "đến ngày 30/3/2026 (gia hạn lần 2)": the date, then the number in brackets;
 * - "trước ngày 30/4/2026 (đã gia hạn lần 1 tại Thông báo số 180/TB-UBND ngày 20/4/2026)": an earlier
 *   extension and the document that granted it; its date is the deadline it annotates.
 * "Gia hạn … đến ngày X" with no number is kept with `number: null` and a warning.
 */

/** An extension read from a clause, with the deadline it sets and the deadline readings it used up. */
export type ExtensionMatch = {
  readonly extension: Spanned<ParsedExtension>;
  readonly range: Range;
  /** The deadline in force after this extension. */
  readonly deadline: Spanned<Deadline>;
  /** Deadline readings that belong to this extension and are not deadlines of their own. */
  readonly uses: readonly DeadlineMatch[];
};

const EXTENSION = /(?:đã\s+(?:được\s+)?)?gia\s+hạn/giu;
const NUMBERED = new RegExp(String.raw`\s+lần\s+(?:thứ\s+)?(?<n>${NUMBER_WORD})(?![\p{L}\d])`, 'iuy');
const TO_DATE = new RegExp(String.raw`(?:đến|tới)\s+(?:hết\s+)?ngày\s+(?<d>${DATE})`, 'iu');
const GRANTED_BY = new RegExp(
  String.raw`(?:tại|theo)\s+(?:${DOCUMENT_KINDS})\s+số\s*:?\s*(?<symbol>${SYMBOL})(?:\s*,?\s*ngày\s+(?<date>${DATE}))?`,
  'iu',
);

/** Where the sentence around `index` starts and ends, within a range. */
const sentenceAround = (text: string, index: number, range: Range): Range => {
  let start = index;
  while (start > range.start && !/[.;\n]/.test(text[start - 1] ?? '')) start -= 1;
  let end = index;
  while (end < range.end && !/[.;\n]/.test(text[end] ?? '')) end += 1;
  return { start, end };
};

const dateIn = (ctx: ParseContext, written: string | undefined, direction: 'future' | 'past'): LocalDate | undefined => {
  const parts = written === undefined ? undefined : datePartsOf(written);
  return parts === undefined ? undefined : resolveDate(parts, ctx.dates, direction)?.date;
};

/** The extensions a clause states, in text order. `deadlines` are the clause's deadline readings. */
export const extensionsIn = (ctx: ParseContext, range: Range, deadlines: readonly DeadlineMatch[]): readonly ExtensionMatch[] => {
  const text = ctx.src.text;
  const found: ExtensionMatch[] = [];
  const scope = text.slice(0, range.end);
  EXTENSION.lastIndex = range.start;
  for (let match = EXTENSION.exec(scope); match !== null; match = EXTENSION.exec(scope)) {
    const start = match.index;
    NUMBERED.lastIndex = start + match[0].length;
    const numbered = NUMBERED.exec(scope);
    const sentence = sentenceAround(text, start, range);
    if (numbered === null) {
      // "Gia hạn thời gian trình … đến ngày 30/3/2026 (gia hạn lần 2)": the numbered mention carries it.
      if (/gia\s+hạn\s+lần/iu.test(text.slice(sentence.start, sentence.end))) continue;
    }
    const number = numbered === null ? null : (numberFromWords(numbered.groups?.['n'] ?? '') ?? null);
    const cursor = numbered === null ? start + match[0].length : NUMBERED.lastIndex;
    const closing = text.slice(cursor, sentence.end).search(/[)]/);
    const windowEnd = closing < 0 ? sentence.end : cursor + closing;
    const window = text.slice(cursor, windowEnd);
    const to = TO_DATE.exec(window);
    const granted = GRANTED_BY.exec(window);
    const grantedSymbol = granted === null ? undefined : canonicalSymbol(granted.groups?.['symbol'] ?? '');
    const grantedOn = granted === null ? undefined : dateIn(ctx, granted.groups?.['date'], 'past');
    const document =
      grantedSymbol === undefined ? undefined : { symbol: grantedSymbol, ...(grantedOn === undefined ? {} : { issuedOn: grantedOn }) };
    let end = Math.max(
      numbered === null ? start + match[0].length : NUMBERED.lastIndex,
      to === null ? 0 : cursor + to.index + to[0].length,
      granted === null ? 0 : cursor + granted.index + granted[0].length,
    );
    let spanStart = start;
    let deadline: Spanned<Deadline> | undefined;
    const uses: DeadlineMatch[] = [];
    if (to !== null) {
      const toStart = cursor + to.index;
      const toEnd = toStart + to[0].length;
      const date = dateIn(ctx, to.groups?.['d'], 'future');
      if (date !== undefined) {
        const words = wordsOf(ctx.src, numbered === null ? toStart : start, toEnd);
        deadline = { value: dateDeadline(date, 'by', words), span: spanOf(ctx, { start: numbered === null ? toStart : start, end: toEnd }) };
      }
      uses.push(...deadlines.filter((d) => d.start < toEnd && toStart < d.end));
    } else if (numbered !== null) {
      const dated = deadlines.filter((d) => dueDateOf(d.deadline) !== undefined && !(d.start >= start && d.end <= end));
      const before = dated.filter((d) => d.end <= start).at(-1);
      const adjacent = before !== undefined && /^\s*[(–-]?\s*$/u.test(text.slice(before.end, start));
      const borrowed = before ?? dated.find((d) => d.start >= end);
      if (borrowed !== undefined) {
        deadline = { value: borrowed.deadline, span: spanOf(ctx, borrowed) };
        uses.push(borrowed);
        if (adjacent) {
          spanStart = borrowed.start;
          if (text[end] === ')') end += 1;
        }
      }
    }
    const due = deadline === undefined ? undefined : dueDateOf(deadline.value);
    // "Đây là lần gia hạn cuối cùng": the word without a number or a date states no extension.
    if (numbered === null && to === null) continue;
    if (deadline === undefined || due === undefined) {
      ctx.warn(
        warningAt(
          ctx,
          'extension-without-date',
          `Gia hạn "${collapse(text.slice(start, end))}" không rõ đến ngày nào / the extension gives no new date`,
          start,
          end,
        ),
      );
      continue;
    }
    if (number === null) {
      ctx.warn(
        warningAt(
          ctx,
          'extension-number-missing',
          `Gia hạn không ghi lần thứ mấy / the extension does not say which one it is (lần n)`,
          start,
          end,
        ),
      );
    }
    const extension: ParsedExtension = {
      number,
      to: due,
      ...(document === undefined ? {} : { document }),
      deadline: deadline.value,
      text: wordsOf(ctx.src, spanStart, end),
    };
    found.push({ extension: { value: extension, span: spanOf(ctx, { start: spanStart, end }) }, range: { start: spanStart, end }, deadline, uses });
  }
  return found;
};

const REMINDER = new RegExp(
  String.raw`(?:nhắc\s+việc|nhắc\s+nhở|nhắc\s+lại|đôn\s+đốc)[^.;()]{0,80}?(?:tại|theo)\s+(?:${DOCUMENT_KINDS})\s+số\s*:?\s*(?<symbol>${SYMBOL})(?:\s*,?\s*ngày\s+(?<date>${DATE}))?`,
  'giu',
);

// "… tại Thông báo số 100/TB-UBND ngày 13/02/2026 và Thông báo số 180/TB-UBND ngày 20/4/2026": one reminder per document.
const ALSO = new RegExp(
  String.raw`\s*(?:,|;|và)\s*(?:(?:${DOCUMENT_KINDS})\s+)?số\s*:?\s*(?<symbol>${SYMBOL})(?:\s*,?\s*ngày\s+(?<date>${DATE}))?`,
  'iuy',
);

/** The reminders a clause states: "nhắc việc đã giao tại Thông báo số 100/TB-UBND ngày 13/02/2026". */
export const remindersIn = (ctx: ParseContext, range: Range): readonly Spanned<ParsedReminder>[] => {
  const scope = ctx.src.text.slice(0, range.end);
  const found: Spanned<ParsedReminder>[] = [];
  REMINDER.lastIndex = range.start;
  for (let match = REMINDER.exec(scope); match !== null; match = REMINDER.exec(scope)) {
    const cut = /\s(?:tại|theo)\s/iu.exec(match[0]);
    const keyword = cut === null ? '' : match[0].slice(0, cut.index + cut[0].length);
    for (let cited: RegExpExecArray | null = match; cited !== null; ) {
      const separator = cited === match ? 0 : cited[0].length - cited[0].replace(/^\s*(?:,|;|và)\s*/iu, '').length;
      const at = { start: cited.index + separator, end: cited.index + cited[0].length };
      const symbol = canonicalSymbol(cited.groups?.['symbol'] ?? '');
      const date = dateIn(ctx, cited.groups?.['date'], 'past');
      const words = cited === match ? wordsOf(ctx.src, at.start, at.end) : collapse(`${keyword}${wordsOf(ctx.src, at.start, at.end)}`);
      if (symbol === undefined || date === undefined) {
        ctx.warn(
          warningAt(
            ctx,
            'reminder-incomplete',
            `Nhắc việc "${words}" thiếu số hoặc ngày văn bản / the reminder lacks its document's symbol or date`,
            at.start,
            at.end,
          ),
        );
      } else {
        found.push({ value: { symbol, date, text: words }, span: spanOf(ctx, at) });
      }
      ALSO.lastIndex = at.end;
      cited = ALSO.exec(scope);
      if (cited !== null) REMINDER.lastIndex = ALSO.lastIndex;
    }
  }
  return found;
};
