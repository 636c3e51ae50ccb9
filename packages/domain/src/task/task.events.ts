import { z } from 'zod';
import { DeadlineSchema } from '../deadline/deadline.schema';
import { DocumentRefSchema } from '../shared/document-ref';
import { LocalDateSchema } from '../shared/local-date';

/*
 * Task events (*sự kiện của nhiệm vụ*), past tense, payload under `data`. Every event states its own
 * business date in its data (`assignedOn`, `extendedOn`, …) so a fact read alone says when it was
 * true; the same date is the event's `metadata.occurredOn`.
 */

const taskId = z.string().trim().min(1).max(200);
const agencyId = z.string().trim().min(1).max(200);
const text = (max: number) => z.string().trim().min(1).max(max);

/** *Giao nhiệm vụ*: a clause of a directive becomes a task with one lead agency and a deadline. */
export const TaskAssignedSchema = z
  .object({
    type: z.literal('TaskAssigned'),
    data: z
      .object({
        taskId,
        directiveId: z.string().trim().min(1).max(200),
        clause: text(100),
        content: text(20_000),
        expectedProduct: text(2_000).optional(),
        lead: agencyId,
        cooperating: z.array(agencyId).max(100),
        cooperatingNote: text(1_000).optional(),
        reportRecipient: agencyId.optional(),
        supervisingLeader: text(200).optional(),
        priority: z.boolean(),
        deadline: DeadlineSchema,
        assignedOn: LocalDateSchema,
      })
      .strict(),
  })
  .strict();
export type TaskAssigned = z.infer<typeof TaskAssignedSchema>;

/** *Gia hạn lần n*: the deadline moves later; `from` keeps the deadline it replaced. */
export const TaskDeadlineExtendedSchema = z
  .object({
    type: z.literal('TaskDeadlineExtended'),
    data: z
      .object({
        taskId,
        number: z.number().int().min(1).max(99),
        from: DeadlineSchema,
        to: DeadlineSchema,
        reason: text(2_000).optional(),
        approvingDocument: DocumentRefSchema.optional(),
        extendedOn: LocalDateSchema,
      })
      .strict(),
  })
  .strict();
export type TaskDeadlineExtended = z.infer<typeof TaskDeadlineExtendedSchema>;

/** *Đề nghị gia hạn*: the lead agency asks for more time. */
export const TaskExtensionRequestedSchema = z
  .object({
    type: z.literal('TaskExtensionRequested'),
    data: z
      .object({
        taskId,
        requestedDeadline: DeadlineSchema,
        reason: text(2_000),
        document: DocumentRefSchema.optional(),
        requestedOn: LocalDateSchema,
      })
      .strict(),
  })
  .strict();
export type TaskExtensionRequested = z.infer<typeof TaskExtensionRequestedSchema>;

/** *Không chấp thuận gia hạn*: the request is refused; the deadline stands. */
export const TaskExtensionRejectedSchema = z
  .object({
    type: z.literal('TaskExtensionRejected'),
    data: z.object({ taskId, reason: text(2_000), rejectedOn: LocalDateSchema }).strict(),
  })
  .strict();
export type TaskExtensionRejected = z.infer<typeof TaskExtensionRejectedSchema>;

/**
 * *Báo cáo tiến độ*. For a recurring task a report fulfils one occurrence: `occurrenceDueOn` names it,
 * otherwise it counts for the earliest occurrence not yet reported.
 */
export const TaskProgressReportedSchema = z
  .object({
    type: z.literal('TaskProgressReported'),
    data: z
      .object({
        taskId,
        summary: text(20_000),
        document: DocumentRefSchema.optional(),
        difficulties: text(20_000).optional(),
        proposals: text(20_000).optional(),
        occurrenceDueOn: LocalDateSchema.optional(),
        reportedOn: LocalDateSchema,
      })
      .strict(),
  })
  .strict();
export type TaskProgressReported = z.infer<typeof TaskProgressReportedSchema>;

/** *Báo cáo hoàn thành*: the lead agency says the task is done; the secretariat confirms or returns it. */
export const TaskCompletionReportedSchema = z
  .object({
    type: z.literal('TaskCompletionReported'),
    data: z
      .object({
        taskId,
        summary: text(20_000),
        document: DocumentRefSchema.optional(),
        product: text(2_000).optional(),
        reportedOn: LocalDateSchema,
      })
      .strict(),
  })
  .strict();
export type TaskCompletionReported = z.infer<typeof TaskCompletionReportedSchema>;

/** *Xác nhận hoàn thành*: the secretariat accepts the completion report. */
export const TaskCompletionConfirmedSchema = z
  .object({
    type: z.literal('TaskCompletionConfirmed'),
    data: z.object({ taskId, note: text(2_000).optional(), confirmedOn: LocalDateSchema }).strict(),
  })
  .strict();
export type TaskCompletionConfirmed = z.infer<typeof TaskCompletionConfirmedSchema>;

