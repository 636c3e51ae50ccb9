import { createHash } from 'node:crypto';
import type { SqlClient } from '@chidao/event-store-postgres';
import { projectionNamed, READ_SCHEMA } from './schema';
import { identifier, qualified, type TableSpec } from './table';

/*
 * A digest of a read model's content that does not depend on row order or on the session: per table,
 * the number of rows and the sums of two 64-bit halves of each row's md5 (timestamps taken in UTC),
 * then one SHA-256 over the tables in name order. Two copies of a projection built from the same log
 * have equal digests; a single changed value changes it.
 */

const rowExpression = (table: TableSpec): string =>
  table.columns
    .filter((column) => !(table.digestExclude ?? []).includes(column.name))
    .map((column) => (column.type === 'timestamptz' ? `(t.${column.name} AT TIME ZONE 'UTC')` : `t.${column.name}`))
    .join(', ');

/** The digest of one table: row count and the two sums. */
export const tableDigest = async (db: Pick<SqlClient, 'query'>, schema: string, table: TableSpec): Promise<string> => {
  const [row] = await db.query(
    `SELECT count(*)::text AS n,
            coalesce(sum(('x' || substr(h, 1, 16))::bit(64)::bigint::numeric), 0)::text AS a,
            coalesce(sum(('x' || substr(h, 17, 16))::bit(64)::bigint::numeric), 0)::text AS b
     FROM (SELECT md5(ROW(${rowExpression(table)})::text) AS h FROM ${qualified(schema, table)} t) x`,
  );
  return `${table.name}:${String(row?.['n'])}:${String(row?.['a'])}:${String(row?.['b'])}`;
};

/** The digest of a projection's tables in `schema` (default `read`), as hex SHA-256. */
export const readModelDigest = async (db: Pick<SqlClient, 'query'>, projection: string, schema: string = READ_SCHEMA): Promise<string> => {
  const found = projectionNamed(projection);
  if (found === undefined) throw new RangeError(`Không có read model "${projection}" / unknown projection "${projection}"`);
  identifier(schema);
  const parts: string[] = [];
  for (const table of [...found.tables].sort((a, b) => (a.name < b.name ? -1 : 1))) parts.push(await tableDigest(db, schema, table));
  return createHash('sha256').update(parts.join('\n')).digest('hex');
};
