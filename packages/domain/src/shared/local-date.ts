import { z } from 'zod';

/**
 * A calendar date with no time zone, `YYYY-MM-DD` (*ngày*). Business dates in chidao — the date on
 * the paper, a deadline, an as-of date — are local dates: a deadline of 20/3/2026 means that day in
 * Việt Nam wherever the server runs. Arithmetic is done on UTC midnights, which have no DST to trip on.
 */
export type LocalDate = string;

/** An instant on the global time line, ISO 8601 with an offset (`2026-03-02T08:15:00Z`): *when the system learned it*. */
export type Instant = string;

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** The parts of a local date, or undefined when the text is not a real calendar day. */
export const localDateParts = (text: string): { year: number; month: number; day: number } | undefined => {
  const match = LOCAL_DATE_PATTERN.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
};

/** True when `text` is a real calendar day written `YYYY-MM-DD` (2026-02-29 is not; 2028-02-29 is). */
export const isLocalDate = (text: string): boolean => localDateParts(text) !== undefined;

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
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

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
