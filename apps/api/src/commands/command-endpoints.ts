import {
  AmendDirectiveSchema,
  AssignTaskSchema,
  CorrectDirectiveRecordSchema,
  DocumentRefSchema,
  LocalDateSchema,
  RegisterDirectiveSchema,
  TaskCommandSchema,
  type DirectiveCommandType,
  type TaskCommandType,
} from '@chidao/domain';
import { z } from 'zod';
import type { Bilingual } from '../http/api-error';

/*
 * The command endpoints as data: one row per domain command, with the HTTP body schema derived from
 * the domain's own zod schema of the command's data. The controller validates with `body`, the
 * OpenAPI document is generated from the same `body` (z.toJSONSchema): they cannot drift.
 *
 * A body is the command's data — less the ids the path already names — plus two optional metadata
 * fields: `occurredOn` (the date on the paper, default today in Việt Nam) and `sourceDocument`. The
 * rest of the metadata comes from the server: the actor from the token, the command id from the
 * `Idempotency-Key` header (or a fresh one), the correlation id from `X-Correlation-Id`.
 */

/** Any command type the API accepts. */
export type CommandType = DirectiveCommandType | TaskCommandType;

/** Who may send a command at the HTTP level; the domain's deciders check the same again. */
export type CommandAccess = 'secretariat' | 'lead-or-secretariat';

/** A zod object schema of any shape. */
export type ObjectSchema = z.ZodObject<z.core.$ZodShape, z.core.$ZodObjectConfig>;

/** The path parameters of a command route. */
export type CommandParams = { readonly directiveId?: string; readonly localId?: string };

/** One command endpoint. */
export type CommandEndpoint = {
  readonly type: CommandType;
  /** Express-style route, e.g. `/tasks/:directiveId/:localId/extensions`. */
  readonly route: string;
  /** What the command acts on: a directive, or a task named by `directiveId` and `localId`. */
  readonly target: 'directive' | 'task';
  readonly access: CommandAccess;
  readonly summary: Bilingual;
  /** The request body's schema: validated against, and published in the OpenAPI document. */
  readonly body: ObjectSchema;
  /** The command's `data` from the path and the validated body (without the metadata fields). */
  readonly data: (params: CommandParams, body: Readonly<Record<string, unknown>>) => Record<string, unknown>;
};

/** A directive id may not contain "/": task ids are `<directiveId>/<local id>`. */
export const DirectiveIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((id) => !id.includes('/'), { message: 'Mã văn bản không được chứa "/" / a directive id must not contain "/"' });

/** A task's local id: the part after `<directiveId>/`. */
export const LocalIdSchema = z.string().trim().min(1).max(90);

/** The metadata a client may set in the body. */
const METADATA_FIELDS = {
  occurredOn: LocalDateSchema.optional(),
  sourceDocument: DocumentRefSchema.optional(),
} as const;

/** The names of the metadata fields in a body, split off before the command's data is built. */
export const METADATA_FIELD_NAMES = Object.keys(METADATA_FIELDS) as readonly (keyof typeof METADATA_FIELDS)[];

const bodyOf = (data: ObjectSchema, omit: readonly string[], extra: z.core.$ZodShape = {}): ObjectSchema =>
  data
    .omit(Object.fromEntries(omit.map((key) => [key, true])) as Record<string, true>)
    .extend({ ...extra, ...METADATA_FIELDS })
    .strict() as unknown as ObjectSchema;

const dataSchemaOf = (command: z.ZodObject<{ data: z.ZodType }>): ObjectSchema => command.shape.data as unknown as ObjectSchema;

/** The domain's schema of one task command, found in the task command union by its type. */
const taskCommandSchema = (type: TaskCommandType): ObjectSchema => {
  const found = TaskCommandSchema.options.find((option) => option.shape.type.value === type);
  if (found === undefined) throw new Error(`no task command ${type}`);
  return dataSchemaOf(found as unknown as z.ZodObject<{ data: z.ZodType }>);
};

const taskIdOf = (params: CommandParams): string => `${params.directiveId ?? ''}/${params.localId ?? ''}`;

/** A command on one task, at `/tasks/:directiveId/:localId/<segment>`. */
const taskEndpoint = (type: TaskCommandType, segment: string, access: CommandAccess, summary: Bilingual): CommandEndpoint => ({
  type,
  route: `/tasks/:directiveId/:localId/${segment}`,
  target: 'task',
  access,
  summary,
  body: bodyOf(taskCommandSchema(type), ['taskId']),
  data: (params, body) => ({ ...body, taskId: taskIdOf(params) }),
});

