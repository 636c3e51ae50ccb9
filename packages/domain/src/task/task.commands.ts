import { z } from 'zod';
import { DeadlineSchema } from '../deadline/deadline.schema';
import { DocumentRefSchema } from '../shared/document-ref';
import { CommandMetadataSchema } from '../shared/metadata';
import { LocalDateSchema } from '../shared/local-date';
import type { DirectiveState } from '../directive/directive.decider';
import { TaskCorrectionsSchema } from './task.events';

/*
 * Task commands (*lệnh*): what a person asks for. Each is `{ type, data, metadata }`; the business
 * date of the resulting event is `metadata.occurredOn`. Parse them with these schemas at the boundary
 * (HTTP, CLI, import) — `decide` trusts its input's shape and checks only the rules.
 */

const taskId = z.string().trim().min(1).max(200);
const agencyId = z.string().trim().min(1).max(200);
const text = (max: number) => z.string().trim().min(1).max(max);

const command = <Type extends string, Data extends z.ZodType>(type: Type, data: Data) =>
  z.object({ type: z.literal(type), data, metadata: CommandMetadataSchema }).strict();

/** Assign a clause of a registered directive to a lead agency. */
export const AssignTaskSchema = command(
  'AssignTask',
  z
    .object({
      taskId,
      directiveId: z.string().trim().min(1).max(200),
      clause: text(100),
      content: text(20_000),
      expectedProduct: text(2_000).optional(),
      lead: agencyId,
      cooperating: z.array(agencyId).max(100).default([]),
      cooperatingNote: text(1_000).optional(),
      reportRecipient: agencyId.optional(),
      supervisingLeader: text(200).optional(),
      priority: z.boolean().default(false),
      deadline: DeadlineSchema,
    })
    .strict(),
);
/**
 * `AssignTask` as the decider takes it: with the current state of the directive it belongs to, loaded
 * by the application, because a task's directive must exist.
 */
export type AssignTask = z.infer<typeof AssignTaskSchema> & { readonly directive: DirectiveState };

/** Extend the deadline (*gia hạn*). `number` is the document's *lần n*; absent, the next number. */
export const ExtendTaskDeadlineSchema = command(
  'ExtendTaskDeadline',
  z
    .object({
      taskId,
      to: DeadlineSchema,
      number: z.number().int().min(1).max(99).optional(),
      reason: text(2_000).optional(),
      approvingDocument: DocumentRefSchema.optional(),
    })
    .strict(),
);
export type ExtendTaskDeadline = z.infer<typeof ExtendTaskDeadlineSchema>;

/** The lead agency asks for more time. */
export const RequestTaskExtensionSchema = command(
  'RequestTaskExtension',
  z
    .object({ taskId, requestedDeadline: DeadlineSchema, reason: text(2_000), document: DocumentRefSchema.optional() })
    .strict(),
);
export type RequestTaskExtension = z.infer<typeof RequestTaskExtensionSchema>;

/** The secretariat refuses a pending extension request. */
export const RejectTaskExtensionSchema = command(
  'RejectTaskExtension',
  z.object({ taskId, reason: text(2_000) }).strict(),
);
export type RejectTaskExtension = z.infer<typeof RejectTaskExtensionSchema>;

/** Report progress; for a recurring task, optionally naming the occurrence it answers. */
export const ReportTaskProgressSchema = command(
  'ReportTaskProgress',
  z
    .object({
      taskId,
      summary: text(20_000),
      document: DocumentRefSchema.optional(),
      difficulties: text(20_000).optional(),
      proposals: text(20_000).optional(),
      occurrenceDueOn: LocalDateSchema.optional(),
    })
    .strict(),
);
export type ReportTaskProgress = z.infer<typeof ReportTaskProgressSchema>;

/** Report that the task is done. */
export const ReportTaskCompletionSchema = command(
  'ReportTaskCompletion',
  z.object({ taskId, summary: text(20_000), document: DocumentRefSchema.optional(), product: text(2_000).optional() }).strict(),
);
export type ReportTaskCompletion = z.infer<typeof ReportTaskCompletionSchema>;

