import { assertNever, scheduleEvent, type Deadline, type LocalDate, type TaskEvent } from '@chidao/domain';

/*
 * The facts of one task that the read models keep: the domain's task state (`evolveTask`) flattened to
 * what a table row can hold — counts and the latest of each kind of report instead of whole lists.
 * `evolveTaskFacts` follows `evolveTask` rule for rule (a task.facts spec checks it against the
 * domain's fold for generated histories), so a projection never needs the task's stream to know its
 * state: the row it wrote last time is the state.
 */

/** Where a task is in its life (*trạng thái xử lý*); status codes are derived from it and a date. */
export type TaskLifecycle = 'open' | 'completion_reported' | 'completed' | 'suspended' | 'withdrawn';

/** One progress report as the status rules need it: reported on, and the occurrence it names (recurring tasks). */
export type ReportMark = readonly [reportedOn: LocalDate, occurrenceDueOn: LocalDate | null];

/** Everything the read models know of an assigned task. Keys are the register's column names. */
export type TaskFacts = {
  readonly task_id: string;
  readonly directive_id: string;
  readonly clause: string;
  readonly content: string;
  readonly expected_product: string | null;
  readonly lead_agency_id: string;
  readonly cooperating: readonly string[];
  readonly cooperating_note: string | null;
  readonly report_recipient: string | null;
  readonly supervising_leader: string | null;
  readonly priority: boolean;
  readonly assigned_on: LocalDate;
  readonly state: TaskLifecycle;
  readonly deadline: Deadline;
  readonly original_deadline: Deadline;
  readonly extension_count: number;
  readonly last_extended_on: LocalDate | null;
  /** The deadline a pending extension request asks for (*đề nghị gia hạn*), or null. */
  readonly pending_extension: Deadline | null;
  readonly rejected_extension_count: number;
  readonly reminder_count: number;
  readonly last_reminded_on: LocalDate | null;
  readonly progress_report_count: number;
  readonly last_report_on: LocalDate | null;
  readonly last_report_summary: string | null;
  readonly progress_reports: readonly ReportMark[];
  readonly completion_report_count: number;
  /** The report a pending or confirmed completion rests on; null while open, suspended or withdrawn. */
  readonly completion_reported_on: LocalDate | null;
  readonly completed_on: LocalDate | null;
  readonly returned_count: number;
  readonly suspended_on: LocalDate | null;
  readonly withdrawn_on: LocalDate | null;
  readonly reassignment_count: number;
  readonly correction_count: number;
};

/** The column names of `TaskFacts`, for reading a register row back into facts. */
export const TASK_FACT_KEYS = [
  'task_id',
  'directive_id',
  'clause',
  'content',
  'expected_product',
  'lead_agency_id',
  'cooperating',
  'cooperating_note',
  'report_recipient',
  'supervising_leader',
  'priority',
  'assigned_on',
  'state',
  'deadline',
  'original_deadline',
  'extension_count',
  'last_extended_on',
  'pending_extension',
  'rejected_extension_count',
  'reminder_count',
  'last_reminded_on',
  'progress_report_count',
  'last_report_on',
  'last_report_summary',
  'progress_reports',
  'completion_report_count',
  'completion_reported_on',
  'completed_on',
  'returned_count',
  'suspended_on',
  'withdrawn_on',
  'reassignment_count',
  'correction_count',
] as const satisfies readonly (keyof TaskFacts)[];

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

const assigned = (event: Extract<TaskEvent, { type: 'TaskAssigned' }>): TaskFacts => {
  const data = event.data;
  return {
    task_id: data.taskId,
    directive_id: data.directiveId,
    clause: data.clause,
    content: data.content,
    expected_product: orNull(data.expectedProduct),
    lead_agency_id: data.lead,
    cooperating: data.cooperating,
    cooperating_note: orNull(data.cooperatingNote),
    report_recipient: orNull(data.reportRecipient),
    supervising_leader: orNull(data.supervisingLeader),
    priority: data.priority,
    assigned_on: data.assignedOn,
    state: 'open',
    deadline: data.deadline,
    original_deadline: data.deadline,
    extension_count: 0,
    last_extended_on: null,
    pending_extension: null,
    rejected_extension_count: 0,
    reminder_count: 0,
    last_reminded_on: null,
    progress_report_count: 0,
    last_report_on: null,
    last_report_summary: null,
    progress_reports: [],
    completion_report_count: 0,
    completion_reported_on: null,
    completed_on: null,
    returned_count: 0,
    suspended_on: null,
    withdrawn_on: null,
    reassignment_count: 0,
    correction_count: 0,
  };
};

/**
 * Folds one task event into the facts, as `evolveTask` folds it into the state: total, never throwing;
 * an event that does not fit the lifecycle changes the facts it carries and leaves the lifecycle alone;
 * nothing but `TaskAssigned` happens to a task not yet assigned (undefined).
 */
