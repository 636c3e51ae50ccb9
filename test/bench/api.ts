import { CURRENT_SCHEMA_VERSIONS, TASK_STATUS_CODES, addDays, type Actor, type Deadline, type DomainEvent, type LocalDate } from '@chidao/domain';
import { createEventStore, directiveStream, taskStream, type EventStore, type NewEvent } from '@chidao/event-store';
import { createPostgresBackend, pgSqlClient, type SqlClient } from '@chidao/event-store-postgres';
import { Pool } from 'pg';
// eslint-disable-next-line @nx/enforce-module-boundaries -- a benchmark of the API's read models must run them; nothing in test/ ships
import { agencyScorecard, createProjectionRunner, listTasks } from '../../apps/api/src/read-models';
import { concurrently, percentile, residentMiB, since, thousands } from './stats';

/*
 * `npm run bench -- api`: the read models at scale. Generates BENCH_EVENTS events (default 1,000,000:
 * about 100,000 tasks of 50 agencies in 5,000 directives, each task with a plausible life — reminders,
 * reports, extensions, returns, confirmations, reassignments, papers entered late) straight into the
 * PostgreSQL event store with appendToStream, then measures:
 *
 * - the projection runner catching up from nothing (the live path, batches of 500), events/s;
 * - a rebuild of every projection into a shadow schema (what the target is about), events/s;
 * - the filtered task list (one agency, some statuses, sorted, first page) and the agency scorecard,
 *   p50/p99 over random as-of dates;
 * - commands through HTTP, p50/p99 and commands/s with 8 clients, and the API's resident memory —
 *   through `commandBench` (test/bench/api-commands.ts starts the API in its own process).
 *
 * Figures are printed beside the targets of issue 5; nothing here asserts a timing.
 */

const print = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

/** What the HTTP command benchmark reports. */
export type CommandBenchResult = {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly perSecond: number;
  readonly clients: number;
  /** GET /health with the same clients: the ceiling of HTTP and the framework on this machine, same run. */
  readonly healthPerSecond?: number;
  /** Resident memory of the API process after the run, if it measured it. */
  readonly apiRssMiB?: number;
  /** Share of the measured commands decided on a cached stream state (no stream read), 0–1. */
  readonly streamCacheHitShare?: number;
  /** One command on each of tasks the API had not touched: every stream read, every task's rows read back. */
  readonly cold?: { readonly p50Ms: number; readonly p99Ms: number; readonly perSecond: number };
};

/**
 * The hook for commands through HTTP (the API engineer's part): given the database the generated
 * events are in, and some of their directive and task ids, start the API on it and measure commands
 * with 8 concurrent clients.
 */
export type CommandBench = (setup: {
  readonly connectionString: string;
  readonly directiveIds: readonly string[];
  readonly taskIds: readonly string[];
  readonly agencyIds: readonly string[];
}) => Promise<CommandBenchResult>;

/** Settings of the API benchmark. */
export type ApiBenchOptions = {
  /** An empty PostgreSQL database for the events and the read models. */
  readonly connectionString: string;
  readonly events?: number;
  readonly commandBench?: CommandBench;
  /** Keep the events already in the database (from an earlier run) instead of generating them. */
  readonly reuse?: boolean;
};

