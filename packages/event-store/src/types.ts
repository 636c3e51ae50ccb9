import type { ExportBundle } from './export-bundle';
import type { DomainEvent, EventMetadata, RecordedDomainEvent } from '@chidao/domain';

/*
 * The EventStore port (DESIGN.md, Storage). Adapters implement the small `EventStoreBackend`; the
 * shared `createEventStore` builds the full `EventStore` on top of it, so validation, hashing,
 * upcasting, subscriptions and verification are written once and behave the same on every backend.
 */

/**
 * A position in the global order of all events: an opaque string that sorts in that order (plain
 * string comparison), so it can be stored as a checkpoint and compared anywhere. Two fixed-width
 * numbers: PostgreSQL's (transaction id, sequence), EventStoreDB's (commit, prepare), or (0, sequence)
 * in memory.
 */
export type Position = string;

/**
 * What the caller expects of the stream before appending: `any` (no check), `no_stream` (it must not
 * exist), `stream_exists` (it must), or an exact revision (the revision of its last event; -1 means no
 * stream). Revisions count from 0.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

/** Metadata of an event to append: everything but the hash chain, which the store computes. */
export type NewEventMetadata = Omit<EventMetadata, 'previousHash' | 'hash'>;

/** An event to append: a domain event of the current schema version and its metadata. */
export type NewEvent = DomainEvent & { readonly metadata: NewEventMetadata };

/** The hash chain fields every stored event carries (hex SHA-256). */
export type ChainFields = { readonly previousHash: string | null; readonly hash: string };

/** An event as read from the store: upcast to the current schema, with its place and its chain. */
export type StoredEvent = RecordedDomainEvent & {
  readonly stream: string;
  readonly revision: number;
  readonly position: Position;
  readonly metadata: EventMetadata & ChainFields;
};

/** An event exactly as the backend holds it, before upcasting: what the hash chain covers. */
export type RawEvent = {
  readonly stream: string;
  readonly revision: number;
  readonly position: Position;
  readonly type: string;
  readonly data: unknown;
  /** The metadata as written, including `schemaVersion`, without the chain fields. */
  readonly metadata: { readonly schemaVersion: number; readonly [key: string]: unknown };
  readonly previousHash: string | null;
  readonly hash: string;
};

/** The result of an append. */
export type AppendResult = {
  readonly stream: string;
  /** The events this command recorded: appended now, or — for a repeated command id — the first time. */
  readonly events: readonly StoredEvent[];
  /** The stream's revision after the append: pass it as `expectedRevision` next time. */
  readonly nextExpectedRevision: number;
  /** The global position of the last event recorded, or null when nothing was (an empty append). */
  readonly position: Position | null;
  /** True when the command id had already been recorded and nothing was appended. */
  readonly duplicate: boolean;
};

/** How to read one stream. */
export type ReadStreamOptions = {
  readonly direction?: 'forwards' | 'backwards';
  /** First revision to read (inclusive); forwards from 0, backwards from the last by default. */
  readonly fromRevision?: number;
  readonly limit?: number;
};

/** One page of the global log. */
export type ReadAllPage = {
  readonly events: readonly StoredEvent[];
  /** Pass as `after` for the next page; null when the page is empty and nothing was read before. */
  readonly next: Position | null;
  /** True when this page reached the end of what is committed now. */
  readonly isEnd: boolean;
};

/** What `verify` walks: one stream, one directive (its stream and its tasks' streams) or everything. */
export type VerifyScope =
  | { readonly kind: 'stream'; readonly stream: string }
  | { readonly kind: 'directive'; readonly directiveId: string }
  | { readonly kind: 'all' };

/** Why a link of the chain is broken. */
export type BrokenLinkReason = 'changed' | 'missing' | 'inserted' | 'reordered';

/** The first broken link `verify` found, with the place and a Vietnamese and English explanation. */
export type BrokenLink = {
  readonly reason: BrokenLinkReason;
  readonly stream: string;
  /** The revision where the chain breaks (for a missing tail, the first missing revision). */
  readonly revision: number;
  readonly position: Position | null;
  readonly message: { readonly vi: string; readonly en: string };
};

/** The outcome of `verify`. */
export type VerifyResult =
  | { readonly ok: true; readonly streams: number; readonly events: number; readonly anchors: number }
  | ({ readonly ok: false; readonly streams: number; readonly events: number; readonly anchors: number } & BrokenLink);

/**
 * A digest of stream heads at a global position. Each anchor lists the heads that changed since the
 * previous one and chains to it, so deleting a whole stream — which leaves no gap in any chain — is
 * still detected by the anchors that named it.
 */
export type Anchor = {
  readonly sequence: number;
  readonly position: Position;
  readonly heads: readonly AnchorHead[];
  readonly previousHash: string | null;
  readonly hash: string;
};

/** One stream's last revision and hash as of an anchor. */
export type AnchorHead = { readonly stream: string; readonly revision: number; readonly hash: string };

/** A live subscription. */
export type Subscription = {
  /** Resolves when the subscription has delivered everything committed when it started. */
  readonly caughtUp: Promise<void>;
  /** The position of the last event handled: store it as the checkpoint to resume from. */
  readonly checkpoint: () => Position | null;
  /** Stops the subscription; resolves once the handler is no longer running. */
  readonly close: () => Promise<void>;
  /** Resolves (or rejects with the handler's error) when the subscription ends. */
  readonly done: Promise<void>;
};

