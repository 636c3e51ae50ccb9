import { agencyById, TASK_STATUS_CODES, TASK_STATUS_LABELS, type LocalDate, type TaskStatusCode } from '@chidao/domain';
import type { SqlClient, SqlRow } from '@chidao/event-store-postgres';
import type { TaskLifecycle } from './task-facts';

/*
 * The queries the API serves, over schema `read`. Every "as of" query reads the task history through
 * `read.task_status_on` (status-sql.ts), so the API and an analyst's psql give the same answer. An
 * `agencyId` filter keeps the tasks that agency leads: for "as of D" queries the lead on D (after a
 * reassignment the old lead still sees the task as it stood while it led it), for the extension log
 * the lead when the extension happened, and for the activity feed the current lead. Results are
 * plain JSON-able objects: dates as `YYYY-MM-DD`, instants as ISO 8601 in UTC.
 */

type Db = Pick<SqlClient, 'query' | 'transaction'>;
type Query = Pick<SqlClient, 'query'>;

/**
 * Runs an "as of" query in a transaction with JIT compilation off — PostgreSQL's cost estimates for
 * these scans cross its JIT threshold, and compiling costs more (tens of milliseconds) than it saves —
 * and with parallel workers only for plans ten times larger than PostgreSQL's default would allow:
 * starting two workers cost some 50 ms on the benchmark's machine, more than a scorecard of 100,000
 * tasks takes without them (docs/benchmarks.md).
 */
const analytic = <T>(db: Db, work: (query: Query) => Promise<T>): Promise<T> =>
  db.transaction(async (tx) => {
    await tx.query(`SELECT set_config('jit', 'off', true), set_config('parallel_setup_cost', '10000', true)`);
    return work(tx);
  });

/** A status with its words. */
export type StatusLabel = { readonly vi: string; readonly en: string };

/** One task in an "as of" list. */
export type TaskRow = {
  readonly taskId: string;
  readonly directiveId: string;
  readonly directiveSymbol: string | null;
  readonly clause: string;
  readonly content: string;
  readonly leadAgencyId: string;
  readonly cooperating: readonly string[];
  readonly priority: boolean;
  /** The lifecycle on the as-of date. */
  readonly state: TaskLifecycle;
  readonly status: TaskStatusCode;
  readonly statusLabel: StatusLabel;
  readonly statusAgainstOriginal: TaskStatusCode;
  /** The due date the status is judged by (for a recurring task, the occurrence at issue). */
  readonly dueOn: LocalDate | null;
  readonly originalDueOn: LocalDate | null;
  readonly deadlineKind: string;
  readonly deadlineText: string;
  readonly originalDeadlineText: string;
  readonly daysOverdue: number | null;
  readonly daysUntilDue: number | null;
  /** *Sắp đến hạn*: open and due within the due-soon window. */
  readonly dueSoon: boolean;
  readonly extensionCount: number;
  readonly reminderCount: number;
  readonly progressReportCount: number;
  readonly lastReportOn: LocalDate | null;
  /** The last report's summary, when that report is dated on or before the as-of date. */
  readonly lastReportSummary: string | null;
  readonly completionReportedOn: LocalDate | null;
  readonly completedOn: LocalDate | null;
  readonly assignedOn: LocalDate;
};

/** A task in the overdue list: `daysOverdue` is set. */
export type OverdueRow = TaskRow & { readonly daysOverdue: number };

/** A task due soon: `dueOn` and `daysUntilDue` are set. */
export type UpcomingRow = TaskRow & { readonly dueOn: LocalDate; readonly daysUntilDue: number };

/** Tasks per status code. */
export type StatusCounts = { readonly [Code in TaskStatusCode]: number };

/** One agency's scorecard row (*bảng đánh giá*), "tính đến ngày" the as-of date. */
export type ScorecardRow = {
  readonly agencyId: string;
  readonly agencyName: string | null;
  readonly total: number;
  readonly counts: StatusCounts;
  readonly done: number;
  readonly doneOnTime: number;
  readonly doneLate: number;
  /** Done on time / done with a deadline, against the current deadline; null when none is done. */
  readonly onTimeRate: number | null;
  readonly doneOnTimeOriginal: number;
  readonly doneLateOriginal: number;
  /** The same against the original deadline. */
  readonly onTimeRateOriginal: number | null;
  /** Open and overdue (*đang thực hiện quá hạn*). */
  readonly overdue: number;
  readonly extensions: number;
  readonly tasksExtended: number;
  readonly reminders: number;
};

