/**
 * @chidao/event-store-esdb — the EventStore backend on EventStoreDB / KurrentDB via
 * @eventstore/db-client (docs/eventstoredb.md). Build the port on it with `createEventStore`.
 */

export type { EventStoreDbBackendOptions, EventStoreDbClient, EventStoreDbConnection } from './esdb-backend';
export { createEventStoreDbBackend, readEndOfAll } from './esdb-backend';

export type { ChainMetadata, CommandRecord, StreamNames } from './esdb-mapping';
export {
  BOOKKEEPING_PREFIX,
  CHAIN_KEY,
  eventIdFor,
  fromEsdbPosition,
  packMetadata,
  streamNames,
  toEsdbPosition,
  unpackMetadata,
} from './esdb-mapping';
