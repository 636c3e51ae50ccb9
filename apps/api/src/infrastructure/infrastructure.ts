import { PGlite } from '@electric-sql/pglite';
import { createEventStore, type EventStore } from '@chidao/event-store';
import { createEventStoreDbBackend } from '@chidao/event-store-esdb';
import { createPGliteBackend, createPostgresBackend, pgSqlClient, pgliteSqlClient, type SqlClient } from '@chidao/event-store-postgres';
import { Pool } from 'pg';
import { redact, storeKindOf, type AppConfig, type StoreKind } from '../config/config';

/** Where the read models live: the same PGlite instance or PostgreSQL database as the events, when they are there. */
export type ReadModelKind = 'pglite' | 'postgres';

/** The store and the read-model database the app runs on. */
export type Infrastructure = {
  readonly store: EventStore;
  /** The read models' database (and the API's own small schema). */
  readonly db: SqlClient;
  readonly storeKind: StoreKind;
  readonly readModelKind: ReadModelKind;
  /** Where the data is, said for people (passwords redacted). */
  readonly where: string;
  /** Closes the store and the database, in that order. */
  readonly close: () => Promise<void>;
};

const poolOf = (connectionString: string): Pool => {
  const pool = new Pool({ connectionString, max: 10 });
  // An idle pooled connection that drops (a server restart) must not crash the process.
  pool.on('error', () => undefined);
  return pool;
};

/**
 * Opens what the settings name, as the CLI does (apps/cli/src/open-store.ts): with `EVENTSTORE_URL`
 * the events go to EventStoreDB and the read models to `DATABASE_URL` or the PGlite folder; with
 * `DATABASE_URL` one pool serves both; by default ONE PGlite instance in `CHIDAO_DATA_DIR` serves both
 * (a PGlite folder can be open in one process only).
 */
export const openInfrastructure = async (config: AppConfig): Promise<Infrastructure> => {
  const kind = storeKindOf(config);
  if (kind === 'pglite') {
    const backend = await createPGliteBackend({ dataDir: config.dataDir });
    const store = createEventStore(backend);
    return {
      store,
      db: pgliteSqlClient(backend.db),
      storeKind: kind,
      readModelKind: 'pglite',
      where: `PGlite (${config.dataDir})`,
      close: () => store.close(),
    };
  }
  if (kind === 'postgres') {
    const url = config.databaseUrl ?? '';
    const pool = poolOf(url);
    try {
      const store = createEventStore(await createPostgresBackend({ pool }));
      return {
        store,
        db: pgSqlClient(pool),
        storeKind: kind,
        readModelKind: 'postgres',
        where: `PostgreSQL (${redact(url)})`,
        close: async () => {
          await store.close();
          await pool.end();
        },
      };
    } catch (error) {
      await pool.end();
      throw error;
    }
  }
  const esdb = config.eventStoreUrl ?? '';
  const store = createEventStore(createEventStoreDbBackend({ connectionString: esdb }));
  if (config.databaseUrl !== undefined) {
    const pool = poolOf(config.databaseUrl);
    return {
      store,
      db: pgSqlClient(pool),
      storeKind: kind,
      readModelKind: 'postgres',
      where: `EventStoreDB (${redact(esdb)}), read models in PostgreSQL (${redact(config.databaseUrl)})`,
      close: async () => {
        await store.close();
        await pool.end();
      },
    };
  }
  const db = await PGlite.create({ dataDir: config.dataDir });
  return {
    store,
    db: pgliteSqlClient(db),
    storeKind: kind,
    readModelKind: 'pglite',
    where: `EventStoreDB (${redact(esdb)}), read models in PGlite (${config.dataDir})`,
    close: async () => {
      await store.close();
      await db.close();
    },
  };
};