/** *Trả lại*: the completion report is not accepted; the task is open again. */
export const TaskCompletionReturnedSchema = z
  .object({
    type: z.literal('TaskCompletionReturned'),
    data: z.object({ taskId, reason: text(2_000), returnedOn: LocalDateSchema }).strict(),
  })
  .strict();
export type TaskCompletionReturned = z.infer<typeof TaskCompletionReturnedSchema>;

/** *Nhắc việc, đôn đốc*: a reminder, usually citing the notice that issued it. */
export const TaskReminderIssuedSchema = z
  .object({
    type: z.literal('TaskReminderIssued'),
    data: z
      .object({
        taskId,
        document: DocumentRefSchema.optional(),
        note: text(2_000).optional(),
        remindedOn: LocalDateSchema,
      })
      .strict(),
  })
  .strict();
export type TaskReminderIssued = z.infer<typeof TaskReminderIssuedSchema>;

/** *Giao lại*: another agency leads the task from now on, e.g. the successor after a merger. */
export const TaskReassignedSchema = z
  .object({
    type: z.literal('TaskReassigned'),
    data: z
      .object({ taskId, from: agencyId, to: agencyId, reason: text(2_000), reassignedOn: LocalDateSchema })
      .strict(),
  })
  .strict();
export type TaskReassigned = z.infer<typeof TaskReassignedSchema>;

/** *Tạm dừng*: work stops; nothing is due while suspended. */
export const TaskSuspendedSchema = z
  .object({
    type: z.literal('TaskSuspended'),
    data: z.object({ taskId, reason: text(2_000), suspendedOn: LocalDateSchema }).strict(),
  })
  .strict();
export type TaskSuspended = z.infer<typeof TaskSuspendedSchema>;

/** *Tiếp tục thực hiện*: a suspended task is open again. */
export const TaskResumedSchema = z
  .object({
    type: z.literal('TaskResumed'),
    data: z.object({ taskId, reason: text(2_000).optional(), resumedOn: LocalDateSchema }).strict(),
  })
  .strict();
export type TaskResumed = z.infer<typeof TaskResumedSchema>;

/** *Rút nhiệm vụ*: the task is withdrawn; from now on only corrections may follow. */
export const TaskWithdrawnSchema = z
  .object({
    type: z.literal('TaskWithdrawn'),
    data: z.object({ taskId, reason: text(2_000), withdrawnOn: LocalDateSchema }).strict(),
  })
  .strict();
export type TaskWithdrawn = z.infer<typeof TaskWithdrawnSchema>;

/** *Ấn định ngày họp*: an event-anchored deadline ("tại phiên họp thứ 7") gets its date. */
export const TaskDeadlineEventScheduledSchema = z
  .object({
    type: z.literal('TaskDeadlineEventScheduled'),
    data: z.object({ taskId, eventOn: LocalDateSchema, scheduledOn: LocalDateSchema }).strict(),
  })
  .strict();
export type TaskDeadlineEventScheduled = z.infer<typeof TaskDeadlineEventScheduledSchema>;

/**
 * The fields a data-entry correction may change. Deadlines are not among them: a deadline changes
 * only by an extension, so the history of deadlines stays the history of decisions.
 */
export const TaskCorrectionsSchema = z
  .object({
    clause: text(100).optional(),
    content: text(20_000).optional(),
    expectedProduct: text(2_000).optional(),
    cooperating: z.array(agencyId).max(100).optional(),
    cooperatingNote: text(1_000).optional(),
    reportRecipient: agencyId.optional(),
    supervisingLeader: text(200).optional(),
    priority: z.boolean().optional(),
  })
  .strict();
export type TaskCorrections = z.infer<typeof TaskCorrectionsSchema>;

/** *Đính chính*: a data-entry fix, with its reason — recorded as a new fact, never an edit. */
export const TaskRecordCorrectedSchema = z
  .object({
    type: z.literal('TaskRecordCorrected'),
    data: z
      .object({ taskId, corrections: TaskCorrectionsSchema, reason: text(2_000), correctedOn: LocalDateSchema })
      .strict(),
  })
  .strict();
export type TaskRecordCorrected = z.infer<typeof TaskRecordCorrectedSchema>;

/** Every task event, discriminated on `type`. */
export const TaskEventSchema = z.discriminatedUnion('type', [
  TaskAssignedSchema,
  TaskDeadlineExtendedSchema,
  TaskExtensionRequestedSchema,
  TaskExtensionRejectedSchema,
  TaskProgressReportedSchema,
  TaskCompletionReportedSchema,
  TaskCompletionConfirmedSchema,
  TaskCompletionReturnedSchema,
  TaskReminderIssuedSchema,
  TaskReassignedSchema,
  TaskSuspendedSchema,
  TaskResumedSchema,
  TaskWithdrawnSchema,
  TaskDeadlineEventScheduledSchema,
  TaskRecordCorrectedSchema,
]);
export type TaskEvent = z.infer<typeof TaskEventSchema>;
export type TaskEventType = TaskEvent['type'];
