/**
 * @chidao/event-store — the EventStore port: append with optimistic concurrency, ordered reads,
 * subscriptions, the hash chain with anchors and `verify`, the command handler, and the in-memory
 * backend. Adapters implement `EventStoreBackend`; `createEventStore` builds the port on one.
 */

export type {
  Anchor,
  AnchorHead,
  AppendResult,
  BrokenLink,
  BrokenLinkReason,
  ChainFields,
  EventStore,
  EventStoreBackend,
  ExpectedRevision,
  NewEvent,
  NewEventMetadata,
  Position,
  PreparedEvent,
  RawEvent,
  ReadAllPage,
  ReadStreamOptions,
  StoredEvent,
  Subscription,
  SubscriptionHandler,
  VerifyResult,
  VerifyScope,
} from './types';

export type { EventStoreErrorCode, InputIssue } from './errors';
export {
  CorruptEventError,
  EventStoreError,
  InvalidAppendError,
  InvalidReadError,
  WrongExpectedRevisionError,
  isCorruptEvent,
  isInvalidAppend,
  isInvalidRead,
  isWrongExpectedRevision,
} from './errors';

export type { EventStoreOptions } from './event-store';
export { createEventStore, readRawEvent } from './event-store';

export type { InMemoryBackend } from './in-memory-backend';
export { createInMemoryBackend, satisfies } from './in-memory-backend';

export type { CommandHandlerDependencies, CommandOptions, CommandOutcome, HandleCommandOptions } from './command-handler';
export { handleCommand } from './command-handler';

export type { CachedStreamState, StreamStateCache, StreamStateCacheStats } from './stream-state-cache';
export { createStreamStateCache } from './stream-state-cache';

export type { DirectiveHistory, DomainCommandInput, DomainCommandOptions } from './domain-commands';
export {
  directiveIdOfTask,
  executeDomainCommand,
  isDirectiveCommand,
  loadDirective,
  loadDirectiveHistory,
  streamOfCommand,
  streamOfTask,
} from './domain-commands';

export { anchorHash, buildAnchor, chainHash, eventDigest, sortHeads } from './hash-chain';
export { canonicalJson } from './canonical';
export { comparePositions, isPosition, makePosition, positionParts } from './position';
export {
  MAX_STREAM_NAME_LENGTH,
  directiveIdOfStream,
  directiveStream,
  directiveStreamPrefixes,
  streamNameProblem,
  taskStream,
} from './stream-name';
export { MAX_EVENTS_PER_APPEND, validateAppend } from './validation';
export type { VerifiableBackend } from './verify';
export { classifyStream, verifyStore } from './verify';
export type { ExportBundle } from './export-bundle';
export { EXPORT_FORMAT, bundleBackend, exportBundle, verifyBundle } from './export-bundle';
export { waitForWake } from './wake';
