import * as fc from 'fast-check';
import { TASK_STATUS_CODES, dueDateOf, taskStatusOn, type Deadline, type DeadlineJudgement, type LocalDate } from '@chidao/domain';
import { interestingDates, playScript, taskEventsOf, taskScriptArbitrary } from './histories.test-support';
import { createWorld, DATABASE_TARGETS, reportPostgresSkipped, resetReadModels, type ReadDatabase } from './read-models.test-support';
import { createProjectionRunner } from './runner';
import { migrateReadModels } from './schema';

/*
 * The status SQL computes (read.task_status_on over read.task_history) is the domain's statusOf on the
 * domain's taskAt: for generated histories of every deadline kind — date ("trước"/"chậm nhất"),
 * period, event (scheduled or not), none and recurring (weekly, monthly, quarterly, yearly, with
 * start and end dates, reports naming occurrences or not) — checked on many dates around every event
 * and due date, with the due-soon window, the period end and "trước ngày X" inclusivity varied.
 */

type Judged = {
  readonly code: string;
  readonly dueOn: string | undefined;
  readonly dueSoon: boolean;
  readonly daysOverdue: number | undefined;
  readonly daysUntilDue: number | undefined;
};

const fromDomain = (judgement: DeadlineJudgement): Judged => ({
  code: judgement.code,
  dueOn: judgement.dueOn,
  dueSoon: judgement.dueSoon,
  daysOverdue: judgement.daysOverdue,
  daysUntilDue: judgement.daysUntilDue,
});

const orUndefined = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);

const RECURRING_CODES = ['cho_xac_nhan', 'chua_den_han', 'dang_thuc_hien_qua_han', 'dang_thuc_hien_trong_han', 'hoan_thanh_dung_han', 'hoan_thanh_qua_han', 'null', 'tam_dung'];

describe.each(DATABASE_TARGETS)('status in SQL agrees with statusOf — read models on $name', ({ open }) => {
  jest.setTimeout(180_000);

  let database: ReadDatabase;

  beforeAll(async () => {
    database = await open();
    await migrateReadModels(database.db);
  });
  afterAll(() => database.close());

  /** `slowPath`: every recurring row judged by read.recurring_judgement instead of its precomputed summary. */
  const check = async (recurring: boolean, numRuns: number, expectedCodes: readonly string[], slowPath = false): Promise<void> => {
    let compared = 0;
    const codes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(taskScriptArbitrary(recurring ? 16 : 12, recurring), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 14 }),
        fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
        fc.boolean(),
        fc.array(fc.integer({ min: -10, max: 420 }), { minLength: 5, maxLength: 15 }),
        fc.boolean(),
        async (scripts, dueSoonDays, periodEndShift, beforeIsInclusive, extraDays, bulk) => {
          await resetReadModels(database.db);
          const world = createWorld();
          await world.registerDirective('d', '2026-01-02');
          for (const [index, script] of scripts.entries()) await playScript(world, `d/${index + 1}`, script);
          const runner = createProjectionRunner({ store: world.store, db: database.db, batchSize: 7, bulkStart: bulk, deadlineSettings: { beforeIsInclusive } });
          await runner.start();
          await runner.stop();
          if (slowPath) {
            await database.db.exec(`
              UPDATE read.task_history SET st_code = NULL, st_slow = true WHERE deadline_kind = 'recurring' AND state IN ('open', 'completed');
              UPDATE read.task_history SET ost_code = NULL, ost_slow = true WHERE original_deadline_kind = 'recurring' AND state IN ('open', 'completed');`);
          }

          // Mid-month, or the first task's due date: the boundary where "not yet due in the period" starts.
          const firstEvents = await taskEventsOf(world, 'task-d/1');
          const firstDeadline = (firstEvents[0]?.data as { deadline?: Deadline } | undefined)?.deadline;
          const firstDue = firstDeadline === undefined ? undefined : dueDateOf(firstDeadline, { beforeIsInclusive });
          const periodEnd =
            periodEndShift === undefined ? undefined : periodEndShift % 2 === 1 && firstDue !== undefined ? firstDue : `2026-${String(1 + (periodEndShift % 12)).padStart(2, '0')}-15`;
          const settings = { dueSoonDays, beforeIsInclusive, ...(periodEnd === undefined ? {} : { periodEnd }) };
          const pairs: [string, LocalDate][] = [];
          const expected = new Map<string, { current: Judged; original: Judged } | undefined>();
          for (const [index] of scripts.entries()) {
            const taskId = `d/${index + 1}`;
            const events = await taskEventsOf(world, `task-${taskId}`);
            for (const asOf of interestingDates(events, extraDays)) {
              const status = taskStatusOn(events, asOf, { settings });
              pairs.push([taskId, asOf]);
              expected.set(`${taskId}@${asOf}`, status === undefined ? undefined : { current: fromDomain(status), original: fromDomain(status.againstOriginal) });
            }
          }
          const rows = await database.db.query(
            `SELECT q.task_id AS asked, q.as_of::text AS as_of, s.status, s.status_against_original, s.due_on::text AS due_on,
                    s.original_due_on::text AS original_due_on, s.due_soon, s.days_overdue, s.days_until_due, s.original_days_overdue
             FROM unnest($1::text[], $2::date[]) AS q(task_id, as_of)
             LEFT JOIN LATERAL (SELECT * FROM read.task_status_on(q.as_of, $3, $4::date) t WHERE t.task_id = q.task_id) s ON true`,
            [pairs.map(([taskId]) => taskId), pairs.map(([, asOf]) => asOf), dueSoonDays, periodEnd ?? null],
          );
          for (const row of rows) {
            const key = `${String(row['asked'])}@${String(row['as_of'])}`;
            const want = expected.get(key);
            const got =
              row['status'] === null
                ? undefined
                : {
                    current: {
                      code: row['status'],
                      dueOn: orUndefined(row['due_on']),
                      dueSoon: row['due_soon'],
                      daysOverdue: orUndefined(row['days_overdue']),
                      daysUntilDue: orUndefined(row['days_until_due']),
                    },
                    original: { code: row['status_against_original'], dueOn: orUndefined(row['original_due_on']), daysOverdue: orUndefined(row['original_days_overdue']) },
                  };
            const comparable =
              want === undefined ? undefined : { current: want.current, original: { code: want.original.code, dueOn: want.original.dueOn, daysOverdue: want.original.daysOverdue } };
            expect({ key, status: got }).toEqual({ key, status: comparable });
            compared += 1;
            codes.add(String(row['status']));
          }
          expect(rows).toHaveLength(pairs.length);
        },
      ),
      { numRuns },
    );
    expect(compared).toBeGreaterThan(1_000);
    // Every outcome the generator can reach was compared at least once.
    expect([...codes].sort()).toEqual(expectedCodes);
  };

  it('gives every task, on every date checked, the status, due date, days and due-soon flag statusOf gives', () =>
    check(false, 60, ['null', ...TASK_STATUS_CODES].sort()));

  it('judges recurring deadlines occurrence by occurrence as statusOf does, reports naming an occurrence or not', () =>
    check(true, 80, RECURRING_CODES));

  it('judges them the same the long way, occurrence by occurrence in PL/pgSQL, as for reports naming an occurrence not yet open', () =>
    check(true, 100, RECURRING_CODES, true));
});

reportPostgresSkipped('status in SQL agrees with statusOf');
