import { statementName, type SqlTransaction } from '@chidao/event-store-postgres';

/*
 * Read-model tables are described once, as data, so that the same description creates the live table
 * in schema `read`, its shadow copy during a rebuild, the batched writes of the runner, and the digest
 * that compares the two. Rows are plain objects whose keys are the column names.
 */

/** One column: its name and SQL type (with NOT NULL where it applies). */
export type Column = { readonly name: string; readonly type: string; readonly notNull?: boolean };

/** A secondary index: its name suffix, its key expression, columns it carries for index-only scans, and an optional partial-index predicate. */
export type IndexSpec = { readonly name: string; readonly on: string; readonly include?: readonly string[]; readonly where?: string };

/** A read-model table. */
export type TableSpec = {
  readonly name: string;
  readonly columns: readonly Column[];
  readonly primaryKey: readonly string[];
  readonly indexes: readonly IndexSpec[];
  /** Columns the digest leaves out: bookkeeping that may differ between two equal read models. */
  readonly digestExclude?: readonly string[];
};

/** A row as the projections produce it and `json_to_recordset` reads it: column name to JSON value. */
export type Row = { readonly [column: string]: unknown };

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** A schema or table name checked against a strict pattern, so it can be written into SQL text. */
export const identifier = (name: string): string => {
  if (!IDENTIFIER.test(name)) throw new RangeError(`not a safe SQL identifier: ${JSON.stringify(name)}`);
  return name;
};

/** `schema.table`. */
export const qualified = (schema: string, table: TableSpec): string => `${identifier(schema)}.${identifier(table.name)}`;

/**
 * CREATE TABLE, with its primary key unless `primaryKey` is false: a bulk load writes without it and
 * adds it after (`addPrimaryKeySql`), like the secondary indexes (`createIndexesSql`).
 */
export const createTableSql = (schema: string, table: TableSpec, options: { readonly primaryKey?: boolean } = {}): string => {
  const columns = table.columns.map((column) => `  ${column.name} ${column.type}${column.notNull ? ' NOT NULL' : ''}`);
  const key = options.primaryKey ?? true ? `,\n  PRIMARY KEY (${table.primaryKey.join(', ')})` : '';
  return `CREATE TABLE ${qualified(schema, table)} (\n${columns.join(',\n')}${key}\n);`;
};

/** Adds the primary key to a table created without it. */
export const addPrimaryKeySql = (schema: string, table: TableSpec): string =>
  `ALTER TABLE ${qualified(schema, table)} ADD PRIMARY KEY (${table.primaryKey.join(', ')});`;

/** The CREATE INDEX statements of a table. */
export const createIndexesSql = (schema: string, table: TableSpec): string =>
  table.indexes
    .map(
      (index) =>
        `CREATE INDEX ${identifier(`${table.name}_${index.name}`)} ON ${qualified(schema, table)} (${index.on})` +
        `${index.include ? ` INCLUDE (${index.include.join(', ')})` : ''}${index.where ? ` WHERE ${index.where}` : ''};`,
    )
    .join('\n');

/** The expression reading column `index` of a row sent as a positional JSON array `r`. */
const positional = (column: Column, index: number): string => {
  // A JSON null is the jsonb value null, not SQL NULL.
  if (column.type === 'jsonb') return `nullif(r->${index}, 'null'::jsonb)`;
  if (column.type === 'text[]') return `ARRAY(SELECT jsonb_array_elements_text(r->${index}))`;
  return `(r->>${index})::${column.type}`;
};

const positionalSelect = (table: TableSpec): string =>
  `SELECT ${table.columns.map(positional).join(', ')} FROM jsonb_array_elements($1::jsonb) AS r`;

/** Rows as one JSON text of arrays, values in column order: a third less to send and parse than objects with keys. */
const encodeRows = (table: TableSpec, rows: readonly Row[]): string => {
  const columns = table.columns.map((column) => column.name);
  return JSON.stringify(rows.map((row) => columns.map((column) => row[column] ?? null)));
};

const columnList = (table: TableSpec): string => table.columns.map((column) => column.name).join(', ');

/**
 * A statement's text and its prepared-statement name, built once per key. The runner sends these
 * statements for every batch: prepared once per connection, because planning them (a wide table,
 * several indexes) costs about as much as running them.
 */
type Statement = { readonly text: string; readonly name: string };

