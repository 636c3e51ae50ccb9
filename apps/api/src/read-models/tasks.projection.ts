import { canonicalJson } from '@chidao/event-store';
import { daysBetween, dueDateOf, type Deadline, type DeadlineSettings, type DocumentRef, type LocalDate } from '@chidao/domain';
import { isStoredTaskEvent, writeTables, type BatchMemo, type PreparedBatch, type Projection, type ProjectionContext, type StoredTaskEvent, type TableWrite } from './projection';
import { qualified, rowBuffer, rowKey, selectRows, selectRowsWith, type Row } from './table';
import { DEADLINE_CALENDAR, EXTENSION_LOG, TASK_HISTORY, TASKS } from './tables';
import { evolveTaskFacts, factsOfRow, foldTaskFacts, type TaskFacts } from './task-facts';
import { applyHistoryChange, evolveHistoryFacts, factsPart, historyFactsOf, type HistoryFacts, type HistoryRow } from './task-history';

/*
 * The `tasks` projection: the task register, the task history, the deadline calendar and the
 * extension log — four tables fed by the same facts of each task, so rebuilt together.
 */

/** Bookkeeping of a register row besides the facts. */
type RegisterMeta = {
  readonly max_occurred_on: LocalDate;
  readonly revision: number;
  readonly last_recorded_at: string;
  readonly last_position: string;
};

/** One row of `read.deadline_calendar`. */
export type CalendarRow = {
  readonly task_id: string;
  readonly version: number;
  readonly directive_id: string;
  readonly deadline_kind: string;
  readonly deadline_text: string;
  readonly due_on: LocalDate | null;
  readonly set_on: LocalDate;
  readonly set_by: 'assigned' | 'extended' | 'event_scheduled';
  readonly extension_number: number | null;
  readonly recorded_at: string;
  readonly replaced_on: LocalDate | null;
  readonly in_force: boolean;
};

/** What the projection knows of one task: its facts and the rows that change as events arrive. */
export type TaskRows = {
  readonly facts: TaskFacts | undefined;
  readonly meta: RegisterMeta | undefined;
  /**
   * The current history rows (not superseded), by valid_from: all of them, or, as a live batch loads
   * them, those from the row in force before the earliest date the batch touches on.
   */
  readonly history: readonly HistoryRow[];
  /** The calendar row in force. */
  readonly calendar: CalendarRow | undefined;
};

/** The rows one event writes; the register row is built from the task's rows by the shell, once per batch. */
export type TaskWrites = {
  /** Whether the register row changed. */
  readonly register: boolean;
  readonly history: readonly HistoryRow[];
  readonly calendar: readonly CalendarRow[];
  readonly extensions: readonly Row[];
};

const NO_WRITES: TaskWrites = { register: false, history: [], calendar: [], extensions: [] };

/** True when the event is dated before the latest business date of its task: a paper entered late. */
export const isLate = (rows: TaskRows, event: StoredTaskEvent): boolean =>
  rows.facts !== undefined && rows.meta !== undefined && event.metadata.occurredOn < rows.meta.max_occurred_on;

/** The rare event whose history, when it comes late, only its stream can give: an extension to or from a recurring deadline. */
export const mayNeedStream = (event: StoredTaskEvent): boolean =>
  event.type === 'TaskDeadlineExtended' && (event.data.to.kind === 'recurring' || event.data.from.kind === 'recurring');

/** The register row of a task. */
export const registerRow = (facts: TaskFacts, meta: RegisterMeta, settings: DeadlineSettings): Row => ({
  ...facts,
  deadline_kind: facts.deadline.kind,
  deadline_text: facts.deadline.text,
  due_on: dueDateOf(facts.deadline, settings) ?? null,
  original_deadline_kind: facts.original_deadline.kind,
  original_deadline_text: facts.original_deadline.text,
  original_due_on: dueDateOf(facts.original_deadline, settings) ?? null,
  ...meta,
});

