import { randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { notifySignal, type NotifyTransport } from './append-signal';
import { NOTIFY_CHANNEL, migrate } from './schema';
import { createSqlBackend, type SqlBackend } from './sql-backend';
import { pgSqlClient } from './sql-client';

/** Where the PostgreSQL backend connects: a connection string (it owns a pool), or a pool the caller owns. */
export type PostgresConnection = { readonly connectionString: string } | { readonly pool: Pool };

/** Settings of the PostgreSQL backend. */
export type PostgresBackendOptions = {
  /** Size of the pool the backend creates from a connection string (default 10); ignored for a given pool. */
  readonly poolSize?: number;
  /**
   * Least time between two NOTIFYs this process sends (default 25 ms). Only other processes need them
   * (this one's waiters are woken at the append), and each costs a transaction plus a message to every
   * listening connection: at 5 ms, 8 clients' commands on a two-core machine ran about 10% slower. A
   * projection runner waits 25 ms after a wake anyway to batch what follows.
   */
  readonly notifyIntervalMs?: number;
  /** Run the migrations on open (default true). */
  readonly migrate?: boolean;
};

const DEFAULTS = { poolSize: 10, notifyIntervalMs: 25 } as const;

/** LISTENs on a dedicated client (not one of the pool's: it stays connected while subscriptions wait). */
const pgTransport = (pool: Pool, connect: () => Client): NotifyTransport => ({
  notify: async (sender) => {
    await pool.query({ text: `SELECT pg_notify('${NOTIFY_CHANNEL}', $1)`, values: [sender], name: 'chidao.notify' });
  },
  listen: async (onNotify, onLost) => {
    const client = connect();
    let ending = false;
    const fail = () => {
      if (ending) return;
      ending = true;
      onLost();
      client.end().catch(() => undefined);
    };
    client.on('error', fail);
    client.on('end', fail);
    client.on('notification', (message) => {
      if (message.channel === NOTIFY_CHANNEL) onNotify(message.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
    } catch (error) {
      ending = true;
      await client.end().catch(() => undefined);
      throw error;
    }
    return async () => {
      ending = true;
      await client.end();
    };
  },
});

/**
 * Opens the backend on a PostgreSQL server (13 or later: xid8) and brings its `chidao` schema up to
 * date. With a connection string the backend owns its pool and ends it on close; a given pool is left
 * open. Pass it to `createEventStore` of @chidao/event-store.
 */
export const createPostgresBackend = async (connection: PostgresConnection, options: PostgresBackendOptions = {}): Promise<SqlBackend> => {
  const owned = 'connectionString' in connection;
  const pool = owned ? new Pool({ connectionString: connection.connectionString, max: options.poolSize ?? DEFAULTS.poolSize }) : connection.pool;
  // An idle pooled connection that drops (a server restart) must not crash the process; the pool replaces it.
  if (owned) pool.on('error', () => undefined);
  const connect = () => (owned ? new Client({ connectionString: connection.connectionString }) : new Client(pool.options));
  const sql = pgSqlClient(pool);
  try {
    if (options.migrate ?? true) await migrate(sql);
  } catch (error) {
    if (owned) await pool.end();
    throw error;
  }
  const signal = notifySignal(pgTransport(pool, connect), options.notifyIntervalMs ?? DEFAULTS.notifyIntervalMs, randomUUID());
  return createSqlBackend(sql, signal, async () => {
    if (owned) await pool.end();
  });
};