/** One directive's progress. */
export type DirectiveProgressRow = {
  readonly directiveId: string;
  readonly symbol: string | null;
  readonly subject: string | null;
  readonly issuedOn: LocalDate | null;
  readonly total: number;
  readonly counts: StatusCounts;
  readonly done: number;
  readonly overdue: number;
  /** Done / total. */
  readonly doneRatio: number;
};

/** One row of the extension log. */
export type ExtensionRow = {
  readonly taskId: string;
  readonly revision: number;
  readonly action: 'extended' | 'requested' | 'rejected';
  readonly directiveId: string;
  readonly leadAgencyId: string;
  readonly extensionNumber: number | null;
  readonly fromText: string | null;
  readonly fromDueOn: LocalDate | null;
  readonly toText: string | null;
  readonly toDueOn: LocalDate | null;
  readonly daysAdded: number | null;
  readonly reason: string | null;
  readonly documentSymbol: string | null;
  readonly documentIssuedOn: LocalDate | null;
  readonly occurredOn: LocalDate;
  readonly recordedAt: string;
  readonly actorUserId: string;
  readonly position: string;
};

/** One entry of the activity feed. */
export type ActivityRow = {
  readonly position: string;
  readonly stream: string;
  readonly revision: number;
  readonly eventType: string;
  readonly directiveId: string | null;
  readonly taskId: string | null;
  readonly occurredOn: LocalDate;
  readonly recordedAt: string;
  readonly actorUserId: string;
  readonly actorRole: string;
  readonly actorAgencyId: string | null;
  readonly documentSymbol: string | null;
  readonly summary: StatusLabel;
  readonly commandId: string;
};

/** Settings shared by the "as of" queries. */
export type StatusQueryOptions = {
  /** *Sắp đến hạn* window in days (default 7, as `statusOf`). */
  readonly dueSoonDays?: number;
  /** End of the reporting period: an open task due after it is *chưa đến hạn* (`statusOf`'s periodEnd). */
  readonly periodEnd?: LocalDate;
};

/** The task list query. */
export type TaskListQuery = StatusQueryOptions & {
  readonly asOf: LocalDate;
  readonly agencyId?: string;
  readonly status?: readonly TaskStatusCode[];
  readonly directiveId?: string;
  readonly dueFrom?: LocalDate;
  readonly dueTo?: LocalDate;
  /** One of TASK_SORTS, '-' in front for descending; default 'due'. */
  readonly sort?: string;
  /** From 1. */
  readonly page: number;
  readonly pageSize: number;
};

/** A page of tasks. */
export type TaskPage = { readonly items: TaskRow[]; readonly total: number; readonly page: number; readonly pageSize: number };

/** The sort keys of `listTasks`: each ascending, or descending with a leading '-'. */
export const TASK_SORTS = ['due', 'clause', 'status', 'lead', 'directive', 'assigned', 'overdue', 'extensions', 'reminders'] as const;
export type TaskSort = (typeof TASK_SORTS)[number];

const SORT_SQL: { readonly [Key in TaskSort]: string } = {
  due: 'due_on',
  clause: 'task_id',
  status: 'status',
  lead: 'lead_agency_id',
  directive: 'directive_id',
  assigned: 'assigned_on',
  overdue: 'days_overdue',
  extensions: 'extension_count',
  reminders: 'reminder_count',
};

/** True when `sort` names a sort key (with or without '-'). */
export const isTaskSort = (sort: string): boolean => (TASK_SORTS as readonly string[]).includes(sort.startsWith('-') ? sort.slice(1) : sort);

/** ORDER BY for a sort key over rows aliased `alias`; statuses sort in the order of TASK_STATUS_CODES; ties by task id. */
const orderBy = (sort: string, statusesParam: string, alias: string): string => {
  const descending = sort.startsWith('-');
  const key = (descending ? sort.slice(1) : sort) as TaskSort;
  const column = SORT_SQL[key];
  if (column === undefined) throw new RangeError(`Không sắp xếp được theo "${sort}" / unknown sort "${sort}"; one of ${TASK_SORTS.join(', ')}`);
  const expression = key === 'status' ? `array_position(${statusesParam}::text[], ${alias}.status)` : `${alias}.${column}`;
  return `${expression} ${descending ? 'DESC' : 'ASC'} NULLS LAST, ${alias}.task_id`;
};

const isoInstant = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const num = (value: unknown): number => Number(value);
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const textOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** Adds a parameter and returns its placeholder. */
type Param = (value: unknown) => string;

