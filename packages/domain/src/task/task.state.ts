import type { Deadline } from '../deadline/deadline.schema';
import type { LocalDate } from '../shared/local-date';
import type {
  TaskAssigned,
  TaskCompletionReported,
  TaskCompletionReturned,
  TaskDeadlineExtended,
  TaskExtensionRequested,
  TaskProgressReported,
  TaskReminderIssued,
} from './task.events';

/*
 * The parts of a task record are the facts its events carried, minus the task id: deriving them from
 * the event schemas keeps state and events from drifting apart.
 */

/** One extension (*lần gia hạn*): its number, the deadline it replaced and the new one. */
export type Extension = Omit<TaskDeadlineExtended['data'], 'taskId'>;

/** A pending request for more time. */
export type ExtensionRequest = Omit<TaskExtensionRequested['data'], 'taskId'>;

/** A reminder (*nhắc việc*). */
export type Reminder = Omit<TaskReminderIssued['data'], 'taskId'>;

/** A progress report (*báo cáo tiến độ*). */
export type ProgressReport = Omit<TaskProgressReported['data'], 'taskId'>;

/** A completion report (*báo cáo hoàn thành*). */
export type CompletionReport = Omit<TaskCompletionReported['data'], 'taskId'>;

/** A returned completion (*trả lại*). */
export type CompletionReturn = Omit<TaskCompletionReturned['data'], 'taskId'>;

/** Who led the task from which date: the first lead and every reassignment. */
export type LeadPeriod = { readonly agencyId: string; readonly from: LocalDate; readonly reason?: string };

/** Everything known about an assigned task, whatever its status. */
export type TaskRecord = Omit<TaskAssigned['data'], 'deadline'> & {
  /** The deadline as first assigned; analysts judge lateness against it too. */
  readonly originalDeadline: Deadline;
  /** The deadline in force: the original one, extended or given its event date. */
  readonly deadline: Deadline;
  readonly extensions: readonly Extension[];
  readonly pendingExtensionRequest?: ExtensionRequest;
  readonly rejectedExtensionRequests: number;
  readonly reminders: readonly Reminder[];
  readonly progressReports: readonly ProgressReport[];
  readonly completionReports: readonly CompletionReport[];
  readonly returns: readonly CompletionReturn[];
  readonly leadHistory: readonly LeadPeriod[];
  readonly corrections: number;
};

/**
 * The state of a task, a union on `status` so an illegal transition is a type error first:
 * `unassigned` → `open` ⇄ `completion_reported` → `completed`; `open` ⇄ `suspended`;
 * `open`, `suspended` or `completion_reported` → `withdrawn`.
 */
export type TaskState =
  | { readonly status: 'unassigned' }
  | { readonly status: 'open'; readonly task: TaskRecord }
  | { readonly status: 'completion_reported'; readonly task: TaskRecord; readonly completion: CompletionReport }
  | {
      readonly status: 'completed';
      readonly task: TaskRecord;
      readonly completion: CompletionReport;
      readonly confirmedOn: LocalDate;
    }
  | { readonly status: 'suspended'; readonly task: TaskRecord; readonly suspendedOn: LocalDate; readonly reason: string }
  | {
      readonly status: 'withdrawn';
      readonly task: TaskRecord;
      readonly withdrawnOn: LocalDate;
      readonly reason: string;
    };

/** A task state that has a record: every state but `unassigned`. */
export type AssignedTaskState = Exclude<TaskState, { status: 'unassigned' }>;

/** The lifecycle status names. */
export type TaskLifecycle = TaskState['status'];

/** The state before the first event. */
export const initialTaskState = (): TaskState => ({ status: 'unassigned' });

/** True when the task has been assigned. */
export const isAssigned = (state: TaskState): state is AssignedTaskState => state.status !== 'unassigned';
