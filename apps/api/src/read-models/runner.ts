import { randomBytes } from 'node:crypto';
import { DEFAULT_DEADLINE_SETTINGS, type DeadlineSettings } from '@chidao/domain';
import type { EventStore, Position, StoredEvent } from '@chidao/event-store';
import { statementName, type SqlClient, type SqlTransaction } from '@chidao/event-store-postgres';
import { readModelDigest } from './digest';
import { prometheusText, type RunnerCounters } from './metrics';
import { NOTHING_PREPARED, writeTables, type BatchMemo, type PreparedBatch, type Projection, type ProjectionContext, type TableWrite } from './projection';
import { migrateReadModels, projectionNamed, PROJECTIONS, READ_SCHEMA } from './schema';
import { addPrimaryKeySql, createIndexesSql, createTableSql, identifier, type TableSpec } from './table';
import { TASK_HISTORY } from './tables';

/** The tables a rebuild analyzes before the swap: those the "as of" queries plan on. */
const ANALYZED: ReadonlySet<string> = new Set([TASK_HISTORY.name]);

/*
 * The projection runner: reads the log in global order from the projections' checkpoints, in pages of
 * `batchSize` events, and applies each page to every projection in ONE transaction that also moves
 * their checkpoints (read.checkpoints). A crash anywhere in a batch rolls the whole batch back, rows
 * and checkpoints alike, so nothing is applied twice or skipped; a restart resumes from the stored
 * checkpoints. The checkpoint rows are locked and compared with what this runner last committed, so
 * two runners on one database (two app instances) never apply a batch twice: the one that finds the
 * checkpoints moved reloads them and goes on from there.
 *
 * Live: after catching up, the runner waits for the store's signal of an append (LISTEN/NOTIFY on
 * PostgreSQL, an in-process signal on PGlite and in memory), for `waitForPosition`, or for the poll
 * interval; then `batchDelayMs` more, so that concurrent commands land in one batch; then reads again.
 * It reads each event once: the signal carries no events.
 */

/** How a rebuild went, per projection. */
export type RebuildReport = {
  readonly projection: string;
  /** Events read from the log into the shadow copy. */
  readonly events: number;
  readonly shadowDigest: string;
  readonly liveDigest: string;
  readonly equal: boolean;
  readonly swapped: boolean;
  /** Events per second of building the shadow copy (reading, projecting, writing, indexing). */
  readonly eventsPerSecond: number;
};

/** The projection runner of the read models. */
export type ProjectionRunner = {
  /** Migrates schema `read`, then catches up; resolves once it has applied what was committed when it started, then stays live. */
  readonly start: () => Promise<void>;
  /** Stops after the batch in progress; resolves when stopped. */
  readonly stop: () => Promise<void>;
  /** The last global position applied to every projection; null before the first event. */
  readonly checkpoint: () => string | null;
  /** Read-your-writes: true once `position` is applied to every projection, false after `timeoutMs`. */
  readonly waitForPosition: (position: string, timeoutMs: number) => Promise<boolean>;
  /** How far behind the store's head: events not yet applied (counted up to `lagScanLimit`) and the age of the oldest in seconds. */
  readonly lag: () => Promise<{ readonly events: number; readonly seconds: number }>;
  /**
   * Rebuilds one projection (or all): builds a shadow copy from the whole log in a schema of its own,
   * brings it and the live copy to the same position, compares their digests and — unless `swap` is
   * false — swaps the shadow in, in one transaction.
   */
  readonly rebuild: (projection?: string, options?: { readonly swap?: boolean }) => Promise<readonly RebuildReport[]>;
  /** Prometheus text exposition: lag, checkpoints, events applied, batches, errors, rebuilds. */
  readonly metricsText: () => Promise<string>;
};