const statements = new Map<string, Statement>();
const cached = (key: string, build: () => string): Statement => {
  let statement = statements.get(key);
  if (statement === undefined) {
    const text = build();
    statement = { text, name: statementName(text) };
    statements.set(key, statement);
  }
  return statement;
};

/*
 * Rows travel as one JSON text per statement, an array of arrays in column order, which the server
 * turns into typed rows — the same on `pg` and PGlite, with no per-value parameter escaping (a JSON
 * array becomes a PostgreSQL array, an object a jsonb value, 'infinity' a date).
 */

/** Inserts or replaces rows by primary key, in one statement. Each key must occur once. */
export const upsertRows = async (tx: SqlTransaction, schema: string, table: TableSpec, rows: readonly Row[]): Promise<void> => {
  if (rows.length === 0) return;
  const { text, name } = cached(`upsert:${schema}.${table.name}`, () => {
    const updates = table.columns
      .filter((column) => !table.primaryKey.includes(column.name))
      .map((column) => `${column.name} = EXCLUDED.${column.name}`)
      .join(', ');
    return `INSERT INTO ${qualified(schema, table)} (${columnList(table)}) ${positionalSelect(table)} ON CONFLICT (${table.primaryKey.join(', ')}) DO UPDATE SET ${updates}`;
  });
  await tx.query(text, [encodeRows(table, rows)], name);
};

/** Inserts new rows in one statement. */
export const insertRows = async (tx: SqlTransaction, schema: string, table: TableSpec, rows: readonly Row[]): Promise<void> => {
  if (rows.length === 0) return;
  const { text, name } = cached(`insert:${schema}.${table.name}`, () => `INSERT INTO ${qualified(schema, table)} (${columnList(table)}) ${positionalSelect(table)}`);
  await tx.query(text, [encodeRows(table, rows)], name);
};

/** Replaces rows that exist already, matched by primary key, in one statement. Each key must occur once. */
export const updateRows = async (tx: SqlTransaction, schema: string, table: TableSpec, rows: readonly Row[]): Promise<void> => {
  if (rows.length === 0) return;
  const { text, name } = cached(`update:${schema}.${table.name}`, () => {
    const sets = table.columns.filter((column) => !table.primaryKey.includes(column.name)).map((column) => `${column.name} = x.${column.name}`);
    const keys = table.primaryKey.map((column) => `t.${column} = x.${column}`);
    return `UPDATE ${qualified(schema, table)} AS t SET ${sets.join(', ')} FROM (${positionalSelect(table)}) AS x(${columnList(table)}) WHERE ${keys.join(' AND ')}`;
  });
  await tx.query(text, [encodeRows(table, rows)], name);
};

/**
 * Reads rows as JSON objects (`to_json`), so that both drivers return the same values: dates as
 * `YYYY-MM-DD`, timestamps as ISO text, arrays and jsonb as JSON — exactly what the writers take back.
 */
export const selectRows = (tx: SqlTransaction, schema: string, table: TableSpec, where: string, params: readonly unknown[]): Promise<Row[]> =>
  selectRowsWith(tx, `${schema}.${table.name}:${where}`, () => `SELECT to_json(t) AS row FROM ${qualified(schema, table)} t WHERE ${where}`, params);

/** Reads rows as JSON objects like `selectRows`, with a whole query of the caller's (`… to_json(t) AS row …`), built and prepared once per `key`. */
export const selectRowsWith = async (tx: SqlTransaction, key: string, build: () => string, params: readonly unknown[]): Promise<Row[]> => {
  const { text, name } = cached(`select:${key}`, build);
  const rows = await tx.query(text, params, name);
  return rows.map((row) => row['row'] as Row);
};

/** The primary key of a row as one string, to collapse several writes of one row in a batch. */
export const rowKey = (table: TableSpec, row: Row): string => table.primaryKey.map((column) => String(row[column])).join('\u0000');

/** Rows keyed by primary key, collecting a batch's writes: the last write of a row wins. */
export type RowBuffer = { readonly put: (row: Row) => void; readonly values: () => Row[] };

/** An empty buffer for one table. */
export const rowBuffer = (table: TableSpec): RowBuffer => {
  const rows = new Map<string, Row>();
  return {
    put: (row) => {
      rows.set(rowKey(table, row), row);
    },
    values: () => [...rows.values()],
  };
};
