export type {
  DateDeadline,
  DateQualifier,
  Deadline,
  DeadlineEvent,
  DeadlineKind,
  EventDeadline,
  NoDeadline,
  PeriodDeadline,
  RecurringDeadline,
} from './deadline.schema';
export {
  DateDeadlineSchema,
  DateQualifierSchema,
  DeadlineEventSchema,
  DeadlineSchema,
  EventDeadlineSchema,
  NoDeadlineSchema,
  PeriodDeadlineSchema,
  RecurringDeadlineSchema,
} from './deadline.schema';

export type { DeadlineComparison, DeadlineSettings, PeriodBounds, RecurrenceRule } from './deadline';
export {
  DEFAULT_DEADLINE_SETTINGS,
  compareDeadlines,
  dateDeadline,
  dueDateOf,
  eventDeadline,
  isExtendable,
  noDeadline,
  periodBoundsOf,
  periodDeadline,
  recurringDeadline,
  scheduleEvent,
} from './deadline';

export type { Occurrence } from './deadline.recurrence';
export { nextOccurrence, occurrencesOf } from './deadline.recurrence';

export { describeDeadline, formatVietnameseDate, romanQuarter, vietnameseWeekday } from './deadline.format';