type Filters = {
  readonly asOf: LocalDate;
  readonly options: StatusQueryOptions;
  /** Passed into read.task_status_on, where they reach the indexes. */
  readonly agencyId?: string | undefined;
  readonly directiveId?: string | undefined;
  readonly where: readonly ((param: Param) => string)[];
};

/** The tasks as of a date, filtered, sorted and paged; joined with the register for their words. */
const selectTasks = async (db: Query, filters: Filters, sort: string, limit: number | null, offset: number): Promise<{ rows: readonly SqlRow[]; total: number | null }> => {
  const params: unknown[] = [filters.asOf, filters.options.dueSoonDays ?? 7, filters.options.periodEnd ?? null, filters.agencyId ?? null, filters.directiveId ?? null];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions = filters.where.map((condition) => condition(param));
  const statuses = sort.replace(/^-/, '') === 'status' ? param([...TASK_STATUS_CODES]) : '';
  const page = limit === null ? '' : ` LIMIT ${param(limit)} OFFSET ${param(offset)}`;
  const rows = await db.query(
    `WITH p AS (
       SELECT s.*, count(*) OVER () AS total_count
       FROM read.task_status_on($1::date, $2::integer, $3::date, $4::text, $5::text) s
       ${conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`}
       ORDER BY ${orderBy(sort, statuses, 's')}${page}
     )
     SELECT p.task_id, p.directive_id, d.symbol AS directive_symbol, t.clause, t.content, p.lead_agency_id, t.cooperating, t.priority,
            p.state, p.status, p.status_against_original, p.due_on::text AS due_on, p.original_due_on::text AS original_due_on,
            p.deadline_kind, p.deadline_text, t.original_deadline_text, p.days_overdue, p.days_until_due, p.due_soon,
            p.extension_count, p.reminder_count, p.progress_report_count, p.last_report_on::text AS last_report_on,
            CASE WHEN t.last_report_on <= $1::date THEN t.last_report_summary END AS last_report_summary,
            p.completion_reported_on::text AS completion_reported_on, p.completed_on::text AS completed_on,
            p.assigned_on::text AS assigned_on, p.total_count
     FROM p
     JOIN read.tasks t ON t.task_id = p.task_id
     LEFT JOIN read.directives d ON d.directive_id = p.directive_id
     ORDER BY ${orderBy(sort, statuses, 'p')}`,
    params,
  );
  return { rows, total: rows.length === 0 ? null : num(rows[0]?.['total_count']) };
};

const taskRow = (row: SqlRow): TaskRow => {
  const status = row['status'] as TaskStatusCode;
  return {
    taskId: String(row['task_id']),
    directiveId: String(row['directive_id']),
    directiveSymbol: textOrNull(row['directive_symbol']),
    clause: String(row['clause']),
    content: String(row['content']),
    leadAgencyId: String(row['lead_agency_id']),
    cooperating: (row['cooperating'] as string[] | null) ?? [],
    priority: row['priority'] === true,
    state: row['state'] as TaskLifecycle,
    status,
    statusLabel: TASK_STATUS_LABELS[status],
    statusAgainstOriginal: row['status_against_original'] as TaskStatusCode,
    dueOn: textOrNull(row['due_on']),
    originalDueOn: textOrNull(row['original_due_on']),
    deadlineKind: String(row['deadline_kind']),
    deadlineText: String(row['deadline_text']),
    originalDeadlineText: String(row['original_deadline_text']),
    daysOverdue: numOrNull(row['days_overdue']),
    daysUntilDue: numOrNull(row['days_until_due']),
    dueSoon: row['due_soon'] === true,
    extensionCount: num(row['extension_count']),
    reminderCount: num(row['reminder_count']),
    progressReportCount: num(row['progress_report_count']),
    lastReportOn: textOrNull(row['last_report_on']),
    lastReportSummary: textOrNull(row['last_report_summary']),
    completionReportedOn: textOrNull(row['completion_reported_on']),
    completedOn: textOrNull(row['completed_on']),
    assignedOn: String(row['assigned_on']),
  };
};

/** Tasks as of a date, filtered by agency, status, directive and due range, sorted and paginated. */
export const listTasks = async (db: Db, query: TaskListQuery): Promise<TaskPage> => {
  const page = Math.max(1, Math.floor(query.page));
  const pageSize = Math.max(1, Math.floor(query.pageSize));
  const { status, dueFrom, dueTo } = query;
  const where: Filters['where'] = [
    ...(status === undefined || status.length === 0 ? [] : [(param: Param) => `s.status = ANY(${param([...status])}::text[])`]),
    ...(dueFrom === undefined ? [] : [(param: Param) => `s.due_on >= ${param(dueFrom)}::date`]),
    ...(dueTo === undefined ? [] : [(param: Param) => `s.due_on <= ${param(dueTo)}::date`]),
  ];
  const filters: Filters = { asOf: query.asOf, options: query, where, agencyId: query.agencyId, directiveId: query.directiveId };
  return analytic(db, async (tx) => {
    const { rows, total } = await selectTasks(tx, filters, query.sort ?? 'due', pageSize, (page - 1) * pageSize);
    const counted = total ?? (page === 1 ? 0 : await countTasks(tx, filters));
    return { items: rows.map(taskRow), total: counted, page, pageSize };
  });
};

/** The number of tasks matching filters (for a page past the end). */
const countTasks = async (db: Query, filters: Filters): Promise<number> => {
  const params: unknown[] = [filters.asOf, filters.options.dueSoonDays ?? 7, filters.options.periodEnd ?? null, filters.agencyId ?? null, filters.directiveId ?? null];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions = filters.where.map((condition) => condition(param));
  const [row] = await db.query(
    `SELECT count(*)::integer AS n FROM read.task_status_on($1::date, $2::integer, $3::date, $4::text, $5::text) s ${conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`}`,
    params,
  );
  return num(row?.['n']);
};

