import { canonicalJson } from '@chidao/event-store';
import {
  addDays,
  assertNever,
  dueDateOf,
  nextOccurrence,
  occurrencesOf,
  statusOf,
  type AssignedTaskState,
  type DeadlineSettings,
  type LocalDate,
  type RecurringDeadline,
  type TaskEvent,
} from '@chidao/domain';
import type { ReportMark, TaskFacts } from './task-facts';

/*
 * Task history (*lịch sử nhiệm vụ*): for every task, the facts that were true on each business date,
 * as rows valid from one date (inclusive) to the next (exclusive). "As of D" is then one row per task:
 * `valid_from <= D AND D < valid_to`.
 *
 * Business dates (`occurredOn`, the date on the paper) need not grow along a stream: a clerk may enter
 * on 12/3 an extension dated 5/3 after a reminder dated 10/3. What was true on D is what the events
 * dated on or before D say, folded in stream order (the domain's `taskAt`). So an event dated before
 * the task's latest business date rewrites the rows from its date on: the rows it replaces are not
 * deleted but marked `superseded_at` (the instant the system learned better), and new rows are
 * written with `recorded_at` that instant. Rows with `superseded_at IS NULL` are what is known now;
 * the rows known at an instant T are those recorded at or before T and not superseded by then — the
 * second time axis, "what did we know on D" (see docs/read-models.md).
 */

/** The facts a history row keeps: those that status, scorecards and "as of" lists need. */
export type HistoryFacts = {
  readonly directive_id: string;
  readonly lead_agency_id: string;
  readonly state: TaskFacts['state'];
  readonly assigned_on: LocalDate;
  readonly deadline_kind: string;
  readonly deadline_text: string;
  readonly due_on: LocalDate | null;
  readonly original_deadline_kind: string;
  readonly original_due_on: LocalDate | null;
  readonly completion_reported_on: LocalDate | null;
  readonly completed_on: LocalDate | null;
  readonly extension_count: number;
  readonly reminder_count: number;
  readonly progress_report_count: number;
  readonly last_report_on: LocalDate | null;
  /** The recurrence rule, for a recurring deadline only (its status needs every occurrence). */
  readonly deadline_rule: RecurringDeadline | null;
  readonly original_deadline_rule: RecurringDeadline | null;
  /** The progress reports, only when a deadline is recurring: they fulfil its occurrences. */
  readonly progress_reports: readonly ReportMark[] | null;
};

/** One row of `read.task_history`. */
export type HistoryRow = HistoryFacts & { readonly [derived: `${'st' | 'ost'}_${string}`]: unknown } & {
  readonly task_id: string;
  readonly valid_from: LocalDate;
  /** The stream revision of the event that wrote this row; with task_id and valid_from, the key. */
  readonly revision: number;
  /** The first business date the row is no longer true; 'infinity' while it is the latest. */
  readonly valid_to: LocalDate | 'infinity';
  readonly recorded_at: string;
  readonly superseded_at: string | null;
  readonly event_type: string;
};

const HISTORY_FACT_KEYS = [
  'directive_id',
  'lead_agency_id',
  'state',
  'assigned_on',
  'deadline_kind',
  'deadline_text',
  'due_on',
  'original_deadline_kind',
  'original_due_on',
  'completion_reported_on',
  'completed_on',
  'extension_count',
  'reminder_count',
  'progress_report_count',
  'last_report_on',
  'deadline_rule',
  'original_deadline_rule',
  'progress_reports',
] as const satisfies readonly (keyof HistoryFacts)[];

/** The history facts of a task's facts, with due dates under the installation's deadline settings. */
export const historyFactsOf = (facts: TaskFacts, settings: DeadlineSettings): HistoryFacts => {
  const recurring = facts.deadline.kind === 'recurring' || facts.original_deadline.kind === 'recurring';
  return {
    directive_id: facts.directive_id,
    lead_agency_id: facts.lead_agency_id,
    state: facts.state,
    assigned_on: facts.assigned_on,
    deadline_kind: facts.deadline.kind,
    deadline_text: facts.deadline.text,
    due_on: dueDateOf(facts.deadline, settings) ?? null,
    original_deadline_kind: facts.original_deadline.kind,
    original_due_on: dueDateOf(facts.original_deadline, settings) ?? null,
    completion_reported_on: facts.completion_reported_on,
    completed_on: facts.completed_on,
    extension_count: facts.extension_count,
    reminder_count: facts.reminder_count,
    progress_report_count: facts.progress_report_count,
    last_report_on: facts.last_report_on,
    deadline_rule: facts.deadline.kind === 'recurring' ? facts.deadline : null,
    original_deadline_rule: facts.original_deadline.kind === 'recurring' ? facts.original_deadline : null,
    progress_reports: recurring ? facts.progress_reports : null,
  };
};