/**
 * The history facts as of each business date from a late event's date on, from the current rows: the
 * facts of the row in force on each date, evolved by the event (task-history.ts explains why that is
 * the fold of the events dated up to it). Undefined when a row's facts do not suffice.
 */
const lateBreakpoints = (
  current: readonly HistoryRow[],
  event: StoredTaskEvent,
  settings: DeadlineSettings,
): (readonly [LocalDate, HistoryFacts | undefined])[] | undefined => {
  const from = event.metadata.occurredOn;
  const inForce = current.filter((row) => row.valid_from <= from).at(-1);
  const sources: (readonly [LocalDate, HistoryRow | undefined])[] = [[from, inForce], ...current.filter((row) => row.valid_from > from).map((row) => [row.valid_from, row] as const)];
  const breakpoints: (readonly [LocalDate, HistoryFacts | undefined])[] = [];
  for (const [date, row] of sources) {
    if (row === undefined) {
      breakpoints.push([date, undefined]);
      continue;
    }
    const evolved = evolveHistoryFacts(factsPart(row), event, settings);
    if (evolved === undefined) return undefined;
    breakpoints.push([date, evolved]);
  }
  return breakpoints;
};

/** The facts as of each business date from `from` on, refolded from the stream's events up to `revision`. */
const refold = (
  stream: readonly StoredTaskEvent[],
  revision: number,
  from: LocalDate,
  settings: DeadlineSettings,
): (readonly [LocalDate, HistoryFacts | undefined])[] => {
  const events = stream.filter((event) => event.revision <= revision);
  const dates = [...new Set(events.map((event) => event.metadata.occurredOn).filter((date) => date >= from))].sort();
  return dates.map((date) => {
    const facts = foldTaskFacts(events.filter((event) => event.metadata.occurredOn <= date));
    return [date, facts === undefined ? undefined : historyFactsOf(facts, settings)] as const;
  });
};

const sameDeadline = (a: Deadline, b: Deadline): boolean => a === b || canonicalJson(a) === canonicalJson(b);

const documentOf = (document: DocumentRef | undefined): { document_symbol: string | null; document_issued_on: LocalDate | null } => ({
  document_symbol: document?.symbol ?? null,
  document_issued_on: document?.issuedOn ?? null,
});

const extensionRow = (facts: TaskFacts, event: StoredTaskEvent, settings: DeadlineSettings): Row | undefined => {
  const base = (action: string, from: Deadline | null, to: Deadline | null) => {
    const fromDue = from === null ? null : (dueDateOf(from, settings) ?? null);
    const toDue = to === null ? null : (dueDateOf(to, settings) ?? null);
    return {
      task_id: facts.task_id,
      revision: event.revision,
      action,
      directive_id: facts.directive_id,
      lead_agency_id: facts.lead_agency_id,
      from_kind: from?.kind ?? null,
      from_text: from?.text ?? null,
      from_due_on: fromDue,
      to_kind: to?.kind ?? null,
      to_text: to?.text ?? null,
      to_due_on: toDue,
      days_added: fromDue !== null && toDue !== null ? daysBetween(fromDue, toDue) : null,
      occurred_on: event.metadata.occurredOn,
      recorded_at: event.metadata.recordedAt,
      actor_user_id: event.metadata.actor.userId,
      actor_agency_id: event.metadata.actor.agencyId ?? null,
      position: event.position,
    };
  };
  switch (event.type) {
    case 'TaskDeadlineExtended':
      return {
        ...base('extended', event.data.from, event.data.to),
        extension_number: event.data.number,
        reason: event.data.reason ?? null,
        ...documentOf(event.data.approvingDocument),
      };
    case 'TaskExtensionRequested':
      return {
        ...base('requested', facts.deadline, event.data.requestedDeadline),
        extension_number: null,
        reason: event.data.reason,
        ...documentOf(event.data.document),
      };
    case 'TaskExtensionRejected':
      return { ...base('rejected', facts.deadline, facts.pending_extension), extension_number: null, reason: event.data.reason, ...documentOf(undefined) };
    default:
      return undefined;
  }
};

