import type { SqlClient } from './sql-client';

/*
 * The SQL schema, one for both drivers, as versioned migrations applied in order. A migration is
 * never edited once released: a change is a new migration. `migrate` runs them in one transaction
 * behind an advisory lock, so two processes starting at once neither race nor apply one twice.
 *
 * Global order. `position` alone (a sequence) is not an order readers can follow: sequence values are
 * taken when a transaction inserts, not when it commits, so a transaction that took position 10 may
 * commit after another that took 11. A reader that had already passed 11 would skip 10 for ever.
 * Every event therefore also records the id of the transaction that wrote it, and the global order is
 * (transaction_id, position). Readers read only below the horizon
 * `pg_snapshot_xmin(pg_current_snapshot())` — the oldest transaction still running anywhere in the
 * cluster: every transaction below it has finished, and any transaction that writes later gets a
 * higher id, so no event can ever appear below the horizon after a reader has passed it (the
 * technique of Marten and Emmett). The price: any transaction that holds a transaction id — one that
 * has written anything, in any database of the cluster, or a prepared one — holds readAll and
 * subscriptions back until it ends, so a page can end short of events already committed above the
 * horizon; they come with the next read. Reads of one stream, one directive or one command are plain
 * snapshot reads: they have no checkpoint to skip past.
 *
 * Appends are one call of `chidao.append` (one round trip): lock the stream's head, look for the
 * command id, check the expected revision, chain the hashes exactly as `chainHash` of
 * @chidao/event-store does, move the head, record the command, insert the events.
 */

/** The schema every object lives in. */
export const SCHEMA = 'chidao';

/** The channel a process notifies after it appended (outside the append's transaction). */
export const NOTIFY_CHANNEL = 'chidao_events';

/** SQLSTATE `chidao.append` raises when the expected revision does not hold; DETAIL is `actual=<revision>` or `actual=none`. */
export const WRONG_EXPECTED_REVISION_SQLSTATE = 'WR409';

/** How `chidao.append` receives the expected revisions that are not a number (-1 is "no stream", like `no_stream`). */
export const EXPECTED_SENTINELS = { no_stream: -1, any: -2, stream_exists: -3 } as const;

/** Advisory lock keys (one 64-bit key space per database, shared with whatever else uses advisory locks). */
export const LOCKS = { migrations: 7_262_636_001, anchors: 7_262_636_002 } as const;

/** One migration: its version (applied in ascending order), a name and its SQL. */
export type Migration = { readonly version: number; readonly name: string; readonly sql: string };