/**
 * Folds an event into history facts, for a paper entered late: the facts as of a date D after the
 * event are the facts as of D before it, evolved by it — the event is the newest of its stream, so it
 * comes last in any fold of the events dated up to D. Mirrors evolveTaskFacts on the history subset.
 * Undefined only where the subset does not suffice: an extension to or from a recurring deadline
 * (which the deciders refuse), whose reports and rule the stream must supply.
 */
export const evolveHistoryFacts = (facts: HistoryFacts, event: TaskEvent, settings: DeadlineSettings): HistoryFacts | undefined => {
  switch (event.type) {
    case 'TaskAssigned':
    case 'TaskExtensionRequested':
    case 'TaskExtensionRejected':
    case 'TaskRecordCorrected':
      return facts;
    case 'TaskDeadlineExtended': {
      const to = event.data.to;
      if (to.kind === 'recurring' || facts.deadline_kind === 'recurring') return undefined;
      return { ...facts, deadline_kind: to.kind, deadline_text: to.text, due_on: dueDateOf(to, settings) ?? null, extension_count: facts.extension_count + 1 };
    }
    case 'TaskProgressReported':
      return {
        ...facts,
        progress_report_count: facts.progress_report_count + 1,
        last_report_on: event.data.reportedOn,
        progress_reports: facts.progress_reports === null ? null : [...facts.progress_reports, [event.data.reportedOn, event.data.occurrenceDueOn ?? null]],
      };
    case 'TaskCompletionReported':
      return facts.state === 'open' ? { ...facts, state: 'completion_reported', completion_reported_on: event.data.reportedOn } : facts;
    case 'TaskCompletionConfirmed':
      return facts.state === 'completion_reported' ? { ...facts, state: 'completed', completed_on: event.data.confirmedOn } : facts;
    case 'TaskCompletionReturned':
      return facts.state === 'completion_reported' ? { ...facts, state: 'open', completion_reported_on: null } : facts;
    case 'TaskReminderIssued':
      return { ...facts, reminder_count: facts.reminder_count + 1 };
    case 'TaskReassigned':
      return { ...facts, lead_agency_id: event.data.to };
    case 'TaskSuspended':
      return facts.state === 'open' ? { ...facts, state: 'suspended' } : facts;
    case 'TaskResumed':
      return facts.state === 'suspended' ? { ...facts, state: 'open' } : facts;
    case 'TaskWithdrawn':
      return facts.state === 'completed' ? facts : { ...facts, state: 'withdrawn', completion_reported_on: null };
    case 'TaskDeadlineEventScheduled':
      return {
        ...facts,
        ...(facts.deadline_kind === 'event' ? { due_on: event.data.eventOn } : {}),
        ...(facts.original_deadline_kind === 'event' && facts.original_due_on === null ? { original_due_on: event.data.eventOn } : {}),
      };
    default:
      return assertNever(event);
  }
};

/**
 * A recurring deadline's status, worked out ahead for every date a history row covers, so that SQL
 * judges it with a few date comparisons instead of walking occurrences (status-sql.ts). Within a row
 * the reports are fixed, and — unless a report names an occurrence not yet open when it was made —
 * so is which occurrence each report fulfils (judgeOccurrences). Then, on a date D:
 * completed: `done_code`; open: the earliest unfulfilled occurrence (opens `unmet_opens`, due
 * `unmet_due`) is overdue after its due date and current from its opening; before the first
 * occurrence opens (`start`), or when none can (`first_due` null), it is not yet due.
 */
