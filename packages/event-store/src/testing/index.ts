/** Test support for adapters: the contract suite, its fixture type and event builders. */
export type { EventStoreFixture, Tamperer } from './fixture';
export { eventStoreContract, waitFor } from './contract';
export { aDirectiveRegistered, aMetadata, aProgressReport, aTaskAssigned, progressReports, uniqueId } from './events';
