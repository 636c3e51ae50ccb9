import { z } from 'zod';

/**
 * A calendar date with no time zone, `YYYY-MM-DD` (*ngày*). Business dates in chidao — the date on
 * the paper, a deadline, an as-of date — are local dates: a deadline of 20/3/2026 means that day in
 * Việt Nam wherever the server runs. Arithmetic is done on UTC midnights, which have no DST to trip on.
 */
export type LocalDate = string;

/** An instant on the global time line, ISO 8601 with an offset (`2026-03-02T08:15:00Z`): *when the system learned it*. */
export type Instant = string;

const MS_PER_DAY = 86_400_000;
const HYPHEN = 0x2d;
const DIGIT_ZERO = 0x30;

/**
 * The number written by the characters of `text` from `start` to `end`, or -1 when one of them is not
 * an ASCII digit (what `\d` matches). Reading characters instead of matching `^(\d{4})-(\d{2})-(\d{2})$`
 * keeps date checks, which run several times for every event read, free of allocations.
 */
const digitsAt = (text: string, start: number, end: number): number => {
  let value = 0;
  for (let index = start; index < end; index += 1) {
    const digit = text.charCodeAt(index) - DIGIT_ZERO;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
};

const isDateShaped = (text: string): boolean =>
  text.length === 10 && text.charCodeAt(4) === HYPHEN && text.charCodeAt(7) === HYPHEN;

const isRealDay = (year: number, month: number, day: number): boolean =>
  year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);

/** The parts of a local date, or undefined when the text is not a real calendar day. */
export const localDateParts = (text: string): { year: number; month: number; day: number } | undefined => {
  if (!isDateShaped(text)) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  return isRealDay(year, month, day) ? { year, month, day } : undefined;
};

/** True when `text` is a real calendar day written `YYYY-MM-DD` (2026-02-29 is not; 2028-02-29 is). */
export const isLocalDate = (text: string): boolean =>
  isDateShaped(text) && isRealDay(digitsAt(text, 0, 4), digitsAt(text, 5, 7), digitsAt(text, 8, 10));

/** Zod schema of a {@link LocalDate}; rejects impossible days such as 2026-02-30. */
export const LocalDateSchema = z
  .string()
  .refine(isLocalDate, { message: 'Ngày không hợp lệ, cần dạng YYYY-MM-DD / not a calendar date, expected YYYY-MM-DD' });

/** Zod schema of an {@link Instant}: ISO 8601 date-time with `Z` or an offset. */
export const InstantSchema = z.iso.datetime({
  offset: true,
  message: 'Thời điểm không hợp lệ, cần ISO 8601 có múi giờ / not an ISO 8601 instant with an offset',
});

/** Gregorian leap year: every fourth year, except centuries not divisible by 400. */
export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Number of days in a month (1–12) of a year. */
export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** Builds a local date from its parts; the caller guarantees they name a real day. */
export const localDate = (year: number, month: number, day: number): LocalDate =>
  `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;

const toEpochDay = (date: LocalDate): number => {
  const parts = localDateParts(date);
  if (!parts) throw new RangeError(`not a local date: ${date}`);
  return Date.UTC(parts.year, parts.month - 1, parts.day) / MS_PER_DAY;
};

const fromEpochDay = (epochDay: number): LocalDate => {
  const d = new Date(epochDay * MS_PER_DAY);
  return localDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
};

/** The date `days` days after `date` (before it when negative). */
export const addDays = (date: LocalDate, days: number): LocalDate => fromEpochDay(toEpochDay(date) + days);

/** Whole days from `from` to `to`: positive when `to` is later. */
export const daysBetween = (from: LocalDate, to: LocalDate): number => toEpochDay(to) - toEpochDay(from);

/** Orders two local dates: negative, zero or positive. `YYYY-MM-DD` sorts as text, so this is a string compare. */
export const compareDates = (a: LocalDate, b: LocalDate): number => (a < b ? -1 : a > b ? 1 : 0);

/** The later of two dates. */
export const laterOf = (a: LocalDate, b: LocalDate): LocalDate => (a >= b ? a : b);

/** The earlier of two dates. */
export const earlierOf = (a: LocalDate, b: LocalDate): LocalDate => (a <= b ? a : b);

/** The last day of a month. */
export const endOfMonth = (year: number, month: number): LocalDate => localDate(year, month, daysInMonth(year, month));

/** The last day of a quarter (1–4): 31/3, 30/6, 30/9, 31/12. */
export const endOfQuarter = (year: number, quarter: number): LocalDate => endOfMonth(year, quarter * 3);

/** The last day of a half year (1–2): 30/6 or 31/12. */
export const endOfHalf = (year: number, half: number): LocalDate => endOfMonth(year, half * 6);

/** The last day of a year. */
export const endOfYear = (year: number): LocalDate => localDate(year, 12, 31);

/** Day of the week, ISO numbering: 1 = Monday (*thứ Hai*) … 7 = Sunday (*Chủ nhật*). */
export const isoWeekday = (date: LocalDate): number => {
  const weekday = new Date(toEpochDay(date) * MS_PER_DAY).getUTCDay();
  return weekday === 0 ? 7 : weekday;
};

/** The local date of an instant in Việt Nam (UTC+7, no daylight saving). */
export const vietnamDateOf = (instant: Instant): LocalDate =>
  fromEpochDay(Math.floor((Date.parse(instant) + 7 * 3_600_000) / MS_PER_DAY));

/** Orders two instants, whatever offsets they are written with. */
export const compareInstants = (a: Instant, b: Instant): number => Date.parse(a) - Date.parse(b);