/** A small fast PRNG (mulberry32): the same history for the same seed. */
const random = (seed: number) => {
  let state = seed >>> 0;
  return (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

const AGENCIES = Array.from({ length: 50 }, (_, i) => `khanh-hoa.bench-co-quan-${String(i + 1).padStart(2, '0')}`);
const FIRST_DAY = '2025-01-01';
const DAYS = 546;
const clerk: Actor = { userId: 'vp-ubnd.chuyen-vien', role: 'secretariat' };

const metadataFor = (type: DomainEvent['type'], occurredOn: LocalDate, actor: Actor, commandId: string, recordedAt: string) => ({
  commandId,
  actor,
  occurredOn,
  recordedAt,
  correlationId: commandId,
  causationId: null,
  schemaVersion: CURRENT_SCHEMA_VERSIONS[type],
});

/** A directive's id and registration. */
const directiveOf = (index: number): { readonly id: string; readonly on: LocalDate } => ({
  id: `bench-${String(index).padStart(5, '0')}`,
  on: addDays(FIRST_DAY, Math.floor(random(index * 7 + 1)() * DAYS)),
});

type Drafted = { readonly type: DomainEvent['type']; readonly data: Record<string, unknown>; readonly on: LocalDate; readonly actor: Actor };

/**
 * One task's life, the same every time for the same index: an assignment and a handful of events on
 * business dates that mostly move forward, a few entered late (dated before the one before them).
 */
const taskLife = (index: number, directive: { readonly id: string; readonly on: LocalDate }, clause: number): { readonly taskId: string; readonly events: Drafted[] } => {
  const rng = random(index * 31 + 17);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
  const taskId = `${directive.id}/${clause}`;
  let lead = AGENCIES[index % AGENCIES.length]!;
  const officer = (): Actor => ({ userId: `${lead}.can-bo`, role: 'agency', agencyId: lead });
  const assignedOn = directive.on;
  const roll = rng();
  let deadline: Deadline;
  const dueIn = (days: number): LocalDate => addDays(assignedOn, days);
  if (roll < 0.6) {
    const date = dueIn(15 + Math.floor(rng() * 105));
    deadline = { kind: 'date', date, qualifier: rng() < 0.5 ? 'before' : 'by', text: `trước ngày ${date}` };
  } else if (roll < 0.75) {
    const due = dueIn(30 + Math.floor(rng() * 120));
    deadline = { kind: 'period', unit: 'month', year: Number(due.slice(0, 4)), index: Number(due.slice(5, 7)), text: `trong tháng ${due.slice(5, 7)}/${due.slice(0, 4)}` };
  } else if (roll < 0.85) {
    deadline = { kind: 'none', reason: 'continuous', text: 'thường xuyên' };
  } else if (roll < 0.93) {
    deadline = { kind: 'event', event: { kind: 'meeting', description: 'phiên họp tiếp theo' }, text: 'báo cáo tại phiên họp tiếp theo' };
  } else {
    deadline = rng() < 0.7 ? { kind: 'recurring', frequency: 'monthly', day: 25, text: 'trước ngày 25 hằng tháng' } : { kind: 'recurring', frequency: 'quarterly', text: 'định kỳ hằng quý' };
  }
  const events: Drafted[] = [
    {
      type: 'TaskAssigned',
      on: assignedOn,
      actor: clerk,
      data: {
        taskId,
        directiveId: directive.id,
        clause: String(clause),
        content: `Nhiệm vụ ${clause} của văn bản ${directive.id}: triển khai, báo cáo kết quả`,
        lead,
        cooperating: [pick(AGENCIES)].filter((id) => id !== lead),
        priority: rng() < 0.1,
        deadline,
        assignedOn,
      },
    },
  ];
  let day = assignedOn;
  let state: 'open' | 'reported' | 'completed' | 'suspended' | 'withdrawn' = 'open';
  let extensions = 0;
  let scheduled = false;
  const steps = 6 + Math.floor(rng() * 13);
  for (let step = 0; step < steps && state !== 'completed' && state !== 'withdrawn'; step += 1) {
    day = addDays(day, 1 + Math.floor(rng() * 12));
    // One paper in twenty is entered late: dated a few days before the previous one.
    const on = rng() < 0.05 ? [addDays(day, -1 - Math.floor(rng() * 8)), assignedOn].sort().at(-1)! : day;
    const push = (type: DomainEvent['type'], data: Record<string, unknown>, actor: Actor = clerk) => events.push({ type, on, actor, data: { taskId, ...data } });
    const r = rng();
    if (state === 'reported') {
      if (r < 0.25) {
        push('TaskCompletionReturned', { reason: 'Chưa đạt yêu cầu', returnedOn: on });
        state = 'open';
      } else {
        push('TaskCompletionConfirmed', { confirmedOn: on });
        state = 'completed';
      }
      continue;
    }
    if (state === 'suspended') {
      push('TaskResumed', { resumedOn: on });
      state = 'open';
      continue;
    }
    const extendable = deadline.kind === 'date' || deadline.kind === 'period' || (deadline.kind === 'event' && scheduled);
    if (r < 0.012) {
      push('TaskWithdrawn', { reason: 'Không còn phù hợp', withdrawnOn: on });
      state = 'withdrawn';
    } else if (r < 0.3) {
      push('TaskProgressReported', { summary: `Báo cáo tiến độ ngày ${on}`, reportedOn: on }, officer());
    } else if (r < 0.48) {
      push('TaskReminderIssued', { document: { symbol: `${100 + step}/TB-UBND`, issuedOn: on }, remindedOn: on });
    } else if (r < 0.58 && extendable) {
      extensions += 1;
      // Later than the deadline in force, as the rules require.
      const current = deadline.kind === 'date' ? deadline.date : deadline.kind === 'event' ? (deadline.scheduledOn ?? on) : on;
      const date = addDays(current > on ? current : on, 20 + Math.floor(rng() * 40));
      const to: Deadline = { kind: 'date', date, qualifier: 'by', text: `gia hạn lần ${extensions} đến ngày ${date}` };
      push('TaskDeadlineExtended', { number: extensions, from: deadline, to, reason: 'Đề nghị của cơ quan chủ trì', extendedOn: on });
      deadline = to;
    } else if (r < 0.62 && deadline.kind === 'event' && !scheduled) {
      push('TaskDeadlineEventScheduled', { eventOn: addDays(on, 10), scheduledOn: on });
      deadline = { ...deadline, scheduledOn: addDays(on, 10) };
      scheduled = true;
    } else if (r < 0.65) {
      const to = pick(AGENCIES);
      if (to !== lead) {
        push('TaskReassigned', { from: lead, to, reason: 'Sắp xếp tổ chức bộ máy', reassignedOn: on });
        lead = to;
      }
    } else if (r < 0.67) {
      push('TaskSuspended', { reason: 'Chờ chủ trương', suspendedOn: on });
      state = 'suspended';
    } else if (r < 0.69) {
      push('TaskRecordCorrected', { corrections: { content: `Nội dung đính chính ${on}` }, reason: 'Nhập sai', correctedOn: on });
    } else if (r < 0.76 || step === steps - 1) {
      push('TaskCompletionReported', { summary: 'Đã hoàn thành', reportedOn: on }, officer());
      state = 'reported';
    } else {
      push('TaskProgressReported', { summary: `Báo cáo tiến độ ngày ${on}`, reportedOn: on }, officer());
    }
  }
  return { taskId, events };
};

const toNewEvents = (drafted: readonly Drafted[], commandId: string): NewEvent[] =>
  drafted.map(
    (event) =>
      ({
        type: event.type,
        data: event.data,
        // Entered the day after the paper, in the morning in Việt Nam.
        metadata: metadataFor(event.type, event.on, event.actor, commandId, `${addDays(event.on, 1)}T02:00:00.000Z`),
      }) as unknown as NewEvent,
  );

/** Fills the store; returns the number of events, and some ids for the command benchmark. */
const generate = async (store: EventStore, target: number): Promise<{ events: number; directiveIds: string[]; taskIds: string[] }> => {
  const directives = Math.max(1, Math.round(target / 200));
  const tasksPerDirective = 20;
  let events = 0;
  const writers = 8;
  const started = performance.now();
  await concurrently(writers, Math.ceil(directives / writers), async (worker, i) => {
    const index = worker * Math.ceil(directives / writers) + i;
    if (index >= directives) return;
    const directive = directiveOf(index);
    await store.appendToStream(
      directiveStream(directive.id),
      toNewEvents(
        [
          {
            type: 'DirectiveRegistered',
            on: directive.on,
            actor: clerk,
            data: {
              directiveId: directive.id,
              symbol: `${index + 1}/TB-UBND`,
              kind: 'TB',
              issuer: { name: 'Ủy ban nhân dân tỉnh Khánh Hòa', agencyId: 'khanh-hoa.ubnd' },
              issuedOn: directive.on,
              subject: `Thông báo kết luận số ${index + 1}`,
              references: [],
              naturalKey: `${index + 1}/TB-UBND|khanh-hoa.ubnd|${directive.on.slice(0, 4)}`,
              registeredOn: directive.on,
            },
          },
        ],
        `bench-directive-${index}`,
      ),
      { expectedRevision: 'no_stream' },
    );
    events += 1;
  });
  // Two rounds, so that the log interleaves tasks as a real one does: the first half of every task's
  // life, then the second half.
  for (const round of [0, 1] as const) {
    const tasks = directives * tasksPerDirective;
    await concurrently(writers, Math.ceil(tasks / writers), async (worker, i) => {
      const index = worker * Math.ceil(tasks / writers) + i;
      if (index >= tasks) return;
      const directive = directiveOf(Math.floor(index / tasksPerDirective));
      const { taskId, events: life } = taskLife(index, directive, (index % tasksPerDirective) + 1);
      const half = Math.ceil(life.length / 2);
      const part = round === 0 ? life.slice(0, half) : life.slice(half);
      if (part.length === 0) return;
      await store.appendToStream(taskStream(directive.id, taskId.slice(directive.id.length + 1)), toNewEvents(part, `bench-task-${index}-${round}`), {
        expectedRevision: round === 0 ? 'no_stream' : half - 1,
      });
      events += part.length;
    });
    print(`  round ${round + 1}: ${thousands(events)} events so far, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const directiveIds = Array.from({ length: Math.min(directives, 20) }, (_, i) => directiveOf(i).id);
  const taskIds = Array.from({ length: Math.min(directives * tasksPerDirective, 200) }, (_, i) => `${directiveOf(Math.floor(i / tasksPerDirective)).id}/${(i % tasksPerDirective) + 1}`);
  return { events, directiveIds, taskIds };
};

/** The log of an earlier run, read models dropped. */
const reuseLog = async (db: SqlClient): Promise<{ events: number; directiveIds: string[]; taskIds: string[] }> => {
  await db.exec('DROP SCHEMA IF EXISTS read CASCADE');
  const [row] = await db.query('SELECT count(*)::integer AS n FROM chidao.events');
  const directives = Math.max(1, Math.round(Number(row?.['n'] ?? 0) / 200));
  return {
    events: Number(row?.['n'] ?? 0),
    directiveIds: Array.from({ length: Math.min(directives, 20) }, (_, i) => directiveOf(i).id),
    taskIds: Array.from({ length: 200 }, (_, i) => `${directiveOf(Math.floor(i / 20)).id}/${(i % 20) + 1}`),
  };
};

const latencies = async (iterations: number, run: (i: number) => Promise<unknown>): Promise<{ p50: number; p99: number }> => {
  for (let i = 0; i < Math.min(10, iterations); i += 1) await run(i);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const start = performance.now();
    await run(i);
    samples.push(since(start));
  }
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
};

const line = (label: string, value: string, target: string, met: boolean | undefined): void => {
  print(`${label.padEnd(58)} ${value.padStart(22)}   ${target}${met === undefined ? '' : met ? ' — met' : ' — NOT met'}`);
};

/** Runs the API benchmark and prints its figures. */
export const runApiBench = async (options: ApiBenchOptions): Promise<Record<string, number>> => {
  const target = options.events ?? Number(process.env['BENCH_EVENTS'] ?? 1_000_000);
  const figures: Record<string, number> = {};
  const started = performance.now();
  print(`chidao API benchmark — ${new Date().toISOString()} — node ${process.version}, ${thousands(target)} events`);
  const database = new URL(options.connectionString);
  const socket = database.searchParams.get('host');
  print(`PostgreSQL ${socket === null ? `over TCP at ${database.host}` : `through its Unix socket in ${socket}`}, database ${database.pathname.slice(1)}`);

  const store = createEventStore(await createPostgresBackend({ connectionString: options.connectionString }, { poolSize: 16 }), { anchorEvery: 0 });
  const pool = new Pool({ connectionString: options.connectionString, max: 8 });
  const db: SqlClient = pgSqlClient(pool);
  try {
    print('\n== generating the log');
    const generateStart = performance.now();
    const generated = options.reuse ? await reuseLog(db) : await generate(store, target);
    figures['events'] = generated.events;
    print(`${options.reuse ? 'kept' : 'generated'} ${thousands(generated.events)} events in ${(since(generateStart) / 1000).toFixed(1)} s`);

    print('\n== projections');
    const runner = createProjectionRunner({ store, db });
    const catchUpStart = performance.now();
    await runner.start();
    const catchUp = (generated.events * 1000) / since(catchUpStart);
    figures['first_start_per_s'] = catchUp;
    line('first start of the runner on the log (built in bulk)', `${thousands(catchUp)} events/s`, '', undefined);
    // Two million rows just written leave work behind — autovacuum's (visibility maps, statistics) and the
    // checkpointer's (gigabytes of dirty pages) — which would otherwise run beside the rebuild on these two
    // cores: done now, as a day-old database has it done. (VACUUM cannot share a statement with another.)
    const settleStart = performance.now();
    await db.exec('VACUUM ANALYZE chidao.events, chidao.streams, read.tasks, read.task_history, read.activity_feed');
    await db.exec('CHECKPOINT');
    print(`database settled (VACUUM ANALYZE of the log and the largest read models, CHECKPOINT) in ${(since(settleStart) / 1000).toFixed(1)} s`);
    const reports = await runner.rebuild();
    const rebuildRate = reports[0]?.eventsPerSecond ?? 0;
    figures['rebuild_per_s'] = rebuildRate;
    line('rebuild of every projection (shadow copy, one pass)', `${thousands(rebuildRate)} events/s`, 'target ≥ 20,000 events/s', rebuildRate >= 20_000);
    line('rebuild digests equal to the live read models', reports.every((report) => report.equal) ? 'yes' : 'NO', '', reports.every((report) => report.equal));
    for (const name of ['tasks', 'activity']) {
      const [one] = await runner.rebuild(name, { swap: false });
      figures[`rebuild_${name}_per_s`] = one?.eventsPerSecond ?? 0;
      line(`rebuild of the ${name} projection alone`, `${thousands(one?.eventsPerSecond ?? 0)} events/s`, '', undefined);
    }
    // The rebuild's tables swapped in, settled like the first build's before the rebuild (above).
    await db.exec('VACUUM ANALYZE read.tasks, read.task_history, read.directives');
    await db.exec('CHECKPOINT');
    const [{ tasks, rows }] = (await db.query(
      `SELECT (SELECT count(*) FROM read.tasks)::integer AS tasks, (SELECT count(*) FROM read.task_history)::integer AS rows`,
    )) as [{ tasks: number; rows: number }];
    print(`read models: ${thousands(tasks)} tasks, ${thousands(rows)} task-history rows`);

    print('\n== queries (random as-of dates in 2025–2026)');
    const asOf = (i: number): LocalDate => addDays('2025-03-01', (i * 37) % 640);
    const list = await latencies(300, (i) =>
      listTasks(db, {
        asOf: asOf(i),
        agencyId: AGENCIES[i % AGENCIES.length]!,
        status: i % 2 === 0 ? ['dang_thuc_hien_qua_han', 'dang_thuc_hien_trong_han'] : [TASK_STATUS_CODES[i % TASK_STATUS_CODES.length]!],
        sort: i % 3 === 0 ? '-due' : 'due',
        page: 1,
        pageSize: 50,
      }),
    );
    figures['task_list_p50_ms'] = list.p50;
    figures['task_list_p99_ms'] = list.p99;
    line('task list, one agency + statuses, first page of 50: p50 / p99', `${list.p50.toFixed(1)} / ${list.p99.toFixed(1)} ms`, 'target p99 ≤ 50 ms', list.p99 <= 50);
    const wide = await latencies(30, (i) => listTasks(db, { asOf: asOf(i), status: ['dang_thuc_hien_qua_han'], sort: '-overdue', page: 1, pageSize: 50 }));
    figures['task_list_all_agencies_p99_ms'] = wide.p99;
    line('task list, every agency, overdue, first page: p50 / p99', `${wide.p50.toFixed(1)} / ${wide.p99.toFixed(1)} ms`, '(no target)', undefined);
    const scorecard = await latencies(100, (i) => agencyScorecard(db, { asOf: asOf(i) }));
    figures['scorecard_p50_ms'] = scorecard.p50;
    figures['scorecard_p99_ms'] = scorecard.p99;
    line('agency scorecard, all 50 agencies: p50 / p99', `${scorecard.p50.toFixed(1)} / ${scorecard.p99.toFixed(1)} ms`, 'target p99 ≤ 100 ms', scorecard.p99 <= 100);

    // The API runs its own projection runner on these read models: this one steps aside.
    await runner.stop();
    print('\n== commands through HTTP (8 clients)');
    if (options.commandBench === undefined) {
      print('not measured: no `commandBench` given (targets p99 ≤ 25 ms, ≥ 1,000 commands/s)');
    } else {
      // Open tasks, so that every progress report and reminder is accepted: 4,000 in use, 4,000 untouched.
      const open = await db.query(`SELECT task_id FROM read.tasks WHERE state = 'open' ORDER BY task_id LIMIT 8000`);
      const commands = await options.commandBench({
        connectionString: options.connectionString,
        directiveIds: generated.directiveIds,
        taskIds: open.map((row) => String(row['task_id'])),
        agencyIds: AGENCIES,
      });
      figures['commands_p50_ms'] = commands.p50Ms;
      figures['commands_p99_ms'] = commands.p99Ms;
      figures['commands_per_s'] = commands.perSecond;
      line(`commands, ${commands.clients} clients: p50 / p99`, `${commands.p50Ms.toFixed(1)} / ${commands.p99Ms.toFixed(1)} ms`, 'target p99 ≤ 25 ms', commands.p99Ms <= 25);
      line('commands per second', `${thousands(commands.perSecond)}/s`, 'target ≥ 1,000/s', commands.perSecond >= 1_000);
      if (commands.healthPerSecond !== undefined) {
        figures['health_per_s'] = commands.healthPerSecond;
        line('baseline: GET /health, same clients (HTTP + NestJS + 1 query)', `${thousands(commands.healthPerSecond)}/s`, `commands at ${(commands.perSecond / commands.healthPerSecond).toFixed(2)} of it`, undefined);
      }
      if (commands.streamCacheHitShare !== undefined) {
        figures['stream_cache_hit_share'] = commands.streamCacheHitShare;
        line('commands decided on a cached stream state', `${(commands.streamCacheHitShare * 100).toFixed(0)}%`, 'the clients cycle through 4,000 open tasks', undefined);
      }
      if (commands.cold !== undefined) {
        figures['commands_cold_p50_ms'] = commands.cold.p50Ms;
        figures['commands_cold_p99_ms'] = commands.cold.p99Ms;
        figures['commands_cold_per_s'] = commands.cold.perSecond;
        line(
          'commands on 4,000 tasks the API had not touched: p50 / p99, per second',
          `${commands.cold.p50Ms.toFixed(1)} / ${commands.cold.p99Ms.toFixed(1)} ms, ${thousands(commands.cold.perSecond)}/s`,
          '(no target)',
          undefined,
        );
      }
      if (commands.apiRssMiB !== undefined) line('API resident memory after the run', `${commands.apiRssMiB} MiB`, 'printed', undefined);
    }
  } finally {
    await store.close();
    await pool.end();
  }
  figures['rss_mib'] = residentMiB();
  print(`\nresident memory of the benchmark process: ${figures['rss_mib']} MiB; benchmark took ${(since(started) / 1000).toFixed(0)} s`);
  return figures;
};