/** Open tasks overdue as of a date (*đang thực hiện quá hạn*), most days overdue first. */
export const overdueTasks = async (db: Db, query: StatusQueryOptions & { readonly asOf: LocalDate; readonly agencyId?: string }): Promise<OverdueRow[]> => {
  const where = [() => `s.status = 'dang_thuc_hien_qua_han'`];
  const { rows } = await analytic(db, (tx) => selectTasks(tx, { asOf: query.asOf, options: query, where, agencyId: query.agencyId }, '-overdue', null, 0));
  return rows.map(taskRow) as OverdueRow[];
};

/** Open tasks within their deadline that fall due in the `days` days from the as-of date (inclusive), soonest first. */
export const upcomingDeadlines = async (
  db: Db,
  query: StatusQueryOptions & { readonly asOf: LocalDate; readonly days: number; readonly agencyId?: string },
): Promise<UpcomingRow[]> => {
  const where = [
    () => `s.status = 'dang_thuc_hien_trong_han'`,
    (param: Param) => `s.due_on <= $1::date + ${param(Math.max(0, Math.floor(query.days)))}::integer`,
  ];
  const { rows } = await analytic(db, (tx) => selectTasks(tx, { asOf: query.asOf, options: query, where, agencyId: query.agencyId }, 'due', null, 0));
  return rows.map(taskRow).filter((row) => row.dueOn !== null) as UpcomingRow[];
};

const countsOf = (row: SqlRow): StatusCounts =>
  Object.fromEntries(TASK_STATUS_CODES.map((code) => [code, num(row[code])])) as unknown as StatusCounts;

/** Per lead agency (on the as-of date): tasks per status, on-time rates against current and original deadlines, extensions, reminders. */
export const agencyScorecard = async (
  db: Db,
  query: { readonly asOf: LocalDate; readonly from?: LocalDate; readonly agencyId?: string },
): Promise<ScorecardRow[]> => {
  const rows = await analytic(db, (tx) =>
    tx.query(`SELECT * FROM read.agency_scorecard($1::date, $2::date, $3::text) ORDER BY agency_id`, [query.asOf, query.from ?? null, query.agencyId ?? null]),
  );
  return rows.map((row) => ({
    agencyId: String(row['agency_id']),
    agencyName: agencyById(String(row['agency_id']))?.name ?? null,
    total: num(row['total']),
    counts: countsOf(row),
    done: num(row['done']),
    doneOnTime: num(row['done_on_time']),
    doneLate: num(row['done_late']),
    onTimeRate: numOrNull(row['on_time_rate']),
    doneOnTimeOriginal: num(row['done_on_time_original']),
    doneLateOriginal: num(row['done_late_original']),
    onTimeRateOriginal: numOrNull(row['on_time_rate_original']),
    overdue: num(row['dang_thuc_hien_qua_han']),
    extensions: num(row['extensions']),
    tasksExtended: num(row['tasks_extended']),
    reminders: num(row['reminders']),
  }));
};