const calendarRow = (facts: TaskFacts, version: number, event: StoredTaskEvent, settings: DeadlineSettings): CalendarRow => ({
  task_id: facts.task_id,
  version,
  directive_id: facts.directive_id,
  deadline_kind: facts.deadline.kind,
  deadline_text: facts.deadline.text,
  due_on: dueDateOf(facts.deadline, settings) ?? null,
  set_on: event.metadata.occurredOn,
  set_by: event.type === 'TaskAssigned' ? 'assigned' : event.type === 'TaskDeadlineExtended' ? 'extended' : 'event_scheduled',
  extension_number: event.type === 'TaskDeadlineExtended' ? event.data.number : null,
  recorded_at: event.metadata.recordedAt,
  replaced_on: null,
  in_force: true,
});

/**
 * The pure rule of the projection: a task's rows and one of its events in, its rows and the rows to
 * write out. `stream` — the task's events up to at least this one — is needed only for a late event
 * that `mayNeedStream` names; the shell reads it then.
 */
export const projectTaskEvent = (
  rows: TaskRows,
  event: StoredTaskEvent,
  settings: DeadlineSettings,
  stream: readonly StoredTaskEvent[] | undefined,
): { readonly rows: TaskRows; readonly writes: TaskWrites } => {
  const before = rows.facts;
  const after = evolveTaskFacts(before, event);
  if (after === undefined) return { rows, writes: NO_WRITES };
  const occurredOn = event.metadata.occurredOn;

  let breakpoints: readonly (readonly [LocalDate, HistoryFacts | undefined])[] | undefined = isLate(rows, event)
    ? lateBreakpoints(rows.history, event, settings)
    : [[occurredOn, historyFactsOf(after, settings)]];
  if (breakpoints === undefined) {
    // prepare reads the stream of every event mayNeedStream names; this cannot be missing.
    if (stream === undefined) throw new Error(`the events of ${event.stream} are needed to refold its history`);
    breakpoints = refold(stream, event.revision, occurredOn, settings);
  }
  const history = applyHistoryChange(
    rows.history,
    { taskId: after.task_id, revision: event.revision, occurredOn, recordedAt: event.metadata.recordedAt, type: event.type },
    breakpoints,
  );

  const calendar: CalendarRow[] = [];
  let inForce = rows.calendar;
  if (before === undefined || inForce === undefined) {
    inForce = calendarRow(after, 0, event, settings);
    calendar.push(inForce);
  } else if (!sameDeadline(before.deadline, after.deadline)) {
    calendar.push({ ...inForce, replaced_on: occurredOn, in_force: false });
    inForce = calendarRow(after, inForce.version + 1, event, settings);
    calendar.push(inForce);
  }

  const extension = before === undefined ? undefined : extensionRow(before, event, settings);
  const previousMax = rows.meta?.max_occurred_on;
  const meta: RegisterMeta = {
    max_occurred_on: previousMax !== undefined && previousMax > occurredOn ? previousMax : occurredOn,
    revision: event.revision,
    last_recorded_at: event.metadata.recordedAt,
    last_position: event.position,
  };
  return {
    rows: { facts: after, meta, history: history.current, calendar: inForce },
    writes: { register: true, history: history.written, calendar, extensions: extension === undefined ? [] : [extension] },
  };
};

const metaOfRow = (row: Row): RegisterMeta => ({
  max_occurred_on: row['max_occurred_on'] as LocalDate,
  revision: row['revision'] as number,
  last_recorded_at: row['last_recorded_at'] as string,
  last_position: row['last_position'] as string,
});

