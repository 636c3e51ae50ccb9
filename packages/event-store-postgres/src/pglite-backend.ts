import { PGlite } from '@electric-sql/pglite';
import { inProcessSignal } from './append-signal';
import { migrate } from './schema';
import { createSqlBackend, type SqlBackend } from './sql-backend';
import { pgliteSqlClient } from './sql-client';

/**
 * Where the PGlite backend keeps its database: a folder on disk (`dataDir`), memory when absent, or a
 * PGlite instance the caller opened and closes (for a second backend on one database).
 */
export type PGliteConnection = { readonly dataDir?: string } | { readonly db: PGlite };

/** A backend on PGlite, with the instance it runs on. */
export type PGliteBackend = SqlBackend & { readonly db: PGlite };

/**
 * Opens the embedded backend: PostgreSQL compiled to WASM, in this process, with the same schema as
 * the server backend. PGlite has one connection and runs one statement at a time, queueing the rest
 * itself, so concurrent calls are serialised rather than refused; transactions from other processes
 * cannot exist, and the in-process signal is all live subscriptions need. A folder can be open in one
 * process at a time.
 */
export const createPGliteBackend = async (connection: PGliteConnection = {}): Promise<PGliteBackend> => {
  const owned = !('db' in connection);
  const db = 'db' in connection ? connection.db : connection.dataDir === undefined ? await PGlite.create() : await PGlite.create({ dataDir: connection.dataDir });
  const sql = pgliteSqlClient(db);
  try {
    await migrate(sql);
  } catch (error) {
    if (owned) await db.close();
    throw error;
  }
  const backend = createSqlBackend(sql, inProcessSignal(db), async () => {
    if (owned) await db.close();
  });
  return { ...backend, db };
};
