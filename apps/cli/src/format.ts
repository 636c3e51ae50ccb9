import {
  agencyById,
  dueDateOf,
  InstantSchema,
  isLocalDate,
  vietnamDateOf,
  type Deadline,
  type Instant,
  type LocalDate,
  type TaskStatus,
} from '@chidao/domain';
import type { StoredEvent } from '@chidao/event-store';
import { usageError } from './io';

/** Lays rows out in columns, widths in code points so Vietnamese lines up. */
export const table = (header: readonly string[], rows: readonly (readonly string[])[]): string[] => {
  const width = (text: string) => [...text].length;
  const widths = header.map((title, i) => Math.max(width(title), ...rows.map((row) => width(row[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell + ' '.repeat(Math.max(0, widths[i]! - width(cell))))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
};

/** 2026-03-20 → 20/03/2026, as Vietnamese documents write dates. */
export const viDate = (date: LocalDate | undefined | null): string => (date ? date.split('-').reverse().join('/') : '—');

/** An agency id as people read it: its first short name, else its name, else the id itself. */
export const agencyLabel = (id: string): string => {
  const agency = agencyById(id);
  return agency?.shortNames[0] ?? agency?.name ?? id;
};

/** `{ id, name }` of an agency id, `name` the full canonical name. */
export const agencyRef = (id: string): { readonly id: string; readonly name: string } => ({ id, name: agencyById(id)?.name ?? id });

/** A deadline as JSON: kind, the due date when there is one, and the words of the document. */
export const deadlineJson = (deadline: Deadline): { readonly kind: string; readonly due: LocalDate | null; readonly text: string } => ({
  kind: deadline.kind,
  due: dueDateOf(deadline) ?? null,
  text: deadline.text,
});

/** The status note: days overdue, or due soon. */
export const statusNote = (status: TaskStatus): string => {
  if (status.daysOverdue !== undefined) return `quá ${status.daysOverdue} ngày / ${status.daysOverdue} days overdue`;
  if (status.dueSoon && status.daysUntilDue === 0) return 'hạn cuối hôm nay / due today';
  if (status.dueSoon) return `còn ${status.daysUntilDue} ngày / due in ${status.daysUntilDue} days`;
  return '';
};

/** A task status as JSON. */
export const statusJson = (status: TaskStatus) => ({
  code: status.code,
  vi: status.label.vi,
  en: status.label.en,
  dueOn: status.dueOn ?? null,
  daysOverdue: status.daysOverdue ?? null,
  daysUntilDue: status.daysUntilDue ?? null,
  againstOriginal: status.againstOriginal.code,
});

/** `--as-of`: a calendar date YYYY-MM-DD; today in Vietnam when absent. */
export const parseAsOf = (value: string | undefined, now: Date): LocalDate => {
  if (value === undefined) return vietnamDateOf(now.toISOString());
  if (!isLocalDate(value)) throw usageError(`--as-of "${value}" không phải ngày có thật dạng YYYY-MM-DD`, `--as-of "${value}" is not a real date YYYY-MM-DD`);
  return value;
};

/**
 * `--known-at`: an ISO 8601 instant with an offset, or a date YYYY-MM-DD meaning the end of that day
 * in Vietnam (UTC+7); normalised to UTC.
 */
export const parseKnownAt = (value: string | undefined): Instant | undefined => {
  if (value === undefined) return undefined;
  const instant = isLocalDate(value) ? `${value}T23:59:59.999+07:00` : value;
  if (!InstantSchema.safeParse(instant).success) {
    throw usageError(
      `--known-at "${value}" không phải thời điểm ISO 8601 có múi giờ (vd. 2026-03-20T17:00:00+07:00) hay ngày YYYY-MM-DD`,
      `--known-at "${value}" is not an ISO 8601 instant with an offset (e.g. 2026-03-20T17:00:00+07:00) or a date YYYY-MM-DD`,
    );
  }
  return new Date(instant).toISOString();
};

const EVENT_LABELS: Readonly<Record<string, string>> = {
  DirectiveRegistered: 'Đăng ký văn bản',
  DirectiveAmended: 'Sửa đổi văn bản',
  DirectiveRecordCorrected: 'Đính chính văn bản',
  TaskAssigned: 'Giao nhiệm vụ',
  TaskDeadlineExtended: 'Gia hạn',
  TaskExtensionRequested: 'Đề nghị gia hạn',
  TaskExtensionRejected: 'Từ chối gia hạn',
  TaskProgressReported: 'Báo cáo tiến độ',
  TaskCompletionReported: 'Báo cáo hoàn thành',
  TaskCompletionConfirmed: 'Xác nhận hoàn thành',
  TaskCompletionReturned: 'Trả lại báo cáo hoàn thành',
  TaskReminderIssued: 'Nhắc việc',
  TaskReassigned: 'Chuyển giao',
  TaskSuspended: 'Tạm dừng',
  TaskResumed: 'Tiếp tục',
  TaskWithdrawn: 'Rút nhiệm vụ',
  TaskDeadlineEventScheduled: 'Ấn định ngày sự kiện',
  TaskRecordCorrected: 'Đính chính nhiệm vụ',
};

const clip = (text: string, max = 70): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** One line of what an event says, in Vietnamese. */
export const describeEvent = (event: StoredEvent): string => {
  const label = EVENT_LABELS[event.type] ?? event.type;
  const data = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'DirectiveRegistered':
      return `${label} ${String(data['symbol'])}: ${clip(String(data['subject'] ?? ''))}`;
    case 'TaskAssigned': {
      const deadline = data['deadline'] as Deadline;
      return `${label} ${String(data['clause'])} cho ${agencyLabel(String(data['lead']))}, hạn: ${deadline.text}`;
    }
    case 'TaskDeadlineExtended':
      return `${label}${data['number'] === undefined ? '' : ` lần ${String(data['number'])}`}: ${(data['to'] as Deadline).text}`;
    case 'TaskReminderIssued': {
      const document = data['document'] as { symbol?: string } | undefined;
      return `${label}${document?.symbol === undefined ? '' : ` (${document.symbol})`}`;
    }
    case 'TaskProgressReported':
    case 'TaskCompletionReported':
      return `${label}: ${clip(String(data['summary'] ?? ''))}`;
    case 'TaskReassigned':
      return `${label} cho ${agencyLabel(String(data['to']))}`;
    default:
      return typeof data['reason'] === 'string' ? `${label}: ${clip(data['reason'])}` : label;
  }
};

/** An event with everything an auditor needs, for `--json`. */
export const eventJson = (event: StoredEvent) => ({
  position: event.position,
  stream: event.stream,
  revision: event.revision,
  type: event.type,
  data: event.data,
  metadata: event.metadata,
});
