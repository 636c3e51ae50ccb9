import { createHash } from 'node:crypto';
import {
  directiveIdOfStream,
  directiveStreamPrefixes,
  makePosition,
  positionParts,
  type Anchor,
  type AnchorHead,
  type NewEventMetadata,
  type Position,
  type RawEvent,
} from '@chidao/event-store';
import {
  END,
  ErrorType,
  NO_STREAM,
  START,
  excludeSystemEvents,
  streamNameFilter,
  type AppendExpectedRevision,
  type Filter,
  type Position as EsdbPosition,
  type ReadRevision,
} from '@eventstore/db-client';

/*
 * The pure half of the EventStoreDB adapter: how chidao's positions, revisions, stream names, event ids,
 * metadata and errors map to EventStoreDB's and back. Nothing here talks to a server, so all of it is
 * unit-tested on machines without one.
 */

// ---------------------------------------------------------------------------------------------------
// Positions and revisions

/** A chidao position from an `$all` position: (commit, prepare), which `$all` is ordered by. */
export const fromEsdbPosition = (position: EsdbPosition): Position => makePosition(position.commit, position.prepare);

/** The `$all` position a chidao position was made from. */
export const toEsdbPosition = (position: Position): EsdbPosition => {
  const { major, minor } = positionParts(position);
  return { commit: major, prepare: minor };
};

/** EventStoreDB's expected revision meaning "the stream is exactly as we read it": its last revision, or no stream. */
export const exactExpectedRevision = (current: number | null): AppendExpectedRevision => (current === null ? NO_STREAM : BigInt(current));

/** Where a stream read starts: the given revision, else the first event forwards or the last backwards. */
export const readRevision = (direction: 'forwards' | 'backwards', fromRevision: number | undefined): ReadRevision =>
  fromRevision !== undefined ? BigInt(fromRevision) : direction === 'backwards' ? END : START;

/** A stream revision as EventStoreDB reports it (a bigint, or `no_stream`) as the port's number or null. */
export const revisionFromEsdb = (revision: bigint | string | undefined | null): number | null =>
  typeof revision === 'bigint' ? (revision < 0n ? null : Number(revision)) : null;

// ---------------------------------------------------------------------------------------------------
// Event ids

const uuidBytes = (uuid: string): Buffer => Buffer.from(uuid.replace(/-/g, ''), 'hex');

const formatUuid = (bytes: Buffer): string => {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};

/** A name-based UUID, version 5 (RFC 9562: SHA-1 of the namespace's bytes and the name's UTF-8 bytes). */
export const uuidV5 = (namespace: string, name: string): string => {
  const bytes = createHash('sha1').update(uuidBytes(namespace)).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return formatUuid(bytes);
};

/** chidao's UUID namespace for event ids; fixed forever, or retried commands would get new ids. */
export const CHIDAO_EVENT_ID_NAMESPACE = '3d1f7a52-9c0e-4b8e-a6f1-5e2b0c7d9a14';

/**
 * The EventStoreDB id of the `index`-th event of a command. Deterministic, so that two writers of the
 * same command on the same stream head send the same ids and EventStoreDB treats the second append as
 * an idempotent repeat of the first instead of writing the events twice.
 */
export const eventIdFor = (commandId: string, index: number): string => uuidV5(CHIDAO_EVENT_ID_NAMESPACE, `${commandId}\u0000${index}`);

/** True when an id read back from EventStoreDB is the one chidao gave the `index`-th event of a command. */
export const isEventIdFor = (id: string, commandId: string, index: number): boolean => id.toLowerCase() === eventIdFor(commandId, index);

// ---------------------------------------------------------------------------------------------------
// Metadata: the hash chain lives under one reserved key

/** The metadata key that holds the hash chain; everything else is the metadata exactly as the caller wrote it. */
export const CHAIN_KEY = '$chidao';

/** The chain fields stored with each event. */
export type ChainMetadata = { readonly previousHash: string | null; readonly hash: string };

/** The metadata EventStoreDB stores: the caller's metadata and the chain under `$chidao`. */
export const packMetadata = (metadata: NewEventMetadata, chain: ChainMetadata): Record<string, unknown> => ({
  ...metadata,
  [CHAIN_KEY]: { previousHash: chain.previousHash, hash: chain.hash },
});

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

