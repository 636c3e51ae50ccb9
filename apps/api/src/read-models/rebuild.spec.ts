import { dateDeadline } from '@chidao/domain';
import * as fc from 'fast-check';
import type { EventStore } from '@chidao/event-store';
import { readModelDigest } from './digest';
import { playScript, taskScriptArbitrary } from './histories.test-support';
import { agencyScorecard, listTasks } from './queries';
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
 * Rebuild: a shadow copy built from the log equals the live read model (digest), swaps in, repairs
 * a damaged live copy, survives events arriving meanwhile, and leaves nothing behind when it fails.
 * And the read models do not depend on how the log was cut into batches.
 */

const digests = async (database: ReadDatabase): Promise<Record<string, string>> => {
  const result: Record<string, string> = {};
  for (const projection of PROJECTIONS) result[projection.name] = await readModelDigest(database.db, projection.name);
  return result;
};

const shadowSchemas = async (database: ReadDatabase): Promise<string[]> =>
  (await database.db.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'read_rebuild_%'`)).map((row) => String(row['nspname']));

describe.each(DATABASE_TARGETS)('rebuild — read models on $name', ({ open }) => {
  jest.setTimeout(180_000);
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

  it('builds a shadow copy equal to the live one and swaps it in, in one transaction; the queries answer as before', async () => {
    const live = runner();
    await live.start();
    const before = await digests(database);
    const tasksBefore = await listTasks(database.db, { asOf: '2026-03-31', page: 1, pageSize: 100 });
    const scorecardBefore = await agencyScorecard(database.db, { asOf: '2026-03-31' });

    const reports = await live.rebuild();
    expect(reports.map((report) => report.projection)).toEqual(PROJECTIONS.map((projection) => projection.name));
    for (const report of reports) {
      expect(report).toMatchObject({ equal: true, swapped: true, shadowDigest: before[report.projection], liveDigest: before[report.projection] });
      expect(report.events).toBe((await world.store.readAll({ limit: 1_000 })).events.length);
      expect(report.eventsPerSecond).toBeGreaterThan(0);
    }
    expect(await digests(database)).toEqual(before);
    expect(await listTasks(database.db, { asOf: '2026-03-31', page: 1, pageSize: 100 })).toEqual(tasksBefore);
    expect(await agencyScorecard(database.db, { asOf: '2026-03-31' })).toEqual(scorecardBefore);
    expect(await shadowSchemas(database)).toEqual([]);

    // Still live after the swap: new events land in the swapped-in tables.
    const appended = await world.must({ type: 'IssueTaskReminder', data: { taskId: 'kl-2026-02/3' }, metadata: world.metadata('2026-04-20') });
    expect(await live.waitForPosition(appended.position!, 5_000)).toBe(true);
    const [row] = await database.db.query(`SELECT reminder_count FROM read.tasks WHERE task_id = 'kl-2026-02/3'`);
    expect(row?.['reminder_count']).toBe(2);
  });

  it('catches a damaged live row by its digest and repairs it by the swap; without swap it only reports', async () => {
    const live = runner();
    await live.start();
    const good = await readModelDigest(database.db, 'tasks');
    await database.db.query(`UPDATE read.task_history SET state = 'completed' WHERE task_id = 'kl-2026-02/3'`);
    const damaged = await readModelDigest(database.db, 'tasks');
    expect(damaged).not.toBe(good);

    const [dryRun] = await live.rebuild('tasks', { swap: false });
    expect(dryRun).toMatchObject({ projection: 'tasks', equal: false, swapped: false, shadowDigest: good, liveDigest: damaged });
    expect(await readModelDigest(database.db, 'tasks')).toBe(damaged);

    const [repair] = await live.rebuild('tasks');
    expect(repair).toMatchObject({ equal: false, swapped: true, shadowDigest: good, liveDigest: damaged });
    expect(await readModelDigest(database.db, 'tasks')).toBe(good);
  });

  it('ends aligned when events keep arriving while it builds', async () => {
    const live = runner({ batchSize: 3 });
    await live.start();
    const rebuilding = live.rebuild('tasks', { swap: true });
    for (let day = 10; day < 20; day += 1) {
      await world.task('IssueTaskReminder', 'kl-2026-02/3', `2026-04-${day}`, {});
    }
    const [report] = await rebuilding;
    expect(report).toMatchObject({ equal: true, swapped: true });
    const last = (await world.store.readStream('task-kl-2026-02/3', { direction: 'backwards', limit: 1 }))[0]!.position;
    expect(await live.waitForPosition(last, 5_000)).toBe(true);
    const [check] = await live.rebuild('tasks', { swap: false });
    expect(check!.equal).toBe(true);
    const [row] = await database.db.query(`SELECT reminder_count FROM read.tasks WHERE task_id = 'kl-2026-02/3'`);
    expect(row?.['reminder_count']).toBe(11);
  });

  it('leaves the live read model and no shadow schema behind when a rebuild fails', async () => {
    const live = runner();
    await live.start();
    const before = await digests(database);
    let pages = 0;
    const failing: EventStore = {
      ...world.store,
      readAll: async (options) => {
        pages += 1;
        if (pages > 2) throw new Error('the log went away');
        return world.store.readAll(options);
      },
    };
    const doomed = createProjectionRunner({ store: failing, db: database.db, rebuildBatchSize: 5 });
    await expect(doomed.rebuild()).rejects.toThrow('the log went away');
    expect(await digests(database)).toEqual(before);
    expect(await shadowSchemas(database)).toEqual([]);
  });

  it('refuses an unknown projection', async () => {
    await expect(runner().rebuild('nope')).rejects.toThrow(RangeError);
  });

  // The small batches run with a memo of the rows they wrote of no task (every batch reads the tables),
  // of one or two tasks (kept rows and rows read back, partial histories among them, in one batch) or of all.
  it('gives read models that do not depend on how the log was cut into batches, nor on batch or bulk building, nor on the runner\'s memo (papers entered late included)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(taskScriptArbitrary(10), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom(0, 1, 2, 10_000),
        fc.boolean(),
        async (scripts, small, memoSize, interleaved) => {
        await resetReadModels(database.db);
        world = createWorld();
        await world.registerDirective('d', '2026-01-02');
        // One task after another, or all at once: their events interleave in the log, and a small memo
        // forgets a task between two of its batches, reads its rows back from a date on, and keeps them.
        if (interleaved) await Promise.all(scripts.map((script, index) => playScript(world, `d/${index + 1}`, script)));
        else for (const [index, script] of scripts.entries()) await playScript(world, `d/${index + 1}`, script);
        const one = runner({ batchSize: small, memoSize });
        await one.start();
        await one.stop();
        const byOne = await digests(database);
        await resetReadModels(database.db);
        const all = runner({ batchSize: 500 });
        await all.start();
        await all.stop();
        expect(await digests(database)).toEqual(byOne);
        await resetReadModels(database.db);
        const bulk = runner({ bulkStart: true });
        await bulk.start();
        await bulk.stop();
        expect(await digests(database)).toEqual(byOne);
        const reports = await all.rebuild(undefined, { swap: false });
        expect(reports.every((report) => report.equal)).toBe(true);
        },
      ),
      { numRuns: Number(process.env['CHIDAO_PROPERTY_RUNS'] ?? 20) },
    );
  });

  it('reads a task\'s rows again for a paper dated before the rows a restarted runner read back and kept', async () => {
    await resetReadModels(database.db);
    world = createWorld();
    await world.registerDirective('d', '2026-01-02');
    await world.assignTask('d/1', '2026-01-02', { lead: KHCN, deadline: dateDeadline('2026-03-20', 'by') });
    await world.task('ReportTaskProgress', 'd/1', '2026-02-01', { summary: 'Lần 1' });
    await world.task('ReportTaskProgress', 'd/1', '2026-03-01', { summary: 'Lần 2' });
    const first = runner();
    await first.start();
    await first.stop();
    // A report dated 10/3, then an extension dated 10/2 entered late.
    await world.task('ReportTaskProgress', 'd/1', '2026-03-10', { summary: 'Lần 3' });
    await world.task('ExtendTaskDeadline', 'd/1', '2026-02-10', { to: dateDeadline('2026-04-30', 'by'), reason: 'Gia hạn' });
    // A new runner reads the task's rows back from the one in force before 10/3 and keeps them; the next
    // batch, dated 10/2, needs a row older than those.
    const second = runner({ batchSize: 1 });
    await second.start();
    await second.stop();
    const [report] = await second.rebuild('tasks', { swap: false });
    expect(report?.equal).toBe(true);
  });

  it('keeps the agency filter of the task list working on swapped-in tables', async () => {
    const live = runner();
    await live.start();
    await live.rebuild('tasks');
    const page = await listTasks(database.db, { asOf: '2026-04-30', agencyId: KHCN, page: 1, pageSize: 10 });
    expect(page.items.map((task) => task.taskId)).toEqual(['kl-2026-02/1', 'kl-2026-02/3']);
  });
});

reportPostgresSkipped('rebuild');
