import { WrongExpectedRevisionError, positionParts } from '@chidao/event-store';
import type { Anchor, AnchorHead, EventStoreBackend, ExpectedRevision, Position, RawEvent, VerifyScope } from '@chidao/event-store';
import { EXPECTED_SENTINELS, LOCKS, WRONG_EXPECTED_REVISION_SQLSTATE } from './schema';
import type { SqlClient, SqlQuery, SqlRow } from './sql-client';

/*
 * The backend on the chidao SQL schema (schema.ts), whatever the driver. Reads of the global log stay
 * below the horizon (see schema.ts); appends are one call of chidao.append.
 */

/** How the backend hears of appends made elsewhere, and tells others of its own. */
export type AppendSignal = {
  /** Called after this backend committed an append; wakes waiters in this process and tells other processes. */
  readonly appended: () => void;
  /** Registers a waker until the returned function is called; `wake` runs on any append the signal hears of. */
  readonly onAppend: (wake: () => void) => () => void;
  readonly close: () => Promise<void>;
};

/** A backend on SQL, with the client it runs on (for tests: truncating, tampering). */
export type SqlBackend = EventStoreBackend & { readonly sql: SqlClient };

/**
 * A Position (position.ts of @chidao/event-store: two 20-digit numbers) written by the database, so a
 * row carries one ready string instead of two numbers to convert.
 */
const positionOf = (table: string) => `lpad(${table}.transaction_id::text, 20, '0') || ':' || lpad(${table}.position::text, 20, '0')`;

/** The columns of an event, in the shapes `toRawEvent` reads. */
const EVENT_COLUMNS = `e.stream, e.revision, ${positionOf('e')} AS position, e.type, e.data, e.metadata,
  encode(e.previous_hash, 'hex') AS previous_hash, encode(e.hash, 'hex') AS hash`;

/** The oldest transaction still running: every event below it is committed, and none can appear there later. */
const HORIZON = 'pg_snapshot_xmin(pg_current_snapshot())';

const MAX_REVISION = '9223372036854775807';

const STATEMENTS = {
  append: `SELECT a.duplicate, a.revision, ${positionOf('a')} AS position, encode(a.previous_hash, 'hex') AS previous_hash,
    encode(a.hash, 'hex') AS hash FROM chidao.append($1, $2, $3, $4, $5, $6, $7, $8) a`,
  readForwards: `SELECT ${EVENT_COLUMNS} FROM chidao.events e WHERE e.stream = $1 AND e.revision >= $2 ORDER BY e.revision LIMIT $3`,
  readBackwards: `SELECT ${EVENT_COLUMNS} FROM chidao.events e WHERE e.stream = $1 AND e.revision <= $2 ORDER BY e.revision DESC LIMIT $3`,
  readAllFromStart: `SELECT ${EVENT_COLUMNS} FROM chidao.events e
    WHERE e.transaction_id < ${HORIZON}
    ORDER BY e.transaction_id, e.position LIMIT $1`,
  readAllAfter: `SELECT ${EVENT_COLUMNS} FROM chidao.events e
    WHERE e.transaction_id < ${HORIZON} AND (e.transaction_id, e.position) > ($1::xid8, $2::bigint)
    ORDER BY e.transaction_id, e.position LIMIT $3`,
  readDirective: `SELECT ${EVENT_COLUMNS} FROM chidao.streams s JOIN chidao.events e ON e.stream = s.name
    WHERE s.directive_id = $1 ORDER BY e.transaction_id, e.position`,
  // A command's events are consecutive in its stream and no later event carries its id.
  readCommand: `SELECT ${EVENT_COLUMNS} FROM chidao.events f
    JOIN chidao.events e ON e.stream = f.stream AND e.revision >= f.revision AND e.command_id = f.command_id
    WHERE f.command_id = $1 AND f.command_seq = 0 ORDER BY e.revision`,
  head: `SELECT s.revision FROM chidao.streams s WHERE s.name = $1`,
  headsOfStream: `SELECT s.name AS stream, s.revision, encode(s.hash, 'hex') AS hash FROM chidao.streams s WHERE s.name = $1`,
  headsOfDirective: `SELECT s.name AS stream, s.revision, encode(s.hash, 'hex') AS hash FROM chidao.streams s WHERE s.directive_id = $1 ORDER BY s.name`,
  headsOfAll: `SELECT s.name AS stream, s.revision, encode(s.hash, 'hex') AS hash FROM chidao.streams s ORDER BY s.name`,
  lastAnchor: `SELECT a.sequence, a.position, a.heads, a.previous_hash, a.hash FROM chidao.anchors a ORDER BY a.sequence DESC LIMIT 1`,
  anchors: `SELECT a.sequence, a.position, a.heads, a.previous_hash, a.hash FROM chidao.anchors a ORDER BY a.sequence`,
  lastSettled: `SELECT ${positionOf('e')} AS position FROM chidao.events e
    WHERE e.transaction_id < ${HORIZON} ORDER BY e.transaction_id DESC, e.position DESC LIMIT 1`,
  changedHeads: `SELECT DISTINCT ON (e.stream) e.stream, e.revision, encode(e.hash, 'hex') AS hash FROM chidao.events e
    WHERE (e.transaction_id, e.position) > ($1::xid8, $2::bigint) AND (e.transaction_id, e.position) <= ($3::xid8, $4::bigint)
    ORDER BY e.stream, e.revision DESC`,
  insertAnchor: `INSERT INTO chidao.anchors (sequence, position, heads, previous_hash, hash) VALUES ($1, $2, $3, $4, $5)`,
} as const;

