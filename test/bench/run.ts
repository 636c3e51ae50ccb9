import { createPGliteBackend, createPostgresBackend } from '@chidao/event-store-postgres';
import { Client } from 'pg';
import { runStoreBench } from './store.bench';

/*
 * `npm run bench -- <name>`: benchmarks print their figures; they are never timed unit tests.
 *   store   the event store on in-memory, PGlite and PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL)
 */

/** A connection string for `database` on the same server as `url`. */
const onDatabase = (url: string, database: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

/** Drops and creates a database, so every measurement starts empty. */
const freshDatabase = async (url: string, database: string): Promise<string> => {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  return onDatabase(url, database);
};

const main = async (): Promise<void> => {
  const which = process.argv[2] ?? 'store';
  if (which !== 'store') {
    process.stderr.write(`Không có benchmark "${which}" / unknown benchmark "${which}"; available: store\n`);
    process.exit(2);
  }
  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
  await runStoreBench({
    pglite: () => createPGliteBackend(),
    ...(url === undefined
      ? {}
      : {
          postgres: {
            open: async () => createPostgresBackend({ connectionString: await freshDatabase(url, 'chidao_bench') }, { poolSize: 40 }),
            connectionString: await freshDatabase(url, 'chidao_bench_raw'),
          },
        }),
  });
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
