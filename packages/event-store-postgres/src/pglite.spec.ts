import { createEventStore, type EventStore } from '@chidao/event-store';
import { eventStoreContract } from '@chidao/event-store/testing';
import { createPGliteBackend, createSqlTamperer, type PGliteBackend } from './index';
import { truncateAll } from './test-support';

/*
 * The embedded default passes the EventStore contract. One PGlite instance (in memory) for the whole
 * suite, emptied between tests: creating one takes seconds. A second store, as for the concurrency
 * tests, is a second backend on the same instance, as a second store in this process would be.
 */
let backend: PGliteBackend;
let store: EventStore;

eventStoreContract('PGlite (embedded, in memory)', {
  tampering: true,
  open: async () => {
    backend = await createPGliteBackend();
    store = createEventStore(backend, { pollIntervalMs: 50 });
    return {
      store,
      openAnother: async () => createEventStore(await createPGliteBackend({ db: backend.db }), { pollIntervalMs: 50 }),
      tamper: createSqlTamperer(backend.sql),
    };
  },
  reset: () => truncateAll(backend.sql),
  close: () => store.close(),
});
