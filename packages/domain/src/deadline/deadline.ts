import { absurd } from 'fp-ts/function';
import type { z } from 'zod';
import {
  addDays,
  endOfHalf,
  endOfMonth,
  endOfQuarter,
  endOfYear,
  localDate,
  type LocalDate,
} from '../shared/local-date';
import { describeDeadline, periodIndexOf } from './deadline.format';
import {
  DateDeadlineSchema,
  EventDeadlineSchema,
  NoDeadlineSchema,
  PeriodDeadlineSchema,
  RecurringDeadlineSchema,
  type DateDeadline,
  type DateQualifier,
  type Deadline,
  type DeadlineEvent,
  type EventDeadline,
  type NoDeadline,
  type PeriodDeadline,
  type RecurringDeadline,
} from './deadline.schema';

/** Settings of the deadline rules. */
export type DeadlineSettings = {
  /** "Trước ngày X" (before X): whether X itself is still on time. DESIGN.md makes it a setting, default true. */
  readonly beforeIsInclusive: boolean;
};

/** The settings chidao uses unless an installation says otherwise: "trước ngày X" includes X. */
export const DEFAULT_DEADLINE_SETTINGS: DeadlineSettings = { beforeIsInclusive: true };

/** The first and last day of a period deadline (*kỳ*), both inclusive: "trong quý II/2026" is 01/04/2026–30/06/2026. */
export type PeriodBounds = { readonly startsOn: LocalDate; readonly endsOn: LocalDate };

/** The first and last day of the month, quarter, half or year a period deadline names. */
export const periodBoundsOf = (deadline: PeriodDeadline): PeriodBounds => {
  const { year } = deadline;
  switch (deadline.unit) {
    case 'month': {
      const month = periodIndexOf(deadline, 12);
      return { startsOn: localDate(year, month, 1), endsOn: endOfMonth(year, month) };
    }
    case 'quarter': {
      const quarter = periodIndexOf(deadline, 4);
      return { startsOn: localDate(year, quarter * 3 - 2, 1), endsOn: endOfQuarter(year, quarter) };
    }
    case 'half': {
      const half = periodIndexOf(deadline, 2);
      return { startsOn: localDate(year, half * 6 - 5, 1), endsOn: endOfHalf(year, half) };
    }
    case 'year':
      return { startsOn: localDate(year, 1, 1), endsOn: endOfYear(year) };
    default:
      return absurd(deadline.unit);
  }
};

/** The last day that is on time, or undefined when the deadline has no single date (none, recurring, event not yet scheduled). */
export const dueDateOf = (
  deadline: Deadline,
  settings: DeadlineSettings = DEFAULT_DEADLINE_SETTINGS,
): LocalDate | undefined => {
  switch (deadline.kind) {
    case 'date':
      return deadline.qualifier === 'before' && !settings.beforeIsInclusive ? addDays(deadline.date, -1) : deadline.date;
    case 'period':
      return periodBoundsOf(deadline).endsOn;
    case 'event':
      return deadline.scheduledOn;
    case 'recurring':
      // Each occurrence has its own due date (see occurrencesOf); the deadline as a whole has none.
      return undefined;
    case 'none':
      return undefined;
    default:
      return absurd(deadline);
  }
};

/** An event deadline with its event given a date. */
export const scheduleEvent = (deadline: EventDeadline, on: LocalDate): EventDeadline => ({ ...deadline, scheduledOn: on });

/** How a candidate deadline's due date stands against the current one's. */
export type DeadlineComparison = 'later' | 'same' | 'earlier' | 'incomparable';

/** Compares two deadlines by due date for the extension rule; 'incomparable' when either has no due date. */
export const compareDeadlines = (
  candidate: Deadline,
  current: Deadline,
  settings: DeadlineSettings = DEFAULT_DEADLINE_SETTINGS,
): DeadlineComparison => {
  const candidateDue = dueDateOf(candidate, settings);
  const currentDue = dueDateOf(current, settings);
  if (candidateDue === undefined || currentDue === undefined) return 'incomparable';
  return candidateDue > currentDue ? 'later' : candidateDue < currentDue ? 'earlier' : 'same';
};

/** Whether a deadline kind can be extended (date, period, event can; recurring and none cannot). */
export const isExtendable = (deadline: Deadline): boolean => {
  switch (deadline.kind) {
    case 'date':
    case 'period':
    case 'event':
      return true;
    // A recurring deadline is changed by a new rule, not moved; "thường xuyên" has nothing to move.
    case 'recurring':
    case 'none':
      return false;
    default:
      return absurd(deadline);
  }
};

// The schemas require `text`; a placeholder lets them check the normalised fields before the default
// words are derived from those very fields.
const PENDING_TEXT = '…';

const build = <D extends Deadline>(schema: z.ZodType<D>, draft: Omit<D, 'text'>, text: string | undefined): D => {
  const parsed = schema.parse({ ...draft, text: text ?? PENDING_TEXT });
  return text === undefined ? { ...parsed, text: describeDeadline(parsed) } : parsed;
};

/** A date deadline, e.g. `dateDeadline('2026-03-20', 'before')` for "trước ngày 20/03/2026"; throws a ZodError on invalid input. */
export const dateDeadline = (date: LocalDate, qualifier: DateQualifier, text?: string): DateDeadline =>
  build<DateDeadline>(DateDeadlineSchema, { kind: 'date', date, qualifier }, text);

/** A period deadline, e.g. `periodDeadline('quarter', 2026, 2)` for "trong quý II/2026" (no index for a year); throws a ZodError if invalid. */
export const periodDeadline = (
  unit: PeriodDeadline['unit'],
  year: number,
  index?: number,
  text?: string,
): PeriodDeadline =>
  build<PeriodDeadline>(
    PeriodDeadlineSchema,
    index === undefined ? { kind: 'period', unit, year } : { kind: 'period', unit, year, index },
    text,
  );

/** An event deadline, not yet scheduled (see scheduleEvent); throws a ZodError on invalid input. */
export const eventDeadline = (event: DeadlineEvent, text?: string): EventDeadline =>
  build<EventDeadline>(EventDeadlineSchema, { kind: 'event', event }, text);

/** The normalised fields of a recurring deadline: frequency, day, month, weekday, startsOn, endsOn. */
export type RecurrenceRule = Omit<RecurringDeadline, 'kind' | 'text'>;

/** A recurring deadline, e.g. `recurringDeadline({ frequency: 'monthly', day: 25 })`; throws a ZodError on invalid input. */
export const recurringDeadline = (rule: RecurrenceRule, text?: string): RecurringDeadline =>
  build<RecurringDeadline>(RecurringDeadlineSchema, { kind: 'recurring', ...rule }, text);

/** A deadline with no due date, e.g. `noDeadline('continuous')` for "thường xuyên"; throws a ZodError on invalid input. */
export const noDeadline = (reason: NoDeadline['reason'], text?: string): NoDeadline =>
  build<NoDeadline>(NoDeadlineSchema, { kind: 'none', reason }, text);