/** Handles one event of a subscription; the next event is delivered after the promise resolves. */
export type SubscriptionHandler = (event: StoredEvent) => void | Promise<void>;

/** The port every backend offers, via `createEventStore`. */
export type EventStore = {
  /** Appends events to a stream atomically, checking the expected revision; idempotent by command id. */
  readonly appendToStream: (
    stream: string,
    events: readonly NewEvent[],
    options?: { readonly expectedRevision?: ExpectedRevision },
  ) => Promise<AppendResult>;
  /** Reads a stream forwards or backwards, from a revision, with a limit; [] for a stream that does not exist. */
  readonly readStream: (stream: string, options?: ReadStreamOptions) => Promise<readonly StoredEvent[]>;
  /** Reads the global log after a position, one page at a time. */
  readonly readAll: (options?: { readonly after?: Position | null; readonly limit?: number }) => Promise<ReadAllPage>;
  /** Everything of one directive — its stream and its tasks' streams — in global order, in one read. */
  readonly readDirective: (directiveId: string) => Promise<readonly StoredEvent[]>;
  /** The events recorded by one command id, or [] when it was never seen. */
  readonly readCommand: (commandId: string) => Promise<readonly StoredEvent[]>;
  /**
   * Resolves when events may have been appended since the call (the backend's LISTEN/NOTIFY or
   * in-process signal), after `timeoutMs` at the latest, or when `signal` aborts: for a reader that
   * follows the log with `readAll` itself and only needs to know when to look again.
   */
  readonly waitForAppend: (timeoutMs: number, signal: AbortSignal) => Promise<void>;
  /** Catch-up then live delivery, in global order, each event exactly once, from a checkpoint (null: from the start). */
  readonly subscribe: (from: Position | null, handler: SubscriptionHandler) => Subscription;
  /** Walks the hash chains and anchors of a scope; ok, or the first broken link and why. */
  readonly verify: (scope: VerifyScope) => Promise<VerifyResult>;
  /** Writes an anchor of every stream head that changed since the last one; null when nothing changed. */
  readonly createAnchor: () => Promise<Anchor | null>;
  /** The anchors, oldest first. */
  readonly readAnchors: () => Promise<readonly Anchor[]>;
  /** The raw events, heads and anchors of a scope, for verifying offline (`verifyBundle`). */
  readonly exportBundle: (scope: VerifyScope) => Promise<ExportBundle>;
  /** Releases connections and stops subscriptions. */
  readonly close: () => Promise<void>;
};

/** An event ready for the backend: validated, with the digest of its content (the chain's input). */
export type PreparedEvent = {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: NewEventMetadata;
  /** Hex SHA-256 of the canonical encoding of type, data, metadata and stream (the revision enters the chain hash). */
  readonly digest: string;
};

/**
 * What an adapter implements. Every method works on raw events; `createEventStore` validates,
 * digests, upcasts and verifies. Chaining rule each backend applies atomically with the append:
 * `hash = sha256(previousHashBytes ‖ digestBytes ‖ revision as 8 bytes big-endian)`, with no previous
 * bytes at revision 0 — so SQL can chain (`sha256(prev || digest || int8send(revision))`) in the
 * same statement that checks the revision, and the digest does not depend on where the event lands.
 */
export type EventStoreBackend = {
  /**
   * Appends atomically after checking `expectedRevision` against the stream's current revision, or
   * rejects with `WrongExpectedRevisionError` and writes nothing. When `commandId` was recorded
   * before, appends nothing and returns `{ duplicate: true }` with the events of the first time.
   */
  readonly append: (request: {
    readonly stream: string;
    readonly directiveId: string | null;
    readonly expectedRevision: ExpectedRevision;
    readonly commandId: string;
    readonly events: readonly PreparedEvent[];
  }) => Promise<{ readonly duplicate: boolean; readonly events: readonly RawEvent[] }>;
  readonly readStream: (stream: string, options: Required<Pick<ReadStreamOptions, 'direction'>> & ReadStreamOptions) => Promise<readonly RawEvent[]>;
  /** Events after a position in global order, never past a position that a transaction still in flight could precede. */
  readonly readAll: (after: Position | null, limit: number) => Promise<readonly RawEvent[]>;
  readonly readDirective: (directiveId: string) => Promise<readonly RawEvent[]>;
  readonly readCommand: (commandId: string) => Promise<readonly RawEvent[]>;
  /** The head each stream records (revision and hash of its last event), for one stream, a directive's, or all. */
  readonly streamHeads: (scope: VerifyScope) => Promise<readonly AnchorHead[]>;
  /** Computes the heads changed since the last anchor, as of a consistent position, and stores the anchor built by `build`; null when nothing changed. */
  readonly writeAnchor: (build: (previous: Anchor | null, position: Position, heads: readonly AnchorHead[]) => Anchor) => Promise<Anchor | null>;
  readonly readAnchors: () => Promise<readonly Anchor[]>;
  /**
   * Resolves when new events may have been appended after `after` (LISTEN/NOTIFY, in-process signal),
   * or after `timeoutMs` at the latest — the polling fallback — or when `signal` aborts.
   */
  readonly waitForAppend: (timeoutMs: number, signal: AbortSignal) => Promise<void>;
  readonly close: () => Promise<void>;
};