const chainOf = (value: unknown): ChainMetadata | null => {
  if (!isRecord(value)) return null;
  const { previousHash, hash } = value;
  if (typeof hash !== 'string' || !(previousHash === null || typeof previousHash === 'string')) return null;
  return { previousHash, hash };
};

/**
 * Splits stored metadata back into the caller's metadata and the chain; `chain` is null for an event
 * chidao did not write (no `$chidao`, or metadata that is not a JSON object).
 */
export const unpackMetadata = (stored: unknown): { readonly metadata: RawEvent['metadata']; readonly chain: ChainMetadata | null } => {
  if (!isRecord(stored)) return { metadata: {} as RawEvent['metadata'], chain: null };
  const { [CHAIN_KEY]: chain, ...metadata } = stored;
  return { metadata: metadata as RawEvent['metadata'], chain: chainOf(chain) };
};

/** True when stored metadata carries a chidao hash chain. */
export const hasChain = (stored: unknown): boolean => isRecord(stored) && chainOf(stored[CHAIN_KEY]) !== null;

// ---------------------------------------------------------------------------------------------------
// Stream names

/** Stream names starting with this (after the namespace) hold chidao's own records, never domain events. */
export const BOOKKEEPING_PREFIX = 'chidao-';

/** How one backend names its streams in EventStoreDB. */
export type StreamNames = {
  /** Prepended to every stream name in EventStoreDB ('' by default). */
  readonly namespace: string;
  /** The EventStoreDB name of a chidao stream. */
  readonly toEsdb: (stream: string) => string;
  /** The chidao name of an EventStoreDB stream, or null when it lies outside the namespace. */
  readonly fromEsdb: (esdbStream: string) => string | null;
  /** The EventStoreDB stream that records which events a command id appended. */
  readonly commandStream: (commandId: string) => string;
  /** The EventStoreDB stream of the anchors. */
  readonly anchorStream: string;
  /** True for a chidao stream name reserved for bookkeeping. */
  readonly isBookkeeping: (stream: string) => boolean;
};

/** Why a namespace is refused, or undefined when it is fine. */
export const namespaceProblem = (namespace: string): string | undefined => {
  if (namespace.startsWith('$')) return 'a namespace must not start with "$": EventStoreDB reserves those streams';
  if (/[\u0000-\u001f\u007f]/.test(namespace)) return 'a namespace must not contain control characters';
  if (namespace !== namespace.normalize('NFC')) return 'a namespace must be Unicode NFC';
  return undefined;
};

/** The stream names of a backend in a namespace. */
export const streamNames = (namespace = ''): StreamNames => {
  const problem = namespaceProblem(namespace);
  if (problem !== undefined) throw new RangeError(`${problem}: ${JSON.stringify(namespace)}`);
  const toEsdb = (stream: string) => `${namespace}${stream}`;
  return {
    namespace,
    toEsdb,
    fromEsdb: (esdbStream) => (esdbStream.startsWith(namespace) ? esdbStream.slice(namespace.length) : null),
    commandStream: (commandId) => toEsdb(`${BOOKKEEPING_PREFIX}command-${commandId}`),
    anchorStream: toEsdb(`${BOOKKEEPING_PREFIX}anchors`),
    isBookkeeping: (stream) => stream.startsWith(BOOKKEEPING_PREFIX),
  };
};

/**
 * The chidao stream of an event read from `$all` when it belongs to this store, else null: system
 * events (`$` types or streams), bookkeeping, other namespaces, and streams of other applications.
 * A stream named by chidao's convention (`directive-…`, `task-…`) belongs whoever wrote the event, so an
 * event slipped into one behind the store's back is read — and `verify` reports it.
 */
export const portStreamOf = (names: StreamNames, event: { readonly streamId: string; readonly type: string; readonly metadata?: unknown }): string | null => {
  if (event.type.startsWith('$')) return null;
  const stream = names.fromEsdb(event.streamId);
  if (stream === null || stream.length === 0 || stream.startsWith('$') || names.isBookkeeping(stream)) return null;
  return directiveIdOfStream(stream) !== null || hasChain(event.metadata) ? stream : null;
};

