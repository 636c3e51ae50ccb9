import { createEventStore, createInMemoryBackend, type EventStore, type EventStoreBackend, type NewEvent } from '@chidao/event-store';
import { aProgressReport } from '@chidao/event-store/testing';
import { openRawBaseline, type RawBaseline } from './raw-baseline';
import { concurrently, percentile, rate, residentMiB, since, thousands } from './stats';

/*
 * `npm run bench -- store`: the event store's throughput and latency on in-memory, PGlite and
 * PostgreSQL, with a raw `pg` baseline measured in the same process and run, because only same-run
 * ratios mean anything on a shared machine. Sizes come from the environment so a quick run is possible:
 * BENCH_EVENTS (default 1,000,000) for readAll and verify.
 */

type Target = {
  readonly name: string;
  /** Opens an empty store; `rssMiB` reports the memory that matters for this backend. */
  readonly open: () => Promise<{ readonly store: EventStore; readonly close: () => Promise<void> }>;
  readonly sizes: { readonly single: readonly [number, number][]; readonly batchesPerWriter: number };
};

type Figures = Record<string, number>;

const FULL = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const report = (name: string, taskId: string, n: number): NewEvent => aProgressReport(taskId, n, { commandId: `${name}-${taskId}-${n}` });

const print = (line: string) => process.stdout.write(`${line}\n`);

const singleAppends = async (store: EventStore, label: string, writers: number, perWriter: number): Promise<number> => {
  const ms = await concurrently(writers, perWriter, async (worker, i) => {
    await store.appendToStream(`task-bench/${label}-${writers}-${worker}`, [report(`${label}-${writers}`, `w${worker}`, i)], { expectedRevision: i - 1 });
  });
  return (writers * perWriter * 1000) / ms;
};

const batchAppends = async (store: EventStore, label: string, writers: number, batches: number): Promise<number> => {
  const ms = await concurrently(writers, batches, async (worker, i) => {
    const commandId = `${label}-batch-${worker}-${i}`;
    const events = Array.from({ length: 100 }, (_, k) => aProgressReport(`w${worker}`, k, { commandId }));
    await store.appendToStream(`task-bench/${label}-batch-${worker}`, events, { expectedRevision: i * 100 - 1 });
  });
  return (writers * batches * 100 * 1000) / ms;
};

const readStreamLatency = async (store: EventStore): Promise<{ p50: number; p99: number }> => {
  const stream = 'task-bench/read-100';
  await store.appendToStream(stream, Array.from({ length: 100 }, (_, k) => aProgressReport('r', k, { commandId: 'read-100' })));
  for (let i = 0; i < 50; i += 1) await store.readStream(stream);
  const samples: number[] = [];
  for (let i = 0; i < 1_000; i += 1) {
    const start = performance.now();
    const events = await store.readStream(stream);
    samples.push(since(start));
    if (events.length !== 100) throw new Error('readStream returned the wrong count');
  }
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
};

/** Fills a store with `count` events: streams of 1,000 events, each written in one append. */
const fill = async (store: EventStore, count: number): Promise<number> => {
  const start = performance.now();
  const streams = Math.ceil(count / 1_000);
  await concurrently(4, Math.ceil(streams / 4), async (worker, i) => {
    const n = worker * Math.ceil(streams / 4) + i;
    if (n >= streams) return;
    const commandId = `fill-${n}`;
    await store.appendToStream(`task-fill-${n % 97}/t-${n}`, Array.from({ length: 1_000 }, (_, k) => aProgressReport(`t-${n}`, k, { commandId })), { expectedRevision: 'no_stream' });
  });
  return since(start);
};

const readAllRate = async (store: EventStore): Promise<{ events: number; perSecond: number }> => {
  const start = performance.now();
  let after: string | null = null;
  let events = 0;
  for (;;) {
    const page = await store.readAll({ after, limit: 1_000 });
    events += page.events.length;
    after = page.next;
    if (page.isEnd) break;
  }
  return { events, perSecond: (events * 1000) / since(start) };
};

