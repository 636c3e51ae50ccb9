import {
  createEventStore,
  directiveStream,
  isCorruptEvent,
  isInvalidAppend,
  taskStream,
  type EventStore,
} from '@chidao/event-store';
import { aDirectiveRegistered, aProgressReport, aTaskAssigned, progressReports, uniqueId } from '@chidao/event-store/testing';
import {
  MaxAppendSizeExceededError,
  UnavailableError,
  jsonEvent,
  type AppendResult,
  type AppendToStreamOptions,
  type EventData,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import { createEventStoreDbBackend, type EventStoreDbClient } from '../esdb-backend';
import { CHAIN_KEY, COMMAND_RECORD_TYPE, eventIdFor, streamNames } from '../esdb-mapping';
import { openInNamespace, type Opened } from './esdb-fixture';

/*
 * What the contract cannot see: how the adapter lays events out in EventStoreDB, and how it behaves when
 * an append's acknowledgement is lost, a process dies between its two appends, or two processes run one
 * command. Every test goes through the client's API only, so the same suite runs on the simulated server
 * (esdb-backend.spec.ts) and on a real one (esdb.spec.ts, when EVENTSTORE_URL is set).
 */

/** A client that can also do what an operator can do behind the store's back: truncate and delete streams. */
export type TamperableClient = EventStoreDbClient & Pick<EventStoreDBClient, 'deleteStream' | 'setStreamMetadata'>;

type AppendToStream = (streamName: string, events: EventData | EventData[], options?: AppendToStreamOptions) => Promise<AppendResult>;

/** A client whose appends to one stream go through `intercept` (given the real append) until it says stop. */
const intercepting = (client: EventStoreDbClient, esdbStream: string, intercept: (append: () => Promise<AppendResult>) => Promise<AppendResult>): EventStoreDbClient => {
  const append = client.appendToStream.bind(client) as AppendToStream;
  return {
    appendToStream: ((streamName, events, options) =>
      streamName === esdbStream ? intercept(() => append(streamName, events, options)) : append(streamName, events, options)) as AppendToStream as EventStoreDbClient['appendToStream'],
    readStream: client.readStream.bind(client),
    readAll: client.readAll.bind(client),
    subscribeToAll: client.subscribeToAll.bind(client),
    dispose: client.dispose.bind(client),
  };
};

const raw = async (client: EventStoreDbClient, esdbStream: string) => {
  const events = [];
  for await (const resolved of client.readStream(esdbStream)) if (resolved.event !== undefined) events.push(resolved.event);
  return events;
};

const rejection = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
};