const INITIAL = `
CREATE TABLE chidao.events (
  position       bigserial NOT NULL,
  transaction_id xid8      NOT NULL DEFAULT pg_current_xact_id(),
  stream         text      NOT NULL,
  revision       bigint    NOT NULL,
  type           text      NOT NULL,
  data           jsonb     NOT NULL,
  metadata       jsonb     NOT NULL,
  command_id     text      NOT NULL,
  previous_hash  bytea,
  hash           bytea     NOT NULL,
  PRIMARY KEY (stream, revision)
);
CREATE INDEX events_global_order ON chidao.events (transaction_id, position);

-- The head of every stream: its last revision and hash, and the directive it belongs to. It is the
-- row an append locks, and the independent record that lets verify notice a deleted tail or stream.
CREATE TABLE chidao.streams (
  name         text   PRIMARY KEY,
  directive_id text,
  revision     bigint NOT NULL,
  hash         bytea  NOT NULL
);
CREATE INDEX streams_directive ON chidao.streams (directive_id);

-- One row per append: where the events of a command id are. One index entry per command instead of
-- one per event (an index on events.command_id cost a sixth of a batch append), and the key that
-- refuses a command id twice.
CREATE TABLE chidao.commands (
  command_id     text   PRIMARY KEY,
  stream         text   NOT NULL,
  first_revision bigint NOT NULL,
  last_revision  bigint NOT NULL
);

CREATE TABLE chidao.anchors (
  sequence      bigint PRIMARY KEY,
  position      text   NOT NULL,
  heads         jsonb  NOT NULL,
  previous_hash text,
  hash          text   NOT NULL
);

-- What chidao.append returns: one row per event appended, with what the database decided (the caller
-- holds the rest: sending data back would only cost time); or, for a command id recorded before, one
-- row with duplicate = true, and the caller reads that command's events.
CREATE TYPE chidao.appended AS (
  duplicate      boolean,
  revision       bigint,
  transaction_id xid8,
  position       bigint,
  previous_hash  bytea,
  hash           bytea
);

-- p_expected: an exact revision (>= 0), -1 for no stream, -2 for any, -3 for stream exists.
-- p_data and p_metadata are JSON arrays, element i for event i: one JSON text each crosses the wire
-- with no SQL-array escaping, which cost more than the JSON itself (jsonb[] literals escape every quote).
-- A repeated command id on another stream, committed while this call ran, raises unique_violation on
-- commands_pkey: a duplicate too.
CREATE FUNCTION chidao.append(
  p_stream       text,
  p_directive_id text,
  p_expected     bigint,
  p_command_id   text,
  p_types        text[],
  p_data         jsonb,
  p_metadata     jsonb,
  p_digests      bytea[]
) RETURNS SETOF chidao.appended
LANGUAGE plpgsql AS $function$
DECLARE
  v_count   integer := coalesce(cardinality(p_types), 0);
  v_exists  boolean;
  v_current bigint;
  v_head    bytea;
  v_hash    bytea;
  v_hashes  bytea[];
  v_index   integer;
BEGIN
  IF v_count = 0 OR jsonb_array_length(p_data) IS DISTINCT FROM v_count OR jsonb_array_length(p_metadata) IS DISTINCT FROM v_count
     OR cardinality(p_digests) IS DISTINCT FROM v_count THEN
    RAISE EXCEPTION 'chidao.append: % types, % data, % metadata, % digests', v_count, jsonb_array_length(p_data),
      jsonb_array_length(p_metadata), cardinality(p_digests) USING ERRCODE = 'invalid_parameter_value';
  END IF;

  LOOP
    -- The head, locked until commit: appenders to one stream queue here, and each one re-reads the
    -- head its predecessor committed (READ COMMITTED re-checks a locked row's latest version).
    SELECT s.revision, s.hash INTO v_current, v_head FROM chidao.streams s WHERE s.name = p_stream FOR NO KEY UPDATE;
    v_exists := FOUND;
    IF NOT v_exists THEN
      v_current := -1;
      v_head := NULL;
    END IF;

    -- Looked up after the lock, with a new snapshot: a repeat of a command that was appending to this
    -- stream has committed by now, so it is found here rather than refused as a conflict.
    IF EXISTS (SELECT FROM chidao.commands c WHERE c.command_id = p_command_id) THEN
      RETURN QUERY SELECT true, NULL::bigint, NULL::xid8, NULL::bigint, NULL::bytea, NULL::bytea;
      RETURN;
    END IF;

    IF NOT (p_expected = -2 OR (p_expected = -3 AND v_exists) OR (p_expected >= -1 AND p_expected = v_current)) THEN
      RAISE EXCEPTION 'wrong expected revision on stream %: expected %, actual %', p_stream, p_expected, v_current
        USING ERRCODE = '${WRONG_EXPECTED_REVISION_SQLSTATE}',
              DETAIL = 'actual=' || CASE WHEN v_exists THEN v_current::text ELSE 'none' END;
    END IF;

    -- hash = sha256(previous hash || digest || revision as 8 bytes big-endian): chainHash of @chidao/event-store.
    v_hash := v_head;
    v_hashes := '{}';
    FOR v_index IN 1 .. v_count LOOP
      v_hash := sha256(coalesce(v_hash, ''::bytea) || p_digests[v_index] || int8send(v_current + v_index));
      v_hashes[v_index] := v_hash;
    END LOOP;

    IF v_exists THEN
      UPDATE chidao.streams SET revision = v_current + v_count, hash = v_hash WHERE name = p_stream;
      EXIT;
    END IF;
    -- A new stream. Two creators both found no head; the loser of this insert waits for the winner to
    -- commit and then goes round again, now locking and checking the winner's head like any other.
    INSERT INTO chidao.streams (name, directive_id, revision, hash) VALUES (p_stream, p_directive_id, v_current + v_count, v_hash)
      ON CONFLICT (name) DO NOTHING;
    EXIT WHEN FOUND;
  END LOOP;

  INSERT INTO chidao.commands (command_id, stream, first_revision, last_revision) VALUES (p_command_id, p_stream, v_current + 1, v_current + v_count);

  RETURN QUERY
    WITH inserted AS (
      INSERT INTO chidao.events (stream, revision, type, data, metadata, command_id, previous_hash, hash)
      SELECT p_stream, v_current + u.n, u.type, u.data, u.metadata, p_command_id,
             CASE WHEN u.n = 1 THEN v_head ELSE v_hashes[u.n - 1] END, v_hashes[u.n]
      FROM ROWS FROM (unnest(p_types), jsonb_array_elements(p_data), jsonb_array_elements(p_metadata)) WITH ORDINALITY AS u(type, data, metadata, n)
      ORDER BY u.n
      RETURNING *
    )
    SELECT false, i.revision, i.transaction_id, i.position, i.previous_hash, i.hash FROM inserted i ORDER BY i.revision;
END
$function$;
`;