/**
 * The current history rows an event dated `since` or later can read or change, for each task of the
 * batch: the row in force before that date — the last one starting before it — and every row from it
 * on. An event changes rows from the one in force on its date on (`applyHistoryChange`,
 * `lateBreakpoints`), so a task's earlier rows — all but one or two, for a task as old as its history —
 * stay in the table instead of crossing the wire as JSON with every batch (50 tasks of the benchmark:
 * 99 rows instead of 678, and 3.3 instead of 6.3 ms of PostgreSQL's time).
 */
const selectHistoryFrom = (tx: Parameters<Projection['apply']>[0], schema: string, since: ReadonlyMap<string, LocalDate>): Promise<Row[]> =>
  selectRowsWith(
    tx,
    `${schema}.task_history.from`,
    () => {
      const table = qualified(schema, TASK_HISTORY);
      return (
        `SELECT to_json(t) AS row FROM unnest($1::text[], $2::date[]) AS b(task_id, since) ` +
        `CROSS JOIN LATERAL (SELECT max(x.valid_from) AS start FROM ${table} x WHERE x.task_id = b.task_id AND x.superseded_at IS NULL AND x.valid_from < b.since) s ` +
        `JOIN ${table} t ON t.task_id = b.task_id AND t.superseded_at IS NULL AND t.valid_from >= coalesce(s.start, b.since)`
      );
    },
    [[...since.keys()], [...since.values()]],
  );

/**
 * Loads the rows of the tasks a batch touches, each from the date of its earliest event in the batch
 * (`since`): register, the current history rows from the last one starting before that date, calendar in force.
 */
const loadTaskRows = async (tx: Parameters<Projection['apply']>[0], schema: string, since: ReadonlyMap<string, LocalDate>): Promise<Map<string, TaskRows>> => {
  const taskIds = [...since.keys()];
  const register = await selectRows(tx, schema, TASKS, 'task_id = ANY($1::text[])', [taskIds]);
  const history = await selectHistoryFrom(tx, schema, since);
  const calendar = await selectRows(tx, schema, DEADLINE_CALENDAR, 'task_id = ANY($1::text[]) AND in_force', [taskIds]);
  const byTask = new Map<string, { facts?: TaskFacts; meta?: RegisterMeta; history: HistoryRow[]; calendar?: CalendarRow }>();
  const entry = (taskId: string) => {
    let found = byTask.get(taskId);
    if (found === undefined) {
      found = { history: [] };
      byTask.set(taskId, found);
    }
    return found;
  };
  for (const row of register) {
    const found = entry(row['task_id'] as string);
    found.facts = factsOfRow(row);
    found.meta = metaOfRow(row);
  }
  for (const row of history) entry(row['task_id'] as string).history.push(row as HistoryRow);
  for (const row of calendar) entry(row['task_id'] as string).calendar = row as CalendarRow;
  const result = new Map<string, TaskRows>();
  for (const [taskId, found] of byTask) {
    result.set(taskId, {
      facts: found.facts,
      meta: found.meta,
      history: found.history.sort((a, b) => (a.valid_from < b.valid_from ? -1 : a.valid_from > b.valid_from ? 1 : 0)),
      calendar: found.calendar,
    });
  }
  return result;
};

const EMPTY: TaskRows = { facts: undefined, meta: undefined, history: [], calendar: undefined };

/**
 * A task's rows as a live batch left them, kept in the runner's memo. `history` holds the current rows
 * from the first one loaded on; `historyFrom` is that row's valid_from — an event dated after it finds
 * the row in force on its date among them — or null when no current row is missing (none started before
 * the date they were loaded for).
 */
type KeptTask = { readonly rows: TaskRows; readonly historyFrom: LocalDate | null };

/** What a task's rows loaded for an event dated `since` cover: see `KeptTask`. */
const historyFromOf = (rows: TaskRows, since: LocalDate): LocalDate | null => {
  const first = rows.history[0];
  return first === undefined || first.valid_from >= since ? null : first.valid_from;
};