/** The adapter's own tests, on clients from `connect`. */
export const eventStoreDbAdapterSuite = (name: string, connect: () => TamperableClient): void => {
  describe(`EventStoreDB adapter: ${name}`, () => {
    let client: TamperableClient;
    let opened: Opened[] = [];
    const open = async (options: Parameters<typeof openInNamespace>[1] = {}) => {
      const one = await openInNamespace(client, options);
      opened.push(one);
      return one;
    };

    beforeAll(() => {
      client = connect();
    });
    afterEach(async () => {
      await Promise.all(opened.map((one) => one.backend.close()));
      opened = [];
    });
    afterAll(() => client.dispose());

    it('keeps the metadata exactly as written, the hash chain under $chidao, and ids derived from the command', async () => {
      const { namespace, store } = await open();
      const stream = taskStream(uniqueId('kh'), 't');
      const commandId = uniqueId('cmd');
      const events = progressReports('t', 2, commandId);
      const result = await store.appendToStream(stream, events);
      const stored = await raw(client, `${namespace}${stream}`);
      expect(stored.map((event) => event.id)).toEqual([eventIdFor(commandId, 0), eventIdFor(commandId, 1)]);
      expect(stored.map((event) => event.isJson)).toEqual([true, true]);
      stored.forEach((event, index) => {
        const { [CHAIN_KEY]: chain, ...metadata } = event.metadata as Record<string, unknown>;
        expect(metadata).toEqual(events[index]!.metadata);
        expect(chain).toEqual({ previousHash: result.events[index]!.metadata.previousHash, hash: result.events[index]!.metadata.hash });
        expect(event.data).toEqual(events[index]!.data);
      });
      const records = await raw(client, streamNames(namespace).commandStream(commandId));
      expect(records.map((record) => [record.type, record.data])).toEqual([[COMMAND_RECORD_TYPE, { stream, firstRevision: 0, count: 2 }]]);
    });

    it('treats a retry after a lost acknowledgement as a duplicate, even when others appended meanwhile', async () => {
      const { namespace, origin, store } = await open();
      const stream = taskStream(uniqueId('kh'), 't');
      let lose = true;
      const flaky = intercepting(client, `${namespace}${stream}`, async (append) => {
        const result = await append();
        if (lose) {
          lose = false;
          throw new UnavailableError(undefined, 'simulated: the connection dropped before the acknowledgement');
        }
        return result;
      });
      const flakyStore = createEventStore(createEventStoreDbBackend({ client: flaky }, { namespace, origin }));
      const first = progressReports('t', 2, uniqueId('cmd'));
      await expect(flakyStore.appendToStream(stream, first)).rejects.toThrow('simulated');
      await store.appendToStream(stream, [aProgressReport('t', 9)]);
      const retried = await flakyStore.appendToStream(stream, first);
      expect(retried.duplicate).toBe(true);
      expect(retried.events.map((event) => event.revision)).toEqual([0, 1]);
      expect((await store.readStream(stream)).map((event) => (event.data as { summary: string }).summary)).toEqual([
        'Báo cáo tiến độ lần 1',
        'Báo cáo tiến độ lần 2',
        'Báo cáo tiến độ lần 9',
      ]);
      expect(await store.readCommand(first[0]!.metadata.commandId)).toEqual(retried.events);
      expect((await store.verify({ kind: 'stream', stream })).ok).toBe(true);
      await flakyStore.close();
    });

    it('appends a command whose record was written but whose events never landed when it is retried', async () => {
      const { namespace, origin, store } = await open();
      const stream = taskStream(uniqueId('kh'), 't');
      let crash = true;
      const crashing = intercepting(client, `${namespace}${stream}`, async (append) => {
        if (crash) {
          crash = false;
          throw new UnavailableError(undefined, 'simulated: the process died between the command record and the events');
        }
        return append();
      });
      const crashingStore = createEventStore(createEventStoreDbBackend({ client: crashing }, { namespace, origin }));
      const events = progressReports('t', 2, uniqueId('cmd'));
      await expect(crashingStore.appendToStream(stream, events)).rejects.toThrow('simulated');
      expect(await store.readCommand(events[0]!.metadata.commandId)).toEqual([]);
      const retried = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
      expect(retried.duplicate).toBe(false);
      expect(await store.readStream(stream)).toEqual(retried.events);
      expect(await store.readCommand(events[0]!.metadata.commandId)).toEqual(retried.events);
      await crashingStore.close();
    });

    it('records one command run by two processes at once only once', async () => {
      const { namespace, origin, store } = await open();
      const other = connect();
      const otherStore = createEventStore(createEventStoreDbBackend({ client: other }, { namespace, origin }));
      const stream = taskStream(uniqueId('kh'), 't');
      await store.appendToStream(stream, [aProgressReport('t', 0)]);
      const events = progressReports('t', 3, uniqueId('cmd'));
      const [a, b] = await Promise.all([store.appendToStream(stream, events), otherStore.appendToStream(stream, events)]);
      expect(a.events).toEqual(b.events);
      expect((await store.readStream(stream)).map((event) => event.revision)).toEqual([0, 1, 2, 3]);
      expect((await store.verify({ kind: 'stream', stream })).ok).toBe(true);
      await otherStore.close();
      await other.dispose();
    });

    it('lands every append of concurrent writers expecting any, each chained to the one before', async () => {
      const { store } = await open({ maxAppendAttempts: 50 });
      const stream = taskStream(uniqueId('kh'), 't');
      await Promise.all(Array.from({ length: 8 }, (_, i) => store.appendToStream(stream, [aProgressReport('t', i)], { expectedRevision: 'any' })));
      expect((await store.readStream(stream)).map((event) => event.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect((await store.verify({ kind: 'stream', stream })).ok).toBe(true);
    });

    it('reads only its own events from $all: no system events, bookkeeping, other applications or namespaces', async () => {
      const mine = await open();
      const theirs = await open();
      const id = uniqueId('kh');
      await mine.store.appendToStream(directiveStream(id), [aDirectiveRegistered(id)]);
      await client.appendToStream(`${mine.namespace}orders-1`, jsonEvent({ type: 'OrderPlaced', data: { orderId: 1 } }));
      await theirs.store.appendToStream(directiveStream(id), [aDirectiveRegistered(id)]);
      await mine.store.appendToStream(taskStream(id, `${id}/1.a`), [aTaskAssigned(id, `${id}/1.a`)]);
      const all = (await mine.store.readAll()).events;
      expect(all.map((event) => [event.stream, event.type])).toEqual([
        [directiveStream(id), 'DirectiveRegistered'],
        [taskStream(id, `${id}/1.a`), 'TaskAssigned'],
      ]);
      expect((await theirs.store.readAll()).events).toHaveLength(1);
      expect((await mine.store.readAll({ after: all[0]!.position })).events.map((event) => event.stream)).toEqual([taskStream(id, `${id}/1.a`)]);
    });

    it('reads a directive exactly: directive-kh is not directive-kh2', async () => {
      const { store } = await open();
      const id = uniqueId('kh');
      await store.appendToStream(directiveStream(id), [aDirectiveRegistered(id)]);
      await store.appendToStream(directiveStream(`${id}2`), [aDirectiveRegistered(`${id}2`)]);
      await store.appendToStream(taskStream(`${id}2`, 't'), [aTaskAssigned(`${id}2`, 't')]);
      await store.appendToStream(taskStream(id, 't'), [aTaskAssigned(id, 't')]);
      expect((await store.readDirective(id)).map((event) => event.stream)).toEqual([directiveStream(id), taskStream(id, 't')]);
    });

    it('refuses to append to its bookkeeping streams', async () => {
      const { store } = await open();
      expect(isInvalidAppend(await rejection(store.appendToStream('chidao-anchors', [aProgressReport('t', 1)])))).toBe(true);
    });

    it('refuses to chain onto an event written behind its back, and verify names that event', async () => {
      const { namespace, store } = await open();
      const stream = taskStream(uniqueId('kh'), 't');
      await store.appendToStream(stream, [aProgressReport('t', 1)]);
      const forged = aProgressReport('t', 2);
      await client.appendToStream(`${namespace}${stream}`, jsonEvent({ type: forged.type, data: forged.data as never, metadata: forged.metadata }));
      const error = await rejection(store.appendToStream(stream, [aProgressReport('t', 3)]));
      expect(isCorruptEvent(error)).toBe(true);
      expect(await store.verify({ kind: 'stream', stream })).toMatchObject({ ok: false, stream, revision: 1 });
    });

    it('detects events truncated away by stream metadata ($tb), naming the first missing revision', async () => {
      const { namespace, store } = await open();
      const stream = taskStream(uniqueId('kh'), 't');
      for (let i = 1; i <= 4; i += 1) await store.appendToStream(stream, [aProgressReport('t', i)]);
      await client.setStreamMetadata(`${namespace}${stream}`, { truncateBefore: 2 });
      expect(await store.verify({ kind: 'stream', stream })).toMatchObject({ ok: false, reason: 'missing', stream, revision: 0 });
    });

    it('detects a deleted stream through the anchors, and in $all before a scavenge removes it', async () => {
      const { namespace, store } = await open();
      const id = uniqueId('kh');
      const kept = taskStream(id, `${id}/1.a`);
      const deleted = taskStream(id, `${id}/1.b`);
      await store.appendToStream(directiveStream(id), [aDirectiveRegistered(id)]);
      await store.appendToStream(kept, [aTaskAssigned(id, `${id}/1.a`)]);
      await store.appendToStream(deleted, [aTaskAssigned(id, `${id}/1.b`)]);
      await store.createAnchor();
      await client.deleteStream(`${namespace}${deleted}`);
      expect(await store.verify({ kind: 'stream', stream: deleted })).toMatchObject({ ok: false, reason: 'missing', stream: deleted, revision: 0 });
      expect(await store.verify({ kind: 'stream', stream: kept })).toMatchObject({ ok: true });
      expect(await store.verify({ kind: 'all' })).toMatchObject({ ok: false, stream: deleted });
      expect(await store.verify({ kind: 'directive', directiveId: id })).toMatchObject({ ok: false, stream: deleted });
    });

    it('maps an append larger than the server allows to an invalid append', async () => {
      const { namespace, origin } = await open();
      const stream = taskStream(uniqueId('kh'), 't');
      const limited = intercepting(client, `${namespace}${stream}`, async () => {
        throw MaxAppendSizeExceededError.fromMaxAppendSize(1_024);
      });
      const limitedStore = createEventStore(createEventStoreDbBackend({ client: limited }, { namespace, origin }));
      const error = (await rejection(limitedStore.appendToStream(stream, [aProgressReport('t', 1)]))) as Error;
      expect(isInvalidAppend(error)).toBe(true);
      expect(error.message).toContain('MaxAppendSize');
      await limitedStore.close();
    });

    it('wakes a waiting reader when another process appends, well before the poll timeout', async () => {
      const waiting = await open();
      const { backend } = waiting;
      const writer: EventStore = (await open({ namespace: waiting.namespace, origin: waiting.origin })).store;
      const idle = new AbortController();
      await backend.waitForAppend(300, idle.signal); // opens the live subscription; nothing is appended, so it times out
      const started = Date.now();
      const woken = backend.waitForAppend(20_000, new AbortController().signal);
      await writer.appendToStream(taskStream(uniqueId('kh'), 't'), [aProgressReport('t', 1)]);
      await woken;
      expect(Date.now() - started).toBeLessThan(10_000);
    });
  });
};