export type RecurringSummary = {
  readonly start: LocalDate;
  readonly first_due: LocalDate | null;
  readonly unmet_opens: LocalDate | null;
  readonly unmet_due: LocalDate | null;
  readonly done_code: string | null;
};

const reportsOf = (facts: HistoryFacts): readonly ReportMark[] => facts.progress_reports ?? [];

/** False when a report names an occurrence that had not opened yet when it was made: SQL then judges the row the long way. */
export const recurringMatchIsFixed = (rule: RecurringDeadline, facts: HistoryFacts): boolean =>
  reportsOf(facts).every(([reportedOn, named]) => {
    if (named === null) return true;
    const occurrence = occurrencesOf(rule, facts.assigned_on, named).at(-1);
    return occurrence === undefined || occurrence.dueOn !== named || occurrence.opensOn <= reportedOn;
  });

/** The summary of a recurring deadline for a row of an open or completed task (in other states the deadline plays no part). */
export const summarizeRecurring = (rule: RecurringDeadline, facts: HistoryFacts): RecurringSummary => {
  const anchor = facts.assigned_on;
  const start = rule.startsOn ?? anchor;
  const first = nextOccurrence(rule, anchor, start);
  const reports = reportsOf(facts);
  const latest = reports.reduce((max, [on]) => (on > max ? on : max), start);
  const task = {
    taskId: '',
    assignedOn: anchor,
    deadline: rule,
    originalDeadline: rule,
    progressReports: reports.map(([reportedOn, occurrenceDueOn]) => ({ summary: '', reportedOn, ...(occurrenceDueOn === null ? {} : { occurrenceDueOn }) })),
  };
  const base = { start, first_due: first?.dueOn ?? null };
  if (facts.state === 'completed') {
    const completion = { summary: '', reportedOn: facts.completion_reported_on ?? anchor };
    const state = { status: 'completed', task, completion, confirmedOn: facts.completed_on ?? completion.reportedOn } as unknown as AssignedTaskState;
    const asOf = completion.reportedOn > latest ? completion.reportedOn : latest;
    return { ...base, unmet_opens: null, unmet_due: null, done_code: statusOf(state, asOf).code };
  }
  const judged = statusOf({ status: 'open', task } as unknown as AssignedTaskState, latest).occurrences ?? [];
  const unmet = judged.find((occurrence) => occurrence.state === 'missed' || occurrence.state === 'open');
  const after = unmet === undefined && judged.length > 0 ? nextOccurrence(rule, anchor, addDays(judged.at(-1)!.dueOn, 1)) : undefined;
  const target = unmet ?? after;
  return { ...base, unmet_opens: target?.opensOn ?? null, unmet_due: target?.dueOn ?? null, done_code: null };
};

/**
 * How a row's status, judged against one deadline, depends on the as-of date D (statusOf's rules,
 * worked out when the row is written so that SQL only compares dates; status-sql.ts):
 * - `code`: the status whatever D is (withdrawn, suspended, awaiting confirmation, completed, open
 *   without a date); `due`: the due date it is judged by;
 * - `slow`: a recurring deadline whose reports name an occurrence not yet open — judged in PL/pgSQL;
 * - otherwise open: overdue when D > `overdue_after`; not yet due in a reporting period ending before
 *   `period_due`; within the deadline, due `due`, when D >= `due_from`; within it with nothing due yet
 *   when D >= `open_from`; before that not yet due, the first due date being `first_due`.
 */
export type StatusTimeline = {
  readonly code: string | null;
  readonly slow: boolean;
  readonly overdue_after: LocalDate | null;
  readonly period_due: LocalDate | null;
  readonly due_from: LocalDate | '-infinity' | null;
  readonly open_from: LocalDate | 'infinity' | null;
  readonly due: LocalDate | null;
  readonly first_due: LocalDate | null;
};

const constant = (code: string, due: LocalDate | null): StatusTimeline => ({
  code,
  slow: false,
  overdue_after: null,
  period_due: null,
  due_from: null,
  open_from: null,
  due,
  first_due: null,
});

const SLOW: StatusTimeline = { code: null, slow: true, overdue_after: null, period_due: null, due_from: null, open_from: null, due: null, first_due: null };