/**
 * What the memo keeps of a task: its rows with only the last current history row — all an event dated
 * after it needs; an earlier-dated one (a late paper) reads the history from the table again — so that
 * a kept task costs a few kilobytes however long its history.
 */
const keptTask = (rows: TaskRows, historyFrom: LocalDate | null): KeptTask => {
  const last = rows.history.at(-1);
  if (last === undefined || rows.history.length === 1) return { rows, historyFrom };
  return { rows: { ...rows, history: [last] }, historyFrom: last.valid_from };
};

/** The kept rows of `taskId` if they serve a batch whose earliest event on it is dated `since`. */
const keptFor = (memo: BatchMemo | undefined, taskId: string, since: LocalDate): KeptTask | undefined => {
  const kept = memo?.get(taskId) as KeptTask | undefined;
  return kept !== undefined && (kept.historyFrom === null || since > kept.historyFrom) ? kept : undefined;
};

/** Reads the streams of the rare events that may need them (before the transaction). */
const prepareStreams = async (events: readonly StoredTaskEvent[], context: ProjectionContext): Promise<PreparedBatch> => {
  const needed = new Map<string, { stream: string; upTo: number }>();
  for (const event of events) {
    const taskId = event.data.taskId;
    if (mayNeedStream(event) || needed.has(taskId)) needed.set(taskId, { stream: event.stream, upTo: event.revision });
  }
  if (needed.size === 0) return { streams: new Map() };
  const streams = new Map<string, StoredTaskEvent[]>();
  for (const [taskId, { stream, upTo }] of needed) {
    const read = await context.store.readStream(stream, { limit: upTo + 1 });
    streams.set(taskId, read.filter(isStoredTaskEvent));
  }
  return { streams };
};

/** The register rows of the tasks named. */
const registerRows = (state: ReadonlyMap<string, TaskRows>, taskIds: ReadonlySet<string>, settings: DeadlineSettings): Row[] => {
  const rows: Row[] = [];
  for (const taskId of taskIds) {
    const task = state.get(taskId);
    if (task?.facts !== undefined && task.meta !== undefined) rows.push(registerRow(task.facts, task.meta, settings));
  }
  return rows;
};

/** A history row still open: it may yet change (end, or be superseded). */
const isOpenRow = (row: HistoryRow): boolean => row.valid_to === 'infinity' && row.superseded_at === null;