export const evolveTaskFacts = (facts: TaskFacts | undefined, event: TaskEvent): TaskFacts | undefined => {
  if (event.type === 'TaskAssigned') return facts ?? assigned(event);
  if (facts === undefined) return undefined;
  switch (event.type) {
    case 'TaskDeadlineExtended':
      return {
        ...facts,
        deadline: event.data.to,
        extension_count: facts.extension_count + 1,
        last_extended_on: event.data.extendedOn,
        pending_extension: null,
      };
    case 'TaskExtensionRequested':
      return { ...facts, pending_extension: event.data.requestedDeadline };
    case 'TaskExtensionRejected':
      return { ...facts, pending_extension: null, rejected_extension_count: facts.rejected_extension_count + 1 };
    case 'TaskProgressReported':
      return {
        ...facts,
        progress_report_count: facts.progress_report_count + 1,
        last_report_on: event.data.reportedOn,
        last_report_summary: event.data.summary,
        progress_reports: [...facts.progress_reports, [event.data.reportedOn, orNull(event.data.occurrenceDueOn)]],
      };
    case 'TaskCompletionReported':
      return {
        ...facts,
        completion_report_count: facts.completion_report_count + 1,
        ...(facts.state === 'open' ? { state: 'completion_reported', completion_reported_on: event.data.reportedOn } : {}),
      };
    case 'TaskCompletionConfirmed':
      return facts.state === 'completion_reported' ? { ...facts, state: 'completed', completed_on: event.data.confirmedOn } : facts;
    case 'TaskCompletionReturned':
      return {
        ...facts,
        returned_count: facts.returned_count + 1,
        ...(facts.state === 'completion_reported' ? { state: 'open', completion_reported_on: null } : {}),
      };
    case 'TaskReminderIssued':
      return { ...facts, reminder_count: facts.reminder_count + 1, last_reminded_on: event.data.remindedOn };
    case 'TaskReassigned':
      return {
        ...facts,
        lead_agency_id: event.data.to,
        cooperating: facts.cooperating.filter((id) => id !== event.data.to),
        reassignment_count: facts.reassignment_count + 1,
      };
    case 'TaskSuspended':
      return facts.state === 'open' ? { ...facts, state: 'suspended', suspended_on: event.data.suspendedOn } : facts;
    case 'TaskResumed':
      return facts.state === 'suspended' ? { ...facts, state: 'open', suspended_on: null } : facts;
    case 'TaskWithdrawn':
      return facts.state === 'completed'
        ? facts
        : { ...facts, state: 'withdrawn', withdrawn_on: event.data.withdrawnOn, suspended_on: null, completion_reported_on: null };
    case 'TaskDeadlineEventScheduled':
      // The first date the meeting gets is the original deadline's date too (as evolveTask has it).
      return {
        ...facts,
        deadline: facts.deadline.kind === 'event' ? scheduleEvent(facts.deadline, event.data.eventOn) : facts.deadline,
        original_deadline:
          facts.original_deadline.kind === 'event' && facts.original_deadline.scheduledOn === undefined
            ? scheduleEvent(facts.original_deadline, event.data.eventOn)
            : facts.original_deadline,
      };
    case 'TaskRecordCorrected': {
      const c = event.data.corrections;
      return {
        ...facts,
        ...(c.clause === undefined ? {} : { clause: c.clause }),
        ...(c.content === undefined ? {} : { content: c.content }),
        ...(c.expectedProduct === undefined ? {} : { expected_product: c.expectedProduct }),
        ...(c.cooperating === undefined ? {} : { cooperating: c.cooperating }),
        ...(c.cooperatingNote === undefined ? {} : { cooperating_note: c.cooperatingNote }),
        ...(c.reportRecipient === undefined ? {} : { report_recipient: c.reportRecipient }),
        ...(c.supervisingLeader === undefined ? {} : { supervising_leader: c.supervisingLeader }),
        ...(c.priority === undefined ? {} : { priority: c.priority }),
        correction_count: facts.correction_count + 1,
      };
    }
    default:
      return assertNever(event);
  }
};

/** Folds a task's events, in stream order, into its facts; undefined while it is not assigned. */
export const foldTaskFacts = (events: readonly TaskEvent[]): TaskFacts | undefined =>
  events.reduce<TaskFacts | undefined>(evolveTaskFacts, undefined);

/** Facts from a register row read back from the database (the row holds every fact and some derived columns). */
export const factsOfRow = (row: { readonly [column: string]: unknown }): TaskFacts =>
  Object.fromEntries(TASK_FACT_KEYS.map((key) => [key, row[key]])) as TaskFacts;
