import * as path from 'node:path';

/** Where events are kept: the embedded PGlite folder, a PostgreSQL server, or EventStoreDB. */
export type StoreKind = 'pglite' | 'postgres' | 'eventstoredb';

/** The app's settings, read once from the environment at start. */
export type AppConfig = {
  /** TCP port of the HTTP server (`PORT`, default 3000). */
  readonly port: number;
  /** Interface to listen on (`HOST`, default all interfaces). */
  readonly host: string;
  /** PostgreSQL for events and read models (`DATABASE_URL`); absent: the embedded PGlite folder. */
  readonly databaseUrl: string | undefined;
  /** EventStoreDB/KurrentDB for events (`EVENTSTORE_URL`); read models then stay in PostgreSQL or PGlite. */
  readonly eventStoreUrl: string | undefined;
  /** The embedded store's folder and the home of the development JWT secret (`CHIDAO_DATA_DIR`, default `./data`). */
  readonly dataDir: string;
  /** HS256 secret of the bearer tokens (`JWT_SECRET`); in development it is generated when absent. */
  readonly jwtSecret: string | undefined;
  /** `NODE_ENV=production`: no generated secret, no printed tokens. */
  readonly production: boolean;
  /** Load the demo data at start (`CHIDAO_DEMO`, default on; `off`/`0`/`false` turn it off). */
  readonly demo: boolean;
  /** How long a query with `minPosition` waits for the read models to catch up (`CHIDAO_READ_WAIT_MS`, default 5,000). */
  readonly readYourWritesTimeoutMs: number;
  /**
   * How many streams' folded state the command path keeps (`CHIDAO_STREAM_CACHE`, default 10,000; 0 turns it
   * off): a command on one of them decides without reading the stream; the append's revision check catches
   * a stale state (see `createStreamStateCache` of @chidao/event-store).
   */
  readonly streamCacheSize: number;
};

/** The largest request body accepted, in bytes (256 KB); a larger one is answered 413. */
export const BODY_LIMIT_BYTES = 256 * 1024;

/** The embedded store's folder when `CHIDAO_DATA_DIR` is not set — the same folder the CLI uses. */
export const DEFAULT_DATA_DIR = 'data';

/** A setting the app cannot start with, said in Vietnamese and English. */
export class ConfigError extends Error {
  constructor(vi: string, en: string) {
    super(`${vi} / ${en}`);
    this.name = 'ConfigError';
  }
}

const present = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value.trim());

/** An integer setting from `min` to `max`, `fallback` when unset; a ConfigError naming it otherwise. */
const integerOf = (name: string, value: string | undefined, fallback: number, min: number, max: number): number => {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new ConfigError(`${name} không hợp lệ: "${value}"`, `${name} must be an integer from ${min} to ${max}, got "${value}"`);
  }
  return number;
};

const OFF = new Set(['0', 'off', 'false', 'no']);

/** Reads the settings from `env`; relative folders are resolved against `cwd`. */
export const loadConfig = (env: Readonly<Record<string, string | undefined>>, cwd: string): AppConfig => ({
  port: integerOf('PORT', present(env['PORT']), 3000, 0, 65_535),
  host: present(env['HOST']) ?? '0.0.0.0',
  databaseUrl: present(env['DATABASE_URL']),
  eventStoreUrl: present(env['EVENTSTORE_URL']),
  dataDir: path.resolve(cwd, present(env['CHIDAO_DATA_DIR']) ?? DEFAULT_DATA_DIR),
  jwtSecret: present(env['JWT_SECRET']),
  production: env['NODE_ENV'] === 'production',
  demo: !OFF.has((present(env['CHIDAO_DEMO']) ?? 'on').toLowerCase()),
  readYourWritesTimeoutMs: integerOf('CHIDAO_READ_WAIT_MS', present(env['CHIDAO_READ_WAIT_MS']), 5_000, 0, 60_000),
  streamCacheSize: integerOf('CHIDAO_STREAM_CACHE', present(env['CHIDAO_STREAM_CACHE']), 10_000, 0, 1_000_000),
});

/** The store kind the settings select: EventStoreDB first, then PostgreSQL, else the embedded folder. */
export const storeKindOf = (config: Pick<AppConfig, 'databaseUrl' | 'eventStoreUrl'>): StoreKind =>
  config.eventStoreUrl !== undefined ? 'eventstoredb' : config.databaseUrl !== undefined ? 'postgres' : 'pglite';

/** A connection string without its password, for printing. */
export const redact = (url: string): string => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
