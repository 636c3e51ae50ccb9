import { statementName, type SqlClient } from '@chidao/event-store-postgres';

/*
 * Answers to requests sent with an `Idempotency-Key` that the event store cannot give again: refusals
 * (403, 404, 422 from a rule) and commands that changed nothing (200), so a retry gets the same status
 * and body. An appended command needs no row here: its command id derives from the key, the append is
 * idempotent by command id (two racing requests with one key still append once), and its events carry
 * the request's digest, so a retry's answer is rebuilt from them and a different request under the key
 * is recognised — without a second write per command. The table lives beside the read models, in schema `api`.
 */

/** A stored answer. */
export type StoredAnswer = {
  /** Hash of what was asked (route, body, If-Match): a key reused for another request is refused. */
  readonly fingerprint: string;
  readonly status: number;
  readonly body: unknown;
};

/** Where answers are kept, per caller and key. */
export type IdempotencyStore = {
  readonly find: (owner: string, key: string) => Promise<StoredAnswer | undefined>;
  /** Keeps the first answer; a second save for the same key is ignored. */
  readonly save: (owner: string, key: string, answer: StoredAnswer) => Promise<void>;
};

const MIGRATION = `
CREATE SCHEMA IF NOT EXISTS api;
CREATE TABLE IF NOT EXISTS api.idempotency_keys (
  owner text NOT NULL,
  key text NOT NULL,
  fingerprint text NOT NULL,
  status integer NOT NULL,
  body jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (owner, key)
);`;

const FIND = 'SELECT fingerprint, status, body FROM api.idempotency_keys WHERE owner = $1 AND key = $2';
const SAVE = 'INSERT INTO api.idempotency_keys (owner, key, fingerprint, status, body) VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT (owner, key) DO NOTHING';

/** Creates the table when it is missing. */
export const migrateIdempotency = (db: SqlClient): Promise<void> => db.exec(MIGRATION);

/** The store on the read-model database. */
export const sqlIdempotencyStore = (db: SqlClient): IdempotencyStore => ({
  find: async (owner, key) => {
    const rows = await db.query(FIND, [owner, key], statementName(FIND));
    const row = rows[0];
    if (row === undefined) return undefined;
    const body = typeof row['body'] === 'string' ? (JSON.parse(row['body']) as unknown) : row['body'];
    return { fingerprint: String(row['fingerprint']), status: Number(row['status']), body };
  },
  save: async (owner, key, answer) => {
    await db.query(SAVE, [owner, key, answer.fingerprint, answer.status, JSON.stringify(answer.body)], statementName(SAVE));
  },
});