/** Options of the runner. */
export type ProjectionRunnerOptions = {
  readonly store: EventStore;
  readonly db: SqlClient;
  /** Events per batch (one transaction), default 500. */
  readonly batchSize?: number;
  /** The clock, for lag in seconds. */
  readonly now?: () => Date;
  /** Whether "trước ngày X" includes X, for the due dates the read models store; the domain's default. */
  readonly deadlineSettings?: DeadlineSettings;
  /** Longest wait between two reads when no notification comes, default 1,000 ms. */
  readonly pollIntervalMs?: number;
  /**
   * After a notification of new events, how long to wait for more before reading, default 25 ms: under
   * a stream of commands one batch then carries several of them instead of one transaction each. (At
   * 10 ms, 8 clients' commands cost PostgreSQL and the API about 7% more CPU each: 950 against
   * 1,030–1,050 commands/s in the benchmark's setting.) A command's effect reaches the read models that
   * much later; a query with `minPosition` waits for it.
   */
  readonly batchDelayMs?: number;
  /** Wait after a failed batch before trying again, default 1,000 ms. */
  readonly retryDelayMs?: number;
  /** Events per batch when building a shadow copy, default 4,000. */
  readonly rebuildBatchSize?: number;
  /** Most events `lag` reads to count, default 10,000. */
  readonly lagScanLimit?: number;
  /**
   * On start, build the projections that never ran in bulk from the log, as a rebuild does, instead of
   * batch by batch (default true).
   */
  readonly bulkStart?: boolean;
  /**
   * How many keys (tasks, for the tasks projection) each projection may keep in memory of the rows its
   * live batches wrote, so that the next batch touching them need not read them back; default 10,000,
   * 0 for none. See `BatchMemo`.
   */
  readonly memoSize?: number;
  /** Told of every failed batch (the runner retries it). */
  readonly onError?: (error: unknown) => void;
  /**
   * Called inside a batch's transaction after a projection wrote its rows and before the checkpoints
   * move; throwing aborts the batch. For tests that kill the runner mid-batch.
   */
  readonly afterApply?: (projection: string, events: readonly StoredEvent[]) => void | Promise<void>;
};

const DEFAULTS = { batchSize: 500, pollIntervalMs: 1_000, batchDelayMs: 25, retryDelayMs: 1_000, rebuildBatchSize: 4_000, lagScanLimit: 10_000, memoSize: 10_000 } as const;

/** The statements of every live batch (prepared once per connection). */
const LOCK_CHECKPOINTS = `SELECT projection, position, updated_at::text AS stamp FROM ${READ_SCHEMA}.checkpoints WHERE projection = ANY($1::text[]) FOR UPDATE`;
const ADVANCE_CHECKPOINTS = `UPDATE ${READ_SCHEMA}.checkpoints c SET position = $2, events_applied = c.events_applied + x.n, updated_at = now()
  FROM unnest($1::text[], $3::integer[]) AS x(projection, n) WHERE c.projection = x.projection RETURNING c.projection, c.updated_at::text AS stamp`;

/** Most rows in one statement of a bulk build's final writes. */
const FINAL_CHUNK = 10_000;

/** Another runner moved the checkpoints since this one read them. */
class CheckpointsMoved extends Error {
  constructor() {
    super('read-model checkpoints were moved by another runner');
  }
}

/** A one-at-a-time lock: batches and a rebuild's final alignment and swap never interleave. */
const createMutex = () => {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
};

/** The lowest position of some projections' marks; null when any of them has none. */
const minimumOf = (marks: ReadonlyMap<string, Position | null>, projections: readonly Projection[]): Position | null => {
  let min: Position | null = null;
  for (const projection of projections) {
    const position = marks.get(projection.name) ?? null;
    if (position === null) return null;
    if (min === null || position < min) min = position;
  }
  return min;
};

const laterOf = (a: Position | null, b: Position | null): Position | null => (a === null ? b : b === null ? a : a >= b ? a : b);

