import { LocalDateSchema, TASK_STATUS_CODES, type Role } from '@chidao/domain';
import { z } from 'zod';
import { HistoryQuerySchema, NoQuerySchema, StateQuerySchema } from '../audit/audit-queries';
import { DirectiveIdSchema } from '../commands/command-endpoints';
import type { Bilingual } from '../http/api-error';
import { TASK_SORTS } from '../read-models';
import { READ_PARAMS, intParam } from '../queries/query-schemas';

/*
 * The read endpoints (queries, audit, imports, operations) as data, with the zod schemas their
 * controllers parse parameters with. The OpenAPI document is generated from this table, and a spec
 * checks that every route the app serves is in it.
 */

const AgencyIdSchema = z.string().trim().min(1).max(200);

/** `?status=a,b`: one or more status codes, comma-separated. */
const StatusListSchema = z
  .string()
  .describe(`Một hoặc nhiều mã trạng thái, cách nhau bởi dấu phẩy / one or more status codes, comma-separated: ${TASK_STATUS_CODES.join(', ')}`)
  .transform((text) => text.split(',').map((code) => code.trim()))
  .pipe(z.array(z.enum(TASK_STATUS_CODES)).min(1));

/** `?sort=due` or `?sort=-due`: a sort key, descending with a leading '-'. */
const SortSchema = z.enum([...TASK_SORTS, ...TASK_SORTS.map((key) => `-${key}` as const)]);

/** Settings of the "as of" status rules. */
const STATUS_PARAMS = {
  dueSoonDays: intParam(0, 366).optional().describe('Số ngày coi là "sắp đến hạn" (mặc định 7) / due-soon window in days (default 7)'),
  periodEnd: LocalDateSchema.optional().describe('Cuối kỳ báo cáo: nhiệm vụ hạn sau ngày này là "chưa đến hạn" / end of the reporting period'),
} as const;

/** `GET /tasks`: the task register, filtered, sorted and paginated, as of a date. */
export const TaskListQuerySchema = z
  .object({
    asOf: LocalDateSchema.optional(),
    agencyId: AgencyIdSchema.optional(),
    status: StatusListSchema.optional(),
    directiveId: DirectiveIdSchema.optional(),
    dueFrom: LocalDateSchema.optional(),
    dueTo: LocalDateSchema.optional(),
    sort: SortSchema.optional(),
    page: intParam(1, 1_000_000).optional(),
    pageSize: intParam(1, 1_000).optional(),
    ...STATUS_PARAMS,
    ...READ_PARAMS,
  })
  .strict();

/** `GET /reports/scorecard`: per agency, "tính đến ngày" `asOf`, over tasks due from `from`. */
export const ScorecardQuerySchema = z
  .object({ asOf: LocalDateSchema.optional(), from: LocalDateSchema.optional(), agencyId: AgencyIdSchema.optional(), ...READ_PARAMS })
  .strict();

/** `GET /reports/directive-progress`. */
export const DirectiveProgressQuerySchema = z
  .object({ asOf: LocalDateSchema.optional(), directiveId: DirectiveIdSchema.optional(), agencyId: AgencyIdSchema.optional(), ...READ_PARAMS })
  .strict();

/** `GET /reports/overdue`. */
export const OverdueQuerySchema = z
  .object({ asOf: LocalDateSchema.optional(), agencyId: AgencyIdSchema.optional(), ...STATUS_PARAMS, ...READ_PARAMS })
  .strict();

/** `GET /reports/upcoming`: deadlines within `days` days after `asOf` (default 7). */
export const UpcomingQuerySchema = z
  .object({ asOf: LocalDateSchema.optional(), days: intParam(0, 366).optional(), agencyId: AgencyIdSchema.optional(), ...STATUS_PARAMS, ...READ_PARAMS })
  .strict();

/** `GET /reports/extensions`: the extension log. */
export const ExtensionLogQuerySchema = z
  .object({
    agencyId: AgencyIdSchema.optional(),
    directiveId: DirectiveIdSchema.optional(),
    taskId: z.string().trim().min(1).max(300).optional(),
    ...READ_PARAMS,
  })
  .strict();

/** `GET /activity`: the newest events first, `limit` at a time, older than `before` (a position). */
export const ActivityQuerySchema = z
  .object({
    agencyId: AgencyIdSchema.optional(),
    limit: intParam(1, 500).optional(),
    before: READ_PARAMS.minPosition.optional(),
    ...READ_PARAMS,
  })
  .strict();

/** `GET /tasks/{directiveId}/{localId}` and `GET /directives/{directiveId}`: current state from the log. */
export const CurrentStateQuerySchema = z.object({ asOf: LocalDateSchema.optional() }).strict();