/** The timeline of a row's status against one deadline: its kind, due date and, if recurring, its rule. */
export const statusTimeline = (facts: HistoryFacts, kind: string, due: LocalDate | null, rule: RecurringDeadline | null): StatusTimeline => {
  const state = facts.state;
  if (kind === 'recurring' && rule !== null && (state === 'open' || state === 'completed')) {
    if (!recurringMatchIsFixed(rule, facts)) return SLOW;
    const summary = summarizeRecurring(rule, facts);
    if (state === 'completed') return constant(summary.done_code ?? 'hoan_thanh_dung_han', null);
    return {
      code: null,
      slow: false,
      overdue_after: summary.unmet_due,
      period_due: null,
      due_from: summary.unmet_opens,
      open_from: summary.first_due === null ? 'infinity' : summary.start,
      due: summary.unmet_due,
      first_due: summary.first_due,
    };
  }
  switch (state) {
    case 'withdrawn':
      return constant('da_rut', due);
    case 'suspended':
      return constant('tam_dung', due);
    case 'completion_reported':
      return constant('cho_xac_nhan', due);
    case 'completed': {
      const completion = facts.completion_reported_on ?? facts.assigned_on;
      return constant(due === null ? 'hoan_thanh_khong_thoi_han' : completion > due ? 'hoan_thanh_qua_han' : 'hoan_thanh_dung_han', due);
    }
    case 'open':
      if (due === null) return constant(kind === 'none' ? 'dang_thuc_hien_khong_thoi_han' : 'chua_den_han', null);
      return { code: null, slow: false, overdue_after: due, period_due: due, due_from: '-infinity', open_from: null, due, first_due: null };
    default:
      return assertNever(state);
  }
};

/** Where a history row stands in time, and what wrote it. */
type RowPlace = Pick<HistoryRow, 'task_id' | 'valid_from' | 'revision' | 'valid_to' | 'recorded_at' | 'superseded_at' | 'event_type'>;

/**
 * A history row: its place, its facts and the timelines derived from them, built as one literal in
 * one property order (the hot path of a rebuild makes a million of them).
 */
export const makeHistoryRow = (place: RowPlace, facts: HistoryFacts): HistoryRow => {
  const st = statusTimeline(facts, facts.deadline_kind, facts.due_on, facts.deadline_rule);
  const ost = statusTimeline(facts, facts.original_deadline_kind, facts.original_due_on, facts.original_deadline_rule);
  return {
    task_id: place.task_id,
    valid_from: place.valid_from,
    revision: place.revision,
    valid_to: place.valid_to,
    recorded_at: place.recorded_at,
    superseded_at: place.superseded_at,
    event_type: place.event_type,
    directive_id: facts.directive_id,
    lead_agency_id: facts.lead_agency_id,
    state: facts.state,
    assigned_on: facts.assigned_on,
    deadline_kind: facts.deadline_kind,
    deadline_text: facts.deadline_text,
    due_on: facts.due_on,
    original_deadline_kind: facts.original_deadline_kind,
    original_due_on: facts.original_due_on,
    completion_reported_on: facts.completion_reported_on,
    completed_on: facts.completed_on,
    extension_count: facts.extension_count,
    reminder_count: facts.reminder_count,
    progress_report_count: facts.progress_report_count,
    last_report_on: facts.last_report_on,
    deadline_rule: facts.deadline_rule,
    original_deadline_rule: facts.original_deadline_rule,
    progress_reports: facts.progress_reports,
    st_code: st.code,
    st_slow: st.slow,
    st_overdue_after: st.overdue_after,
    st_period_due: st.period_due,
    st_due_from: st.due_from,
    st_open_from: st.open_from,
    st_due: st.due,
    st_first_due: st.first_due,
    ost_code: ost.code,
    ost_slow: ost.slow,
    ost_overdue_after: ost.overdue_after,
    ost_period_due: ost.period_due,
    ost_due_from: ost.due_from,
    ost_open_from: ost.open_from,
    ost_due: ost.due,
    ost_first_due: ost.first_due,
  };
};

/**
 * Whether two rows say the same thing. Compared through canonical JSON, because a row read back from
 * jsonb has its keys in another order than the one built in memory, and the outcome must not depend
 * on whether a row came from this batch or an earlier one.
 */
