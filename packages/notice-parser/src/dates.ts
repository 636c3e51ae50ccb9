import { addDays, compareDates, isLocalDate, type LocalDate } from '@chidao/domain';

/**
 * Dates as notices write them: "06/3/2026", "27/02/2026", "04 tháng 4 năm 2025", and without a year,
 * "20/3" or "15 tháng 3". Only "/" and "." separate numbers: a hyphen would read "2026-2030" (a period
 * of years) as the 20th of a month.
 */
export const DATE = String.raw`(?<![\d/.])(?:\d{1,2}\s*[/.]\s*\d{1,2}(?:\s*[/.]\s*\d{4})?(?![\d/]|\.\d)|\d{1,2}\s+tháng\s+\d{1,2}(?:\s*,?\s*năm\s+\d{4})?(?!\d))`;

/** A date as written: the year may be missing. */
export type DateParts = { readonly day: number; readonly month: number; readonly year: number | null };

/** Splits a date matched by {@link DATE} into day, month and year. */
export const datePartsOf = (text: string): DateParts | undefined => {
  const numbers = text.match(/\d+/g);
  if (numbers === null || numbers.length < 2) return undefined;
  const [day, month, year] = numbers.map(Number);
  if (day === undefined || month === undefined) return undefined;
  return { day, month, year: year ?? null };
};

const pad = (value: number): string => String(value).padStart(2, '0');

/** The local date of complete parts, or undefined for an impossible day (30/02). */
export const localDateOf = (parts: DateParts & { readonly year: number }): LocalDate | undefined => {
  const date = `${String(parts.year).padStart(4, '0')}-${pad(parts.month)}-${pad(parts.day)}`;
  return isLocalDate(date) ? date : undefined;
};

/** What a year-less date is read against: the notice's date, or only its year. */
export type DateContext = { readonly date?: LocalDate; readonly year?: number };

/** A date read from the text; `yearInferred` when the text gave no year. */
export type ResolvedDate = { readonly date: LocalDate; readonly yearInferred: boolean };

// A deadline is not set in the past: a year-less date more than this many days before the notice is
// read as next year's ("trước ngày 15/01" in a notice of 20/12).
const DEADLINE_LOOKBACK_DAYS = 60;
// A meeting a notice reports on is in the past: a year-less date after the notice (beyond a week of
// slack for notices dated before they are typed) is last year's.
const PAST_LOOKAHEAD_DAYS = 7;

/**
 * Completes a date. A year-less date takes the notice's year, "with care": for a deadline (`future`) a
 * date well before the notice moves to the next year; for a meeting (`past`) a date after the notice
 * moves to the previous year. Undefined when no year can be had or the day is impossible.
 */
export const resolveDate = (parts: DateParts, context: DateContext, direction: 'future' | 'past'): ResolvedDate | undefined => {
  if (parts.year !== null) {
    const date = localDateOf({ ...parts, year: parts.year });
    return date === undefined ? undefined : { date, yearInferred: false };
  }
  const year = context.date === undefined ? context.year : Number(context.date.slice(0, 4));
  if (year === undefined) return undefined;
  const candidate = localDateOf({ ...parts, year });
  if (candidate === undefined || context.date === undefined) {
    return candidate === undefined ? undefined : { date: candidate, yearInferred: true };
  }
  if (direction === 'future' && compareDates(candidate, addDays(context.date, -DEADLINE_LOOKBACK_DAYS)) < 0) {
    const next = localDateOf({ ...parts, year: year + 1 });
    return next === undefined ? undefined : { date: next, yearInferred: true };
  }
  if (direction === 'past' && compareDates(candidate, addDays(context.date, PAST_LOOKAHEAD_DAYS)) > 0) {
    const previous = localDateOf({ ...parts, year: year - 1 });
    return previous === undefined ? undefined : { date: previous, yearInferred: true };
  }
  return { date: candidate, yearInferred: true };
};

/** 2026-03-06 → 06/03/2026, for messages. */
export const vietnameseDate = (date: LocalDate): string => date.split('-').reverse().join('/');

/** ISO weekday of a local date: 1 Monday … 7 Sunday. */
export const weekdayOf = (date: LocalDate): number => {
  const [year, month, day] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
};

/** The date `days` working days (Monday–Friday) after `date`; public holidays are not known here. */
export const addWorkingDays = (date: LocalDate, days: number): LocalDate => {
  let current = date;
  let left = days;
  while (left > 0) {
    current = addDays(current, 1);
    if (weekdayOf(current) <= 5) left -= 1;
  }
  return current;
};

/** The same day `months` months later, clamped to the month's last day (31/01 + 1 month → 28/02). */
export const addMonths = (date: LocalDate, months: number): LocalDate => {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  for (let d = day; d >= 28; d -= 1) {
    const candidate = localDateOf({ day: d, month: targetMonth, year: targetYear });
    if (candidate !== undefined) return candidate;
  }
  return localDateOf({ day, month: targetMonth, year: targetYear }) ?? date;
};
