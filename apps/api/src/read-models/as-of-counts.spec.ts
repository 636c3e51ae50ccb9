import { addDays, TASK_STATUS_CODES } from '@chidao/domain';
import { agencyScorecard, directiveProgress } from './queries';
import { createWorld, DATABASE_TARGETS, KHCN, recordSampleHistory, reportPostgresSkipped, type ReadDatabase } from './read-models.test-support';
import { createProjectionRunner } from './runner';
import { migrateReadModels } from './schema';

/*
 * The scorecard and directive progress find the history rows valid on a date by span class (a row
 * valid for at most 2^k days began in the last 2^k days; status-sql.ts, AS_OF_COUNTS). Here they are
 * checked against read.task_status_on, which finds the same rows the plain way (valid_from <= D <
 * valid_to), on rows valid for every length around a class boundary — 1 day to 40,000, and open-ended —
 * on the first and last day of each row and the days either side.
 */

const LENGTHS = [1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256, 257, 511, 512, 513, 1023, 1024, 1025, 4096, 4097, 32_767, 32_768, 32_769, 40_000];
const PIVOT = '2026-03-10';

type Expected = { total: number; counts: Record<string, number>; extensions: number; tasksExtended: number; reminders: number; doneOnTimeOriginal: number; doneLateOriginal: number };

