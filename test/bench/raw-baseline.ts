import { Pool } from 'pg';
import { concurrently } from './stats';

/*
 * The raw baseline the store's figures are compared with, in the same process and run: plain `pg`,
 * one `INSERT … SELECT` per event that checks the expected version in the same statement, batched
 * inserts of 100, and keyset reads in pages of 1,000. No hash chain, no validation, no global order
 * guarantee — the floor of what PostgreSQL itself costs on this machine.
 */

const SCHEMA = `
  DROP SCHEMA IF EXISTS bench_raw CASCADE;
  CREATE SCHEMA bench_raw;
  CREATE TABLE bench_raw.events (
    position bigserial UNIQUE,
    stream text NOT NULL,
    version bigint NOT NULL,
    type text NOT NULL,
    data jsonb NOT NULL,
    metadata jsonb NOT NULL,
    PRIMARY KEY (stream, version)
  );`;

const INSERT_ONE = `
  INSERT INTO bench_raw.events (stream, version, type, data, metadata)
  SELECT $1, $2, $3, $4, $5
  WHERE (SELECT coalesce(max(version), -1) FROM bench_raw.events WHERE stream = $1) = $2::bigint - 1`;

const INSERT_BATCH = `
  INSERT INTO bench_raw.events (stream, version, type, data, metadata)
  SELECT $1, $2::bigint + ordinality - 1, t.type, t.data, t.metadata
  FROM unnest($3::text[], $4::jsonb[], $5::jsonb[]) WITH ORDINALITY AS t(type, data, metadata, ordinality)
  WHERE (SELECT coalesce(max(version), -1) FROM bench_raw.events WHERE stream = $1) = $2::bigint - 1`;

/** A raw-SQL event store used only as the benchmark's yardstick. */
export type RawBaseline = {
  readonly singleAppends: (writers: number, perWriter: number, event: { type: string; data: unknown; metadata: unknown }) => Promise<number>;
  readonly batchAppends: (writers: number, batchesPerWriter: number, batchSize: number, event: { type: string; data: unknown; metadata: unknown }) => Promise<number>;
  readonly fill: (count: number, event: { type: string; data: unknown; metadata: unknown }) => Promise<void>;
  readonly readAll: (pageSize: number) => Promise<{ readonly events: number; readonly ms: number }>;
  readonly close: () => Promise<void>;
};

/** Opens the baseline on a fresh `bench_raw` schema. */
export const openRawBaseline = async (connectionString: string): Promise<RawBaseline> => {
  const pool = new Pool({ connectionString, max: 40 });
  await pool.query(SCHEMA);
  let run = 0;
  const reset = async () => {
    await pool.query('TRUNCATE bench_raw.events');
    run += 1;
  };
  return {
    singleAppends: async (writers, perWriter, event) => {
      await reset();
      const data = JSON.stringify(event.data);
      const metadata = JSON.stringify(event.metadata);
      return concurrently(writers, perWriter, async (worker, i) => {
        const result = await pool.query(INSERT_ONE, [`raw-${run}-${worker}`, i, event.type, data, metadata]);
        if (result.rowCount !== 1) throw new Error('raw baseline: version check failed');
      });
    },
    batchAppends: async (writers, batchesPerWriter, batchSize, event) => {
      await reset();
      const types = Array.from({ length: batchSize }, () => event.type);
      const datas = Array.from({ length: batchSize }, () => JSON.stringify(event.data));
      const metadatas = Array.from({ length: batchSize }, () => JSON.stringify(event.metadata));
      return concurrently(writers, batchesPerWriter, async (worker, i) => {
        const result = await pool.query(INSERT_BATCH, [`raw-${run}-${worker}`, i * batchSize, types, datas, metadatas]);
        if (result.rowCount !== batchSize) throw new Error('raw baseline: batch version check failed');
      });
    },
    fill: async (count, event) => {
      await reset();
      const batch = 1_000;
      const types = Array.from({ length: batch }, () => event.type);
      const datas = Array.from({ length: batch }, () => JSON.stringify(event.data));
      const metadatas = Array.from({ length: batch }, () => JSON.stringify(event.metadata));
      await concurrently(4, Math.ceil(count / batch / 4), async (worker, i) => {
        await pool.query(INSERT_BATCH, [`fill-${worker}-${i}`, 0, types, datas, metadatas]);
      });
    },
    readAll: async (pageSize) => {
      const start = performance.now();
      let after = 0;
      let events = 0;
      for (;;) {
        const page = await pool.query('SELECT position, stream, version, type, data, metadata FROM bench_raw.events WHERE position > $1 ORDER BY position LIMIT $2', [after, pageSize]);
        events += page.rows.length;
        if (page.rows.length < pageSize) break;
        after = Number(page.rows.at(-1).position);
      }
      return { events, ms: performance.now() - start };
    },
    close: async () => {
      await pool.query('DROP SCHEMA IF EXISTS bench_raw CASCADE');
      await pool.end();
    },
  };
};
