import { createEventStore, type EventStore } from '@chidao/event-store';
import { createPGliteBackend, createPostgresBackend, pgSqlClient, pgliteSqlClient, type SqlClient } from '@chidao/event-store-postgres';
import type { Role } from '@chidao/domain';
import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import request from 'supertest';
import { createChidaoApp, type ChidaoApp } from '../app/create-app';
import { loadConfig, type AppConfig } from '../config/config';
import type { Infrastructure } from '../infrastructure/infrastructure';

/*
 * Test support, not part of the app. Specs run on PostgreSQL when TEST_DATABASE_URL is set (each spec
 * file gets a database of its own, dropped at the end) and on PGlite in memory otherwise. One app per
 * describe block: starting one takes a second or two.
 */

/** The server the specs use, or undefined for PGlite. */
export const testDatabaseUrl: string | undefined = process.env['TEST_DATABASE_URL'] || undefined;

/** The secret test tokens are signed with. */
export const TEST_JWT_SECRET = 'chidao-test-secret-0123456789abcdef';

/** Settings for a test app: no demo data unless asked, a fixed secret. */
export const testConfig = (overrides: Readonly<Record<string, string>> = {}): AppConfig =>
  loadConfig({ CHIDAO_DEMO: 'off', JWT_SECRET: TEST_JWT_SECRET, PORT: '0', ...overrides }, process.cwd());

const withAdmin = async <T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> => {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

/** A database of its own on the test server. */
export const createTestDatabase = async (serverUrl: string): Promise<{ readonly url: string; readonly drop: () => Promise<void> }> => {
  const name = `chidao_api_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => withAdmin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined) };
};

/** A store and read-model database for one spec file, and how to get rid of it. */
export type TestInfrastructure = Infrastructure & { readonly dispose: () => Promise<void> };

/** Opens a fresh store: a database of its own on TEST_DATABASE_URL, else PGlite in memory. */
export const openTestInfrastructure = async (): Promise<TestInfrastructure> => {
  if (testDatabaseUrl !== undefined) {
    const database = await createTestDatabase(testDatabaseUrl);
    const pool = new Pool({ connectionString: database.url, max: 8 });
    pool.on('error', () => undefined);
    const store = createEventStore(await createPostgresBackend({ pool }));
    const close = async () => {
      await store.close();
      await pool.end();
    };
    return {
      store,
      db: pgSqlClient(pool),
      storeKind: 'postgres',
      readModelKind: 'postgres',
      where: `PostgreSQL (${database.url})`,
      close,
      dispose: async () => {
        await close();
        await database.drop();
      },
    };
  }
  const backend = await createPGliteBackend();
  const store = createEventStore(backend);
  return {
    store,
    db: pgliteSqlClient(backend.db),
    storeKind: 'pglite',
    readModelKind: 'pglite',
    where: 'PGlite (memory)',
    close: () => store.close(),
    dispose: () => store.close(),
  };
};

/** A test app on a fresh store, with helpers to call it as each role. */
export type TestApp = {
  readonly chidao: ChidaoApp;
  readonly store: EventStore;
  readonly infrastructure: TestInfrastructure;
  /** A token for a role (an agency officer of `agencyId`, Sở KH&CN by default). */
  readonly token: (role: Role, agencyId?: string) => string;
  /** supertest on the app's HTTP server. */
  readonly http: () => ReturnType<typeof request>;
  /** How many events the whole store holds. */
  readonly eventCount: () => Promise<number>;
  readonly close: () => Promise<void>;
};

/** Starts an app on a fresh store. */
export const startTestApp = async (
  options: { readonly demo?: boolean; readonly infrastructure?: TestInfrastructure; readonly env?: Readonly<Record<string, string>> } = {},
): Promise<TestApp> => {
  const infrastructure = options.infrastructure ?? (await openTestInfrastructure());
  const config = testConfig({ CHIDAO_DEMO: options.demo === true ? 'on' : 'off', ...options.env });
  const chidao = await createChidaoApp({ config, infrastructure, logger: false });
  return {
    chidao,
    store: infrastructure.store,
    infrastructure,
    token: (role, agencyId) =>
      chidao.tokens.sign(
        role === 'agency' ? { sub: `test.${role}.${agencyId ?? 'khanh-hoa.so-khcn'}`, role, agencyId: agencyId ?? 'khanh-hoa.so-khcn' } : { sub: `test.${role}`, role },
      ),
    http: () => request(chidao.app.getHttpServer()),
    eventCount: () => countEvents(infrastructure.db),
    close: async () => {
      await chidao.close();
      if (options.infrastructure === undefined) await infrastructure.dispose();
    },
  };
};

/**
 * Every event in the store, counted in its table. Not through `readAll`: on PostgreSQL that reads only
 * below the oldest open transaction (the projection runner's, say), so it may not show the newest.
 */
export const countEvents = async (db: SqlClient): Promise<number> => {
  const [row] = await db.query('SELECT count(*)::integer AS n FROM chidao.events');
  return Number(row?.['n']);
};
