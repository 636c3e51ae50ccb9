/**
 * @chidao/event-store-postgres — the EventStore backend on PostgreSQL: one SQL schema and its
 * migrations, two drivers — `pg` for a server and PGlite for the embedded default (a folder on disk,
 * or memory). Open a backend, then `createEventStore(backend)` from @chidao/event-store.
 */

export type { PostgresBackendOptions, PostgresConnection } from './postgres-backend';
export { createPostgresBackend } from './postgres-backend';

export type { PGliteBackend, PGliteConnection } from './pglite-backend';
export { createPGliteBackend } from './pglite-backend';

export type { SqlBackend } from './sql-backend';
export type { SqlClient, SqlExec, SqlQuery, SqlRow, SqlTransaction } from './sql-client';
export { pgSqlClient, pgliteSqlClient, statementName } from './sql-client';

export type { Migration } from './schema';
export { MIGRATIONS, NOTIFY_CHANNEL, SCHEMA, WRONG_EXPECTED_REVISION_SQLSTATE, migrate } from './schema';

export { createSqlTamperer } from './sql-tamperer';
