import {
  CorruptEventError,
  InvalidAppendError,
  WrongExpectedRevisionError,
  chainHash,
  comparePositions,
  satisfies,
  waitForWake,
  type Anchor,
  type AnchorHead,
  type EventStoreBackend,
  type ExpectedRevision,
  type Position,
  type PreparedEvent,
  type RawEvent,
  type VerifyScope,
} from '@chidao/event-store';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  jsonEvent,
  streamNameFilter,
  type AllStreamSubscription,
  type AppendExpectedRevision,
  type EventData,
  type JSONType,
  type Position as EsdbPosition,
  type ReadRevision,
} from '@eventstore/db-client';
import {
  ANCHOR_TYPE,
  COMMAND_RECORD_TYPE,
  actualRevisionOf,
  directiveFilter,
  eventIdFor,
  exactExpectedRevision,
  fromEsdbPosition,
  isEventIdFor,
  isMaxAppendSizeExceeded,
  isStreamDeleted,
  isStreamNotFound,
  isWrongExpectedVersion,
  liveFilter,
  packMetadata,
  parseAnchor,
  parseCommandRecord,
  portStreamOf,
  readRevision,
  streamNames,
  toEsdbPosition,
  unpackMetadata,
  type StreamNames,
} from './esdb-mapping';

/** The part of `EventStoreDBClient` (@eventstore/db-client 6.x) the backend uses. */
export type EventStoreDbClient = Pick<EventStoreDBClient, 'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'>;

/**
 * How to reach EventStoreDB: a connection string (the backend opens a client and disposes it on
 * `close`), or a client the caller opened and keeps (not disposed on `close`).
 */
export type EventStoreDbConnection = { readonly connectionString: string } | { readonly client: EventStoreDbClient };

/** Settings of the EventStoreDB backend. */
export type EventStoreDbBackendOptions = {
  /**
   * Prepended to every stream name in EventStoreDB, so several chidao stores (tenants, test runs) can
   * share one server without seeing each other's events. '' by default.
   */
  readonly namespace?: string;
  /**
   * An `$all` position before which this namespace holds nothing (where a fresh namespace began):
   * global reads start there instead of at the very beginning. Null by default.
   */
  readonly origin?: Position | null;
  /** How often an append re-reads and retries after losing a race it may retry (`any`, `stream_exists`). Default 10. */
  readonly maxAppendAttempts?: number;
  /** Longest `readDirective` waits for its filtered catch-up read of `$all` to reach the end. Default 30 s. */
  readonly readTimeoutMs?: number;
  /** Streams whose heads are read in parallel by `streamHeads`. Default 16. */
  readonly headConcurrency?: number;
};

/** One event as the client returns it: the fields the backend reads. */
type Recorded = {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: unknown;
  readonly position?: EsdbPosition;
};

type Head = { readonly revision: number; readonly hash: string | null };

const DEFAULTS = { maxAppendAttempts: 10, readTimeoutMs: 30_000, headConcurrency: 16 } as const;

/** After a live-subscription failure, waiters fall back to polling for this long before it is reopened. */
const LIVE_RETRY_MS = 5_000;

/** Page size of the backend's own scans of `$all` (heads, anchors). */
const SCAN_PAGE = 1_000;

const isExactExpectation = (expected: ExpectedRevision): boolean => typeof expected === 'number' || expected === 'no_stream';

const later = (a: Position | null, b: Position | null): Position | null => (a === null ? b : b === null ? a : comparePositions(a, b) >= 0 ? a : b);

