import { absurd } from 'fp-ts/function';
import { localDateParts, type LocalDate } from '../shared/local-date';
import type { Deadline, DeadlineEvent, PeriodDeadline, RecurringDeadline } from './deadline.schema';

/** dd/mm/yyyy as Vietnamese documents write dates. */
export const formatVietnameseDate = (date: LocalDate): string => {
  const parts = localDateParts(date);
  if (!parts) throw new RangeError(`Ngày không hợp lệ / not a local date: ${date}`);
  return `${String(parts.day).padStart(2, '0')}/${String(parts.month).padStart(2, '0')}/${String(parts.year).padStart(4, '0')}`;
};

const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'] as const;

/** Roman numerals I–IV for quarters, as in "quý II/2026". */
export const romanQuarter = (quarter: number): string => {
  const roman = ROMAN_QUARTERS[quarter - 1];
  if (roman === undefined) throw new RangeError(`Quý phải từ 1 đến 4 / a quarter is 1–4, got ${quarter}`);
  return roman;
};

/** The index of a period, checked: the schema guarantees it, so a miss means an unparsed deadline got here. */
export const periodIndexOf = (deadline: PeriodDeadline, max: number): number => {
  const index = deadline.index;
  if (index === undefined || !Number.isInteger(index) || index < 1 || index > max) {
    throw new RangeError(
      `Chỉ số kỳ không hợp lệ / a ${deadline.unit} needs an index 1–${max}, got ${String(index)}: parse with DeadlineSchema first`,
    );
  }
  return index;
};

const describePeriod = (deadline: PeriodDeadline): string => {
  switch (deadline.unit) {
    case 'month':
      return `trong tháng ${periodIndexOf(deadline, 12)}/${deadline.year}`;
    case 'quarter':
      return `trong quý ${romanQuarter(periodIndexOf(deadline, 4))}/${deadline.year}`;
    case 'half':
      // Documents say "6 tháng đầu năm" / "6 tháng cuối năm" (first / last six months), never "nửa năm 1".
      return `6 tháng ${periodIndexOf(deadline, 2) === 1 ? 'đầu' : 'cuối'} năm ${deadline.year}`;
    case 'year':
      return `trong năm ${deadline.year}`;
    default:
      return absurd(deadline.unit);
  }
};

// A meeting is a place to report at ("tại phiên họp thứ 7"); any other event is a condition ("khi …").
const describeEvent = (event: DeadlineEvent, scheduledOn: LocalDate | undefined): string =>
  `${event.kind === 'meeting' ? 'tại' : 'khi'} ${event.description} (${
    scheduledOn === undefined ? 'chưa có ngày' : `ngày ${formatVietnameseDate(scheduledOn)}`
  })`;

const WEEKDAY_NAMES = ['thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'] as const;

/** The Vietnamese name of an ISO weekday: 1 → "thứ Hai" (Monday) … 7 → "Chủ nhật" (Sunday). */
export const vietnameseWeekday = (weekday: number): string => {
  const name = WEEKDAY_NAMES[weekday - 1];
  if (name === undefined) throw new RangeError(`Thứ phải từ 1 đến 7 / an ISO weekday is 1–7, got ${weekday}`);
  return name;
};

const describeRhythm = (deadline: RecurringDeadline): string => {
  switch (deadline.frequency) {
    case 'weekly':
      return deadline.weekday === undefined
        ? 'định kỳ hằng tuần'
        : `trước ${vietnameseWeekday(deadline.weekday)} hằng tuần`;
    case 'monthly':
      return deadline.day === undefined ? 'định kỳ hằng tháng' : `trước ngày ${deadline.day} hằng tháng`;
    case 'quarterly':
      return deadline.day === undefined ? 'định kỳ hằng quý' : `trước ngày ${deadline.day} tháng cuối mỗi quý`;
    case 'yearly':
      if (deadline.day !== undefined) return `trước ngày ${deadline.day}/${deadline.month ?? 12} hằng năm`;
      return deadline.month === undefined ? 'định kỳ hằng năm' : `trong tháng ${deadline.month} hằng năm`;
    default:
      return absurd(deadline.frequency);
  }
};

const describeRecurring = (deadline: RecurringDeadline): string =>
  [
    describeRhythm(deadline),
    deadline.startsOn === undefined ? undefined : `từ ngày ${formatVietnameseDate(deadline.startsOn)}`,
    deadline.endsOn === undefined ? undefined : `đến ngày ${formatVietnameseDate(deadline.endsOn)}`,
  ]
    .filter((part) => part !== undefined)
    .join(' ');

const NO_DEADLINE_WORDS = {
  continuous: 'thường xuyên',
  prompt: 'kịp thời',
  unspecified: 'không có thời hạn',
} as const;

/** Vietnamese words for a normalised deadline, e.g. "trước ngày 20/03/2026", "trong quý II/2026", "thường xuyên". */
export const describeDeadline = (deadline: Deadline): string => {
  switch (deadline.kind) {
    case 'date':
      return `${deadline.qualifier === 'before' ? 'trước' : 'chậm nhất'} ngày ${formatVietnameseDate(deadline.date)}`;
    case 'period':
      return describePeriod(deadline);
    case 'event':
      return describeEvent(deadline.event, deadline.scheduledOn);
    case 'recurring':
      return describeRecurring(deadline);
    case 'none':
      return NO_DEADLINE_WORDS[deadline.reason];
    default:
      return absurd(deadline);
  }
};
