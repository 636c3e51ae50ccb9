import { DEFAULT_DEADLINE_SETTINGS, dueDateOf, nextOccurrence, occurrencesOf, type DeadlineSettings, type Occurrence } from '../deadline';
import type { Deadline, RecurringDeadline } from '../deadline/deadline.schema';
import { assertNever } from '../shared/decider';
import { daysBetween, type LocalDate } from '../shared/local-date';
import type { AssignedTaskState, CompletionReport, ProgressReport, TaskRecord } from './task.state';

/**
 * The status categories Vietnamese progress reports use (DESIGN.md). Status is derived, never stored:
 * from a task's state and an as-of date.
 */
export const TASK_STATUS_CODES = [
  'hoan_thanh_dung_han',
  'hoan_thanh_qua_han',
  'hoan_thanh_khong_thoi_han',
  'dang_thuc_hien_trong_han',
  'dang_thuc_hien_qua_han',
  'dang_thuc_hien_khong_thoi_han',
  'chua_den_han',
  'cho_xac_nhan',
  'tam_dung',
  'da_rut',
] as const;
/** One of the report categories. */
export type TaskStatusCode = (typeof TASK_STATUS_CODES)[number];

/** Each category in the words of the reports, and in English. */
export const TASK_STATUS_LABELS: { readonly [Code in TaskStatusCode]: { readonly vi: string; readonly en: string } } = {
  hoan_thanh_dung_han: { vi: 'Hoàn thành đúng hạn', en: 'Done on time' },
  hoan_thanh_qua_han: { vi: 'Hoàn thành quá hạn', en: 'Done late' },
  hoan_thanh_khong_thoi_han: { vi: 'Hoàn thành (không thời hạn)', en: 'Done (no deadline)' },
  dang_thuc_hien_trong_han: { vi: 'Đang thực hiện trong hạn', en: 'Open, within deadline' },
  dang_thuc_hien_qua_han: { vi: 'Đang thực hiện quá hạn', en: 'Open, overdue' },
  dang_thuc_hien_khong_thoi_han: { vi: 'Đang thực hiện (không thời hạn)', en: 'Open (no deadline)' },
  chua_den_han: { vi: 'Chưa đến hạn', en: 'Not yet due' },
  cho_xac_nhan: { vi: 'Chờ xác nhận hoàn thành', en: 'Completion awaiting confirmation' },
  tam_dung: { vi: 'Tạm dừng', en: 'Suspended' },
  da_rut: { vi: 'Đã rút', en: 'Withdrawn' },
};

/** Settings of the status rules. */
export type StatusSettings = DeadlineSettings & {
  /** An open task due within this many days (inclusive) is *sắp đến hạn*, due soon. */
  readonly dueSoonDays: number;
  /**
   * The end of the reporting period, for reports "trong kỳ": an open task due after it is *chưa đến
   * hạn* in that period. Absent, only an event not yet scheduled or a recurrence not yet started is.
   */
  readonly periodEnd?: LocalDate;
};

/** Defaults: "trước ngày X" includes X; due soon within 7 days. */
export const DEFAULT_STATUS_SETTINGS: StatusSettings = { ...DEFAULT_DEADLINE_SETTINGS, dueSoonDays: 7 };

/** How one occurrence of a recurring task stands on the as-of date. */
export type OccurrenceStatus = {
  readonly index: number;
  readonly opensOn: LocalDate;
  readonly dueOn: LocalDate;
  readonly state: 'met_on_time' | 'met_late' | 'missed' | 'open';
  readonly reportedOn?: LocalDate;
};

/** A task's status judged against one deadline (the current or the original one). */
export type DeadlineJudgement = {
  readonly code: TaskStatusCode;
  readonly label: { readonly vi: string; readonly en: string };
  /** The last on-time day; absent without a single due date. */
  readonly dueOn?: LocalDate;
  /** Open and due within `dueSoonDays`: *sắp đến hạn*. */
  readonly dueSoon: boolean;
  /** Days left until `dueOn` for an open task in time. */
  readonly daysUntilDue?: number;
  /** Days past `dueOn`: for an open overdue task up to the as-of date, for a late completion up to the report. */
  readonly daysOverdue?: number;
};

/** A task's status on a date: against its current (extended) deadline, and against the original one. */
export type TaskStatus = DeadlineJudgement & {
  readonly asOf: LocalDate;
  readonly againstOriginal: DeadlineJudgement;
  /** For a recurring task: each occurrence up to the as-of date. */
  readonly occurrences?: readonly OccurrenceStatus[];
};

const judgement = (code: TaskStatusCode, extra: Omit<DeadlineJudgement, 'code' | 'label' | 'dueSoon'> & { dueSoon?: boolean } = {}): DeadlineJudgement => ({
  code,
  label: TASK_STATUS_LABELS[code],
  dueSoon: false,
  ...extra,
});

/** Matches reports to occurrences: a report names its occurrence, or fills the earliest one still unmet. */
const judgeOccurrences = (
  deadline: RecurringDeadline,
  task: TaskRecord,
  asOf: LocalDate,
  until: LocalDate,
): readonly OccurrenceStatus[] => {
  const due = occurrencesOf(deadline, task.assignedOn, until);
  const next = nextOccurrence(deadline, task.assignedOn, until);
  const occurrences: readonly Occurrence[] = next === undefined || due.some((o) => o.index === next.index) ? due : [...due, next];
  const reportedOn = new Map<number, LocalDate>();
  const reports: readonly ProgressReport[] = task.progressReports.filter((report) => report.reportedOn <= asOf);
  for (const report of reports) {
    const named = report.occurrenceDueOn === undefined ? undefined : occurrences.find((o) => o.dueOn === report.occurrenceDueOn);
    const target = named ?? occurrences.find((o) => !reportedOn.has(o.index) && o.opensOn <= report.reportedOn);
    if (target !== undefined && !reportedOn.has(target.index)) reportedOn.set(target.index, report.reportedOn);
  }
  return occurrences
    .filter((o) => o.opensOn <= asOf)
    .map((o) => {
      const on = reportedOn.get(o.index);
      if (on !== undefined) return { ...o, state: on <= o.dueOn ? 'met_on_time' : 'met_late', reportedOn: on };
      return { ...o, state: asOf > o.dueOn ? 'missed' : 'open' };
    });
};

