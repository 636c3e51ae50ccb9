import { createEventStore, directiveStream, taskStream } from '@chidao/event-store';
import { aDirectiveRegistered, aTaskAssigned, eventStoreContract, uniqueId } from '@chidao/event-store/testing';
import { createEventStoreDbBackend } from './esdb-backend';
import { eventStoreDbFixture, openInNamespace } from './testing/esdb-fixture';
import { eventStoreDbAdapterSuite } from './testing/esdb-suite';
import { SimulatedEventStoreDb } from './testing/simulated-esdb';

/*
 * The adapter on an in-process stand-in for EventStoreDB (testing/simulated-esdb.ts), so its logic runs
 * through the whole contract on machines without a server. This shows the adapter is right about the
 * server as the stand-in models it — not that it works with EventStoreDB: esdb.spec.ts does that when
 * EVENTSTORE_URL is set, and reports itself skipped otherwise.
 */

const server = new SimulatedEventStoreDb();

eventStoreContract('EventStoreDB adapter on the simulated server (not EventStoreDB)', eventStoreDbFixture(() => server.connect()));

eventStoreDbAdapterSuite('on the simulated server (not EventStoreDB)', () => server.connect());

describe('EventStoreDB adapter on the simulated server: what needs the server to misbehave', () => {
  it('finishes reading a directive on the checkpoint at the end when the server sends no caught-up message (before 23.10)', async () => {
    const older = new SimulatedEventStoreDb({ caughtUpMessages: false });
    const client = older.connect();
    const { store, backend } = await openInNamespace(client);
    const id = uniqueId('kh');
    await store.appendToStream(directiveStream(id), [aDirectiveRegistered(id)]);
    await store.appendToStream(taskStream(id, 't'), [aTaskAssigned(id, 't')]);
    expect((await store.readDirective(id)).map((event) => event.stream)).toEqual([directiveStream(id), taskStream(id, 't')]);
    await backend.close();
    await client.dispose();
  });

  it('fails a directive read that never reaches the end with a clear error instead of hanging', async () => {
    const silent = new SimulatedEventStoreDb({ caughtUpMessages: false, checkpoints: false });
    const client = silent.connect();
    const { store, backend } = await openInNamespace(client, { readTimeoutMs: 200 });
    const id = uniqueId('kh');
    await store.appendToStream(directiveStream(id), [aDirectiveRegistered(id)]);
    await expect(store.readDirective(id)).rejects.toThrow(/did not reach .* within 200 ms/);
    await backend.close();
    await client.dispose();
  });

  it('disposes a client it opened itself on close, and leaves a client it was given open', async () => {
    const given = server.connect();
    await createEventStore(createEventStoreDbBackend({ client: given })).close();
    expect(given.isDisposed()).toBe(false);
    await given.dispose();
  });
});
