import { taskDecider, type AssignTask, type TaskCommand } from '@chidao/domain';
import * as E from 'fp-ts/Either';
import { handleCommand } from '../command-handler';
import { verifyBundle, type ExportBundle } from '../export-bundle';
import { isInvalidAppend, isInvalidRead, isWrongExpectedRevision, type WrongExpectedRevisionError } from '../errors';
import { directiveStream, taskStream } from '../stream-name';
import type { EventStore, StoredEvent } from '../types';
import { aDirectiveRegistered, aProgressReport, aTaskAssigned, progressReports, uniqueId } from './events';
import type { EventStoreFixture, Tamperer } from './fixture';

/**
 * The contract every EventStore adapter passes (STYLE.md: one contract suite per port). An adapter's
 * spec calls it once with a fixture that opens its store on an empty database:
 *
 *   eventStoreContract('PGlite', { open, reset, close });
 */
export const eventStoreContract = (name: string, fixture: EventStoreFixture): void => {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    let tamper: Tamperer | undefined;
    let openAnother: (() => Promise<EventStore>) | undefined;

    beforeAll(async () => {
      const opened = await fixture.open();
      store = opened.store;
      tamper = opened.tamper;
      openAnother = opened.openAnother;
    });
    beforeEach(() => fixture.reset());
    afterAll(() => fixture.close());

    const newDirective = () => uniqueId('kh');
    const rejection = async (promise: Promise<unknown>): Promise<unknown> => {
      try {
        await promise;
      } catch (error) {
        return error;
      }
      throw new Error('expected the promise to reject');
    };

    describe('appendToStream and readStream', () => {
      it('appends to a new stream from revision 0, chaining each event to the previous one', async () => {
        const id = newDirective();
        const stream = taskStream(id, `${id}/1.c`);
        const result = await store.appendToStream(stream, [aTaskAssigned(id, `${id}/1.c`, { commandId: 'c1' }), aProgressReport(`${id}/1.c`, 1, { commandId: 'c1' })], {
          expectedRevision: 'no_stream',
        });
        expect(result.duplicate).toBe(false);
        expect(result.nextExpectedRevision).toBe(1);
        expect(result.events.map((event) => [event.stream, event.revision, event.type])).toEqual([
          [stream, 0, 'TaskAssigned'],
          [stream, 1, 'TaskProgressReported'],
        ]);
        const [first, second] = result.events;
        expect(first!.metadata.previousHash).toBeNull();
        expect(second!.metadata.previousHash).toBe(first!.metadata.hash);
        expect(first!.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(first!.position < second!.position).toBe(true);
        expect(result.position).toBe(second!.position);
        expect(await store.readStream(stream)).toEqual(result.events);
      });

      it('reads forwards and backwards, from a revision, with a limit', async () => {
        const stream = taskStream(newDirective(), 't');
        await store.appendToStream(stream, progressReports('t', 6));
        const revisions = (events: readonly StoredEvent[]) => events.map((event) => event.revision);
        expect(revisions(await store.readStream(stream, { fromRevision: 2, limit: 3 }))).toEqual([2, 3, 4]);
        expect(revisions(await store.readStream(stream, { direction: 'backwards' }))).toEqual([5, 4, 3, 2, 1, 0]);
        expect(revisions(await store.readStream(stream, { direction: 'backwards', fromRevision: 3, limit: 2 }))).toEqual([3, 2]);
        expect(await store.readStream(taskStream(newDirective(), 'nothing-here'))).toEqual([]);
      });

      it('checks the expected revision: exact, no_stream, stream_exists, -1 and any', async () => {
        const stream = taskStream(newDirective(), 't');
        expect((await store.appendToStream(stream, [aProgressReport('t', 1)], { expectedRevision: -1 })).nextExpectedRevision).toBe(0);
        expect((await store.appendToStream(stream, [aProgressReport('t', 2)], { expectedRevision: 0 })).nextExpectedRevision).toBe(1);
        expect((await store.appendToStream(stream, [aProgressReport('t', 3)], { expectedRevision: 'stream_exists' })).nextExpectedRevision).toBe(2);
        expect((await store.appendToStream(stream, [aProgressReport('t', 4)], { expectedRevision: 'any' })).nextExpectedRevision).toBe(3);
        expect((await store.appendToStream(stream, [aProgressReport('t', 5)])).nextExpectedRevision).toBe(4);
      });

      it('refuses a wrong expected revision with a typed error naming expected and actual, and writes nothing', async () => {
        const stream = taskStream(newDirective(), 't');
        await store.appendToStream(stream, progressReports('t', 2));
        const exact = (await rejection(store.appendToStream(stream, [aProgressReport('t', 3)], { expectedRevision: 0 }))) as WrongExpectedRevisionError;
        expect(isWrongExpectedRevision(exact)).toBe(true);
        expect([exact.stream, exact.expected, exact.actual]).toEqual([stream, 0, 1]);
        expect(exact.message).toContain('Xung đột');
        const noStream = (await rejection(store.appendToStream(stream, [aProgressReport('t', 3)], { expectedRevision: 'no_stream' }))) as WrongExpectedRevisionError;
        expect([noStream.expected, noStream.actual]).toEqual(['no_stream', 1]);
        const missing = taskStream(newDirective(), 'missing');
        const exists = (await rejection(store.appendToStream(missing, [aProgressReport('t', 1)], { expectedRevision: 'stream_exists' }))) as WrongExpectedRevisionError;
        expect([exists.expected, exists.actual]).toEqual(['stream_exists', null]);
        const exactOnMissing = (await rejection(store.appendToStream(missing, [aProgressReport('t', 1)], { expectedRevision: 3 }))) as WrongExpectedRevisionError;
        expect([exactOnMissing.expected, exactOnMissing.actual]).toEqual([3, null]);
        expect(await store.readStream(stream)).toHaveLength(2);
        expect(await store.readStream(missing)).toEqual([]);
      });
    });

    describe('malformed input is refused with a clear error and writes nothing', () => {
      const stream = () => taskStream(newDirective(), 't');
      const cases: readonly [string, () => [string, unknown[], unknown]][] = [
        ['an unknown event type', () => [stream(), [{ ...aProgressReport('t', 1), type: 'TaskTeleported' }], 'any']],
        ['a revision below -1', () => [stream(), [aProgressReport('t', 1)], -2]],
        ['a revision that is not an integer', () => [stream(), [aProgressReport('t', 1)], 1.5]],
        ['an empty stream name', () => ['', [aProgressReport('t', 1)], 'any']],
        ['a stream name that is too long', () => [`task-${'x'.repeat(400)}`, [aProgressReport('t', 1)], 'any']],
        ['data that fails the schema', () => [stream(), [{ ...aProgressReport('t', 1), data: { taskId: 't', summary: '', reportedOn: '2026-02-30' } }], 'any']],
        ['an unknown field in the data', () => [stream(), [{ ...aProgressReport('t', 1), data: { taskId: 't', summary: 's', reportedOn: '2026-03-10', colour: 'đỏ' } }], 'any']],
        ['hash fields supplied by the caller', () => [stream(), [{ ...aProgressReport('t', 1), metadata: { ...aProgressReport('t', 1).metadata, hash: 'ab' } }], 'any']],
        ['an old schema version', () => [stream(), [{ ...aTaskAssigned('d', 't'), metadata: { ...aTaskAssigned('d', 't').metadata, schemaVersion: 1 } }], 'any']],
        ['events of two command ids', () => [stream(), [aProgressReport('t', 1), aProgressReport('t', 2)], 'any']],
        ['no events', () => [stream(), [], 'any']],
      ];

      it.each(cases)('refuses %s', async (_case, build) => {
        const [target, events, expectedRevision] = build();
        const error = (await rejection(store.appendToStream(target, events as never, { expectedRevision: expectedRevision as never }))) as Error;
        expect(isInvalidAppend(error)).toBe(true);
        expect(error.message).toMatch(/không hợp lệ.*invalid append/);
        expect((await store.readAll()).events).toEqual([]);
      });

      it('names the field in its issues', async () => {
        const error = (await rejection(
          store.appendToStream(stream(), [{ ...aProgressReport('t', 1), data: { taskId: 't', summary: 's', reportedOn: '2026-02-30' } }] as never),
        )) as { issues: { path: string }[] };
        expect(error.issues.map((issue) => issue.path)).toEqual(['events[0].data.reportedOn']);
      });

      it('refuses bad read options', async () => {
        expect(isInvalidRead(await rejection(store.readStream('', {})))).toBe(true);
        expect(isInvalidRead(await rejection(store.readStream(stream(), { limit: 0 })))).toBe(true);
        expect(isInvalidRead(await rejection(store.readStream(stream(), { fromRevision: -1 })))).toBe(true);
        expect(isInvalidRead(await rejection(store.readAll({ after: 'yesterday' })))).toBe(true);
      });
    });

    describe('readAll and readDirective', () => {
      it('reads the global log in pages, in order, to the end', async () => {
        const id = newDirective();
        for (let i = 0; i < 5; i += 1) await store.appendToStream(taskStream(id, `t${i}`), progressReports(`t${i}`, 3));
        const seen: StoredEvent[] = [];
        let after: string | null = null;
        for (;;) {
          const page = await store.readAll({ after, limit: 4 });
          seen.push(...page.events);
          after = page.next;
          if (page.isEnd) break;
        }
        expect(seen).toHaveLength(15);
        expect(seen.map((event) => event.position)).toEqual([...seen.map((event) => event.position)].sort());
        expect(new Set(seen.map((event) => event.position)).size).toBe(15);
      });

      it('reads a directive’s stream and its tasks’ streams, in global order, and nothing else', async () => {
        const id = newDirective();
        const other = newDirective();
        await store.appendToStream(directiveStream(id), [aDirectiveRegistered(id)]);
        await store.appendToStream(directiveStream(other), [aDirectiveRegistered(other)]);
        await store.appendToStream(taskStream(id, `${id}/1.a`), [aTaskAssigned(id, `${id}/1.a`)]);
        await store.appendToStream(taskStream(other, `${other}/1.a`), [aTaskAssigned(other, `${other}/1.a`)]);
        await store.appendToStream(taskStream(id, `${id}/1.b`), [aTaskAssigned(id, `${id}/1.b`)]);
        await store.appendToStream(taskStream(id, `${id}/1.a`), [aProgressReport(`${id}/1.a`, 1)]);
        const events = await store.readDirective(id);
        expect(events.map((event) => event.stream)).toEqual([
          directiveStream(id),
          taskStream(id, `${id}/1.a`),
          taskStream(id, `${id}/1.b`),
          taskStream(id, `${id}/1.a`),
        ]);
        expect(events.map((event) => event.position)).toEqual([...events.map((event) => event.position)].sort());
        expect(await store.readDirective(newDirective())).toEqual([]);
      });
    });

    describe('idempotency by command id', () => {
      it('appends a command id once and returns the first result the second time', async () => {
        const stream = taskStream(newDirective(), 't');
        const events = progressReports('t', 2, 'the-same-command');
        const first = await store.appendToStream(stream, events);
        const second = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
        expect(second.duplicate).toBe(true);
        expect(second.events).toEqual(first.events);
        expect(second.nextExpectedRevision).toBe(1);
        expect(await store.readStream(stream)).toHaveLength(2);
        expect(await store.readCommand('the-same-command')).toEqual(first.events);
        expect(await store.readCommand('never-seen')).toEqual([]);
      });
    });

    describe('the command handler: load → decide → append', () => {
      const dependencies = () => ({ store, now: () => '2026-03-02T02:00:00.000Z' });

      const setUp = async () => {
        const id = newDirective();
        await store.appendToStream(directiveStream(id), [aDirectiveRegistered(id)]);
        const directive = { status: 'registered', directive: { ...aDirectiveRegistered(id).data, amendments: 0, corrections: 0 } } as AssignTask['directive'];
        const taskId = `${id}/1.c`;
        const assign: AssignTask = {
          type: 'AssignTask',
          data: { ...(aTaskAssigned(id, taskId).data as Omit<AssignTask['data'], never>), cooperating: [], priority: false },
          metadata: { commandId: uniqueId('assign'), actor: { userId: 'vp', role: 'secretariat' }, occurredOn: '2026-02-27' },
          directive,
        };
        const { assignedOn: _assignedOn, ...data } = assign.data as AssignTask['data'] & { assignedOn?: string };
        return { id, taskId, stream: taskStream(id, taskId), assign: { ...assign, data } as AssignTask };
      };
      const report = (taskId: string, n: number): TaskCommand => ({
        type: 'ReportTaskProgress',
        data: { taskId, summary: `Báo cáo ${n}` },
        metadata: { commandId: uniqueId('report'), actor: { userId: 'khcn', role: 'agency', agencyId: 'khanh-hoa.so-khcn' }, occurredOn: '2026-03-10' },
      });

      it('records the decided events with metadata from the command and the clock', async () => {
        const { stream, assign } = await setUp();
        const outcome = await handleCommand(dependencies(), taskDecider, stream, assign);
        expect(E.isRight(outcome) && outcome.right.events.map((event) => [event.type, event.metadata.commandId, event.metadata.recordedAt, event.metadata.schemaVersion])).toEqual([
          ['TaskAssigned', assign.metadata.commandId, '2026-03-02T02:00:00.000Z', 2],
        ]);
      });

      it('returns the decider’s refusal and appends nothing', async () => {
        const { stream, assign, taskId } = await setUp();
        const outcome = await handleCommand(dependencies(), taskDecider, stream, report(taskId, 1));
        expect(outcome).toEqual(E.left({ _tag: 'TaskNotFound', taskId }));
        expect(await store.readStream(stream)).toEqual([]);
        await handleCommand(dependencies(), taskDecider, stream, assign);
        expect(await store.readStream(stream)).toHaveLength(1);
      });

      it('handles the same command id twice once', async () => {
        const { stream, assign } = await setUp();
        const first = await handleCommand(dependencies(), taskDecider, stream, assign);
        const second = await handleCommand(dependencies(), taskDecider, stream, assign);
        expect(E.isRight(second) && second.right.duplicate).toBe(true);
        expect(E.isRight(first) && E.isRight(second) && second.right.events).toEqual(E.isRight(first) && first.right.events);
        expect(await store.readStream(stream)).toHaveLength(1);
      });

      it('retries on conflict, so concurrent commands on one stream all land', async () => {
        const { stream, assign, taskId } = await setUp();
        await handleCommand(dependencies(), taskDecider, stream, assign);
        const outcomes = await Promise.all(
          Array.from({ length: 4 }, (_, i) => handleCommand({ ...dependencies(), maxRetries: 10 }, taskDecider, stream, report(taskId, i))),
        );
        expect(outcomes.every(E.isRight)).toBe(true);
        expect((await store.readStream(stream)).map((event) => event.revision)).toEqual([0, 1, 2, 3, 4]);
      });

      it('appends only at the revision the caller saw (If-Match), refusing without retry otherwise', async () => {
        const { stream, assign, taskId } = await setUp();
        await handleCommand(dependencies(), taskDecider, stream, assign, { expectedRevision: -1 });
        expect(E.isRight(await handleCommand(dependencies(), taskDecider, stream, report(taskId, 1), { expectedRevision: 0 }))).toBe(true);
        const stale = (await rejection(handleCommand(dependencies(), taskDecider, stream, report(taskId, 2), { expectedRevision: 0 }))) as WrongExpectedRevisionError;
        expect(isWrongExpectedRevision(stale) && [stale.expected, stale.actual]).toEqual([0, 1]);
        expect(await store.readStream(stream)).toHaveLength(2);
      });
    });

    describe('concurrent writers', () => {
      it('32 writers on one stream with the same expected revision: one wins, every loser gets the conflict error', async () => {
        const stream = taskStream(newDirective(), 't');
        await store.appendToStream(stream, [aProgressReport('t', 0)]);
        const stores = openAnother === undefined ? [store] : [store, await openAnother()];
        const results = await Promise.allSettled(
          Array.from({ length: 32 }, (_, i) => stores[i % stores.length]!.appendToStream(stream, [aProgressReport('t', i + 1)], { expectedRevision: 0 })),
        );
        const won = results.filter((result) => result.status === 'fulfilled');
        const lost = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(31);
        expect(lost.every((result) => isWrongExpectedRevision(result.reason))).toBe(true);
        expect((await store.readStream(stream)).map((event) => event.revision)).toEqual([0, 1]);
        for (const other of stores.slice(1)) await other.close();
      });

      it('32 writers retrying on one stream lose and duplicate nothing', async () => {
        const stream = taskStream(newDirective(), 't');
        const write = async (i: number) => {
          for (;;) {
            const head = await store.readStream(stream, { direction: 'backwards', limit: 1 });
            try {
              return await store.appendToStream(stream, [aProgressReport('t', i)], { expectedRevision: head[0]?.revision ?? 'no_stream' });
            } catch (error) {
              if (!isWrongExpectedRevision(error)) throw error;
            }
          }
        };
        await Promise.all(Array.from({ length: 32 }, (_, i) => write(i + 1)));
        const events = await store.readStream(stream);
        expect(events.map((event) => event.revision)).toEqual(Array.from({ length: 32 }, (_, i) => i));
        const summaries = events.map((event) => (event.data as { summary: string }).summary).sort();
        expect(new Set(summaries).size).toBe(32);
        expect((await store.verify({ kind: 'stream', stream })).ok).toBe(true);
        // Some 500 contended attempts: a test of what is lost, not of speed, so a slow machine gets time
        // (on a two-core sandbox that ran everything about half as fast, PostgreSQL took over 5 s).
      }, 60_000);
    });

    describe('subscribe', () => {
      it('catches up, then delivers live events, in global order, each exactly once', async () => {
        const id = newDirective();
        await store.appendToStream(taskStream(id, 'a'), progressReports('a', 3));
        const seen: StoredEvent[] = [];
        const subscription = store.subscribe(null, (event) => {
          seen.push(event);
        });
        await subscription.caughtUp;
        expect(seen).toHaveLength(3);
        await store.appendToStream(taskStream(id, 'b'), progressReports('b', 2));
        await store.appendToStream(taskStream(id, 'a'), progressReports('a', 1));
        await waitFor(() => seen.length === 6);
        await subscription.close();
        const all = (await store.readAll()).events;
        expect(seen.map((event) => event.position)).toEqual(all.map((event) => event.position));
      });

      it('resumes from a stored checkpoint without repeating or skipping', async () => {
        const id = newDirective();
        await store.appendToStream(taskStream(id, 'a'), progressReports('a', 4));
        const first: StoredEvent[] = [];
        const subscription = store.subscribe(null, (event) => {
          first.push(event);
        });
        await subscription.caughtUp;
        const checkpoint = subscription.checkpoint();
        await subscription.close();
        await store.appendToStream(taskStream(id, 'a'), progressReports('a', 2));
        const second: StoredEvent[] = [];
        const resumed = store.subscribe(checkpoint, (event) => {
          second.push(event);
        });
        await resumed.caughtUp;
        await resumed.close();
        expect(first.map((event) => event.revision)).toEqual([0, 1, 2, 3]);
        expect(second.map((event) => event.revision)).toEqual([4, 5]);
      });

      it('ends with the handler’s error', async () => {
        await store.appendToStream(taskStream(newDirective(), 'a'), progressReports('a', 1));
        const subscription = store.subscribe(null, () => {
          throw new Error('projection failed');
        });
        await expect(subscription.done).rejects.toThrow('projection failed');
      });
    });

    describe('hash chain, anchors and verify', () => {
      const seed = async () => {
        const id = newDirective();
        const stream = taskStream(id, `${id}/1.a`);
        const other = taskStream(id, `${id}/1.b`);
        await store.appendToStream(directiveStream(id), [aDirectiveRegistered(id)]);
        await store.appendToStream(stream, [aTaskAssigned(id, `${id}/1.a`)]);
        for (let i = 1; i <= 4; i += 1) await store.appendToStream(stream, [aProgressReport(`${id}/1.a`, i)]);
        await store.appendToStream(other, [aTaskAssigned(id, `${id}/1.b`)]);
        return { id, stream, other };
      };

      it('exports a directive as a bundle that verifies offline, and names an edit made to the bundle', async () => {
        const { id, stream } = await seed();
        await store.createAnchor();
        const bundle = await store.exportBundle({ kind: 'directive', directiveId: id });
        expect(bundle.events).toHaveLength(7);
        expect(bundle.heads).toHaveLength(3);
        const copy = JSON.parse(JSON.stringify(bundle)) as ExportBundle;
        expect(await verifyBundle(copy)).toMatchObject({ ok: true, streams: 3, events: 7 });
        const edited = copy.events.find((event) => event.stream === stream && event.revision === 2)!;
        (edited.data as { summary: string }).summary = 'Báo cáo đã bị sửa';
        expect(await verifyBundle(copy)).toMatchObject({ ok: false, reason: 'changed', stream, revision: 2 });
        const dropped = { ...bundle, events: bundle.events.filter((event) => !(event.stream === stream && event.revision === 4)) };
        expect(await verifyBundle(dropped)).toMatchObject({ ok: false, reason: 'missing', stream, revision: 4 });
        await expect(verifyBundle({ ...bundle, format: 'other' })).rejects.toThrow('Gói xuất không hợp lệ / invalid export bundle');
      });

      it('verifies a clean stream, directive and store', async () => {
        const { id, stream } = await seed();
        expect(await store.verify({ kind: 'stream', stream })).toEqual({ ok: true, streams: 1, events: 5, anchors: 0 });
        expect(await store.verify({ kind: 'directive', directiveId: id })).toMatchObject({ ok: true, streams: 3, events: 7 });
        expect(await store.verify({ kind: 'all' })).toMatchObject({ ok: true, streams: 3, events: 7 });
      });

      it('writes anchors of the heads that changed, chained, and none when nothing changed', async () => {
        const { stream } = await seed();
        const first = await store.createAnchor();
        expect(first).toMatchObject({ sequence: 0, previousHash: null });
        expect(first!.heads).toHaveLength(3);
        expect(await store.createAnchor()).toBeNull();
        await store.appendToStream(stream, [aProgressReport('x', 9)]);
        const second = await store.createAnchor();
        expect(second).toMatchObject({ sequence: 1, previousHash: first!.hash, heads: [{ stream, revision: 5 }] });
        expect((await store.readAnchors()).map((anchor) => anchor.sequence)).toEqual([0, 1]);
        expect(await store.verify({ kind: 'all' })).toMatchObject({ ok: true, anchors: 2 });
      });

      const tampering = (title: string, run: (t: Tamperer) => jest.ProvidesCallback) => {
        (fixture.tampering ? it : it.skip)(`${title}${fixture.tampering ? '' : ` — skipped: ${name} cannot be altered in place`}`, async () => {
          if (tamper === undefined) throw new Error(`${name}: the fixture says it can tamper but opened no tamperer`);
          await (run(tamper) as () => Promise<void>)();
        });
      };

      tampering('detects one event’s data changed, naming stream and revision', (t) => async () => {
        const { id, stream } = await seed();
        await t.changeData(stream, 2, { taskId: `${id}/1.a`, summary: 'Đã hoàn thành (sửa lén)', reportedOn: '2026-03-10' });
        for (const scope of [{ kind: 'stream', stream } as const, { kind: 'directive', directiveId: id } as const, { kind: 'all' } as const]) {
          expect(await store.verify(scope)).toMatchObject({ ok: false, reason: 'changed', stream, revision: 2 });
        }
      });

      tampering('detects one event deleted from the middle and from the end', (t) => async () => {
        const { stream, other } = await seed();
        await t.deleteEvent(stream, 2);
        expect(await store.verify({ kind: 'all' })).toMatchObject({ ok: false, reason: 'missing', stream, revision: 2 });
        await t.deleteEvent(other, 0);
        expect(await store.verify({ kind: 'stream', stream: other })).toMatchObject({ ok: false, reason: 'missing', stream: other, revision: 0 });
      });

      tampering('detects the last event of a stream deleted', (t) => async () => {
        const { stream } = await seed();
        await t.deleteEvent(stream, 4);
        expect(await store.verify({ kind: 'stream', stream })).toMatchObject({ ok: false, reason: 'missing', stream, revision: 4 });
      });

      tampering('detects a whole stream deleted, through the anchors', (t) => async () => {
        const { id, other } = await seed();
        await store.createAnchor();
        await t.deleteStream(other);
        expect(await store.verify({ kind: 'all' })).toMatchObject({ ok: false, reason: 'missing', stream: other });
        expect(await store.verify({ kind: 'directive', directiveId: id })).toMatchObject({ ok: false, reason: 'missing', stream: other });
        expect(await store.verify({ kind: 'all' })).toMatchObject({ message: { vi: expect.stringContaining(other), en: expect.stringContaining(other) } });
      });

      tampering('detects two events swapped', (t) => async () => {
        const { stream } = await seed();
        await t.swapEvents(stream, 1, 3);
        expect(await store.verify({ kind: 'stream', stream })).toMatchObject({ ok: false, reason: 'reordered', stream, revision: 1 });
        expect(await store.verify({ kind: 'all' })).toMatchObject({ ok: false, reason: 'reordered', stream });
      });

      tampering('leaves other directives verifiable', (t) => async () => {
        const { stream } = await seed();
        const clean = await seed();
        await t.changeData(stream, 1, { taskId: 'x', summary: 'sửa', reportedOn: '2026-03-10' });
        expect(await store.verify({ kind: 'directive', directiveId: clean.id })).toMatchObject({ ok: true });
      });
    });
  });
};

/** Waits until `condition` holds, polling; fails after `timeoutMs`. */
export const waitFor = async (condition: () => boolean, timeoutMs = 10_000): Promise<void> => {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
