import type { SqlClient } from '@chidao/event-store-postgres';
import { activityProjection } from './activity.projection';
import { directivesProjection } from './directives.projection';
import type { Projection } from './projection';
import { AS_OF_COUNT_FUNCTIONS_SQL, QUERY_FUNCTIONS_SQL, SPAN_CLASS_FUNCTION_SQL, STATUS_FUNCTIONS_SQL } from './status-sql';
import { createIndexesSql, createTableSql } from './table';
import { TASK_HISTORY } from './tables';
import { tasksProjection } from './tasks.projection';

/*
 * Schema `read`: the read models, in the same database as the events (or any other PostgreSQL/PGlite
 * database), versioned like the event store's schema: migrations applied in order, in one
 * transaction, behind an advisory lock, recorded in read.migrations.
 *
 * Read models can always be rebuilt from the log, so a change to a projection's tables is a new
 * migration that drops and recreates them from the current table specs and sets the projection's
 * checkpoint back to null: the runner then fills them again from the first event.
 */

/** The schema the live read models are in. */
export const READ_SCHEMA = 'read';

/** Every projection the runner keeps, in the order it applies a batch. */
export const PROJECTIONS: readonly Projection[] = [directivesProjection, tasksProjection, activityProjection];

/** The projection called `name`, or undefined. */
export const projectionNamed = (name: string): Projection | undefined => PROJECTIONS.find((projection) => projection.name === name);

/** Advisory lock key of the read-model migrations (the event store's are 7_262_636_001 and …002). */
const MIGRATION_LOCK = 7_262_636_101;

/** One read-model migration. */
export type ReadModelMigration = { readonly version: number; readonly name: string; readonly sql: () => string };

const tablesOf = (projections: readonly Projection[]): string =>
  projections.flatMap((projection) => projection.tables.map((table) => `${createTableSql(READ_SCHEMA, table)}\n${createIndexesSql(READ_SCHEMA, table)}`)).join('\n');

const INITIAL = (): string => `
${SPAN_CLASS_FUNCTION_SQL}
CREATE TABLE read.checkpoints (
  projection     text PRIMARY KEY,
  position       text,
  events_applied bigint NOT NULL DEFAULT 0,
  updated_at     timestamptz NOT NULL DEFAULT now()
);
${tablesOf(PROJECTIONS)}
${STATUS_FUNCTIONS_SQL}
${QUERY_FUNCTIONS_SQL}
${AS_OF_COUNT_FUNCTIONS_SQL}
`;

/**
 * The scorecard and directive progress find the history rows valid on a date by span class
 * (status-sql.ts, AS_OF_COUNTS) instead of by (valid_to, valid_from): the new index replaces the old
 * one (a database created at version 2 has it from version 1 already: made again, on empty tables), and
 * the two functions are replaced by their new text. No data changes, so no rebuild.
 */
const SPAN_INDEX = (): string => `
${SPAN_CLASS_FUNCTION_SQL}
DROP INDEX IF EXISTS read.task_history_valid;
DROP INDEX IF EXISTS read.task_history_span;
${createIndexesSql(READ_SCHEMA, { ...TASK_HISTORY, indexes: TASK_HISTORY.indexes.filter((index) => index.name === 'span') })}
${AS_OF_COUNT_FUNCTIONS_SQL}
`;

/** Every read-model migration, in order. */
export const READ_MODEL_MIGRATIONS: readonly ReadModelMigration[] = [
  { version: 1, name: 'checkpoints; tasks, task history, deadline calendar, extension log, directives, activity feed; status functions', sql: INITIAL },
  { version: 2, name: 'task history rows found by span class: index task_history_span, scorecard and directive progress', sql: SPAN_INDEX },
];

/**
 * Brings schema `read` up to the latest migration (a no-op when it is there) and makes sure every
 * projection has its checkpoint row. Returns the versions it applied.
 */
export const migrateReadModels = (db: SqlClient): Promise<readonly number[]> =>
  db.transaction(async ({ query, exec }) => {
    await query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await query(`CREATE SCHEMA IF NOT EXISTS ${READ_SCHEMA}`);
    await query(
      `CREATE TABLE IF NOT EXISTS ${READ_SCHEMA}.migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const applied = new Set((await query(`SELECT version FROM ${READ_SCHEMA}.migrations`)).map((row) => Number(row['version'])));
    const done: number[] = [];
    for (const migration of [...READ_MODEL_MIGRATIONS].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      await exec(migration.sql());
      await query(`INSERT INTO ${READ_SCHEMA}.migrations (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
      done.push(migration.version);
    }
    await query(`INSERT INTO ${READ_SCHEMA}.checkpoints (projection) SELECT unnest($1::text[]) ON CONFLICT (projection) DO NOTHING`, [
      PROJECTIONS.map((projection) => projection.name),
    ]);
    return done;
  });