/** `POST /imports`: a notice's text; `confirm: true` records it, otherwise it is only previewed. */
export const ImportBodySchema = z
  .object({
    text: z.string().min(1).max(200_000),
    confirm: z.boolean().default(false),
    occurredOn: LocalDateSchema.optional(),
  })
  .strict();

/** One read endpoint. */
export type ReadEndpoint = {
  readonly method: 'get' | 'post';
  readonly route: string;
  readonly operationId: string;
  readonly tag: string;
  readonly roles: readonly Role[] | readonly ['public'];
  readonly summary: Bilingual;
  readonly description?: string;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly csv?: boolean;
  readonly notFound?: boolean;
  readonly waits?: boolean;
  readonly public?: boolean;
};

const QUERIES = 'Truy vấn / queries';
const AUDIT = 'Kiểm tra / audit';
const READERS: readonly Role[] = ['analyst', 'secretariat', 'admin', 'agency'];
const AUDITORS: readonly Role[] = ['auditor', 'admin'];
const AGENCY_NOTE = 'Cán bộ cơ quan chỉ thấy nhiệm vụ cơ quan mình chủ trì / agency officers see only their agency’s tasks.';
const WAIT_NOTE = 'minPosition: chờ tối đa 5 giây để đọc được dữ liệu vừa ghi / waits up to 5 s to read your own writes.';

