import * as path from 'node:path';
import { createEventStore, type EventStore } from '@chidao/event-store';
import { createEventStoreDbBackend } from '@chidao/event-store-esdb';
import { createPGliteBackend, createPostgresBackend } from '@chidao/event-store-postgres';

/** The store the CLI works on, and where it is, said for people. */
export type OpenedStore = { readonly store: EventStore; readonly where: string };

/** The embedded store's folder when neither `DATABASE_URL` nor `EVENTSTORE_URL` is set. */
export const DEFAULT_DATA_DIR = 'data';

/**
 * Opens the event store the environment names: `EVENTSTORE_URL` (EventStoreDB), else `DATABASE_URL`
 * (PostgreSQL), else the embedded PGlite folder `CHIDAO_DATA_DIR` (default `./data`, the same folder
 * `npm start` uses). PGlite opens a folder in one process at a time: stop the app before using the
 * CLI on its embedded store.
 */
export const openStore = async (env: Readonly<Record<string, string | undefined>>, cwd: string): Promise<OpenedStore> => {
  const esdb = env['EVENTSTORE_URL'];
  if (esdb !== undefined && esdb !== '') {
    return { store: createEventStore(createEventStoreDbBackend({ connectionString: esdb })), where: `EventStoreDB (${redact(esdb)})` };
  }
  const database = env['DATABASE_URL'];
  if (database !== undefined && database !== '') {
    return { store: createEventStore(await createPostgresBackend({ connectionString: database }, { poolSize: 2 })), where: `PostgreSQL (${redact(database)})` };
  }
  const dataDir = path.resolve(cwd, env['CHIDAO_DATA_DIR'] ?? DEFAULT_DATA_DIR);
  return { store: createEventStore(await createPGliteBackend({ dataDir })), where: `PGlite (${dataDir})` };
};

/** A connection string without its password, for printing. */
const redact = (url: string): string => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
