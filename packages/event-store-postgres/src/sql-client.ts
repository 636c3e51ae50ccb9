import type { PGlite } from '@electric-sql/pglite';
import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryConfig } from 'pg';

/*
 * The little the backend needs of a database driver, so that one SQL schema and one backend serve
 * both `pg` (a server) and PGlite (PostgreSQL in WASM, in this process).
 */

/** A row as a driver returns it: column name to value. */
export type SqlRow = Readonly<Record<string, unknown>>;

/**
 * Runs one statement with parameters and returns its rows. `name` asks for a named prepared
 * statement where the driver keeps them per connection (`pg`): parsed and planned once per connection.
 */
export type SqlQuery = (text: string, params?: readonly unknown[], name?: string) => Promise<readonly SqlRow[]>;

/**
 * A prepared-statement name for a statement text, the same in every process: for statements a program
 * runs over and over, so that `pg` parses and plans them once per connection instead of on every call.
 * Only for texts from a fixed set — each name stays prepared on its connection for the connection's life.
 */
export const statementName = (text: string): string => `q_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;

/** Runs a script of several statements without parameters (migrations). */
export type SqlExec = (script: string) => Promise<void>;

/** What runs inside one transaction. */
export type SqlTransaction = { readonly query: SqlQuery; readonly exec: SqlExec };

/** A connection (or pool of them) to one database. */
export type SqlClient = SqlTransaction & {
  /** Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it rejects. */
  readonly transaction: <T>(work: (tx: SqlTransaction) => Promise<T>) => Promise<T>;
};

const pgExec =
  (client: Pool | PoolClient): SqlExec =>
  async (script) => {
    // Without parameters pg uses the simple protocol, which accepts several statements.
    await client.query(script);
  };

const pgQuery =
  (client: Pool | PoolClient): SqlQuery =>
  async (text, params = [], name) => {
    const config: QueryConfig = { text, values: [...params] };
    if (name !== undefined) config.name = name;
    return (await client.query(config)).rows as SqlRow[];
  };

/** A `SqlClient` on a `pg` pool. */
export const pgSqlClient = (pool: Pool): SqlClient => ({
  query: pgQuery(pool),
  exec: pgExec(pool),
  transaction: async (work) => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work({ query: pgQuery(client), exec: pgExec(client) });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    } finally {
      // A connection that could not even roll back is destroyed rather than handed to the next caller.
      client.release(broken);
    }
  },
});

/** A `SqlClient` on a PGlite instance, which runs one statement at a time and queues the rest itself. */
export const pgliteSqlClient = (db: PGlite): SqlClient => ({
  query: async (text, params = []) => (await db.query<SqlRow>(text, [...params])).rows,
  exec: async (script) => {
    await db.exec(script);
  },
  transaction: (work) =>
    db.transaction((tx) =>
      work({
        query: async (text, params = []) => (await tx.query<SqlRow>(text, [...params])).rows,
        exec: async (script) => {
          await tx.exec(script);
        },
      }),
    ),
});
