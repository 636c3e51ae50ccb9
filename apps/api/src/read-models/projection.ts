import type { DeadlineSettings, TaskEvent } from '@chidao/domain';
import { isTaskEvent } from '@chidao/domain';
import type { EventStore, StoredEvent } from '@chidao/event-store';
import type { SqlTransaction } from '@chidao/event-store-postgres';
import { insertRows, updateRows, upsertRows, type Row, type TableSpec } from './table';

/*
 * A projection turns events into rows of its tables. Its rules are pure functions — the rows it
 * read (its state) and one event in, the rows to write out — and a thin shell runs them in one of two
 * ways:
 *
 * - live (`apply`): inside the runner's transaction that also moves the checkpoint, it loads the state
 *   a batch needs in one query per table, runs the pure part in memory, and writes every row touched
 *   in one statement per table;
 * - bulk (`bulk`): building a fresh shadow copy from the whole log, it keeps the state in memory and
 *   hands back only the rows that are settled, so that each row is written about once; the rest
 *   comes at the end (`finish`).
 */

/** What a projection may use besides the events: settings, and the store for the rare event that needs its stream. */
export type ProjectionContext = {
  /** The store, read (before a batch's transaction) only for the events `prepare` names. */
  readonly store: Pick<EventStore, 'readStream'>;
  /** Whether "trước ngày X" includes X: due dates in the read models are computed with it. */
  readonly deadlineSettings: DeadlineSettings;
};

/**
 * What a projection reads from the store before its batch's transaction opens. The store is never
 * read inside it: on the embedded default the store and the read models share one PGlite connection,
 * which a transaction holds until it ends.
 */
export type PreparedBatch = {
  /** The events of each task stream that needs them, up to at least its last event in the batch. */
  readonly streams: ReadonlyMap<string, readonly StoredEvent[]>;
};

/** Nothing prepared. */
export const NOTHING_PREPARED: PreparedBatch = { streams: new Map() };

/** Rows to write to one table: upserted by primary key, inserted, or updated (replacing rows written before). */
export type TableWrite = { readonly table: TableSpec; readonly mode: 'upsert' | 'insert' | 'update'; readonly rows: readonly Row[] };

const WRITERS = { upsert: upsertRows, insert: insertRows, update: updateRows } as const;

/** Writes a projection's rows, one statement per table. */
export const writeTables = async (tx: SqlTransaction, schema: string, writes: readonly TableWrite[]): Promise<void> => {
  for (const write of writes) {
    if (write.rows.length === 0) continue;
    await WRITERS[write.mode](tx, schema, write.table, write.rows);
  }
};

/**
 * A projection building a fresh copy in bulk, its state in memory, into tables that have no keys or
 * indexes yet: it only inserts, each row once when it is settled, and keeps the rarer second versions
 * of rows already written for the end, when the keys exist.
 */
export type BulkProjection = {
  /** Projects a batch and returns the new rows it settled: insert them now. */
  readonly apply: (events: readonly StoredEvent[], prepared: PreparedBatch) => readonly TableWrite[];
  /** The rows still held in memory, to insert, once the batches are all written. */
  readonly finish: () => readonly TableWrite[];
  /** The rows written before that changed since, to update once the primary keys exist. */
  readonly corrections: () => readonly TableWrite[];
};

/**
 * What a projection kept in memory of the rows it wrote in earlier live batches of this runner, so
 * that the next batch need not read them back. The runner hands one to each live batch on the `read`
 * schema and keeps what the batch `set` only once its transaction has committed; it forgets everything
 * when anyone else may have written the tables (another runner moved or touched the checkpoints, a
 * rebuild swapped them in) and after a failed batch. A projection must store only what equals its
 * rows as committed, and may always read the tables instead.
 */
export type BatchMemo = {
  readonly get: (key: string) => unknown;
  readonly set: (key: string, value: unknown) => void;
};

/** A projection: its name (the key of its checkpoint), its tables, and how it applies events. */
export type Projection = {
  readonly name: string;
  /** What it keeps, for docs and reports. */
  readonly description: string;
  readonly tables: readonly TableSpec[];
  /** Reads what a batch needs from the store, before the transaction. */
  readonly prepare?: (events: readonly StoredEvent[], context: ProjectionContext) => Promise<PreparedBatch>;
  /** Applies events, in global order, to its tables in `schema`, inside the caller's transaction; `memo` on live batches only. */
  readonly apply: (
    tx: SqlTransaction,
    schema: string,
    events: readonly StoredEvent[],
    context: ProjectionContext,
    prepared: PreparedBatch,
    memo?: BatchMemo,
  ) => Promise<void>;
  /** Starts a bulk build from the first event into empty tables. */
  readonly bulk: (context: ProjectionContext) => BulkProjection;
};

/** A stored task event. */
export type StoredTaskEvent = StoredEvent & TaskEvent;

/** True for the events of a task stream. */
export const isStoredTaskEvent = (event: StoredEvent): event is StoredTaskEvent => isTaskEvent(event);