type Statement = keyof typeof STATEMENTS;

const text = (value: unknown): string => {
  if (typeof value === 'string') return value;
  throw new TypeError(`expected text from the database, got ${typeof value}`);
};

/** int8 columns arrive as strings (pg) or numbers (PGlite). */
const integer = (value: unknown): number => {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new TypeError(`expected an integer from the database, got ${String(value)}`);
  return number;
};

/** jsonb arrives parsed from both drivers; a string here would be a JSON string value, which is what was stored. */
const toRawEvent = (row: SqlRow): RawEvent => ({
  stream: text(row['stream']),
  revision: integer(row['revision']),
  position: text(row['position']),
  type: text(row['type']),
  data: row['data'],
  metadata: row['metadata'] as RawEvent['metadata'],
  previousHash: row['previous_hash'] === null ? null : text(row['previous_hash']),
  hash: text(row['hash']),
});

const toHead = (row: SqlRow): AnchorHead => ({ stream: text(row['stream']), revision: integer(row['revision']), hash: text(row['hash']) });

const toAnchor = (row: SqlRow): Anchor => ({
  sequence: integer(row['sequence']),
  position: text(row['position']),
  heads: row['heads'] as readonly AnchorHead[],
  previousHash: row['previous_hash'] === null ? null : text(row['previous_hash']),
  hash: text(row['hash']),
});

const expectedParameter = (expected: ExpectedRevision): number =>
  typeof expected === 'number' ? expected : EXPECTED_SENTINELS[expected];

type DatabaseError = { readonly code?: unknown; readonly detail?: unknown; readonly constraint?: unknown };
const databaseError = (error: unknown): DatabaseError => (typeof error === 'object' && error !== null ? (error as DatabaseError) : {});

/** `actual=<revision>` or `actual=none`, from chidao.append's DETAIL. */
const actualFromDetail = (detail: unknown): number | null | undefined => {
  const match = typeof detail === 'string' ? /^actual=(none|-?\d+)$/.exec(detail) : null;
  if (match === null) return undefined;
  return match[1] === 'none' ? null : Number(match[1]);
};

/**
 * Builds the backend on a migrated database: `sql` runs every statement (a pool for `pg`, the one
 * connection of PGlite), `signal` carries the live notifications, `onClose` releases the driver.
 */
