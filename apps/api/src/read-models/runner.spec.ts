import { PGlite } from '@electric-sql/pglite';
import { dateDeadline } from '@chidao/domain';
import { createEventStore, type EventStore, type StoredEvent } from '@chidao/event-store';
import { createPGliteBackend, pgliteSqlClient } from '@chidao/event-store-postgres';
import { readModelDigest } from './digest';
import { listTasks } from './queries';
import {
  createWorld,
  DATABASE_TARGETS,
  KHCN,
  recordSampleHistory,
  reportPostgresSkipped,
  resetReadModels,
  type ReadDatabase,
  type World,
} from './read-models.test-support';
import { createProjectionRunner, type ProjectionRunner } from './runner';
import { migrateReadModels, PROJECTIONS } from './schema';

/*
 * The runner: checkpoints in the same transaction as the rows, batches, restart, a batch killed
 * midway, read-your-writes, lag and metrics, two runners on one database.
 */

const allEvents = async (store: EventStore): Promise<StoredEvent[]> => {
  const events: StoredEvent[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await store.readAll({ after, limit: 1_000 });
    events.push(...page.events);
    after = page.next;
    if (page.isEnd) return events;
  }
};

const storedCheckpoints = async (database: ReadDatabase) =>
  Object.fromEntries(
    (await database.db.query('SELECT projection, position, events_applied FROM read.checkpoints ORDER BY projection')).map((row) => [
      row['projection'],
      { position: row['position'], applied: Number(row['events_applied']) },
    ]),
  );

/** Rebuilds every projection without swapping and expects each live copy to equal its shadow. */
const expectEqualToRebuild = async (runner: ProjectionRunner): Promise<void> => {
  const reports = await runner.rebuild(undefined, { swap: false });
  expect(reports.map((report) => [report.projection, report.equal])).toEqual(PROJECTIONS.map((projection) => [projection.name, true]));
};