/*
 * Version 2, for throughput. The commands table cost a heap row and an index entry per append (about a
 * sixth of a single-event append on the server): a command's events now carry their place in it
 * (command_seq, 0 for the first), and a unique index over the first events alone refuses a command id
 * twice. Digests arrive as one hex text (64 characters per event) instead of a bytea[] literal, which
 * cost the client more to escape than the JSON.
 */
const COMMANDS_ON_EVENTS = `
ALTER TABLE chidao.events ADD COLUMN command_seq integer;
UPDATE chidao.events e SET command_seq = e.revision - c.first_revision
  FROM chidao.commands c WHERE c.stream = e.stream AND e.revision BETWEEN c.first_revision AND c.last_revision;
UPDATE chidao.events SET command_seq = 0 WHERE command_seq IS NULL;
ALTER TABLE chidao.events ALTER COLUMN command_seq SET NOT NULL;
CREATE UNIQUE INDEX events_command ON chidao.events (command_id) WHERE command_seq = 0;
DROP TABLE chidao.commands;
DROP FUNCTION chidao.append(text, text, bigint, text, text[], jsonb, jsonb, bytea[]);

-- p_expected: an exact revision (>= 0), -1 for no stream, -2 for any, -3 for stream exists.
-- p_data and p_metadata are JSON arrays, element i for event i; p_digests is the events' digests in hex,
-- 64 characters each, one after another. A repeated command id on another stream, committed while this
-- call ran, raises unique_violation on events_command: a duplicate too.
CREATE FUNCTION chidao.append(
  p_stream       text,
  p_directive_id text,
  p_expected     bigint,
  p_command_id   text,
  p_types        text[],
  p_data         jsonb,
  p_metadata     jsonb,
  p_digests      text
) RETURNS SETOF chidao.appended
LANGUAGE plpgsql AS $function$
DECLARE
  v_count   integer := coalesce(cardinality(p_types), 0);
  v_exists  boolean;
  v_current bigint;
  v_head    bytea;
  v_hash    bytea;
  v_hashes  bytea[];
  v_index   integer;
  v_digests bytea;
BEGIN
  IF v_count = 0 OR jsonb_array_length(p_data) IS DISTINCT FROM v_count OR jsonb_array_length(p_metadata) IS DISTINCT FROM v_count
     OR octet_length(p_digests) IS DISTINCT FROM v_count * 64 THEN
    RAISE EXCEPTION 'chidao.append: % types, % data, % metadata, % digest characters', v_count, jsonb_array_length(p_data),
      jsonb_array_length(p_metadata), octet_length(p_digests) USING ERRCODE = 'invalid_parameter_value';
  END IF;
  -- Decoded once: substr() on text counts characters from the start each time (quadratic in the batch),
  -- while a bytea is cut by byte offset.
  v_digests := decode(p_digests, 'hex');

  LOOP
    -- The head, locked until commit: appenders to one stream queue here, and each one re-reads the
    -- head its predecessor committed (READ COMMITTED re-checks a locked row's latest version).
    SELECT s.revision, s.hash INTO v_current, v_head FROM chidao.streams s WHERE s.name = p_stream FOR NO KEY UPDATE;
    v_exists := FOUND;
    IF NOT v_exists THEN
      v_current := -1;
      v_head := NULL;
    END IF;

    -- Looked up after the lock, with a new snapshot: a repeat of a command that was appending to this
    -- stream has committed by now, so it is found here rather than refused as a conflict.
    IF EXISTS (SELECT FROM chidao.events e WHERE e.command_id = p_command_id AND e.command_seq = 0) THEN
      RETURN QUERY SELECT true, NULL::bigint, NULL::xid8, NULL::bigint, NULL::bytea, NULL::bytea;
      RETURN;
    END IF;

    IF NOT (p_expected = -2 OR (p_expected = -3 AND v_exists) OR (p_expected >= -1 AND p_expected = v_current)) THEN
      RAISE EXCEPTION 'wrong expected revision on stream %: expected %, actual %', p_stream, p_expected, v_current
        USING ERRCODE = '${WRONG_EXPECTED_REVISION_SQLSTATE}',
              DETAIL = 'actual=' || CASE WHEN v_exists THEN v_current::text ELSE 'none' END;
    END IF;

    -- hash = sha256(previous hash || digest || revision as 8 bytes big-endian): chainHash of @chidao/event-store.
    v_hash := v_head;
    v_hashes := '{}';
    FOR v_index IN 1 .. v_count LOOP
      v_hash := sha256(coalesce(v_hash, ''::bytea) || substring(v_digests FROM v_index * 32 - 31 FOR 32) || int8send(v_current + v_index));
      v_hashes[v_index] := v_hash;
    END LOOP;

    IF v_exists THEN
      UPDATE chidao.streams SET revision = v_current + v_count, hash = v_hash WHERE name = p_stream;
      EXIT;
    END IF;
    -- A new stream. Two creators both found no head; the loser of this insert waits for the winner to
    -- commit and then goes round again, now locking and checking the winner's head like any other.
    INSERT INTO chidao.streams (name, directive_id, revision, hash) VALUES (p_stream, p_directive_id, v_current + v_count, v_hash)
      ON CONFLICT (name) DO NOTHING;
    EXIT WHEN FOUND;
  END LOOP;

  RETURN QUERY
    WITH inserted AS (
      INSERT INTO chidao.events (stream, revision, type, data, metadata, command_id, command_seq, previous_hash, hash)
      SELECT p_stream, v_current + u.n, u.type, u.data, u.metadata, p_command_id, u.n - 1,
             CASE WHEN u.n = 1 THEN v_head ELSE v_hashes[u.n - 1] END, v_hashes[u.n]
      FROM ROWS FROM (unnest(p_types), jsonb_array_elements(p_data), jsonb_array_elements(p_metadata)) WITH ORDINALITY AS u(type, data, metadata, n)
      ORDER BY u.n
      RETURNING revision, transaction_id, position, previous_hash, hash
    )
    SELECT false, i.revision, i.transaction_id, i.position, i.previous_hash, i.hash FROM inserted i ORDER BY i.revision;
END
$function$;
`;

/** Every migration, in order. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'events, streams, commands, anchors and chidao.append', sql: INITIAL },
  { version: 2, name: 'command ids on events; digests as hex', sql: COMMANDS_ON_EVENTS },
];

/**
 * Brings the database's `chidao` schema up to the latest migration; a no-op when it is there already.
 * Returns the versions it applied.
 */
export const migrate = (sql: SqlClient, migrations: readonly Migration[] = MIGRATIONS): Promise<readonly number[]> =>
  sql.transaction(async ({ query, exec }) => {
    // Taken before anything else, so a second process waits here and then finds everything applied.
    await query('SELECT pg_advisory_xact_lock($1)', [LOCKS.migrations]);
    await query(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);
    await query(
      `CREATE TABLE IF NOT EXISTS ${SCHEMA}.migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const applied = new Set((await query(`SELECT version FROM ${SCHEMA}.migrations`)).map((row) => Number(row['version'])));
    const done: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      await exec(migration.sql);
      await query(`INSERT INTO ${SCHEMA}.migrations (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
      done.push(migration.version);
    }
    return done;
  });
