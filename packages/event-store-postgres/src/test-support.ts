import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { SqlClient } from './sql-client';

/*
 * Test support, not exported. Specs on a PostgreSQL server each create a database of their own from
 * TEST_DATABASE_URL (`chidao_test_<pid>_<random>`) and drop it when they end, so runs never see each
 * other's rows and nothing is left behind. A server's read horizon is cluster-wide, though, so these
 * specs run one file at a time when the variable is set (jest.config.js).
 */

/** The server the PostgreSQL specs use, or undefined: then they say they are skipped and PGlite runs the same tests. */
export const testDatabaseUrl: string | undefined = process.env['TEST_DATABASE_URL'] || undefined;

/** A database created for one spec file. */
export type TestDatabase = { readonly connectionString: string; readonly drop: () => Promise<void> };

const withAdmin = async <T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> => {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

/** Creates an empty database on the server of `serverUrl`. */
export const createTestDatabase = async (serverUrl: string): Promise<TestDatabase> => {
  const name = `chidao_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    connectionString: url.toString(),
    drop: async () => {
      await withAdmin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
};

/** Empties every table of the chidao schema (between tests). */
export const truncateAll = (sql: SqlClient): Promise<void> =>
  sql.exec('TRUNCATE chidao.events, chidao.streams, chidao.anchors RESTART IDENTITY');