describe.each(DATABASE_TARGETS)('projection runner — read models on $name', ({ open }) => {
  jest.setTimeout(60_000);
  let database: ReadDatabase;
  let world: World;
  const runners: ProjectionRunner[] = [];
  const runner = (options: Partial<Parameters<typeof createProjectionRunner>[0]> = {}): ProjectionRunner => {
    const created = createProjectionRunner({ store: world.store, db: database.db, pollIntervalMs: 50, retryDelayMs: 20, bulkStart: false, ...options });
    runners.push(created);
    return created;
  };

  beforeAll(async () => {
    database = await open();
    await migrateReadModels(database.db);
  });
  beforeEach(async () => {
    await resetReadModels(database.db);
    world = createWorld();
    await recordSampleHistory(world);
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((created) => created.stop()));
  });
  afterAll(() => database.close());

  it('applies every event once, in batches, and keeps each checkpoint with the rows it covers', async () => {
    const events = await allEvents(world.store);
    const live = runner({ batchSize: 4 });
    await live.start();
    const last = events.at(-1)!.position;
    expect(live.checkpoint()).toBe(last);
    const stored = await storedCheckpoints(database);
    for (const projection of PROJECTIONS) expect(stored[projection.name]).toEqual({ position: last, applied: events.length });
    const [{ n }] = (await database.db.query('SELECT count(*)::integer AS n FROM read.activity_feed')) as [{ n: number }];
    expect(n).toBe(events.length);
    await expectEqualToRebuild(live);
  });

  it('resumes from its stored checkpoints after a restart, applying nothing twice', async () => {
    const first = runner({ batchSize: 3 });
    await first.start();
    await first.stop();
    await world.task('IssueTaskReminder', 'kl-2026-02/3', '2026-04-10', {});
    await world.task('ReportTaskProgress', 'kl-2026-02/3', '2026-04-12', { summary: 'Đang tổng hợp' });
    const second = runner({ batchSize: 3 });
    await second.start();
    const events = await allEvents(world.store);
    expect(second.checkpoint()).toBe(events.at(-1)!.position);
    expect((await storedCheckpoints(database))['tasks']).toEqual({ position: events.at(-1)!.position, applied: events.length });
    await expectEqualToRebuild(second);
  });

  it('rolls a batch killed midway back entirely — rows and checkpoints — and, restarted, ends equal to a fresh rebuild', async () => {
    const events = await allEvents(world.store);
    let batches = 0;
    const killed = runner({
      batchSize: 5,
      afterApply: async (projection) => {
        if (projection !== 'tasks') return;
        batches += 1;
        // The third batch dies after the tasks projection wrote its rows, before the checkpoints move.
        if (batches === 3) throw new Error('killed mid-batch');
      },
    });
    await expect(killed.start()).rejects.toThrow('killed mid-batch');
    await killed.stop();
    const stored = await storedCheckpoints(database);
    for (const projection of PROJECTIONS) expect(stored[projection.name]).toEqual({ position: events[9]!.position, applied: 10 });
    // Nothing of the third batch is visible: the register's rows are as of the tenth event.
    const [{ n }] = (await database.db.query('SELECT count(*)::integer AS n FROM read.activity_feed')) as [{ n: number }];
    expect(n).toBe(10);

    const restarted = runner({ batchSize: 5 });
    await restarted.start();
    expect(restarted.checkpoint()).toBe(events.at(-1)!.position);
    await expectEqualToRebuild(restarted);
  });

  it('retries a live batch that failed and goes on', async () => {
    let failures = 0;
    const errors: unknown[] = [];
    const live = runner({
      onError: (error) => errors.push(error),
      afterApply: (projection) => {
        // After the tasks projection projected the batch (and set what it would keep), before the commit.
        if (projection === 'tasks' && failures === 0 && live.checkpoint() !== null && errors.length === 0 && armed) {
          failures += 1;
          throw new Error('connection lost');
        }
      },
    });
    let armed = false;
    await live.start();
    armed = true;
    const appended = await world.must({
      type: 'IssueTaskReminder',
      data: { taskId: 'kl-2026-02/3' },
      metadata: world.metadata('2026-04-20'),
    });
    expect(await live.waitForPosition(appended.position!, 5_000)).toBe(true);
    expect(failures).toBe(1);
    expect(errors).toHaveLength(1);
    expect(await live.metricsText()).toContain('chidao_projection_errors_total 1');
    // What the failed attempt projected was never kept for the retry: the reminder counts once.
    await expectEqualToRebuild(live);
  });

  it('lets a client read its own write: waitForPosition resolves once the position is applied, false on timeout', async () => {
    const live = runner();
    await live.start();
    const appended = await world.assignTask('kl-2026-02/6', '2026-04-01', { lead: KHCN, deadline: dateDeadline('2026-04-30', 'by') });
    expect(await live.waitForPosition(appended.position!, 5_000)).toBe(true);
    const page = await listTasks(database.db, { asOf: '2026-04-01', agencyId: KHCN, page: 1, pageSize: 50 });
    expect(page.items.map((task) => task.taskId)).toContain('kl-2026-02/6');
    expect(await live.waitForPosition('99999999999999999999:99999999999999999999', 50)).toBe(false);
  });

  it('reports its lag in events and seconds, and Prometheus metrics', async () => {
    const events = await allEvents(world.store);
    const now = new Date(Date.parse(events[0]!.metadata.recordedAt) + 90_000);
    const behind = runner({ now: () => now });
    expect(await behind.lag()).toEqual({ events: events.length, seconds: 90 });
    await behind.start();
    expect(await behind.lag()).toEqual({ events: 0, seconds: 0 });
    const text = await behind.metricsText();
    expect(text).toContain('# TYPE chidao_projection_lag_events gauge\nchidao_projection_lag_events 0\n');
    expect(text).toContain('chidao_projection_lag_seconds 0\n');
    expect(text).toContain(`chidao_projection_checkpoint_info{projection="tasks",position="${events.at(-1)!.position}"} 1`);
    expect(text).toContain(`chidao_projection_events_applied_total{projection="activity"} ${events.length}`);
    expect(text).toContain('chidao_projection_runner_up 1');
    for (const line of text.trim().split('\n')) expect(line).toMatch(/^(# (HELP|TYPE) chidao_\w+ .+|chidao_\w+(\{[^}]*\})? -?[0-9.e+]+)$/);
  });

  it('keeps no rows in memory across what another runner wrote while it was stopped', async () => {
    const a = runner({ batchSize: 2 });
    await a.start();
    await a.stop();
    for (let i = 0; i < 3; i += 1) await world.task('IssueTaskReminder', 'kl-2026-02/3', `2026-04-${10 + i}`, {});
    const b = runner();
    await b.start();
    await b.stop();
    await a.start();
    const last = await world.must({ type: 'IssueTaskReminder', data: { taskId: 'kl-2026-02/3' }, metadata: world.metadata('2026-04-20') });
    expect(await a.waitForPosition(last.position!, 5_000)).toBe(true);
    await expectEqualToRebuild(a);
  });

  it('never applies a batch twice when two runners share one database', async () => {
    const a = runner({ batchSize: 2 });
    const b = runner({ batchSize: 3 });
    await Promise.all([a.start(), b.start()]);
    for (let i = 0; i < 5; i += 1) await world.task('IssueTaskReminder', 'kl-2026-02/3', `2026-04-${10 + i}`, {});
    const events = await allEvents(world.store);
    const last = events.at(-1)!.position;
    expect(await a.waitForPosition(last, 5_000)).toBe(true);
    expect(await b.waitForPosition(last, 5_000)).toBe(true);
    expect((await storedCheckpoints(database))['activity']).toEqual({ position: last, applied: events.length });
    await expectEqualToRebuild(a);
  });
});

reportPostgresSkipped('projection runner');

describe('projection runner on the embedded default: one PGlite for the event store and the read models', () => {
  jest.setTimeout(60_000);

  it('keeps up with commands appended to the same PGlite instance', async () => {
    const pglite = await PGlite.create();
    try {
      const store = createEventStore(await createPGliteBackend({ db: pglite }), { pollIntervalMs: 20 });
      const db = pgliteSqlClient(pglite);
      const world = createWorld(store);
      const live = createProjectionRunner({ store, db, pollIntervalMs: 50 });
      await live.start();
      await recordSampleHistory(world);
      const appended = await world.task('IssueTaskReminder', 'kl-2026-02/3', '2026-04-10', {});
      if (appended._tag !== 'Right') throw new Error('refused');
      expect(await live.waitForPosition(appended.right.position!, 10_000)).toBe(true);
      for (const projection of PROJECTIONS) expect((await live.rebuild(projection.name, { swap: false }))[0]!.equal).toBe(true);
      expect(await readModelDigest(db, 'tasks')).toMatch(/^[0-9a-f]{64}$/);
      await live.stop();
      await store.close();
    } finally {
      await pglite.close();
    }
  });
});
