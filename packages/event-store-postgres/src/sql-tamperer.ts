import type { Tamperer } from '@chidao/event-store/testing';
import type { SqlClient } from './sql-client';

/**
 * Tampers with the tables directly, as someone with database access would, for the contract suite's
 * tests of `verify`. Never used by the backend itself.
 */
export const createSqlTamperer = (sql: SqlClient): Tamperer => ({
  changeData: async (stream, revision, data) => {
    await sql.query('UPDATE chidao.events SET data = $3 WHERE stream = $1 AND revision = $2', [stream, revision, JSON.stringify(data)]);
  },
  deleteEvent: async (stream, revision) => {
    await sql.query('DELETE FROM chidao.events WHERE stream = $1 AND revision = $2', [stream, revision]);
  },
  deleteStream: (stream) =>
    sql.transaction(async ({ query }) => {
      await query('DELETE FROM chidao.events WHERE stream = $1', [stream]);
      await query('DELETE FROM chidao.streams WHERE name = $1', [stream]);
    }),
  // The primary key (stream, revision) is checked row by row, so one UPDATE cannot swap two revisions:
  // the first event moves aside to revision -1 while the second takes its place.
  swapEvents: (stream, revisionA, revisionB) =>
    sql.transaction(async ({ query }) => {
      const rows = await query(
        'SELECT revision, transaction_id::text AS transaction_id, position FROM chidao.events WHERE stream = $1 AND revision IN ($2, $3)',
        [stream, revisionA, revisionB],
      );
      const a = rows.find((row) => Number(row['revision']) === revisionA);
      const b = rows.find((row) => Number(row['revision']) === revisionB);
      if (a === undefined || b === undefined) throw new RangeError(`no such events: ${stream}@${revisionA}, @${revisionB}`);
      const move = 'UPDATE chidao.events SET revision = $3, transaction_id = $4::xid8, position = $5 WHERE stream = $1 AND revision = $2';
      await query(move, [stream, revisionA, -1, a['transaction_id'], a['position']]);
      await query(move, [stream, revisionB, revisionA, a['transaction_id'], a['position']]);
      await query(move, [stream, -1, revisionB, b['transaction_id'], b['position']]);
    }),
});