const judgeRecurring = (
  state: AssignedTaskState,
  deadline: RecurringDeadline,
  asOf: LocalDate,
  settings: StatusSettings,
): { judgement: DeadlineJudgement; occurrences: readonly OccurrenceStatus[] } => {
  const finishedOn = state.status === 'completed' ? state.completion.reportedOn : undefined;
  const occurrences = judgeOccurrences(deadline, state.task, asOf, finishedOn ?? asOf);
  if (state.status === 'completed') {
    const late = occurrences.some((o) => o.state !== 'met_on_time' && o.dueOn < state.completion.reportedOn);
    return { judgement: judgement(late ? 'hoan_thanh_qua_han' : 'hoan_thanh_dung_han'), occurrences };
  }
  const missed = occurrences.filter((o) => o.state === 'missed');
  const first = missed[0];
  if (first !== undefined) {
    return { judgement: judgement('dang_thuc_hien_qua_han', { dueOn: first.dueOn, daysOverdue: daysBetween(first.dueOn, asOf) }), occurrences };
  }
  const current = occurrences.find((o) => o.state === 'open');
  if (current === undefined) {
    const upcoming = nextOccurrence(deadline, state.task.assignedOn, asOf);
    return {
      judgement: occurrences.length === 0 ? judgement('chua_den_han', upcoming ? { dueOn: upcoming.dueOn } : {}) : judgement('dang_thuc_hien_trong_han'),
      occurrences,
    };
  }
  const daysUntilDue = daysBetween(asOf, current.dueOn);
  return {
    judgement: judgement('dang_thuc_hien_trong_han', { dueOn: current.dueOn, daysUntilDue, dueSoon: daysUntilDue <= settings.dueSoonDays }),
    occurrences,
  };
};

/** Judges a task with a single due date (or none) against one deadline. */
const judgeAgainst = (state: AssignedTaskState, deadline: Deadline, asOf: LocalDate, settings: StatusSettings): DeadlineJudgement => {
  const dueOn = dueDateOf(deadline, settings);
  const done = (completion: CompletionReport): DeadlineJudgement => {
    if (dueOn === undefined) return judgement('hoan_thanh_khong_thoi_han');
    const late = daysBetween(dueOn, completion.reportedOn);
    return late > 0 ? judgement('hoan_thanh_qua_han', { dueOn, daysOverdue: late }) : judgement('hoan_thanh_dung_han', { dueOn });
  };
  switch (state.status) {
    case 'withdrawn':
      return judgement('da_rut', dueOn === undefined ? {} : { dueOn });
    case 'suspended':
      return judgement('tam_dung', dueOn === undefined ? {} : { dueOn });
    case 'completion_reported':
      return judgement('cho_xac_nhan', dueOn === undefined ? {} : { dueOn });
    case 'completed':
      return done(state.completion);
    case 'open': {
      if (dueOn === undefined) return judgement(deadline.kind === 'none' ? 'dang_thuc_hien_khong_thoi_han' : 'chua_den_han');
      if (asOf > dueOn) return judgement('dang_thuc_hien_qua_han', { dueOn, daysOverdue: daysBetween(dueOn, asOf) });
      if (settings.periodEnd !== undefined && dueOn > settings.periodEnd) return judgement('chua_den_han', { dueOn });
      const daysUntilDue = daysBetween(asOf, dueOn);
      return judgement('dang_thuc_hien_trong_han', { dueOn, daysUntilDue, dueSoon: daysUntilDue <= settings.dueSoonDays });
    }
    default:
      return assertNever(state);
  }
};

const judge = (
  state: AssignedTaskState,
  deadline: Deadline,
  asOf: LocalDate,
  settings: StatusSettings,
): { judgement: DeadlineJudgement; occurrences?: readonly OccurrenceStatus[] } => {
  const open = state.status === 'open' || state.status === 'completed';
  return deadline.kind === 'recurring' && open
    ? judgeRecurring(state, deadline, asOf, settings)
    : { judgement: judgeAgainst(state, deadline, asOf, settings) };
};

/**
 * The status of a task on `asOf`, in the categories of Vietnamese reports, judged against the current
 * deadline and, separately, the original one. The state is taken as given: to ask about the past, pass
 * the state as of that date (`taskAt`), or use `taskStatusOn` which does both.
 */
export const statusOf = (
  state: AssignedTaskState,
  asOf: LocalDate,
  settings: Partial<StatusSettings> = {},
): TaskStatus => {
  const resolved: StatusSettings = { ...DEFAULT_STATUS_SETTINGS, ...settings };
  const current = judge(state, state.task.deadline, asOf, resolved);
  const original = judge(state, state.task.originalDeadline, asOf, resolved);
  return {
    ...current.judgement,
    asOf,
    againstOriginal: original.judgement,
    ...(current.occurrences === undefined ? {} : { occurrences: current.occurrences }),
  };
};