const mapLimit = async <T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> => {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await run(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
};

/** The last position of `$all` now, or null when it is empty. */
export const readEndOfAll = async (client: EventStoreDbClient): Promise<Position | null> => {
  for await (const resolved of client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) {
    if (resolved.event !== undefined) return fromEsdbPosition(resolved.event.position);
  }
  return null;
};

/**
 * The EventStoreDB / KurrentDB backend (docs/eventstoredb.md). Streams are EventStoreDB streams;
 * revisions are theirs; positions are `$all`'s (commit, prepare). The hash chain is kept in each event's
 * metadata under `$chidao`: EventStoreDB cannot compute it, so an append reads the stream's last event,
 * chains from it, and appends with that exact revision as the expected one — a concurrent writer then
 * makes EventStoreDB refuse the append instead of breaking the chain. Command ids are recorded in
 * `chidao-command-<id>` streams before the events are appended (see `append`).
 */
export const createEventStoreDbBackend = (connection: EventStoreDbConnection, options: EventStoreDbBackendOptions = {}): EventStoreBackend => {
  const owned = 'connectionString' in connection;
  const client: EventStoreDbClient = owned ? EventStoreDBClient.connectionString(connection.connectionString) : connection.client;
  const names: StreamNames = streamNames(options.namespace ?? '');
  const origin = options.origin ?? null;
  const maxAppendAttempts = options.maxAppendAttempts ?? DEFAULTS.maxAppendAttempts;
  const readTimeoutMs = options.readTimeoutMs ?? DEFAULTS.readTimeoutMs;
  const headConcurrency = options.headConcurrency ?? DEFAULTS.headConcurrency;
  for (const [option, value] of Object.entries({ maxAppendAttempts, readTimeoutMs, headConcurrency })) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${option} must be a positive integer, got ${value}`);
  }
  const waiters = new Set<() => void>();
  let live: AllStreamSubscription | null = null;
  let liveFailedAt = Number.NEGATIVE_INFINITY;
  let closed = false;

  const wake = () => {
    for (const done of [...waiters]) done();
  };

  const toRaw = (event: Recorded): RawEvent => {
    if (event.position === undefined) {
      throw new Error(`EventStoreDB returned ${event.streamId}@${event.revision} without its $all position: chidao needs EventStoreDB 22.6 or later`);
    }
    const { metadata, chain } = unpackMetadata(event.metadata);
    return {
      stream: names.fromEsdb(event.streamId) ?? event.streamId,
      revision: Number(event.revision),
      position: fromEsdbPosition(event.position),
      type: event.type,
      data: event.data,
      metadata,
      previousHash: chain?.previousHash ?? null,
      // An event chidao did not write has no hash: '' never matches, so `verify` names it.
      hash: chain?.hash ?? '',
    };
  };

  /** Reads a stream; [] when it does not exist or was deleted. */
  const readEvents = async (
    esdbStream: string,
    read: { readonly direction: 'forwards' | 'backwards'; readonly fromRevision: ReadRevision; readonly maxCount?: number; readonly requiresLeader?: boolean },
  ): Promise<Recorded[]> => {
    const events: Recorded[] = [];
    try {
      for await (const resolved of client.readStream(esdbStream, {
        direction: read.direction === 'backwards' ? BACKWARDS : FORWARDS,
        fromRevision: read.fromRevision,
        ...(read.maxCount === undefined ? {} : { maxCount: read.maxCount }),
        ...(read.requiresLeader === true ? { requiresLeader: true } : {}),
      })) {
        if (resolved.event !== undefined) events.push(resolved.event);
      }
    } catch (error) {
      if (isStreamNotFound(error) || isStreamDeleted(error)) return [];
      throw error;
    }
    return events;
  };

  /** The stream's last revision and hash, read from the leader (the basis of an append). */
  const readHead = async (esdbStream: string): Promise<Head | null> => {
    const [last] = await readEvents(esdbStream, { direction: 'backwards', fromRevision: END, maxCount: 1, requiresLeader: true });
    return last === undefined ? null : { revision: Number(last.revision), hash: unpackMetadata(last.metadata).chain?.hash ?? null };
  };

  /** Appends with an expected revision; `{ ok: false }` when EventStoreDB refused it for the revision. */
  const appendExpecting = async (
    esdbStream: string,
    events: EventData[],
    expectedRevision: AppendExpectedRevision,
  ): Promise<{ readonly ok: true } | { readonly ok: false; readonly actual: number | null | undefined }> => {
    try {
      const result = await client.appendToStream(esdbStream, events, { expectedRevision, requiresLeader: true });
      // A client built with `throwOnAppendFailure: false` reports the conflict here, with an unreliable revision.
      return result.success ? { ok: true } : { ok: false, actual: undefined };
    } catch (error) {
      if (isWrongExpectedVersion(error)) return { ok: false, actual: actualRevisionOf(error) };
      throw error;
    }
  };

  /**
   * What a command id recorded: the events of the first of its command records whose events are in
   * place (each at its revision, with the id derived from the command), or null; and the revision of
   * the command stream, to append the next record after.
   */
  const findCommand = async (commandId: string): Promise<{ readonly events: RawEvent[] | null; readonly recordRevision: number | null }> => {
    const records = await readEvents(names.commandStream(commandId), { direction: 'forwards', fromRevision: START, requiresLeader: true });
    const recordRevision = records.length === 0 ? null : Number(records.at(-1)!.revision);
    const checked = new Set<string>();
    for (const record of records) {
      const parsed = parseCommandRecord(record.data);
      if (parsed === null || checked.has(`${parsed.stream}@${parsed.firstRevision}`)) continue;
      checked.add(`${parsed.stream}@${parsed.firstRevision}`);
      const events = await readEvents(names.toEsdb(parsed.stream), {
        direction: 'forwards',
        fromRevision: BigInt(parsed.firstRevision),
        maxCount: parsed.count,
        requiresLeader: true,
      });
      const landed =
        events.length === parsed.count &&
        events.every((event, index) => Number(event.revision) === parsed.firstRevision + index && isEventIdFor(event.id, commandId, index));
      if (landed) return { events: events.map(toRaw), recordRevision };
    }
    return { events: null, recordRevision };
  };

  /** The events of an append as EventStoreDB event data: deterministic ids, metadata with the chain. */
  const chained = (commandId: string, events: readonly PreparedEvent[], head: Head | null): EventData[] => {
    let previousHash = head?.hash ?? null;
    const first = (head?.revision ?? -1) + 1;
    return events.map((event, index) => {
      const hash = chainHash(previousHash, event.digest, first + index);
      const data = jsonEvent({
        id: eventIdFor(commandId, index),
        type: event.type,
        data: event.data as JSONType,
        metadata: packMetadata(event.metadata, { previousHash, hash }),
      });
      previousHash = hash;
      return data;
    });
  };

  /** Pages through this store's events of `$all` after a position (see `readAll`). */
  async function* scanAll(after: Position | null): AsyncGenerator<RawEvent> {
    let cursor = after;
    for (;;) {
      const page = await backend.readAll(cursor, SCAN_PAGE);
      yield* page;
      if (page.length < SCAN_PAGE) return;
      cursor = page.at(-1)!.position;
    }
  }

  /**
   * Reads `$all` with a server-side stream-name filter up to `end`. The 6.x client offers filters only
   * on subscriptions, so this is a filtered catch-up subscription that stops once it has caught up
   * (EventStoreDB 23.10+ says so), or an event or checkpoint reaches `end`.
   */
  const readFiltered = (prefixes: readonly string[], end: Position): Promise<Recorded[]> =>
    new Promise<Recorded[]>((resolve, reject) => {
      const events: Recorded[] = [];
      let finished = false;
      let subscription: AllStreamSubscription | null = null;
      const settle = (outcome: () => void) => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        // Events pushed before the caught-up signal may still sit in the stream's buffer: let them flow first.
        setImmediate(() => {
          void (subscription?.unsubscribe() ?? Promise.resolve()).then(outcome, outcome);
        });
      };
      const finish = () => settle(() => resolve(events.filter((event) => comparePositions(fromEsdbPosition(event.position!), end) <= 0)));
      const reachesEnd = (position: EsdbPosition) => comparePositions(fromEsdbPosition(position), end) >= 0;
      const timer = setTimeout(
        () =>
          settle(() =>
            reject(new Error(`EventStoreDB: a filtered read of $all did not reach ${end} within ${readTimeoutMs} ms (is the server 23.10 or later?)`)),
          ),
        readTimeoutMs,
      );
      subscription = client.subscribeToAll({
        fromPosition: origin === null ? START : toEsdbPosition(origin),
        filter: streamNameFilter({
          prefixes: [...prefixes],
          checkpointReached: (_subscription, position) => {
            if (reachesEnd(position)) finish();
          },
        }),
      });
      subscription.on('data', (resolved) => {
        const event = resolved.event;
        if (event === undefined || finished) return;
        events.push(event);
        if (reachesEnd(event.position)) finish();
      });
      subscription.on('caughtUp', finish);
      subscription.on('error', (error) => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        reject(error);
      });
    });

  /** Starts the live subscription that wakes waiting readers, unless it runs or failed a moment ago. */
  const ensureLive = () => {
    if (live !== null || closed || Date.now() - liveFailedAt < LIVE_RETRY_MS) return;
    const subscription = client.subscribeToAll({ fromPosition: END, filter: liveFilter(names) });
    const drop = () => {
      if (live === subscription) live = null;
    };
    subscription.on('data', wake);
    subscription.on('error', () => {
      liveFailedAt = Date.now();
      drop();
    });
    subscription.on('close', drop);
    subscription.on('end', drop);
    live = subscription;
  };

  const headsOf = async (streams: readonly string[]): Promise<AnchorHead[]> => {
    const heads = await mapLimit(streams, headConcurrency, async (stream) => {
      const head = await readHead(names.toEsdb(stream));
      return head === null ? null : { stream, revision: head.revision, hash: head.hash ?? '' };
    });
    return heads.filter((head): head is AnchorHead => head !== null);
  };

  const backend: EventStoreBackend = {
    /*
     * 1. read the stream's head (revision and hash) and the command's records; a record whose events are
     *    in place makes this a duplicate;
     * 2. check the caller's expected revision against the head;
     * 3. append a command record "this command puts n events at revision r+1" to chidao-command-<id>,
     *    expecting that stream's revision as read (so two attempts of one command are serialised);
     * 4. append the events, chained from the head, with ids derived from (command id, index), expecting
     *    exactly revision r.
     * A refusal at 3 or 4 starts over when a retry can still succeed. Recording the command first means
     * a crash between 3 and 4 leaves only a record whose events are not in place — ignored — while a
     * crash after 4 leaves a record that makes the retry a duplicate, even if others appended meanwhile.
     */
    append: async (request) => {
      if (names.isBookkeeping(request.stream)) {
        throw new InvalidAppendError([{ path: 'stream', message: `các luồng "chidao-…" dành cho kho / streams starting with "chidao-" are reserved for the store's bookkeeping` }]);
      }
      const esdbStream = names.toEsdb(request.stream);
      for (let attempt = 1; attempt <= maxAppendAttempts; attempt += 1) {
        const head = await readHead(esdbStream);
        const recorded = await findCommand(request.commandId);
        if (recorded.events !== null) return { duplicate: true, events: recorded.events };
        const current = head?.revision ?? null;
        if (!satisfies(request.expectedRevision, current)) throw new WrongExpectedRevisionError(request.stream, request.expectedRevision, current);
        if (head !== null && head.hash === null) {
          throw new CorruptEventError(request.stream, head.revision, 'the last event carries no chidao hash chain ($chidao metadata): it was written behind the store’s back');
        }
        const firstRevision = (current ?? -1) + 1;
        const record = jsonEvent({ type: COMMAND_RECORD_TYPE, data: { stream: request.stream, firstRevision, count: request.events.length } });
        const claimed = await appendExpecting(names.commandStream(request.commandId), [record], exactExpectedRevision(recorded.recordRevision));
        if (!claimed.ok) continue; // another attempt of the same command raced us: look again
        let appended: Awaited<ReturnType<typeof appendExpecting>>;
        try {
          appended = await appendExpecting(esdbStream, chained(request.commandId, request.events, head), exactExpectedRevision(current));
        } catch (error) {
          if (isMaxAppendSizeExceeded(error)) {
            throw new InvalidAppendError([
              { path: 'events', message: `EventStoreDB từ chối: lần ghi vượt MaxAppendSize / EventStoreDB refused an append larger than its MaxAppendSize (${error.maxAppendSize ?? '?'} bytes)` },
            ]);
          }
          throw error;
        }
        if (!appended.ok) {
          if (!isExactExpectation(request.expectedRevision)) continue;
          const actual = appended.actual === undefined ? ((await readHead(esdbStream))?.revision ?? null) : appended.actual;
          throw new WrongExpectedRevisionError(request.stream, request.expectedRevision, actual);
        }
        const stored = await readEvents(esdbStream, { direction: 'forwards', fromRevision: BigInt(firstRevision), maxCount: request.events.length, requiresLeader: true });
        if (stored.length !== request.events.length || Number(stored[0]!.revision) !== firstRevision) {
          // EventStoreDB continues a deleted stream's revisions: the chain computed for `firstRevision` no longer fits.
          throw new CorruptEventError(
            request.stream,
            firstRevision,
            `EventStoreDB acknowledged ${request.events.length} events from revision ${firstRevision} but holds ${stored.length} there, from revision ${stored[0]?.revision ?? '—'}: was the stream deleted or truncated behind the store’s back?`,
          );
        }
        wake();
        return { duplicate: false, events: stored.map(toRaw) };
      }
      throw new WrongExpectedRevisionError(request.stream, request.expectedRevision, (await readHead(esdbStream))?.revision ?? null);
    },

    readStream: async (stream, read) =>
      (
        await readEvents(names.toEsdb(stream), {
          direction: read.direction,
          fromRevision: readRevision(read.direction, read.fromRevision),
          ...(read.limit === undefined ? {} : { maxCount: read.limit }),
        })
      ).map(toRaw),

    /*
     * `$all` forwards after `after`, keeping this store's events (see `portStreamOf`). The 6.x client
     * cannot filter a read on the server, so pages are read whole and filtered here; a read from a
     * position includes the event at it, which is dropped. `$all` is ordered by commit position and only
     * committed events are read, so a reader never sees a later event before an earlier one commits.
     */
    readAll: async (after, limit) => {
      const found: RawEvent[] = [];
      let cursor = later(after, origin);
      for (;;) {
        const batch = Math.min(Math.max(2 * (limit - found.length), 64), 4_096) + 1;
        let read = 0;
        const page = client.readAll({ direction: FORWARDS, fromPosition: cursor === null ? START : toEsdbPosition(cursor), maxCount: batch });
        for await (const resolved of page) {
          read += 1;
          const event = resolved.event;
          if (event === undefined) continue;
          const position = fromEsdbPosition(event.position);
          if (cursor !== null && comparePositions(position, cursor) <= 0) continue;
          cursor = position;
          if (portStreamOf(names, event) === null) continue;
          found.push(toRaw(event));
          if (found.length === limit) {
            await page.cancel();
            return found;
          }
        }
        if (read < batch) return found;
      }
    },

    readDirective: async (directiveId) => {
      const end = await readEndOfAll(client);
      if (end === null || (origin !== null && comparePositions(end, origin) <= 0)) return [];
      const filter = directiveFilter(names, directiveId);
      const events = await readFiltered(filter.prefixes, end);
      return events.filter((event) => filter.belongs(event.streamId) && portStreamOf(names, event) !== null).map(toRaw);
    },

    readCommand: async (commandId) => (await findCommand(commandId)).events ?? [],

    /*
     * A stream's head is its last event as EventStoreDB's stream index returns it; the streams of a
     * directive or of the store are those `$all` holds. They differ when a stream was deleted or
     * truncated behind the store's back, which is what `verify` compares.
     */
    streamHeads: async (scope: VerifyScope) => {
      if (scope.kind === 'stream') return headsOf([scope.stream]);
      const streams = new Set<string>();
      if (scope.kind === 'directive') {
        for (const event of await backend.readDirective(scope.directiveId)) streams.add(event.stream);
      } else {
        for await (const event of scanAll(null)) streams.add(event.stream);
      }
      return headsOf([...streams]);
    },

    writeAnchor: async (build) => {
      for (let attempt = 1; attempt <= maxAppendAttempts; attempt += 1) {
        const [last] = await readEvents(names.anchorStream, { direction: 'backwards', fromRevision: END, maxCount: 1, requiresLeader: true });
        const previous = last === undefined ? null : parseAnchor(last.data);
        if (last !== undefined && previous === null) throw new CorruptEventError(names.anchorStream, Number(last.revision), 'not an anchor');
        const changed = new Map<string, AnchorHead>();
        let position: Position | null = null;
        for await (const event of scanAll(previous?.position ?? null)) {
          changed.set(event.stream, { stream: event.stream, revision: event.revision, hash: event.hash });
          position = event.position;
        }
        if (changed.size === 0 || position === null) return null;
        const anchor = build(previous, position, [...changed.values()]);
        const written = await appendExpecting(
          names.anchorStream,
          [jsonEvent({ type: ANCHOR_TYPE, data: anchor as unknown as JSONType })],
          exactExpectedRevision(last === undefined ? null : Number(last.revision)),
        );
        if (written.ok) return anchor;
      }
      throw new Error(`EventStoreDB: could not write an anchor in ${maxAppendAttempts} attempts: other writers kept appending to ${names.anchorStream}`);
    },

    readAnchors: async () =>
      (await readEvents(names.anchorStream, { direction: 'forwards', fromRevision: START }))
        .map((event) => parseAnchor(event.data))
        .filter((anchor): anchor is Anchor => anchor !== null),

    waitForAppend: (timeoutMs, signal) => {
      if (closed) return Promise.resolve();
      ensureLive();
      return waitForWake(waiters, timeoutMs, signal);
    },

    close: async () => {
      if (closed) return;
      closed = true;
      wake();
      const subscription = live;
      live = null;
      await subscription?.unsubscribe();
      if (owned) await client.dispose();
    },
  };
  return backend;
};