// ---------------------------------------------------------------------------------------------------
// Filters

/**
 * The server-side filter that selects one directive's streams from `$all`, and the exact check to apply
 * to what it returns: prefixes match more than the directive's own stream (`directive-kh` also selects
 * `directive-kh2`), while the task prefix ends in `/` and is exact.
 */
export const directiveFilter = (names: StreamNames, directiveId: string): { readonly prefixes: readonly string[]; readonly belongs: (esdbStream: string) => boolean } => {
  const { exact, taskPrefix } = directiveStreamPrefixes(directiveId);
  const stream = names.toEsdb(exact);
  const tasks = names.toEsdb(taskPrefix);
  return { prefixes: [stream, tasks], belongs: (esdbStream) => esdbStream === stream || esdbStream.startsWith(tasks) };
};

/** The filter of the live subscription that wakes waiting readers: the namespace's streams, or no system events. */
export const liveFilter = (names: StreamNames): Filter =>
  names.namespace === '' ? excludeSystemEvents() : streamNameFilter({ prefixes: [names.namespace] });

// ---------------------------------------------------------------------------------------------------
// Errors

const typeOf = (error: unknown): unknown => (typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined);

/** True for the client's `WrongExpectedVersionError` (by its `type`, so any copy of the client is recognised). */
export const isWrongExpectedVersion = (error: unknown): error is { readonly type: ErrorType.WRONG_EXPECTED_VERSION; readonly actualVersion?: unknown } =>
  typeOf(error) === ErrorType.WRONG_EXPECTED_VERSION;

/** True for the client's `StreamNotFoundError`. */
export const isStreamNotFound = (error: unknown): boolean => typeOf(error) === ErrorType.STREAM_NOT_FOUND;

/** True for the client's `StreamDeletedError` (a tombstoned stream). */
export const isStreamDeleted = (error: unknown): boolean => typeOf(error) === ErrorType.STREAM_DELETED;

/** True for the client's `MaxAppendSizeExceededError`. */
export const isMaxAppendSizeExceeded = (error: unknown): error is { readonly maxAppendSize?: number } => typeOf(error) === ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED;

/** The stream's revision a `WrongExpectedVersionError` reports, as the port's number or null (no stream). */
export const actualRevisionOf = (error: unknown): number | null => {
  const actual = isWrongExpectedVersion(error) ? error.actualVersion : undefined;
  return typeof actual === 'bigint' || typeof actual === 'string' ? revisionFromEsdb(actual) : null;
};

// ---------------------------------------------------------------------------------------------------
// Bookkeeping events

/** The event type of a command record: "this command appends `count` events to `stream` from `firstRevision`". */
export const COMMAND_RECORD_TYPE = 'ChidaoCommandRecorded';

/** The event type of an anchor. */
export const ANCHOR_TYPE = 'ChidaoAnchor';

/** Where one attempt of a command puts its events. */
export type CommandRecord = { readonly stream: string; readonly firstRevision: number; readonly count: number };

const isCount = (value: unknown, min: number): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= min;

/** A command record read back, or null when the data is not one. */
export const parseCommandRecord = (data: unknown): CommandRecord | null =>
  isRecord(data) && typeof data.stream === 'string' && isCount(data.firstRevision, 0) && isCount(data.count, 1)
    ? { stream: data.stream, firstRevision: data.firstRevision, count: data.count }
    : null;

const isHead = (value: unknown): value is AnchorHead =>
  isRecord(value) && typeof value.stream === 'string' && isCount(value.revision, 0) && typeof value.hash === 'string';

/** An anchor read back, or null when the data is not one (it is then left out, and `verify` finds the anchors' sequence broken). */
export const parseAnchor = (data: unknown): Anchor | null =>
  isRecord(data) &&
  isCount(data.sequence, 0) &&
  typeof data.position === 'string' &&
  Array.isArray(data.heads) &&
  data.heads.every(isHead) &&
  (data.previousHash === null || typeof data.previousHash === 'string') &&
  typeof data.hash === 'string'
    ? { sequence: data.sequence, position: data.position, heads: data.heads, previousHash: data.previousHash, hash: data.hash }
    : null;