const benchTarget = async (target: Target, raw: RawBaseline | undefined): Promise<Figures> => {
  const figures: Figures = {};
  print(`\n== ${target.name}`);
  {
    const { store, close } = await target.open();
    for (const [writers, perWriter] of target.sizes.single) {
      figures[`append_single_${writers}`] = await singleAppends(store, target.name, writers, perWriter);
      print(`appends/s, 1 event per append, ${String(writers).padStart(2)} writers: ${thousands(figures[`append_single_${writers}`]!)}`);
    }
    figures.append_batch100_8 = await batchAppends(store, target.name, 8, target.sizes.batchesPerWriter);
    print(`events/s in batches of 100, 8 writers:      ${thousands(figures.append_batch100_8)}`);
    const latency = await readStreamLatency(store);
    figures.read_stream_100_p50_ms = latency.p50;
    figures.read_stream_100_p99_ms = latency.p99;
    print(`readStream of 100 events: p50 ${latency.p50.toFixed(2)} ms, p99 ${latency.p99.toFixed(2)} ms`);
    await close();
  }
  {
    const { store, close } = await target.open();
    const fillMs = await fill(store, FULL);
    print(`filled ${thousands(FULL)} events in ${(fillMs / 1000).toFixed(1)} s (${rate(FULL, fillMs)})`);
    const read = await readAllRate(store);
    figures.read_all_per_s = read.perSecond;
    print(`readAll over ${thousands(read.events)} events (schema-checked, upcast): ${thousands(read.perSecond)} events/s`);
    const start = performance.now();
    const verified = await store.verify({ kind: 'all' });
    figures.verify_s = since(start) / 1000;
    if (!verified.ok) throw new Error(`verify failed: ${JSON.stringify(verified)}`);
    print(`verify of ${thousands(verified.events)} events: ${figures.verify_s.toFixed(1)} s`);
    figures.rss_mib = residentMiB();
    print(`resident memory of this process after the run: ${figures.rss_mib} MiB`);
    await close();
  }
  if (raw !== undefined) await compareWithRaw(raw, figures, target);
  return figures;
};

const compareWithRaw = async (raw: RawBaseline, figures: Figures, target: Target): Promise<void> => {
  const event = aProgressReport('raw', 1);
  print(`\n-- raw pg baseline, same run`);
  for (const [writers, perWriter] of target.sizes.single) {
    const rawRate = (writers * perWriter * 1000) / (await raw.singleAppends(writers, perWriter, event));
    const ours = figures[`append_single_${writers}`]!;
    figures[`raw_append_single_${writers}`] = rawRate;
    print(`single appends, ${String(writers).padStart(2)} writers: raw ${thousands(rawRate)}/s, chidao ${thousands(ours)}/s, ratio ${(ours / rawRate).toFixed(2)}${writers === 8 ? ' (target ≥ 0.75)' : ''}`);
  }
  const batches = target.sizes.batchesPerWriter;
  const rawBatch = (8 * batches * 100 * 1000) / (await raw.batchAppends(8, batches, 100, event));
  figures.raw_append_batch100_8 = rawBatch;
  print(`batches of 100, 8 writers: raw ${thousands(rawBatch)} events/s, chidao ${thousands(figures.append_batch100_8!)}, ratio ${(figures.append_batch100_8! / rawBatch).toFixed(2)} (target ≥ 0.60)`);
  await raw.fill(FULL, event);
  const rawRead = await raw.readAll(1_000);
  figures.raw_read_all_per_s = (rawRead.events * 1000) / rawRead.ms;
  print(`readAll: raw ${thousands(figures.raw_read_all_per_s)} events/s, chidao ${thousands(figures.read_all_per_s!)} (target ≥ 100,000), ratio ${(figures.read_all_per_s! / figures.raw_read_all_per_s).toFixed(2)}`);
};

const inMemory: Target = {
  name: 'in-memory',
  open: async () => {
    const store = createEventStore(createInMemoryBackend());
    return { store, close: () => store.close() };
  },
  sizes: { single: [[1, 20_000], [8, 2_500], [32, 625]], batchesPerWriter: 25 },
};

/** Targets for the database backends, built by the caller so this file does not depend on how they open. */
export type DatabaseTargets = {
  readonly pglite: () => Promise<EventStoreBackend & { readonly rssNote?: string }>;
  readonly postgres?: { readonly open: () => Promise<EventStoreBackend>; readonly connectionString: string };
};

/** Runs the store benchmark on every target and prints the figures. */
export const runStoreBench = async (databases: DatabaseTargets): Promise<Record<string, Figures>> => {
  const started = performance.now();
  print(`chidao store benchmark — ${new Date().toISOString()} — node ${process.version}, ${thousands(FULL)} events for readAll/verify`);
  const results: Record<string, Figures> = {};
  results['in-memory'] = await benchTarget(inMemory, undefined);
  results.pglite = await benchTarget(
    {
      name: 'PGlite (embedded, in memory)',
      open: async () => {
        const store = createEventStore(await databases.pglite());
        return { store, close: () => store.close() };
      },
      sizes: { single: [[1, 2_000], [8, 400], [32, 100]], batchesPerWriter: 10 },
    },
    undefined,
  );
  if (databases.postgres !== undefined) {
    const raw = await openRawBaseline(databases.postgres.connectionString);
    const { open } = databases.postgres;
    results.postgres = await benchTarget(
      {
        name: 'PostgreSQL',
        open: async () => {
          const store = createEventStore(await open());
          return { store, close: () => store.close() };
        },
        sizes: { single: [[1, 2_000], [8, 1_500], [32, 400]], batchesPerWriter: 40 },
      },
      raw,
    );
    await raw.close();
  } else {
    print('\n== PostgreSQL: skipped — set BENCH_DATABASE_URL or TEST_DATABASE_URL');
  }
  print(`\nbenchmark took ${(since(started) / 1000).toFixed(0)} s`);
  return results;
};