export const createSqlBackend = (sql: SqlClient, signal: AppendSignal, onClose: () => Promise<void>): SqlBackend => {
  const run = (statement: Statement, params: readonly unknown[], query: SqlQuery = sql.query) =>
    query(STATEMENTS[statement], params, `chidao.${statement}`);
  const events = async (statement: Statement, params: readonly unknown[]) => (await run(statement, params)).map(toRawEvent);
  let closed = false;

  const conflict = async (stream: string, expected: ExpectedRevision, error: unknown): Promise<never> => {
    const { code, detail, constraint } = databaseError(error);
    if (code === WRONG_EXPECTED_REVISION_SQLSTATE) {
      const actual = actualFromDetail(detail);
      if (actual !== undefined) throw new WrongExpectedRevisionError(stream, expected, actual);
    }
    // chidao.append queues appenders on the stream's head, so this should not happen; but when the
    // unique index refuses a second event at a revision (say, events past a head someone edited), the
    // append lost a race for that revision all the same (REGISTRY-NOTES: never rely on the read alone).
    if (code === '23505' && (constraint === 'events_pkey' || constraint === 'streams_pkey')) {
      const head = await run('head', [stream]);
      throw new WrongExpectedRevisionError(stream, expected, head[0] === undefined ? null : integer(head[0]['revision']));
    }
    throw error;
  };

  return {
    sql,

    append: async (request) => {
      let rows: readonly SqlRow[];
      try {
        rows = await run('append', [
          request.stream,
          request.directiveId,
          expectedParameter(request.expectedRevision),
          request.commandId,
          request.events.map((event) => event.type),
          JSON.stringify(request.events.map((event) => event.data)),
          JSON.stringify(request.events.map((event) => event.metadata)),
          request.events.map((event) => event.digest).join(''),
        ]);
      } catch (error) {
        // The same command id, appended to another stream by a transaction that committed while this one ran.
        const { code, constraint } = databaseError(error);
        if (code === '23505' && constraint === 'events_command') return { duplicate: true, events: await events('readCommand', [request.commandId]) };
        return conflict(request.stream, request.expectedRevision, error);
      }
      if (rows[0]?.['duplicate'] !== false) return { duplicate: true, events: await events('readCommand', [request.commandId]) };
      signal.appended();
      // What the database decided, with the type, data and metadata just sent.
      const recorded = rows.map((row, index): RawEvent => {
        const sent = request.events[index]!;
        return {
          stream: request.stream,
          revision: integer(row['revision']),
          position: text(row['position']),
          type: sent.type,
          data: sent.data,
          metadata: sent.metadata as RawEvent['metadata'],
          previousHash: row['previous_hash'] === null ? null : text(row['previous_hash']),
          hash: text(row['hash']),
        };
      });
      return { duplicate: false, events: recorded };
    },

    readStream: (stream, options) =>
      options.direction === 'backwards'
        ? events('readBackwards', [stream, options.fromRevision ?? MAX_REVISION, options.limit ?? null])
        : events('readForwards', [stream, options.fromRevision ?? 0, options.limit ?? null]),

    readAll: (after, limit) => {
      if (after === null) return events('readAllFromStart', [limit]);
      const { major, minor } = positionParts(after);
      return events('readAllAfter', [major.toString(), minor.toString(), limit]);
    },

    // A snapshot of everything committed, not cut at the horizon: a one-off read has no checkpoint to
    // skip past, and cutting it would hide the caller's own committed append while any other writer in
    // the cluster is mid-transaction.
    readDirective: (directiveId) => events('readDirective', [directiveId]),

    readCommand: (commandId) => events('readCommand', [commandId]),

    streamHeads: async (scope: VerifyScope) => {
      const rows =
        scope.kind === 'stream'
          ? await run('headsOfStream', [scope.stream])
          : scope.kind === 'directive'
            ? await run('headsOfDirective', [scope.directiveId])
            : await run('headsOfAll', []);
      return rows.map(toHead);
    },

    writeAnchor: (build) =>
      sql.transaction(async ({ query }) => {
        // One anchor writer at a time across processes, so sequences chain without gaps or forks.
        await query('SELECT pg_advisory_xact_lock($1)', [LOCKS.anchors]);
        const previousRow = (await run('lastAnchor', [], query))[0];
        const previous = previousRow === undefined ? null : toAnchor(previousRow);
        const last = (await run('lastSettled', [], query))[0];
        if (last === undefined) return null;
        // Below the horizon nothing can still appear, so the heads up to `position` are final.
        const position: Position = text(last['position']);
        if (previous !== null && position <= previous.position) return null;
        const from = previous === null ? { major: 0n, minor: 0n } : positionParts(previous.position);
        const to = positionParts(position);
        const heads = (await run('changedHeads', [from.major.toString(), from.minor.toString(), to.major.toString(), to.minor.toString()], query)).map(
          toHead,
        );
        if (heads.length === 0) return null;
        const anchor = build(previous, position, heads);
        await run('insertAnchor', [anchor.sequence, anchor.position, JSON.stringify(anchor.heads), anchor.previousHash, anchor.hash], query);
        return anchor;
      }),

    readAnchors: async () => (await run('anchors', [])).map(toAnchor),

    waitForAppend: (timeoutMs, abort) =>
      new Promise<void>((resolve) => {
        if (abort.aborted || closed) return resolve();
        const done = () => {
          clearTimeout(timer);
          stop();
          abort.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        const stop = signal.onAppend(done);
        abort.addEventListener('abort', done, { once: true });
      }),

    close: async () => {
      if (closed) return;
      closed = true;
      await signal.close();
      await onClose();
    },
  };
};
