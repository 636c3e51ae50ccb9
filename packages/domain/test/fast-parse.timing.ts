/*
 * How long reading one stored event takes, before (zod alone) and after (the compiled fast path).
 * Not a test — timings belong to the machine, not to CI:
 *
 *   npx tsx packages/domain/test/fast-parse.timing.ts
 *
 * Each figure is the best of several rounds, in µs per event, for events that went through JSON as
 * they do in a store. "Before" is zod with today's schemas, so it already has the faster `isLocalDate`
 * (no regex, no allocation) that both paths share.
 */
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { z } from 'zod';
import { DomainEventSchema, parseRecordedEvent, type DomainEvent } from '../src/events';
import { compileFastParser } from '../src/shared/fast-parse';
import { EventMetadataSchema } from '../src/shared/metadata';
import { domainUpcasters } from '../src/upcasting/domain-upcasters';
import type { StoredEvent } from '../src/upcasting/upcaster-registry';
import { aSecretariat, aTaskAssigned, TASK_ID } from './support/fixtures';

const SCHEMA_BY_TYPE = new Map<string, z.ZodType>(DomainEventSchema.options.map((schema) => [schema.shape.type.value, schema]));

/** parseRecordedEvent before the fast path, for valid events: zod for the event, zod for the metadata, a spread. */
const parseWithZod = (value: StoredEvent) => {
  const event = (SCHEMA_BY_TYPE.get(value.type) as z.ZodType).safeParse({ type: value.type, data: value.data });
  const metadata = EventMetadataSchema.safeParse(value.metadata);
  return event.success && metadata.success ? { success: true as const, data: { ...(event.data as DomainEvent), metadata: metadata.data } } : { success: false as const };
};

/** domainUpcasters.read before: upcast, then pipe and chain into the zod parse. */
const readWithZod = (event: StoredEvent) =>
  pipe(
    domainUpcasters.upcast(event),
    E.chainW((upcasted) => {
      const parsed = parseWithZod(upcasted);
      return parsed.success ? E.right(parsed.data) : E.left('InvalidEvent');
    }),
  );

const parseMetadata = compileFastParser(EventMetadataSchema);

const metadata = (schemaVersion: number) => ({
  commandId: 'cmd-2026-0001',
  actor: aSecretariat,
  occurredOn: '2026-02-27',
  recordedAt: '2026-03-02T02:00:00Z',
  correlationId: 'cmd-2026-0001',
  causationId: null,
  schemaVersion,
});

const stored = (event: object): StoredEvent => JSON.parse(JSON.stringify(event)) as StoredEvent;
const taskAssigned = stored({ ...aTaskAssigned(), metadata: metadata(2) });
const taskProgressReported = stored({
  type: 'TaskProgressReported',
  data: { taskId: TASK_ID, summary: 'Đã rà soát các thỏa thuận hợp tác giai đoạn 2021–2025', reportedOn: '2026-03-10' },
  metadata: metadata(1),
});

for (const event of [taskAssigned, taskProgressReported]) {
  const [before, after] = [JSON.stringify(readWithZod(event)), JSON.stringify(domainUpcasters.read(event))];
  if (before !== after || !after.includes('"Right"')) throw new Error(`the two paths read ${event.type} differently:\n${before}\n${after}`);
}

const ROUNDS = 25;
const PER_ROUND = 40_000;

const rows: readonly (readonly [string, () => unknown, () => unknown])[] = [
  ['parseRecordedEvent TaskAssigned', () => parseWithZod(taskAssigned), () => parseRecordedEvent(taskAssigned)],
  ['parseRecordedEvent TaskProgressReported', () => parseWithZod(taskProgressReported), () => parseRecordedEvent(taskProgressReported)],
  ['event metadata alone', () => EventMetadataSchema.safeParse(taskAssigned.metadata), () => parseMetadata(taskAssigned.metadata)],
  ['domainUpcasters.read TaskAssigned', () => readWithZod(taskAssigned), () => domainUpcasters.read(taskAssigned)],
  ['domainUpcasters.read TaskProgressReported', () => readWithZod(taskProgressReported), () => domainUpcasters.read(taskProgressReported)],
];

/**
 * Best µs per call of each function. Rounds take every function in turn, so a burst of load from
 * another process slows one round of each rather than every round of one.
 */
const time = (runs: readonly (() => unknown)[]): number[] => {
  const best = runs.map(() => Number.POSITIVE_INFINITY);
  for (const run of runs) for (let index = 0; index < PER_ROUND; index += 1) run();
  for (let round = 0; round < ROUNDS; round += 1) {
    runs.forEach((run, at) => {
      const start = process.hrtime.bigint();
      for (let index = 0; index < PER_ROUND; index += 1) run();
      best[at] = Math.min(best[at] as number, Number(process.hrtime.bigint() - start) / 1_000 / PER_ROUND);
    });
  }
  return best;
};

const timings = time(rows.flatMap(([, before, after]) => [before, after]));
console.log(`µs per event, best of ${ROUNDS} rounds of ${PER_ROUND.toLocaleString('en')} (Node ${process.version})\n`);
console.log(`${'path'.padEnd(44)}${'before'.padStart(10)}${'after'.padStart(10)}${'speed-up'.padStart(10)}`);
rows.forEach(([name], at) => {
  const [zod, fast] = [timings[2 * at] as number, timings[2 * at + 1] as number];
  console.log(`${name.padEnd(44)}${zod.toFixed(2).padStart(10)}${fast.toFixed(2).padStart(10)}${`${(zod / fast).toFixed(1)}×`.padStart(10)}`);
});