/** Every command endpoint, in the order the documentation lists them. */
export const COMMAND_ENDPOINTS: readonly CommandEndpoint[] = [
  {
    type: 'RegisterDirective',
    route: '/directives',
    target: 'directive',
    access: 'secretariat',
    summary: { vi: 'Đăng ký văn bản chỉ đạo', en: 'Register a directive' },
    body: bodyOf(dataSchemaOf(RegisterDirectiveSchema), ['directiveId'], { directiveId: DirectiveIdSchema }),
    data: (_params, body) => ({ ...body }),
  },
  {
    type: 'AmendDirective',
    route: '/directives/:directiveId/amendments',
    target: 'directive',
    access: 'secretariat',
    summary: { vi: 'Sửa đổi văn bản chỉ đạo theo văn bản sau', en: 'Amend a directive on the strength of a later document' },
    body: bodyOf(dataSchemaOf(AmendDirectiveSchema), ['directiveId']),
    data: (params, body) => ({ ...body, directiveId: params.directiveId }),
  },
  {
    type: 'CorrectDirectiveRecord',
    route: '/directives/:directiveId/corrections',
    target: 'directive',
    access: 'secretariat',
    summary: { vi: 'Đính chính dữ liệu văn bản (lỗi nhập liệu)', en: 'Correct a data-entry mistake in a directive' },
    body: bodyOf(dataSchemaOf(CorrectDirectiveRecordSchema), ['directiveId']),
    data: (params, body) => ({ ...body, directiveId: params.directiveId }),
  },
  {
    type: 'AssignTask',
    route: '/directives/:directiveId/tasks',
    target: 'task',
    access: 'secretariat',
    summary: {
      vi: 'Giao nhiệm vụ (mã nhiệm vụ = <mã văn bản>/<localId>, mặc định localId = điều khoản)',
      en: 'Assign a task (task id = <directiveId>/<localId>; localId defaults to the clause)',
    },
    body: bodyOf(dataSchemaOf(AssignTaskSchema), ['taskId', 'directiveId'], { localId: LocalIdSchema.optional() }),
    data: (params, body) => {
      const { localId, ...rest } = body;
      const local = typeof localId === 'string' ? localId : String(body['clause']);
      return { ...rest, directiveId: params.directiveId, taskId: `${params.directiveId ?? ''}/${local}` };
    },
  },
  taskEndpoint('ExtendTaskDeadline', 'extensions', 'secretariat', { vi: 'Gia hạn nhiệm vụ', en: 'Extend the deadline' }),
  taskEndpoint('RequestTaskExtension', 'extension-requests', 'lead-or-secretariat', {
    vi: 'Cơ quan chủ trì đề nghị gia hạn',
    en: 'The lead agency asks for more time',
  }),
  taskEndpoint('RejectTaskExtension', 'extension-rejections', 'secretariat', {
    vi: 'Từ chối đề nghị gia hạn',
    en: 'Refuse a pending extension request',
  }),
  taskEndpoint('ReportTaskProgress', 'progress-reports', 'lead-or-secretariat', { vi: 'Báo cáo tiến độ', en: 'Report progress' }),
  taskEndpoint('ReportTaskCompletion', 'completion-reports', 'lead-or-secretariat', {
    vi: 'Báo cáo hoàn thành',
    en: 'Report that the task is done',
  }),
  taskEndpoint('ConfirmTaskCompletion', 'completion-confirmations', 'secretariat', {
    vi: 'Xác nhận hoàn thành',
    en: 'Confirm a reported completion',
  }),
  taskEndpoint('ReturnTaskCompletion', 'completion-returns', 'secretariat', {
    vi: 'Trả lại báo cáo hoàn thành (nhiệm vụ mở lại)',
    en: 'Return a reported completion (the task reopens)',
  }),
  taskEndpoint('IssueTaskReminder', 'reminders', 'secretariat', { vi: 'Nhắc việc, đôn đốc', en: 'Issue a reminder' }),
  taskEndpoint('ReassignTask', 'reassignments', 'secretariat', { vi: 'Chuyển cơ quan chủ trì', en: 'Give the task to another lead agency' }),
  taskEndpoint('SuspendTask', 'suspensions', 'secretariat', { vi: 'Tạm dừng nhiệm vụ', en: 'Suspend the task' }),
  taskEndpoint('ResumeTask', 'resumptions', 'secretariat', { vi: 'Tiếp tục nhiệm vụ tạm dừng', en: 'Resume a suspended task' }),
  taskEndpoint('WithdrawTask', 'withdrawals', 'secretariat', { vi: 'Rút nhiệm vụ', en: 'Withdraw the task' }),
  taskEndpoint('ScheduleTaskDeadlineEvent', 'deadline-event', 'secretariat', {
    vi: 'Ấn định ngày cho thời hạn gắn với sự kiện (phiên họp…)',
    en: 'Give an event-anchored deadline its date',
  }),
  taskEndpoint('CorrectTaskRecord', 'corrections', 'secretariat', {
    vi: 'Đính chính dữ liệu nhiệm vụ (lỗi nhập liệu)',
    en: 'Correct a data-entry mistake in a task',
  }),
];

/** The endpoint of a command type. */
export const endpointOf = (type: CommandType): CommandEndpoint => {
  const endpoint = COMMAND_ENDPOINTS.find((candidate) => candidate.type === type);
  if (endpoint === undefined) throw new Error(`no endpoint for ${type}`);
  return endpoint;
};

/** The endpoint a route and its path segment name: `directives`, `directives/:id/<segment>` or `tasks/:d/:l/<segment>`. */
export const endpointOfRoute = (route: string): CommandEndpoint | undefined => COMMAND_ENDPOINTS.find((endpoint) => endpoint.route === route);