/** The `tasks` projection. */
export const tasksProjection: Projection = {
  name: 'tasks',
  description: 'task register, task history, deadline calendar and extension log',
  tables: [TASKS, TASK_HISTORY, DEADLINE_CALENDAR, EXTENSION_LOG],
  prepare: (events, context) => prepareStreams(events.filter(isStoredTaskEvent), context),
  apply: async (tx, schema, events, context, prepared, memo) => {
    const taskEvents = events.filter(isStoredTaskEvent);
    if (taskEvents.length === 0) return;
    const since = new Map<string, LocalDate>();
    for (const event of taskEvents) {
      const earliest = since.get(event.data.taskId);
      if (earliest === undefined || event.metadata.occurredOn < earliest) since.set(event.data.taskId, event.metadata.occurredOn);
    }
    // The rows this runner's last batches left, where they cover the batch's dates; the rest from the tables.
    const state = new Map<string, TaskRows>();
    const historyFrom = new Map<string, LocalDate | null>();
    const missing = new Map<string, LocalDate>();
    for (const [taskId, date] of since) {
      const kept = keptFor(memo, taskId, date);
      if (kept === undefined) {
        missing.set(taskId, date);
        continue;
      }
      state.set(taskId, kept.rows);
      historyFrom.set(taskId, kept.historyFrom);
    }
    if (missing.size > 0) {
      for (const [taskId, rows] of await loadTaskRows(tx, schema, missing)) state.set(taskId, rows);
      for (const [taskId, date] of missing) historyFrom.set(taskId, historyFromOf(state.get(taskId) ?? EMPTY, date));
    }
    const streams = prepared.streams as ReadonlyMap<string, readonly StoredTaskEvent[]>;
    const register = new Set<string>();
    const history = rowBuffer(TASK_HISTORY);
    const calendar = rowBuffer(DEADLINE_CALENDAR);
    const extensions: Row[] = [];
    for (const event of taskEvents) {
      const taskId = event.data.taskId;
      const { rows, writes } = projectTaskEvent(state.get(taskId) ?? EMPTY, event, context.deadlineSettings, streams.get(taskId));
      state.set(taskId, rows);
      if (writes.register) register.add(taskId);
      for (const row of writes.history) history.put(row);
      for (const row of writes.calendar) calendar.put(row);
      extensions.push(...writes.extensions);
    }
    await writeTables(tx, schema, [
      { table: TASKS, mode: 'upsert', rows: registerRows(state, register, context.deadlineSettings) },
      { table: TASK_HISTORY, mode: 'upsert', rows: history.values() },
      { table: DEADLINE_CALENDAR, mode: 'upsert', rows: calendar.values() },
      { table: EXTENSION_LOG, mode: 'insert', rows: extensions },
    ]);
    // The rows as written, for the next batch (kept by the runner only once this one has committed).
    if (memo !== undefined) for (const taskId of since.keys()) memo.set(taskId, keptTask(state.get(taskId) ?? EMPTY, historyFrom.get(taskId) ?? null));
  },
  bulk: (context) => {
    // Every task's rows stay in memory. A history row is inserted once it is settled (ended or
    // superseded), a calendar row once replaced; the open ones and the register come at the end. A row
    // changed again after it was inserted (a late paper) is kept for the corrections.
    const state = new Map<string, TaskRows>();
    const register = new Set<string>();
    const openHistory = new Map<string, HistoryRow>();
    const writtenHistory = new Set<string>();
    const corrections = rowBuffer(TASK_HISTORY);
    const inForce = new Map<string, CalendarRow>();
    return {
      apply: (events, prepared) => {
        const history: HistoryRow[] = [];
        const calendar: Row[] = [];
        const extensions: Row[] = [];
        const streams = prepared.streams as ReadonlyMap<string, readonly StoredTaskEvent[]>;
        for (const event of events) {
          if (!isStoredTaskEvent(event)) continue;
          const taskId = event.data.taskId;
          const { rows, writes } = projectTaskEvent(state.get(taskId) ?? EMPTY, event, context.deadlineSettings, streams.get(taskId));
          state.set(taskId, rows);
          if (writes.register) register.add(taskId);
          for (const row of writes.history) {
            const key = rowKey(TASK_HISTORY, row);
            if (writtenHistory.has(key)) {
              corrections.put(row);
            } else if (isOpenRow(row)) {
              openHistory.set(key, row);
            } else {
              openHistory.delete(key);
              writtenHistory.add(key);
              history.push(row);
            }
          }
          for (const row of writes.calendar) {
            if (row.in_force) inForce.set(taskId, row);
            else calendar.push(row);
          }
          extensions.push(...writes.extensions);
        }
        return [
          { table: TASK_HISTORY, mode: 'insert', rows: history },
          { table: DEADLINE_CALENDAR, mode: 'insert', rows: calendar },
          { table: EXTENSION_LOG, mode: 'insert', rows: extensions },
        ] satisfies TableWrite[];
      },
      finish: () => [
        { table: TASKS, mode: 'insert', rows: registerRows(state, register, context.deadlineSettings) },
        { table: TASK_HISTORY, mode: 'insert', rows: [...openHistory.values()] },
        { table: DEADLINE_CALENDAR, mode: 'insert', rows: [...inForce.values()] },
      ],
      corrections: () => [{ table: TASK_HISTORY, mode: 'update', rows: corrections.values() }],
    };
  },
};