/** Confirm a reported completion. */
export const ConfirmTaskCompletionSchema = command(
  'ConfirmTaskCompletion',
  z.object({ taskId, note: text(2_000).optional() }).strict(),
);
export type ConfirmTaskCompletion = z.infer<typeof ConfirmTaskCompletionSchema>;

/** Return a reported completion (*trả lại*); the task reopens. */
export const ReturnTaskCompletionSchema = command(
  'ReturnTaskCompletion',
  z.object({ taskId, reason: text(2_000) }).strict(),
);
export type ReturnTaskCompletion = z.infer<typeof ReturnTaskCompletionSchema>;

/** Issue a reminder (*nhắc việc, đôn đốc*). */
export const IssueTaskReminderSchema = command(
  'IssueTaskReminder',
  z.object({ taskId, document: DocumentRefSchema.optional(), note: text(2_000).optional() }).strict(),
);
export type IssueTaskReminder = z.infer<typeof IssueTaskReminderSchema>;

/** Give the task to another lead agency. */
export const ReassignTaskSchema = command('ReassignTask', z.object({ taskId, to: agencyId, reason: text(2_000) }).strict());
export type ReassignTask = z.infer<typeof ReassignTaskSchema>;

/** Suspend the task. */
export const SuspendTaskSchema = command('SuspendTask', z.object({ taskId, reason: text(2_000) }).strict());
export type SuspendTask = z.infer<typeof SuspendTaskSchema>;

/** Resume a suspended task. */
export const ResumeTaskSchema = command('ResumeTask', z.object({ taskId, reason: text(2_000).optional() }).strict());
export type ResumeTask = z.infer<typeof ResumeTaskSchema>;

/** Withdraw the task (*rút nhiệm vụ*). */
export const WithdrawTaskSchema = command('WithdrawTask', z.object({ taskId, reason: text(2_000) }).strict());
export type WithdrawTask = z.infer<typeof WithdrawTaskSchema>;

/** Give an event-anchored deadline its date, when the meeting is scheduled. */
export const ScheduleTaskDeadlineEventSchema = command(
  'ScheduleTaskDeadlineEvent',
  z.object({ taskId, eventOn: LocalDateSchema }).strict(),
);
export type ScheduleTaskDeadlineEvent = z.infer<typeof ScheduleTaskDeadlineEventSchema>;

/** Correct a data-entry mistake, with the reason. */
export const CorrectTaskRecordSchema = command(
  'CorrectTaskRecord',
  z.object({ taskId, corrections: TaskCorrectionsSchema, reason: text(2_000) }).strict(),
);
export type CorrectTaskRecord = z.infer<typeof CorrectTaskRecordSchema>;

/** Every task command as it arrives from outside (no directive context yet), discriminated on `type`. */
export const TaskCommandSchema = z.discriminatedUnion('type', [
  AssignTaskSchema,
  ExtendTaskDeadlineSchema,
  RequestTaskExtensionSchema,
  RejectTaskExtensionSchema,
  ReportTaskProgressSchema,
  ReportTaskCompletionSchema,
  ConfirmTaskCompletionSchema,
  ReturnTaskCompletionSchema,
  IssueTaskReminderSchema,
  ReassignTaskSchema,
  SuspendTaskSchema,
  ResumeTaskSchema,
  WithdrawTaskSchema,
  ScheduleTaskDeadlineEventSchema,
  CorrectTaskRecordSchema,
]);
/** A task command as it arrives, before the application adds the directive context to `AssignTask`. */
export type TaskCommandInput = z.infer<typeof TaskCommandSchema>;
/** A task command as the decider takes it. */
export type TaskCommand = Exclude<TaskCommandInput, { type: 'AssignTask' }> | AssignTask;
export type TaskCommandType = TaskCommand['type'];