/** Creates the projection runner. Call `start` to run it; `rebuild`, `lag` and `metricsText` work either way. */
export const createProjectionRunner = (options: ProjectionRunnerOptions): ProjectionRunner => {
  const { store, db } = options;
  const batchSize = options.batchSize ?? DEFAULTS.batchSize;
  const now = options.now ?? (() => new Date());
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULTS.pollIntervalMs;
  const batchDelayMs = options.batchDelayMs ?? DEFAULTS.batchDelayMs;
  const retryDelayMs = options.retryDelayMs ?? DEFAULTS.retryDelayMs;
  const rebuildBatchSize = options.rebuildBatchSize ?? DEFAULTS.rebuildBatchSize;
  const lagScanLimit = options.lagScanLimit ?? DEFAULTS.lagScanLimit;
  const memoSize = options.memoSize ?? DEFAULTS.memoSize;
  const context: ProjectionContext = { store, deadlineSettings: options.deadlineSettings ?? DEFAULT_DEADLINE_SETTINGS };
  const projections = PROJECTIONS;
  const exclusive = createMutex();

  /** The checkpoints as committed, per projection; empty until loaded. */
  const checkpoints = new Map<string, Position | null>();
  const counters: RunnerCounters = { applied: new Map(), batches: 0, errors: 0, batchSeconds: 0, rebuilds: 0, running: false };

  let stopping = false;
  let loop: Promise<void> | null = null;
  let pendingWake = false;
  let wakeSleeper: (() => void) | null = null;
  const waiters = new Set<{ readonly position: Position; readonly resolve: (reached: boolean) => void; readonly timer: NodeJS.Timeout }>();

  const allNames = projections.map((projection) => projection.name);

  /**
   * What each projection kept of the rows its committed live batches wrote (see `BatchMemo`), least
   * recently written first, and the checkpoint's `updated_at` as this runner's last batch left it: a
   * memo holds only while its checkpoint row still carries that stamp, i.e. nobody else has written since.
   */
  const memos = new Map<string, Map<string, unknown>>();
  const stamps = new Map<string, string>();
  const forgetMemos = (): void => {
    memos.clear();
    stamps.clear();
  };
  /** A live batch's view of the memos: what it sets is kept only by `keep`, after its transaction committed. */
  const batchMemos = () => {
    const staged = new Map<string, Map<string, unknown>>();
    const stagedStamps = new Map<string, string>();
    return {
      memoOf: (name: string): BatchMemo | undefined => {
        if (memoSize === 0) return undefined;
        const mine = new Map<string, unknown>();
        staged.set(name, mine);
        return {
          get: (key) => (mine.has(key) ? mine.get(key) : memos.get(name)?.get(key)),
          set: (key, value) => void mine.set(key, value),
        };
      },
      stamp: (name: string, stamp: string) => void stagedStamps.set(name, stamp),
      keep: (): void => {
        for (const [name, entries] of staged) {
          const kept = memos.get(name) ?? new Map<string, unknown>();
          for (const [key, value] of entries) {
            kept.delete(key);
            kept.set(key, value);
          }
          for (const key of kept.keys()) {
            if (kept.size <= memoSize) break;
            kept.delete(key);
          }
          memos.set(name, kept);
        }
        for (const [name, stamp] of stagedStamps) stamps.set(name, stamp);
      },
    };
  };
  const checkpoint = (): Position | null => minimumOf(checkpoints, projections);

  const loadCheckpoints = async (): Promise<void> => {
    const rows = await db.query(`SELECT projection, position FROM ${READ_SCHEMA}.checkpoints`);
    checkpoints.clear();
    for (const name of allNames) checkpoints.set(name, null);
    for (const row of rows) checkpoints.set(row['projection'] as string, (row['position'] as string | null) ?? null);
  };

  const wake = (): void => {
    pendingWake = true;
    wakeSleeper?.();
  };

  const sleep = (ms: number): Promise<void> =>
    new Promise<void>((resolve) => {
      if (pendingWake || stopping) {
        pendingWake = false;
        resolve();
        return;
      }
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeSleeper = null;
        pendingWake = false;
        resolve();
      }
      wakeSleeper = done;
    });

  /**
   * At the end of the log: waits for the store's signal of new events (LISTEN/NOTIFY, in-process), a
   * reader's `waitForPosition`, the poll interval or `stop`; then, unless stopping, a moment more so
   * that the events of concurrent commands arrive in one batch.
   */
  const idle = async (): Promise<void> => {
    const abort = new AbortController();
    const appended = store.waitForAppend(pollIntervalMs, abort.signal).then(
      () => {
        if (!abort.signal.aborted) wake();
      },
      () => undefined,
    );
    await sleep(pollIntervalMs);
    abort.abort();
    await appended;
    if (!stopping && batchDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, batchDelayMs));
  };

  const settleWaiters = (): void => {
    const at = checkpoint();
    if (at === null) return;
    for (const waiter of waiters) {
      if (at >= waiter.position) {
        clearTimeout(waiter.timer);
        waiters.delete(waiter);
        waiter.resolve(true);
      }
    }
  };

  /** What each projection will apply of a batch (the events after its mark), and what it reads first, outside the transaction. */
  type Plan = readonly { readonly projection: Projection; readonly events: readonly StoredEvent[]; readonly prepared: PreparedBatch }[];
  const planBatch = async (targets: readonly Projection[], marks: ReadonlyMap<string, Position | null>, events: readonly StoredEvent[]): Promise<Plan> => {
    const plan: { projection: Projection; events: readonly StoredEvent[]; prepared: PreparedBatch }[] = [];
    for (const projection of targets) {
      const mark = marks.get(projection.name) ?? null;
      const todo = mark === null ? events : events.filter((event) => event.position > mark);
      if (todo.length === 0) continue;
      plan.push({ projection, events: todo, prepared: projection.prepare === undefined ? NOTHING_PREPARED : await projection.prepare(todo, context) });
    }
    return plan;
  };

  /**
   * Applies a planned batch to projections in `schema`, in the caller's transaction. Live batches also
   * move read.checkpoints, after checking nobody else did since this runner read them.
   */
  const applyPlan = async (
    tx: SqlTransaction,
    schema: string,
    targets: readonly Projection[],
    marks: ReadonlyMap<string, Position | null>,
    plan: Plan,
    last: Position,
    batch: ReturnType<typeof batchMemos> | undefined,
  ): Promise<(readonly [string, number])[]> => {
    if (batch !== undefined) {
      const names = targets.map((projection) => projection.name);
      const rows = await tx.query(LOCK_CHECKPOINTS, [names], statementName(LOCK_CHECKPOINTS));
      if (rows.length !== names.length || rows.some((row) => ((row['position'] as string | null) ?? null) !== (marks.get(row['projection'] as string) ?? null))) {
        throw new CheckpointsMoved();
      }
      // Same position but touched since this runner's last batch (a rebuild elsewhere swapped its copy in): its memo no longer holds.
      for (const row of rows) {
        const name = row['projection'] as string;
        if (stamps.get(name) !== row['stamp']) memos.delete(name);
      }
    }
    const applied: (readonly [string, number])[] = [];
    for (const { projection, events, prepared } of plan) {
      await projection.apply(tx, schema, events, context, prepared, batch?.memoOf(projection.name));
      if (batch !== undefined) await options.afterApply?.(projection.name, events);
      applied.push([projection.name, events.length]);
    }
    if (batch !== undefined && applied.length > 0) {
      const advanced = await tx.query(ADVANCE_CHECKPOINTS, [applied.map(([name]) => name), last, applied.map(([, n]) => n)], statementName(ADVANCE_CHECKPOINTS));
      for (const row of advanced) batch.stamp(row['projection'] as string, row['stamp'] as string);
    }
    return applied;
  };

  /** Plans and applies a batch in one transaction; returns what each projection applied. */
  const applyEvents = async (
    schema: string,
    targets: readonly Projection[],
    marks: ReadonlyMap<string, Position | null>,
    events: readonly StoredEvent[],
    live: boolean,
  ): Promise<(readonly [string, number])[]> => {
    const last = events.at(-1)?.position;
    if (last === undefined) return [];
    const plan = await planBatch(targets, marks, events);
    if (plan.length === 0) return [];
    if (!live) return db.transaction((tx) => applyPlan(tx, schema, targets, marks, plan, last, undefined));
    const batch = batchMemos();
    try {
      const applied = await db.transaction((tx) => applyPlan(tx, schema, targets, marks, plan, last, batch));
      batch.keep();
      return applied;
    } catch (error) {
      // Rolled back — or committed with the answer lost: either way the memos may no longer match the tables.
      forgetMemos();
      throw error;
    }
  };

  /** One live batch, in a transaction, under the lock; the in-memory checkpoints move after the commit. */
  const applyLiveBatch = (targets: readonly Projection[], events: readonly StoredEvent[]): Promise<void> =>
    exclusive(async () => {
      const started = performance.now();
      const applied = await applyEvents(READ_SCHEMA, targets, checkpoints, events, true);
      const last = events.at(-1)?.position ?? null;
      for (const [name, n] of applied) {
        checkpoints.set(name, last);
        counters.applied.set(name, (counters.applied.get(name) ?? 0) + n);
      }
      if (applied.length > 0) {
        counters.batches += 1;
        counters.batchSeconds += (performance.now() - started) / 1000;
      }
      settleWaiters();
    });

  /** Reads from the lowest checkpoint of `targets` and applies pages until they all reach `upTo` (or the end of the log). */
  const advance = async (
    targets: readonly Projection[],
    marks: Map<string, Position | null>,
    upTo: Position | null,
    size: number,
    apply: (events: readonly StoredEvent[]) => Promise<void>,
  ): Promise<number> => {
    let count = 0;
    for (;;) {
      const from = minimumOf(marks, targets);
      if (upTo !== null && from !== null && from >= upTo) return count;
      const page = await store.readAll({ after: from, limit: size });
      const events = upTo === null ? page.events : page.events.filter((event) => event.position <= upTo);
      if (events.length > 0) {
        await apply(events);
        count += events.length;
      }
      if (page.isEnd || events.length < page.events.length || page.events.length === 0) return count;
    }
  };

  const runLoop = async (onCaughtUp: () => void, onEarlyFailure: (error: unknown) => void): Promise<void> => {
    let caughtUp = false;
    while (!stopping) {
      try {
        const page = await store.readAll({ after: checkpoint(), limit: batchSize });
        if (page.events.length > 0) await applyLiveBatch(projections, page.events);
        if (page.isEnd) {
          if (!caughtUp) {
            caughtUp = true;
            onCaughtUp();
          }
          await idle();
        }
      } catch (error) {
        if (error instanceof CheckpointsMoved) {
          await loadCheckpoints();
          settleWaiters();
          continue;
        }
        counters.errors += 1;
        options.onError?.(error);
        if (!caughtUp) {
          onEarlyFailure(error);
          return;
        }
        await sleep(retryDelayMs);
      }
    }
  };

  const ensureLoaded = async (): Promise<void> => {
    if (checkpoints.size === 0) {
      await migrateReadModels(db);
      await loadCheckpoints();
    }
  };

  const stop = async (): Promise<void> => {
    stopping = true;
    wake();
    await loop;
    loop = null;
    counters.running = false;
  };

  const start = async (): Promise<void> => {
    if (loop !== null) return;
    stopping = false;
    // Whatever happened while this runner was stopped, its memos do not know of.
    forgetMemos();
    await migrateReadModels(db);
    await loadCheckpoints();
    // A projection that never ran is built in bulk from the log (much faster than batch by batch).
    const neverRan = projections.filter((projection) => (checkpoints.get(projection.name) ?? null) === null);
    if ((options.bulkStart ?? true) && neverRan.length > 0 && (await store.readAll({ limit: 1 })).events.length > 0) {
      await rebuildProjections(neverRan, true, false);
    }
    counters.running = true;
    await new Promise<void>((resolve, reject) => {
      loop = runLoop(resolve, (error) => {
        counters.running = false;
        reject(error instanceof Error ? error : new Error(String(error)));
      });
    });
  };

  /**
   * Builds fresh copies of projections in `schema` from the whole log, their state in memory, into
   * tables without keys or indexes (added at the end). Writes go through two lanes — on each, a
   * transaction after another, in order — while the next page is read and projected; at most one more
   * batch waits behind the one being written.
   */
  const buildInBulk = async (schema: string, targets: readonly Projection[]): Promise<{ readonly position: Position | null; readonly events: number }> => {
    const sessions = targets.map((projection) => ({ projection, bulk: projection.bulk(context) }));
    const inFlight: Promise<void>[] = [];
    // Two lanes, so that the server writes the task history on one connection while it writes the
    // other tables on another; each table's writes stay in order on its lane.
    const lanes: Promise<void>[] = [Promise.resolve(), Promise.resolve()];
    const laneOf = (write: TableWrite): number => (write.table.name === TASK_HISTORY.name ? 0 : 1);
    const enqueue = (writes: readonly TableWrite[]): void => {
      for (const [index, tail] of lanes.entries()) {
        const mine = writes.filter((write) => laneOf(write) === index && write.rows.length > 0);
        if (mine.length === 0) continue;
        // A shadow copy is thrown away if the process dies, so its commits need not wait for the disk.
        lanes[index] = tail.then(() =>
          db.transaction(async (tx) => {
            await tx.query('SET LOCAL synchronous_commit = off');
            await writeTables(tx, schema, mine);
          }),
        );
      }
      const both = Promise.all(lanes).then(() => undefined);
      // Observed here so that a failed write is no unhandled rejection; awaited below, where it throws.
      both.catch(() => undefined);
      inFlight.push(both);
    };
    let position: Position | null = null;
    let events = 0;
    // The next page is read while this one is projected: the server sends it meanwhile instead of waiting.
    let reading = store.readAll({ after: position, limit: rebuildBatchSize });
    try {
      for (;;) {
        const page = await reading;
        if (!page.isEnd) reading = store.readAll({ after: page.events.at(-1)?.position ?? position, limit: rebuildBatchSize });
        if (page.events.length > 0) {
          const writes: TableWrite[] = [];
          for (const { projection, bulk } of sessions) {
            const prepared = projection.prepare === undefined ? NOTHING_PREPARED : await projection.prepare(page.events, context);
            writes.push(...bulk.apply(page.events, prepared));
          }
          while (inFlight.length > 1) await inFlight.shift();
          enqueue(writes);
          events += page.events.length;
          position = page.events.at(-1)!.position;
        }
        if (page.isEnd) break;
      }
      // The rows held to the end, in chunks: one statement of a hundred thousand wide rows costs more than ten.
      const held = sessions.flatMap(({ bulk }) => bulk.finish());
      for (let offset = 0; held.some((write) => write.rows.length > offset); offset += FINAL_CHUNK) {
        enqueue(held.map((write) => ({ ...write, rows: write.rows.slice(offset, offset + FINAL_CHUNK) })));
      }
      await Promise.all(lanes);
    } finally {
      await Promise.allSettled([...lanes, reading]);
    }
    // Keys and indexes, the task history's on one connection and the other tables' on another.
    const tables = targets.flatMap((projection) => projection.tables);
    const indexing = async (group: readonly TableSpec[]): Promise<void> => {
      if (group.length > 0) await db.exec(group.map((table) => `${addPrimaryKeySql(schema, table)}\n${createIndexesSql(schema, table)}`).join('\n'));
    };
    await Promise.all([indexing(tables.filter((table) => table.name === TASK_HISTORY.name)), indexing(tables.filter((table) => table.name !== TASK_HISTORY.name))]);
    await db.transaction((tx) => writeTables(tx, schema, sessions.flatMap(({ bulk }) => bulk.corrections())));
    // The tables the "as of" queries plan on; the rest is left to autovacuum.
    await db.exec(targets.flatMap((projection) => projection.tables.filter((table) => ANALYZED.has(table.name)).map((table) => `ANALYZE ${schema}.${table.name};`)).join('\n'));
    return { position, events };
  };

  const rebuild = async (name?: string, rebuildOptions: { readonly swap?: boolean } = {}): Promise<readonly RebuildReport[]> => {
    const selected = name === undefined ? projections : [projectionNamed(name)].filter((found): found is Projection => found !== undefined);
    if (selected.length === 0) throw new RangeError(`Không có read model "${String(name)}" / unknown projection "${String(name)}"`);
    await ensureLoaded();
    return rebuildProjections(selected, rebuildOptions.swap ?? true, true);
  };

  /**
   * Builds shadow copies of `selected`, aligns them with the live ones and swaps them in. A live
   * projection that never ran (no checkpoint) is not caught up first: the shadow simply replaces it.
   */
  const rebuildProjections = async (selected: readonly Projection[], swap: boolean, compare: boolean): Promise<readonly RebuildReport[]> => {
    const shadow = identifier(`read_rebuild_${randomBytes(4).toString('hex')}`);
    try {
      const started = performance.now();
      await db.exec(`CREATE SCHEMA ${shadow};\n${selected.flatMap((projection) => projection.tables.map((table) => createTableSql(shadow, table, { primaryKey: false }))).join('\n')}`);
      const shadowMarks = new Map<string, Position | null>(selected.map((projection) => [projection.name, null]));
      const built = await buildInBulk(shadow, selected);
      for (const projection of selected) shadowMarks.set(projection.name, built.position);
      const applyShadow = async (events: readonly StoredEvent[]): Promise<void> => {
        await applyEvents(shadow, selected, shadowMarks, events, false);
        for (const projection of selected) shadowMarks.set(projection.name, laterOf(shadowMarks.get(projection.name) ?? null, events.at(-1)?.position ?? null));
      };
      const seconds = (performance.now() - started) / 1000;

      return await exclusive(async () => {
        await loadCheckpoints();
        // Both copies to one position: the later of the shadow's and the live projections'.
        let target: Position | null = minimumOf(shadowMarks, selected);
        for (const projection of selected) target = laterOf(target, checkpoints.get(projection.name) ?? null);
        const liveTargets = selected.filter((projection) => {
          const at = checkpoints.get(projection.name) ?? null;
          return at !== null && at !== target;
        });
        if (liveTargets.length > 0) {
          await advance(liveTargets, checkpoints, target, batchSize, async (events) => {
            const applied = await applyEvents(READ_SCHEMA, liveTargets, checkpoints, events, true);
            for (const [applyName] of applied) checkpoints.set(applyName, events.at(-1)?.position ?? null);
          });
        }
        const extra = await advance(selected, shadowMarks, target, rebuildBatchSize, applyShadow);
        const reports: RebuildReport[] = [];
        for (const projection of selected) {
          const shadowDigest = compare ? await readModelDigest(db, projection.name, shadow) : '';
          const liveDigest = compare ? await readModelDigest(db, projection.name, READ_SCHEMA) : '';
          reports.push({
            projection: projection.name,
            events: built.events + extra,
            shadowDigest,
            liveDigest,
            equal: compare && shadowDigest === liveDigest,
            swapped: swap,
            eventsPerSecond: seconds > 0 ? Math.round(built.events / seconds) : built.events,
          });
        }
        if (swap) {
          await db.transaction(async (tx) => {
            for (const projection of selected) {
              for (const table of projection.tables) {
                await tx.exec(`DROP TABLE ${READ_SCHEMA}.${table.name}; ALTER TABLE ${shadow}.${table.name} SET SCHEMA ${READ_SCHEMA};`);
              }
            }
            await tx.query(`UPDATE ${READ_SCHEMA}.checkpoints SET position = $2, events_applied = $3, updated_at = now() WHERE projection = ANY($1::text[])`, [
              selected.map((projection) => projection.name),
              target,
              built.events + extra,
            ]);
          });
          // The tables the memos describe are gone.
          forgetMemos();
          for (const projection of selected) {
            checkpoints.set(projection.name, target);
            counters.applied.set(projection.name, (counters.applied.get(projection.name) ?? 0) + built.events + extra);
          }
        }
        counters.rebuilds += 1;
        settleWaiters();
        return reports;
      });
    } finally {
      await db.exec(`DROP SCHEMA IF EXISTS ${shadow} CASCADE`);
    }
  };

  const lag = async (): Promise<{ readonly events: number; readonly seconds: number }> => {
    await ensureLoaded();
    const page = await store.readAll({ after: checkpoint(), limit: lagScanLimit });
    const first = page.events[0];
    const seconds = first === undefined ? 0 : Math.max(0, (now().getTime() - Date.parse(first.metadata.recordedAt)) / 1000);
    return { events: page.events.length, seconds };
  };

  return {
    start,
    stop,
    checkpoint,
    waitForPosition: (position, timeoutMs) => {
      const at = checkpoint();
      if (at !== null && at >= position) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const waiter = {
          position,
          resolve,
          timer: setTimeout(() => {
            waiters.delete(waiter);
            resolve(false);
          }, timeoutMs),
        };
        waiters.add(waiter);
        wake();
      });
    },
    lag,
    rebuild,
    metricsText: async () => {
      await ensureLoaded();
      return prometheusText(await lag(), new Map(checkpoints), counters, lagScanLimit);
    },
  };
};