/** Every read endpoint, in the order the documentation lists them. */
export const READ_ENDPOINTS: readonly ReadEndpoint[] = [
  {
    method: 'get',
    route: '/tasks',
    operationId: 'listTasks',
    tag: QUERIES,
    roles: READERS,
    summary: { vi: 'Danh sách nhiệm vụ (lọc, sắp xếp, phân trang, tính đến ngày)', en: 'Tasks, filtered, sorted and paginated, as of a date' },
    description: `${AGENCY_NOTE} ${WAIT_NOTE}`,
    query: TaskListQuerySchema,
    csv: true,
    waits: true,
  },
  {
    method: 'get',
    route: '/tasks/:directiveId/:localId',
    operationId: 'getTask',
    tag: QUERIES,
    roles: READERS,
    summary: { vi: 'Một nhiệm vụ: trạng thái hiện tại từ nhật ký, phiên bản (ETag)', en: 'One task: current state from the log, revision (ETag)' },
    description: AGENCY_NOTE,
    query: CurrentStateQuerySchema,
    notFound: true,
  },
  {
    method: 'get',
    route: '/directives/:directiveId',
    operationId: 'getDirective',
    tag: QUERIES,
    roles: READERS,
    summary: { vi: 'Một văn bản chỉ đạo và các nhiệm vụ của nó', en: 'One directive and its tasks' },
    description: AGENCY_NOTE,
    query: CurrentStateQuerySchema,
    notFound: true,
  },
  {
    method: 'get',
    route: '/reports/scorecard',
    operationId: 'agencyScorecard',
    tag: QUERIES,
    roles: READERS,
    summary: { vi: 'Bảng đánh giá theo cơ quan "tính đến ngày D"', en: 'Agency scorecard as of a date' },
    description: `${AGENCY_NOTE} ${WAIT_NOTE}`,
    query: ScorecardQuerySchema,
    csv: true,
    waits: true,
  },
  {
    method: 'get',
    route: '/reports/directive-progress',
    operationId: 'directiveProgress',
    tag: QUERIES,
    roles: READERS,
    summary: { vi: 'Tiến độ thực hiện theo văn bản', en: 'Progress per directive' },
    description: `${AGENCY_NOTE} ${WAIT_NOTE}`,
    query: DirectiveProgressQuerySchema,
    csv: true,
    waits: true,
  },
  {
    method: 'get',
    route: '/reports/overdue',
    operationId: 'overdueTasks',
    tag: QUERIES,
    roles: READERS,
    summary: { vi: 'Nhiệm vụ quá hạn, số ngày quá hạn', en: 'Overdue tasks with days overdue' },
    description: `${AGENCY_NOTE} ${WAIT_NOTE}`,
    query: OverdueQuerySchema,
    csv: true,
    waits: true,
  },
  {
    method: 'get',
    route: '/reports/upcoming',
    operationId: 'upcomingDeadlines',
    tag: QUERIES,
    roles: READERS,
    summary: { vi: 'Nhiệm vụ sắp đến hạn', en: 'Upcoming deadlines' },
    description: `${AGENCY_NOTE} ${WAIT_NOTE}`,
    query: UpcomingQuerySchema,
    csv: true,
    waits: true,
  },
  {
    method: 'get',
    route: '/reports/extensions',
    operationId: 'extensionLog',
    tag: QUERIES,
    roles: READERS,
    summary: { vi: 'Sổ theo dõi gia hạn', en: 'Extension log' },
    description: `${AGENCY_NOTE} ${WAIT_NOTE}`,
    query: ExtensionLogQuerySchema,
    csv: true,
    waits: true,
  },
  {
    method: 'get',
    route: '/activity',
    operationId: 'activityFeed',
    tag: QUERIES,
    roles: READERS,
    summary: { vi: 'Hoạt động gần đây', en: 'Activity feed' },
    description: `${AGENCY_NOTE} ${WAIT_NOTE}`,
    query: ActivityQuerySchema,
    csv: true,
    waits: true,
  },
  {
    method: 'get',
    route: '/audit/directives/:directiveId/history',
    operationId: 'directiveHistory',
    tag: AUDIT,
    roles: AUDITORS,
    summary: { vi: 'Toàn bộ lịch sử văn bản và các nhiệm vụ, đủ metadata, hai trục thời gian', en: 'Full history of a directive and its tasks, all metadata, both time axes' },
    query: HistoryQuerySchema,
    csv: true,
    notFound: true,
  },
  {
    method: 'get',
    route: '/audit/tasks/:directiveId/:localId/history',
    operationId: 'taskHistory',
    tag: AUDIT,
    roles: AUDITORS,
    summary: { vi: 'Toàn bộ lịch sử một nhiệm vụ', en: 'Full history of a task' },
    query: HistoryQuerySchema,
    csv: true,
    notFound: true,
  },
  {
    method: 'get',
    route: '/audit/directives/:directiveId/state',
    operationId: 'directiveStateAt',
    tag: AUDIT,
    roles: AUDITORS,
    summary: {
      vi: 'Trạng thái văn bản và nhiệm vụ tại ngày nghiệp vụ asOf, theo hiểu biết của hệ thống tại thời điểm knownAt',
      en: 'Directive and task state as of a business date (asOf), as known at an instant (knownAt)',
    },
    query: StateQuerySchema,
    notFound: true,
  },
  {
    method: 'get',
    route: '/audit/tasks/:directiveId/:localId/state',
    operationId: 'taskStateAt',
    tag: AUDIT,
    roles: AUDITORS,
    summary: { vi: 'Trạng thái nhiệm vụ tại asOf, theo hiểu biết tại knownAt', en: 'Task state as of asOf, as known at knownAt' },
    query: StateQuerySchema,
    notFound: true,
  },
  {
    method: 'get',
    route: '/audit/directives/:directiveId/verify',
    operationId: 'verifyDirective',
    tag: AUDIT,
    roles: AUDITORS,
    summary: { vi: 'Kiểm tra chuỗi băm của một văn bản', en: 'Verify the hash chain of a directive' },
    query: NoQuerySchema,
  },
  {
    method: 'get',
    route: '/audit/verify',
    operationId: 'verifyStore',
    tag: AUDIT,
    roles: AUDITORS,
    summary: { vi: 'Kiểm tra chuỗi băm toàn bộ kho', en: 'Verify the hash chains of the whole store' },
    query: NoQuerySchema,
  },
  {
    method: 'get',
    route: '/audit/directives/:directiveId/export',
    operationId: 'exportDirective',
    tag: AUDIT,
    roles: AUDITORS,
    summary: { vi: 'Gói xuất của một văn bản (kiểm tra ngoại tuyến: chidao verify)', en: 'Export bundle of a directive (verify offline with the CLI)' },
    query: NoQuerySchema,
  },
  {
    method: 'get',
    route: '/audit/export',
    operationId: 'exportAll',
    tag: AUDIT,
    roles: AUDITORS,
    summary: { vi: 'Gói xuất toàn bộ kho', en: 'Export bundle of the whole store' },
    query: NoQuerySchema,
  },
  {
    method: 'post',
    route: '/imports',
    operationId: 'importNotice',
    tag: 'Nhập văn bản / imports',
    roles: ['secretariat', 'admin'],
    summary: {
      vi: 'Nhập văn bản thông báo kết luận: xem trước, hoặc ghi khi confirm = true',
      en: 'Import a notice’s text: preview, or record it with confirm = true',
    },
    description: 'Nội dung JSON { text, confirm?, occurredOn? } hoặc text/plain (?confirm=true) / a JSON body, or the text as text/plain.',
    body: ImportBodySchema,
  },
  {
    method: 'get',
    route: '/health',
    operationId: 'health',
    tag: 'Vận hành / operations',
    roles: ['public'],
    public: true,
    summary: { vi: 'Tình trạng, loại kho, độ trễ của mô hình đọc', en: 'Status, store kind, projection lag' },
  },
  {
    method: 'get',
    route: '/metrics',
    operationId: 'metrics',
    tag: 'Vận hành / operations',
    roles: ['admin', 'analyst', 'auditor'],
    summary: { vi: 'Số liệu Prometheus', en: 'Prometheus metrics' },
  },
];
