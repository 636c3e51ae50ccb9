import { z } from 'zod';
import { LocalDateSchema } from '../shared/local-date';

/**
 * A deadline (*thời hạn*) is kept twice: the words of the document (`text`, exactly as written) and a
 * normalised form chidao can compute with. Five kinds, from DESIGN.md:
 *
 * - `date`      "trước ngày 20/3/2026", "chậm nhất ngày 06/3/2026", "đến ngày 15/3/2026"
 * - `period`    "trong tháng 4/2026", "trong quý II/2026", "6 tháng đầu năm 2026", "trong năm 2026" — due the last day
 * - `event`     "báo cáo tại phiên họp thứ 7" — no date until the meeting is scheduled
 * - `recurring` "định kỳ hằng tháng", "trước ngày 25 hằng tháng", "định kỳ hằng quý" — every occurrence is due
 * - `none`      "thường xuyên", "kịp thời" — no due date at all
 */

const text = z.string().trim().min(1, { message: 'Thiếu nguyên văn thời hạn / the deadline words are required' });

/**
 * How a date deadline is worded. `before` is "trước ngày X": whether X itself is still on time is a
 * setting of the status rules (`beforeIsInclusive`, default true). `by` is "chậm nhất ngày X",
 * "đến ngày X", "hoàn thành ngày X": X is always on time.
 */
export const DateQualifierSchema = z.enum(['before', 'by']);
export type DateQualifier = z.infer<typeof DateQualifierSchema>;

export const DateDeadlineSchema = z
  .object({ kind: z.literal('date'), text, date: LocalDateSchema, qualifier: DateQualifierSchema })
  .strict();
export type DateDeadline = z.infer<typeof DateDeadlineSchema>;

/** A calendar period; the deadline is its last day. `index` is the month (1–12), quarter (1–4) or half (1–2); absent for a year. */
export const PeriodDeadlineSchema = z
  .object({
    kind: z.literal('period'),
    text,
    unit: z.enum(['month', 'quarter', 'half', 'year']),
    year: z.number().int().min(1945).max(2200),
    index: z.number().int().min(1).max(12).optional(),
  })
  .strict()
  .superRefine((period, ctx) => {
    const max = { month: 12, quarter: 4, half: 2, year: 0 }[period.unit];
    if (period.unit === 'year' ? period.index !== undefined : period.index === undefined || period.index > max) {
      ctx.addIssue({
        code: 'custom',
        path: ['index'],
        message: `Chỉ số kỳ không hợp lệ cho ${period.unit} / index must be ${period.unit === 'year' ? 'absent for a year' : `1–${max} for a ${period.unit}`}`,
      });
    }
  });
export type PeriodDeadline = z.infer<typeof PeriodDeadlineSchema>;

/** The occasion an event-anchored deadline waits for, e.g. the 7th session of a working group. */
export const DeadlineEventSchema = z
  .object({
    kind: z.enum(['meeting', 'other']),
    description: z.string().trim().min(1),
    body: z.string().trim().min(1).optional(),
    session: z.number().int().positive().optional(),
  })
  .strict();
export type DeadlineEvent = z.infer<typeof DeadlineEventSchema>;

/** Due at an event; `scheduledOn` is filled in when the event gets a date (`TaskDeadlineEventScheduled`). */
export const EventDeadlineSchema = z
  .object({ kind: z.literal('event'), text, event: DeadlineEventSchema, scheduledOn: LocalDateSchema.optional() })
  .strict();
export type EventDeadline = z.infer<typeof EventDeadlineSchema>;

/**
 * A recurring deadline: one occurrence per week, month, quarter or year from `startsOn` (the task's
 * assignment date when absent) until `endsOn` (open-ended when absent).
 * - `day`: day of the month an occurrence is due ("trước ngày 25 hằng tháng"); for a quarter, the day of
 *   its last month; for a year, with `month`. Absent: the period's last day. Clamped to short months.
 * - `weekday`: for weekly occurrences, 1 = Monday … 7 = Sunday; absent: Sunday, the week's last day.
 */
export const RecurringDeadlineSchema = z
  .object({
    kind: z.literal('recurring'),
    text,
    frequency: z.enum(['weekly', 'monthly', 'quarterly', 'yearly']),
    day: z.number().int().min(1).max(31).optional(),
    month: z.number().int().min(1).max(12).optional(),
    weekday: z.number().int().min(1).max(7).optional(),
    startsOn: LocalDateSchema.optional(),
    endsOn: LocalDateSchema.optional(),
  })
  .strict();
export type RecurringDeadline = z.infer<typeof RecurringDeadlineSchema>;

/** No due date: "thường xuyên" (continuous), "kịp thời" (promptly), or nothing said. */
export const NoDeadlineSchema = z
  .object({ kind: z.literal('none'), text, reason: z.enum(['continuous', 'prompt', 'unspecified']) })
  .strict();
export type NoDeadline = z.infer<typeof NoDeadlineSchema>;

/** Any deadline, discriminated on `kind`. */
export const DeadlineSchema = z.discriminatedUnion('kind', [
  DateDeadlineSchema,
  PeriodDeadlineSchema,
  EventDeadlineSchema,
  RecurringDeadlineSchema,
  NoDeadlineSchema,
]);
export type Deadline = z.infer<typeof DeadlineSchema>;
export type DeadlineKind = Deadline['kind'];
