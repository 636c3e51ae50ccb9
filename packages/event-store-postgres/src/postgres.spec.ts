import { createEventStore, type EventStore } from '@chidao/event-store';
import { eventStoreContract } from '@chidao/event-store/testing';
import { createPostgresBackend, createSqlTamperer, type SqlBackend } from './index';
import { createTestDatabase, testDatabaseUrl, truncateAll, type TestDatabase } from './test-support';

/*
 * The server backend passes the EventStore contract, on a database of its own created from
 * TEST_DATABASE_URL and dropped at the end. Without the variable the suite is reported as skipped,
 * by name, never silently green: PostgreSQL was not tested. The same suite runs on PGlite in
 * pglite.spec.ts either way (same SQL, the other driver).
 */

if (testDatabaseUrl === undefined) {
  describe.skip('EventStore contract: PostgreSQL — skipped: TEST_DATABASE_URL is not set (pglite.spec.ts runs the same suite on PGlite)', () => {
    it('runs the EventStore contract on a PostgreSQL server', () => undefined);
  });
} else {
  const serverUrl = testDatabaseUrl;
  let database: TestDatabase;
  let backend: SqlBackend;
  let store: EventStore;

  eventStoreContract('PostgreSQL', {
    tampering: true,
    open: async () => {
      database = await createTestDatabase(serverUrl);
      backend = await createPostgresBackend({ connectionString: database.connectionString });
      store = createEventStore(backend, { pollIntervalMs: 50 });
      return {
        store,
        openAnother: async () => createEventStore(await createPostgresBackend({ connectionString: database.connectionString }), { pollIntervalMs: 50 }),
        tamper: createSqlTamperer(backend.sql),
      };
    },
    reset: () => truncateAll(backend.sql),
    close: async () => {
      await store.close();
      await database.drop();
    },
  });
}
