import { absurd } from 'fp-ts/function';
import {
  addDays,
  daysBetween,
  daysInMonth,
  earlierOf,
  localDate,
  localDateParts,
  type LocalDate,
} from '../shared/local-date';
import type { RecurringDeadline } from './deadline.schema';

/** One occurrence (*một kỳ*) of a recurring deadline, open from `opensOn` to `dueOn` inclusive; `index` counts from 0. */
export type Occurrence = { readonly index: number; readonly opensOn: LocalDate; readonly dueOn: LocalDate };

/**
 * Every frequency numbers its periods (weeks, months, quarters, years) with consecutive integers and has
 * exactly one due date inside each period, in period order. So the n-th occurrence is arithmetic on the
 * period number, never a walk over the calendar, and ranges of decades cost one step per occurrence.
 */
type Cadence = {
  readonly periodOf: (date: LocalDate) => number;
  readonly dueIn: (period: number) => LocalDate;
};

// Weeks are counted from a Monday so that each period is one ISO week (Monday … Sunday).
const A_MONDAY: LocalDate = '1970-01-05';

const partsOf = (date: LocalDate): { year: number; month: number; day: number } => {
  const parts = localDateParts(date);
  if (!parts) throw new RangeError(`Ngày không hợp lệ / not a local date: ${date}`);
  return parts;
};

// "Ngày 31 hằng tháng" still has to fall due in April and February: short months clamp to their last day.
const dayOfMonth = (year: number, month: number, day: number | undefined): LocalDate => {
  const last = daysInMonth(year, month);
  return localDate(year, month, day === undefined ? last : Math.min(day, last));
};

const cadenceOf = (deadline: RecurringDeadline): Cadence => {
  switch (deadline.frequency) {
    case 'weekly': {
      const offset = (deadline.weekday ?? 7) - 1;
      return {
        periodOf: (date) => Math.floor(daysBetween(A_MONDAY, date) / 7),
        dueIn: (week) => addDays(A_MONDAY, week * 7 + offset),
      };
    }
    case 'monthly':
      return {
        periodOf: (date) => {
          const { year, month } = partsOf(date);
          return year * 12 + month - 1;
        },
        dueIn: (period) => dayOfMonth(Math.floor(period / 12), (period % 12) + 1, deadline.day),
      };
    case 'quarterly':
      // The day of a quarterly deadline is a day of the quarter's last month (March, June, September, December).
      return {
        periodOf: (date) => {
          const { year, month } = partsOf(date);
          return year * 4 + Math.floor((month - 1) / 3);
        },
        dueIn: (period) => dayOfMonth(Math.floor(period / 4), (period % 4) * 3 + 3, deadline.day),
      };
    case 'yearly':
      // Without a month the year's last month is meant, as for a quarter; without a day, that month's last day.
      return {
        periodOf: (date) => partsOf(date).year,
        dueIn: (year) => dayOfMonth(year, deadline.month ?? 12, deadline.day),
      };
    default:
      return absurd(deadline.frequency);
  }
};

/** The first period whose due date is on or after `date`. */
const firstPeriodFrom = (cadence: Cadence, date: LocalDate): number => {
  const period = cadence.periodOf(date);
  return cadence.dueIn(period) < date ? period + 1 : period;
};

/** The last period whose due date is on or before `date`. */
const lastPeriodUntil = (cadence: Cadence, date: LocalDate): number => {
  const period = cadence.periodOf(date);
  return cadence.dueIn(period) > date ? period - 1 : period;
};

/** The occurrences of a recurring deadline whose due date lies in [anchor-or-startsOn, until], clamped by endsOn. */
export const occurrencesOf = (deadline: RecurringDeadline, anchor: LocalDate, until: LocalDate): readonly Occurrence[] => {
  const start = deadline.startsOn ?? anchor;
  const end = deadline.endsOn === undefined ? until : earlierOf(until, deadline.endsOn);
  const cadence = cadenceOf(deadline);
  const first = firstPeriodFrom(cadence, start);
  const last = lastPeriodUntil(cadence, end);
  const occurrences: Occurrence[] = [];
  let opensOn = start;
  for (let period = first; period <= last; period += 1) {
    const dueOn = cadence.dueIn(period);
    occurrences.push({ index: period - first, opensOn, dueOn });
    opensOn = addDays(dueOn, 1);
  }
  return occurrences;
};

/** The occurrence due on or after `date` (the next one), or undefined if the recurrence has ended. */
export const nextOccurrence = (
  deadline: RecurringDeadline,
  anchor: LocalDate,
  date: LocalDate,
): Occurrence | undefined => {
  const start = deadline.startsOn ?? anchor;
  const cadence = cadenceOf(deadline);
  const first = firstPeriodFrom(cadence, start);
  const period = Math.max(first, firstPeriodFrom(cadence, date));
  const dueOn = cadence.dueIn(period);
  if (deadline.endsOn !== undefined && dueOn > deadline.endsOn) return undefined;
  const opensOn = period === first ? start : addDays(cadence.dueIn(period - 1), 1);
  return { index: period - first, opensOn, dueOn };
};
