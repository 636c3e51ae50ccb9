import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import {
  dateDeadline,
  eventDeadline,
  explainError,
  noDeadline,
  periodDeadline,
  type Actor,
  type CommandMetadata,
  type Deadline,
  type DomainError,
  type TaskCommandInput,
} from '@chidao/domain';
import {
  createEventStore,
  createInMemoryBackend,
  executeDomainCommand,
  type AppendResult,
  type EventStore,
} from '@chidao/event-store';
import { pgliteSqlClient, pgSqlClient, type SqlClient } from '@chidao/event-store-postgres';
import * as E from 'fp-ts/Either';
import { Client, Pool } from 'pg';
import { PROJECTIONS, READ_SCHEMA } from './schema';

/*
 * Test support for the read-model specs (not a spec itself): the databases the read models are tested
 * on, and a small world that builds histories through the real command path (deciders + store).
 */

/** A read-model database for a spec file. */
export type ReadDatabase = { readonly db: SqlClient; readonly close: () => Promise<void> };

/** The server the PostgreSQL runs use, or undefined: then only PGlite runs, and the specs say PostgreSQL was skipped. */
export const testDatabaseUrl: string | undefined = process.env['TEST_DATABASE_URL'] || undefined;

/** A database target: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export type DatabaseTarget = { readonly name: string; readonly open: () => Promise<ReadDatabase> };

const openPGlite = async (): Promise<ReadDatabase> => {
  const pglite = await PGlite.create();
  return { db: pgliteSqlClient(pglite), close: () => pglite.close() };
};

const withAdmin = async <T>(url: string, work: (client: Client) => Promise<T>): Promise<T> => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

/** A database of its own on the server (`chidao_read_test_<pid>_<random>`), dropped on close. */
const openPostgres = async (url: string): Promise<ReadDatabase> => {
  const name = `chidao_read_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin(url, (client) => client.query(`CREATE DATABASE ${name}`));
  const target = new URL(url);
  target.pathname = `/${name}`;
  const pool = new Pool({ connectionString: target.toString(), max: 4 });
  pool.on('error', () => undefined);
  return {
    db: pgSqlClient(pool),
    close: async () => {
      await pool.end();
      await withAdmin(url, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
};

/** The databases every read-model spec runs on. */
export const DATABASE_TARGETS: readonly DatabaseTarget[] = [
  { name: 'PGlite', open: openPGlite },
  ...(testDatabaseUrl === undefined ? [] : [{ name: 'PostgreSQL', open: () => openPostgres(testDatabaseUrl) }]),
];

/** Declares, by name, that the PostgreSQL runs of a spec were skipped: never silently green. */
export const reportPostgresSkipped = (what: string): void => {
  if (testDatabaseUrl === undefined) {
    describe.skip(`${what}: PostgreSQL — skipped: TEST_DATABASE_URL is not set (the same tests ran on PGlite)`, () => {
      it('runs on a PostgreSQL server', () => undefined);
    });
  }
};

/** Empties schema `read` between tests: every read table, and the checkpoints back to null. */
export const resetReadModels = async (db: SqlClient): Promise<void> => {
  const tables = PROJECTIONS.flatMap((projection) => projection.tables.map((table) => `${READ_SCHEMA}.${table.name}`));
  await db.exec(`TRUNCATE ${tables.join(', ')}; UPDATE ${READ_SCHEMA}.checkpoints SET position = NULL, events_applied = 0;`);
};

/** The secretariat clerk who enters documents. */
export const clerk: Actor = { userId: 'vp-ubnd.chuyen-vien', role: 'secretariat' };
/** An officer of an agency. */
export const officerOf = (agencyId: string): Actor => ({ userId: `${agencyId}.can-bo`, role: 'agency', agencyId });

export const KHCN = 'khanh-hoa.so-khcn';
export const NOI_VU = 'khanh-hoa.so-noi-vu';
export const TAI_CHINH = 'khanh-hoa.so-tai-chinh';
export const XAY_DUNG = 'khanh-hoa.so-xay-dung';
export const CONG_AN = 'khanh-hoa.cong-an';

/** The task commands, by type, without their metadata and task id. */
type TaskCommandData<Type extends TaskCommandInput['type']> = Omit<Extract<TaskCommandInput, { type: Type }>['data'], 'taskId'>;

/**
 * A store and a clock, and commands through `executeDomainCommand` as the API sends them. Every
 * command is recorded one minute after the previous one (the `recordedAt` axis); its business date is
 * what the test says (the `occurredOn` axis).
 */
export type World = {
  readonly store: EventStore;
  /** The instant the next command will be recorded at. */
  readonly clock: () => string;
  /** Runs a command; Left is the decider's refusal. */
  readonly run: (command: Parameters<typeof executeDomainCommand>[1]) => Promise<E.Either<DomainError, AppendResult>>;
  /** Runs a command that must succeed. */
  readonly must: (command: Parameters<typeof executeDomainCommand>[1]) => Promise<AppendResult>;
  readonly metadata: (occurredOn: string, actor?: Actor) => CommandMetadata;
  readonly registerDirective: (directiveId: string, on: string, symbol?: string) => Promise<AppendResult>;
  readonly assignTask: (
    taskId: string,
    on: string,
    task: { readonly lead: string; readonly deadline: Deadline; readonly clause?: string; readonly content?: string; readonly cooperating?: readonly string[] },
  ) => Promise<AppendResult>;
  readonly task: <Type extends Exclude<TaskCommandInput['type'], 'AssignTask'>>(
    type: Type,
    taskId: string,
    on: string,
    data?: TaskCommandData<Type>,
    actor?: Actor,
  ) => Promise<E.Either<DomainError, AppendResult>>;
};

let commandCounter = 0;

/** A new world on a store (a fresh in-memory store by default). */
export const createWorld = (store: EventStore = createEventStore(createInMemoryBackend(), { pollIntervalMs: 20 }), start = '2026-03-02T01:00:00.000Z'): World => {
  let now = Date.parse(start);
  const clock = (): string => new Date(now).toISOString();
  const dependencies = {
    store,
    now: () => {
      const at = clock();
      now += 60_000;
      return at;
    },
  };
  const metadata = (occurredOn: string, actor: Actor = clerk): CommandMetadata => {
    commandCounter += 1;
    return { commandId: `read-test-${process.pid}-${commandCounter}`, actor, occurredOn };
  };
  const run: World['run'] = (command) => executeDomainCommand(dependencies, command);
  const must: World['must'] = async (command) => {
    const outcome = await run(command);
    if (E.isLeft(outcome)) {
      const { vi, en } = explainError(outcome.left);
      throw new Error(`${command.type} refused: ${outcome.left._tag} — ${vi} / ${en}`);
    }
    return outcome.right;
  };
  return {
    store,
    clock,
    run,
    must,
    metadata,
    registerDirective: (directiveId, on, symbol = `${directiveId.length}/TB-UBND`) =>
      must({
        type: 'RegisterDirective',
        data: {
          directiveId,
          symbol,
          issuer: { name: 'Ủy ban nhân dân tỉnh Khánh Hòa', agencyId: 'khanh-hoa.ubnd' },
          issuedOn: on,
          subject: `Thông báo kết luận ${directiveId}`,
          references: [],
        },
        metadata: metadata(on),
      }),
    assignTask: (taskId, on, task) =>
      must({
        type: 'AssignTask',
        data: {
          taskId,
          directiveId: taskId.slice(0, taskId.indexOf('/')),
          clause: task.clause ?? taskId.slice(taskId.indexOf('/') + 1),
          content: task.content ?? `Nội dung nhiệm vụ ${taskId}`,
          lead: task.lead,
          cooperating: [...(task.cooperating ?? [])],
          priority: false,
          deadline: task.deadline,
        },
        metadata: metadata(on),
      }),
    task: (type, taskId, on, data, actor) =>
      run({ type, data: { ...(data ?? {}), taskId }, metadata: metadata(on, actor) } as unknown as Parameters<typeof executeDomainCommand>[1]),
  };
};

/**
 * A directive with five tasks and a busy month: reminders, extensions, reports, a returned and a
 * confirmed completion, a reassignment, a suspension, a withdrawal, and papers entered late (a
 * business date before the task's latest).
 */
export const recordSampleHistory = async (world: World, directiveId = 'kl-2026-02'): Promise<void> => {
  const t = (n: number) => `${directiveId}/${n}`;
  await world.registerDirective(directiveId, '2026-02-27');
  await world.assignTask(t(1), '2026-02-27', { lead: KHCN, deadline: dateDeadline('2026-03-15', 'by') });
  await world.assignTask(t(2), '2026-02-27', { lead: NOI_VU, deadline: dateDeadline('2026-03-06', 'before'), cooperating: [KHCN] });
  await world.assignTask(t(3), '2026-02-27', { lead: TAI_CHINH, deadline: periodDeadline('month', 2026, 3) });
  await world.assignTask(t(4), '2026-02-27', { lead: XAY_DUNG, deadline: noDeadline('continuous') });
  await world.assignTask(t(5), '2026-02-27', { lead: CONG_AN, deadline: eventDeadline({ kind: 'meeting', description: 'phiên họp thứ 7', session: 7 }) });
  const ok = async (outcome: Promise<E.Either<DomainError, AppendResult>>) => {
    const result = await outcome;
    if (E.isLeft(result)) throw new Error(`refused: ${result.left._tag}`);
  };
  await ok(world.task('IssueTaskReminder', t(1), '2026-03-05', { document: { symbol: '120/TB-UBND', issuedOn: '2026-03-05' } }));
  await ok(world.task('ReportTaskProgress', t(1), '2026-03-10', { summary: 'Đã xây dựng dự thảo' }, officerOf(KHCN)));
  // Entered late: an extension dated before the progress report above.
  await ok(world.task('ExtendTaskDeadline', t(1), '2026-03-08', { to: dateDeadline('2026-03-31', 'by'), reason: 'Chờ ý kiến các sở' }));
  await ok(world.task('ReportTaskCompletion', t(1), '2026-03-30', { summary: 'Đã trình UBND tỉnh' }, officerOf(KHCN)));
  await ok(world.task('ReturnTaskCompletion', t(1), '2026-04-02', { reason: 'Chưa đủ hồ sơ' }));
  await ok(world.task('ReportTaskCompletion', t(1), '2026-04-06', { summary: 'Đã bổ sung hồ sơ' }, officerOf(KHCN)));
  await ok(world.task('ConfirmTaskCompletion', t(1), '2026-04-08', {}));
  await ok(world.task('ReportTaskCompletion', t(2), '2026-03-05', { summary: 'Xong' }, officerOf(NOI_VU)));
  await ok(world.task('ConfirmTaskCompletion', t(2), '2026-03-09', {}));
  await ok(world.task('ReassignTask', t(3), '2026-03-12', { to: KHCN, reason: 'Sắp xếp bộ máy' }));
  await ok(world.task('IssueTaskReminder', t(3), '2026-04-03', {}));
  await ok(world.task('SuspendTask', t(4), '2026-03-20', { reason: 'Chờ chủ trương' }));
  await ok(world.task('ScheduleTaskDeadlineEvent', t(5), '2026-03-02', { eventOn: '2026-03-25' }));
  await ok(world.task('WithdrawTask', t(5), '2026-03-18', { reason: 'Không còn phù hợp' }));
  // Entered late again: a reminder dated before the withdrawal was entered after it. (Refused: withdrawn.)
  await world.task('IssueTaskReminder', t(5), '2026-03-10', {});
};