/** Per directive, its tasks per status as of a date; optionally one directive, or the tasks one agency leads. */
export const directiveProgress = async (
  db: Db,
  query: { readonly asOf: LocalDate; readonly directiveId?: string; readonly agencyId?: string },
): Promise<DirectiveProgressRow[]> => {
  const rows = await analytic(db, (tx) =>
    tx.query(
      `SELECT *, issued_on::text AS issued_on_text FROM read.directive_progress($1::date, $2::text, $3::text) ORDER BY issued_on NULLS LAST, directive_id`,
      [query.asOf, query.directiveId ?? null, query.agencyId ?? null],
    ),
  );
  return rows.map((row) => ({
    directiveId: String(row['directive_id']),
    symbol: textOrNull(row['symbol']),
    subject: textOrNull(row['subject']),
    issuedOn: textOrNull(row['issued_on_text']),
    total: num(row['total']),
    counts: countsOf(row),
    done: num(row['done']),
    overdue: num(row['overdue']),
    doneRatio: num(row['done_ratio']),
  }));
};

/** Extensions, requests and refusals, oldest first; filtered by the lead agency at the time, directive or task. */
export const extensionLog = async (
  db: Query,
  query: { readonly agencyId?: string; readonly directiveId?: string; readonly taskId?: string },
): Promise<ExtensionRow[]> => {
  const rows = await db.query(
    `SELECT e.*, e.from_due_on::text AS from_due, e.to_due_on::text AS to_due, e.document_issued_on::text AS document_issued,
            e.occurred_on::text AS occurred, ${isoInstant('e.recorded_at')} AS recorded
     FROM read.extension_log e
     WHERE ($1::text IS NULL OR e.lead_agency_id = $1) AND ($2::text IS NULL OR e.directive_id = $2) AND ($3::text IS NULL OR e.task_id = $3)
     ORDER BY e.position`,
    [query.agencyId ?? null, query.directiveId ?? null, query.taskId ?? null],
  );
  return rows.map((row) => ({
    taskId: String(row['task_id']),
    revision: num(row['revision']),
    action: row['action'] as ExtensionRow['action'],
    directiveId: String(row['directive_id']),
    leadAgencyId: String(row['lead_agency_id']),
    extensionNumber: numOrNull(row['extension_number']),
    fromText: textOrNull(row['from_text']),
    fromDueOn: textOrNull(row['from_due']),
    toText: textOrNull(row['to_text']),
    toDueOn: textOrNull(row['to_due']),
    daysAdded: numOrNull(row['days_added']),
    reason: textOrNull(row['reason']),
    documentSymbol: textOrNull(row['document_symbol']),
    documentIssuedOn: textOrNull(row['document_issued']),
    occurredOn: String(row['occurred']),
    recordedAt: String(row['recorded']),
    actorUserId: String(row['actor_user_id']),
    position: String(row['position']),
  }));
};

/** The newest events first, before a position (exclusive) for the next page; with `agencyId`, only its current tasks. */
export const activityFeed = async (
  db: Query,
  query: { readonly agencyId?: string; readonly limit: number; readonly before?: string },
): Promise<ActivityRow[]> => {
  const rows = await db.query(
    `SELECT f.*, f.occurred_on::text AS occurred, ${isoInstant('f.recorded_at')} AS recorded
     FROM read.activity_feed f
     WHERE ($1::text IS NULL OR f.task_id IN (SELECT t.task_id FROM read.tasks t WHERE t.lead_agency_id = $1))
       AND ($2::text IS NULL OR f.position < $2)
     ORDER BY f.position DESC
     LIMIT $3`,
    [query.agencyId ?? null, query.before ?? null, Math.max(1, Math.floor(query.limit))],
  );
  return rows.map((row) => ({
    position: String(row['position']),
    stream: String(row['stream']),
    revision: num(row['revision']),
    eventType: String(row['event_type']),
    directiveId: textOrNull(row['directive_id']),
    taskId: textOrNull(row['task_id']),
    occurredOn: String(row['occurred']),
    recordedAt: String(row['recorded']),
    actorUserId: String(row['actor_user_id']),
    actorRole: String(row['actor_role']),
    actorAgencyId: textOrNull(row['actor_agency_id']),
    documentSymbol: textOrNull(row['document_symbol']),
    summary: { vi: String(row['summary_vi']), en: String(row['summary_en']) },
    commandId: String(row['command_id']),
  }));
};

/** Who leads a task now and which directive it belongs to, for access checks; null for an unknown task. */
export const taskOwner = async (db: Query, taskId: string): Promise<{ readonly leadAgencyId: string; readonly directiveId: string } | null> => {
  const [row] = await db.query('SELECT lead_agency_id, directive_id FROM read.tasks WHERE task_id = $1', [taskId]);
  return row === undefined ? null : { leadAgencyId: String(row['lead_agency_id']), directiveId: String(row['directive_id']) };
};