export const sameHistoryFacts = (a: HistoryFacts, b: HistoryFacts): boolean =>
  HISTORY_FACT_KEYS.every((key) => {
    const x = a[key];
    const y = b[key];
    if (x === y) return true;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    return canonicalJson(x) === canonicalJson(y);
  });

/** The facts of a history row, without its place in time and its derived columns. */
export const factsPart = (row: HistoryRow): HistoryFacts => Object.fromEntries(HISTORY_FACT_KEYS.map((key) => [key, row[key]])) as HistoryFacts;

/** The event that changes the history, as the history step needs it. */
export type HistoryChange = {
  readonly taskId: string;
  readonly revision: number;
  readonly occurredOn: LocalDate;
  readonly recordedAt: string;
  readonly type: string;
};

/**
 * The result of one event on a task's history: the rows now current (sorted by valid_from) and every
 * row written — new, or an old one with a new `valid_to` or `superseded_at`.
 */
export type HistoryStep = { readonly current: readonly HistoryRow[]; readonly written: readonly HistoryRow[] };

/**
 * Applies one event to the current rows of a task. `breakpoints` are the facts as of each business
 * date from the event's date on — ascending, the first one the event's own date — after the event;
 * undefined facts (the task not assigned yet on that date) give no row. Rows before the event's date
 * stay as they are, except that the last of them now ends where the next row starts. Equal facts on
 * consecutive dates make one row, and a row whose date and facts did not change is kept as it was,
 * so the result depends only on the events, never on how they were batched.
 */
export const applyHistoryChange = (
  current: readonly HistoryRow[],
  change: HistoryChange,
  breakpoints: readonly (readonly [LocalDate, HistoryFacts | undefined])[],
): HistoryStep => {
  const from = change.occurredOn;
  const last = current.at(-1);
  // The common case, an event dated on or after every row: at most the last row ends and one begins.
  if (breakpoints.length === 1 && last !== undefined && from > last.valid_from) {
    const facts = breakpoints[0]![1];
    if (facts === undefined || sameHistoryFacts(last, facts)) return { current, written: [] };
    const ended: HistoryRow = { ...last, valid_to: from };
    const row = makeHistoryRow(
      { task_id: change.taskId, valid_from: from, revision: change.revision, valid_to: 'infinity', recorded_at: change.recordedAt, superseded_at: null, event_type: change.type },
      facts,
    );
    return { current: [...current.slice(0, -1), ended, row], written: [ended, row] };
  }
  // The row in force just before the event's date: its facts are unchanged, its end may move.
  let split = 0;
  while (split < current.length && current[split]!.valid_from < from) split += 1;
  const first = split > 0 ? split - 1 : 0;
  const previous = split > 0 ? current[split - 1] : undefined;
  const replaced = current.slice(first);

  type Segment = { readonly from: LocalDate; readonly facts: HistoryFacts };
  const segments: Segment[] = previous === undefined ? [] : [{ from: previous.valid_from, facts: previous }];
  for (const [date, facts] of breakpoints) {
    if (facts === undefined) continue;
    const last = segments.at(-1);
    if (last !== undefined && sameHistoryFacts(last.facts, facts)) continue;
    segments.push({ from: date, facts });
  }

  const written: HistoryRow[] = [];
  const kept = new Set<HistoryRow>();
  const next: HistoryRow[] = current.slice(0, first);
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index]!;
    const validTo = segments[index + 1]?.from ?? 'infinity';
    const old = replaced.find((row) => row.valid_from === segment.from && !kept.has(row) && sameHistoryFacts(row, segment.facts));
    if (old !== undefined) {
      kept.add(old);
      const row = old.valid_to === validTo ? old : { ...old, valid_to: validTo };
      if (row !== old) written.push(row);
      next.push(row);
      continue;
    }
    const row = makeHistoryRow(
      { task_id: change.taskId, valid_from: segment.from, revision: change.revision, valid_to: validTo, recorded_at: change.recordedAt, superseded_at: null, event_type: change.type },
      segment.facts,
    );
    written.push(row);
    next.push(row);
  }
  for (const row of replaced) {
    if (!kept.has(row)) written.push({ ...row, superseded_at: change.recordedAt });
  }
  return { current: next, written };
};