describe.each(DATABASE_TARGETS)('"as of" counts by span class — read models on $name', ({ open }) => {
  jest.setTimeout(180_000);
  let database: ReadDatabase;
  const dates = new Set<string>();

  beforeAll(async () => {
    database = await open();
    await migrateReadModels(database.db);
    const world = createWorld();
    await recordSampleHistory(world);
    const runner = createProjectionRunner({ store: world.store, db: database.db, batchSize: 5 });
    await runner.start();
    await runner.stop();

    // Copies of the sample's current rows (every status the sample reaches), each valid for one of the
    // lengths: one beginning on the pivot date, one ending on it; and open-ended ones.
    const copies: { taskId: string; from: string; to: string; directive: string }[] = [];
    for (const [n, length] of LENGTHS.entries()) {
      for (const from of [PIVOT, addDays(PIVOT, 1 - length)]) {
        const to = addDays(from, length);
        copies.push({ taskId: `span-${length}-${from}`, from, to, directive: `d-${n % 3}` });
        for (const day of [addDays(from, -1), from, addDays(to, -1), to]) dates.add(day);
      }
    }
    for (const [n, from] of ['2025-12-01', PIVOT, '2026-05-01'].entries()) copies.push({ taskId: `open-${from}`, from, to: 'infinity', directive: `d-${n}` });
    await database.db.query(
      `INSERT INTO read.task_history
       SELECT (jsonb_populate_record(NULL::read.task_history, to_jsonb(t) || jsonb_build_object(
                'task_id', c.task_id, 'valid_from', c.valid_from, 'valid_to', c.valid_to, 'directive_id', c.directive_id))).*
       FROM unnest($1::text[], $2::date[], $3::date[], $4::text[]) WITH ORDINALITY AS c(task_id, valid_from, valid_to, directive_id, n)
       JOIN (SELECT row_number() OVER (ORDER BY task_id, valid_from) AS k, count(*) OVER () AS templates, h.*
             FROM read.task_history h WHERE h.superseded_at IS NULL) t ON t.k = 1 + c.n % t.templates`,
      [copies.map((copy) => copy.taskId), copies.map((copy) => copy.from), copies.map((copy) => copy.to), copies.map((copy) => copy.directive)],
    );
    for (const day of ['2025-11-30', '2025-12-01', '2026-04-30', '2026-05-01', '2026-02-27', '2026-04-08']) dates.add(day);
  });
  afterAll(() => database.close());

  /** What the plain scan finds on `asOf`, grouped by `key`, with only tasks assigned from `from` and led by `agency`. */
  const expected = async (asOf: string, key: 'lead_agency_id' | 'directive_id', from?: string, agency?: string): Promise<Map<string, Expected>> => {
    const rows = await database.db.query(
      `SELECT ${key} AS key, status, status_against_original AS original, extension_count, reminder_count
       FROM read.task_status_on($1::date) WHERE ($2::date IS NULL OR assigned_on >= $2::date) AND ($3::text IS NULL OR lead_agency_id = $3::text)`,
      [asOf, from ?? null, agency ?? null],
    );
    const groups = new Map<string, Expected>();
    for (const row of rows) {
      const group = groups.get(String(row['key'])) ?? { total: 0, counts: Object.fromEntries(TASK_STATUS_CODES.map((code) => [code, 0])), extensions: 0, tasksExtended: 0, reminders: 0, doneOnTimeOriginal: 0, doneLateOriginal: 0 };
      group.total += 1;
      group.counts[String(row['status'])] = (group.counts[String(row['status'])] ?? 0) + 1;
      group.extensions += Number(row['extension_count']);
      group.tasksExtended += Number(row['extension_count']) > 0 ? 1 : 0;
      group.reminders += Number(row['reminder_count']);
      if (row['original'] === 'hoan_thanh_dung_han') group.doneOnTimeOriginal += 1;
      if (row['original'] === 'hoan_thanh_qua_han') group.doneLateOriginal += 1;
      groups.set(String(row['key']), group);
    }
    return groups;
  };

  it('counts, per agency and on every date checked, exactly the rows valid that day', async () => {
    expect(dates.size).toBeGreaterThan(90);
    let rowsCompared = 0;
    for (const [n, asOf] of [...dates].sort().entries()) {
      // Every fifth date also with a period start and one agency.
      const from = n % 5 === 0 ? '2026-02-27' : undefined;
      const agency = n % 10 === 0 ? KHCN : undefined;
      const want = await expected(asOf, 'lead_agency_id', from, agency);
      const got = await agencyScorecard(database.db, { asOf, ...(from === undefined ? {} : { from }), ...(agency === undefined ? {} : { agencyId: agency }) });
      expect({ asOf, agencies: got.map((row) => row.agencyId) }).toEqual({ asOf, agencies: [...want.keys()].sort() });
      for (const row of got) {
        const { total, counts, extensions, tasksExtended, reminders, doneOnTimeOriginal, doneLateOriginal } = row;
        expect({ asOf, agency: row.agencyId, total, counts, extensions, tasksExtended, reminders, doneOnTimeOriginal, doneLateOriginal }).toEqual({ asOf, agency: row.agencyId, ...want.get(row.agencyId) });
        rowsCompared += total;
      }
    }
    // Most of the copies were counted on some date, each of them on its own.
    expect(rowsCompared).toBeGreaterThan(2_000);
  });

  it('counts, per directive and on every date checked, exactly the rows valid that day', async () => {
    for (const [n, asOf] of [...dates].sort().entries()) {
      const agency = n % 4 === 0 ? KHCN : undefined;
      const want = await expected(asOf, 'directive_id', undefined, agency);
      const got = await directiveProgress(database.db, { asOf, ...(agency === undefined ? {} : { agencyId: agency }) });
      expect({ asOf, directives: got.map((row) => row.directiveId).sort() }).toEqual({ asOf, directives: [...want.keys()].sort() });
      for (const row of got) {
        expect({ asOf, directive: row.directiveId, total: row.total, counts: row.counts }).toEqual({
          asOf,
          directive: row.directiveId,
          total: want.get(row.directiveId)?.total,
          counts: want.get(row.directiveId)?.counts,
        });
      }
    }
  });

  it('upgrades a schema of version 1: the span index replaces the (valid_to, valid_from) one, the counts unchanged', async () => {
    const before = await agencyScorecard(database.db, { asOf: PIVOT });
    await database.db.exec(`
      DROP INDEX read.task_history_span;
      CREATE INDEX task_history_valid ON read.task_history (valid_to, valid_from) WHERE superseded_at IS NULL;
      DELETE FROM read.migrations WHERE version = 2;`);
    expect(await migrateReadModels(database.db)).toEqual([2]);
    const indexes = await database.db.query(`SELECT indexname FROM pg_indexes WHERE schemaname = 'read' AND tablename = 'task_history' ORDER BY 1`);
    expect(indexes.map((row) => row['indexname'])).toEqual(['task_history_directive_valid', 'task_history_lead_valid', 'task_history_pkey', 'task_history_span']);
    expect(await agencyScorecard(database.db, { asOf: PIVOT })).toEqual(before);
    expect(await migrateReadModels(database.db)).toEqual([]);
  });
});

reportPostgresSkipped('"as of" counts by span class');
