export type {
  AssignTask,
  ConfirmTaskCompletion,
  CorrectTaskRecord,
  ExtendTaskDeadline,
  IssueTaskReminder,
  ReassignTask,
  RejectTaskExtension,
  ReportTaskCompletion,
  ReportTaskProgress,
  RequestTaskExtension,
  ResumeTask,
  ReturnTaskCompletion,
  ScheduleTaskDeadlineEvent,
  SuspendTask,
  TaskCommand,
  TaskCommandInput,
  TaskCommandType,
  WithdrawTask,
} from './task.commands';
export {
  AssignTaskSchema,
  ConfirmTaskCompletionSchema,
  CorrectTaskRecordSchema,
  ExtendTaskDeadlineSchema,
  IssueTaskReminderSchema,
  ReassignTaskSchema,
  RejectTaskExtensionSchema,
  ReportTaskCompletionSchema,
  ReportTaskProgressSchema,
  RequestTaskExtensionSchema,
  ResumeTaskSchema,
  ReturnTaskCompletionSchema,
  ScheduleTaskDeadlineEventSchema,
  SuspendTaskSchema,
  TaskCommandSchema,
  WithdrawTaskSchema,
} from './task.commands';

export type {
  TaskAssigned,
  TaskCompletionConfirmed,
  TaskCompletionReported,
  TaskCompletionReturned,
  TaskCorrections,
  TaskDeadlineEventScheduled,
  TaskDeadlineExtended,
  TaskEvent,
  TaskEventType,
  TaskExtensionRejected,
  TaskExtensionRequested,
  TaskProgressReported,
  TaskReassigned,
  TaskRecordCorrected,
  TaskReminderIssued,
  TaskResumed,
  TaskSuspended,
  TaskWithdrawn,
} from './task.events';
export {
  TaskAssignedSchema,
  TaskCompletionConfirmedSchema,
  TaskCompletionReportedSchema,
  TaskCompletionReturnedSchema,
  TaskCorrectionsSchema,
  TaskDeadlineEventScheduledSchema,
  TaskDeadlineExtendedSchema,
  TaskEventSchema,
  TaskExtensionRejectedSchema,
  TaskExtensionRequestedSchema,
  TaskProgressReportedSchema,
  TaskReassignedSchema,
  TaskRecordCorrectedSchema,
  TaskReminderIssuedSchema,
  TaskResumedSchema,
  TaskSuspendedSchema,
  TaskWithdrawnSchema,
} from './task.events';

export type {
  AssignedTaskState,
  CompletionReport,
  CompletionReturn,
  Extension,
  ExtensionRequest,
  LeadPeriod,
  ProgressReport,
  Reminder,
  TaskLifecycle,
  TaskRecord,
  TaskState,
} from './task.state';
export { initialTaskState, isAssigned } from './task.state';

export type { TaskDeciderOptions } from './task.decider';
export { createTaskDecider, decideTask, evolveTask, taskDecider } from './task.decider';

export type { DeadlineJudgement, OccurrenceStatus, StatusSettings, TaskStatus, TaskStatusCode } from './task.status';
export { DEFAULT_STATUS_SETTINGS, TASK_STATUS_CODES, TASK_STATUS_LABELS, statusOf } from './task.status';
