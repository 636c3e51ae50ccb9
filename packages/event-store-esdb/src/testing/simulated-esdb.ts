import { Readable } from 'node:stream';
import {
  ANY,
  BACKWARDS,
  END,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  STREAM_NAME,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendExpectedRevision,
  type AppendResult,
  type Direction,
  type EventData,
  type Filter,
  type Position,
  type ReadPosition,
  type ReadRevision,
  type StreamMetadata,
} from '@eventstore/db-client';
import type { TamperableClient } from './esdb-suite';

/*
 * An in-process stand-in for an EventStoreDB server, behind the client's own API (the methods the
 * backend uses, with the client's types, constants and error classes). It lets the adapter's logic —
 * chaining, command records, retries, paging, filters, namespaces — run through the whole contract on a
 * machine that has no server. It is NOT EventStoreDB: it encodes what the client's types and the
 * server's documented behaviour say, and only `esdb.spec.ts` against a real server (EVENTSTORE_URL)
 * shows the adapter works with the real thing.
 *
 * What it models: per-stream revisions; optimistic concurrency with `any`, `no_stream`,
 * `stream_exists` and exact revisions; idempotent repeats of an append whose event ids are already at
 * the revisions after the expected one (and, for `any`, anywhere in the stream); `WrongExpectedVersionError`
 * and `StreamNotFoundError` as the client raises them; `$all` ordered by (commit, prepare) with one commit
 * position per append; system events (`$settings`, `$stats-…`, `$>` links in `$ce-…` streams) mixed in;
 * reads of `$all` that include the event at their start position; stream metadata's `$tb`
 * (truncate before) and soft deletion (which ESDB implements as `$tb` = max), both of which hide events
 * from stream reads while `$all` keeps them until a scavenge; catch-up subscriptions that start after
 * their position, filter by stream-name or event-type prefix or regex, send a checkpoint and
 * `caughtUp` when they reach the end, then deliver live events; and a tick of latency before every
 * operation so concurrent callers interleave.
 */

type SimulatedEvent = {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly isJson: boolean;
  readonly created: Date;
  readonly position: Position;
};

type Resolved = { readonly event: SimulatedEvent; readonly commitPosition: bigint };

/** How the simulated server behaves. */
export type SimulatedEventStoreDbOptions = {
  /** Append a `$>` link to `$ce-<category>` after every append, as the system projections do. Default true. */
  readonly systemEvents?: boolean;
  /** Send `caughtUp` on subscriptions when they reach the end (EventStoreDB 23.10+). Default true. */
  readonly caughtUpMessages?: boolean;
  /** Call a filter's `checkpointReached` when a subscription reaches the end. Default true. */
  readonly checkpoints?: boolean;
};

/** A client handle of the simulated server, typed as the part of the real client the backend and its tests use. */
export type SimulatedClient = TamperableClient & { readonly isDisposed: () => boolean };

const DELETED = BigInt('9223372036854775807');

const compare = (a: Position, b: Position): number =>
  a.commit < b.commit ? -1 : a.commit > b.commit ? 1 : a.prepare < b.prepare ? -1 : a.prepare > b.prepare ? 1 : 0;

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

const viaWire = (value: unknown): unknown => (value === undefined || value instanceof Uint8Array ? value : JSON.parse(JSON.stringify(value)));

const matches = (filter: Filter | undefined, event: SimulatedEvent): boolean => {
  if (filter === undefined) return true;
  const value = filter.filterOn === STREAM_NAME ? event.streamId : event.type;
  return 'prefixes' in filter ? filter.prefixes.some((prefix) => value.startsWith(prefix)) : new RegExp(filter.regex).test(value);
};

/** A finite read (`readStream`, `readAll`): an object-mode stream with `cancel`, like the client's. */
class SimulatedRead extends Readable {
  private started = false;

  constructor(private readonly produce: () => Promise<readonly Resolved[]>) {
    super({ objectMode: true });
  }

  override _read(): void {
    if (this.started) return;
    this.started = true;
    this.produce().then(
      (items) => {
        if (this.destroyed) return;
        for (const item of items) this.push(item);
        this.push(null);
      },
      (error: Error) => this.destroy(error),
    );
  }

  async cancel(): Promise<void> {
    this.destroy();
  }
}

/** A catch-up subscription to `$all`. */
class SimulatedSubscription extends Readable {
  id?: string;
  private cursor: Position | null;
  private caughtUpSent = false;
  private scheduled = false;

  constructor(
    private readonly server: SimulatedEventStoreDb,
    from: ReadPosition,
    private readonly selection: Filter | undefined,
    private readonly options: Required<SimulatedEventStoreDbOptions>,
  ) {
    super({ objectMode: true });
    this.cursor = from === START ? null : from === END ? (server.log.at(-1)?.position ?? null) : from;
    this.schedule();
  }

  override _read(): void {}

  schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    if (this.destroyed) return;
    const cursor = this.cursor;
    for (const event of this.server.log) {
      if (cursor !== null && compare(event.position, cursor) <= 0) continue;
      this.cursor = event.position;
      if (matches(this.selection, event)) this.push({ event, commitPosition: event.position.commit });
    }
    if (!this.caughtUpSent) {
      this.caughtUpSent = true;
      if (this.options.checkpoints && this.selection?.checkpointReached !== undefined && this.cursor !== null) {
        void this.selection.checkpointReached(this as never, this.cursor);
      }
      if (this.options.caughtUpMessages) this.emit('caughtUp');
    }
  }

  async unsubscribe(): Promise<void> {
    this.server.feeds.delete(this);
    this.destroy();
  }
}

/** The simulated server: one log, any number of client handles. */
export class SimulatedEventStoreDb {
  /** Every event in `$all` order. */
  readonly log: SimulatedEvent[] = [];
  /** @internal live subscriptions */
  readonly feeds = new Set<SimulatedSubscription>();
  private readonly streams = new Map<string, SimulatedEvent[]>();
  private readonly truncateBefore = new Map<string, bigint>();
  private readonly options: Required<SimulatedEventStoreDbOptions>;
  private nextPosition = 1_024n;
  private nextId = 0;

  constructor(options: SimulatedEventStoreDbOptions = {}) {
    this.options = { systemEvents: true, caughtUpMessages: true, checkpoints: true, ...options };
    this.write('$settings', [this.systemEvent('$settings', { $userStreamAcl: { $r: '$all' } })]);
    this.write('$stats-127.0.0.1:2113', [this.systemEvent('$statsCollected', { 'proc-id': 1 })]);
  }

  /** Opens a client handle; `dispose` closes only this handle's subscriptions. */
  connect(): SimulatedClient {
    const mine = new Set<SimulatedSubscription>();
    let disposed = false;
    const open = () => {
      if (disposed) throw new Error('simulated client: used after dispose');
    };
    const handle = {
      appendToStream: async (streamName: string, events: EventData | EventData[], options: { expectedRevision?: AppendExpectedRevision } = {}): Promise<AppendResult> => {
        open();
        await tick();
        return this.append(streamName, Array.isArray(events) ? events : [events], options.expectedRevision ?? ANY);
      },
      readStream: (streamName: string, options: { direction?: Direction; fromRevision?: ReadRevision; maxCount?: number | bigint } = {}) => {
        open();
        return new SimulatedRead(async () => {
          await tick();
          return this.readStream(streamName, options);
        });
      },
      readAll: (options: { direction?: Direction; fromPosition?: ReadPosition; maxCount?: number | bigint } = {}) => {
        open();
        return new SimulatedRead(async () => {
          await tick();
          return this.readAll(options);
        });
      },
      subscribeToAll: (options: { fromPosition?: ReadPosition; filter?: Filter } = {}) => {
        open();
        const subscription = new SimulatedSubscription(this, options.fromPosition ?? START, options.filter, this.options);
        this.feeds.add(subscription);
        mine.add(subscription);
        return subscription;
      },
      setStreamMetadata: async (streamName: string, metadata: StreamMetadata): Promise<AppendResult> => {
        open();
        await tick();
        return this.setTruncateBefore(streamName, metadata.truncateBefore);
      },
      deleteStream: async (streamName: string) => {
        open();
        await tick();
        if (!this.streams.has(streamName)) throw new StreamNotFoundError(undefined, streamName);
        const { position } = this.setTruncateBefore(streamName, DELETED);
        return position === undefined ? {} : { position };
      },
      dispose: async () => {
        disposed = true;
        await Promise.all([...mine].map((subscription) => subscription.unsubscribe()));
      },
      isDisposed: () => disposed,
    };
    // The handle implements these methods with the client's parameter and result types, minus its generics.
    return handle as unknown as SimulatedClient;
  }

  private setTruncateBefore(streamName: string, truncateBefore: StreamMetadata['truncateBefore'] | bigint): AppendResult {
    const before = truncateBefore === undefined || truncateBefore === START ? 0n : truncateBefore === END ? DELETED : BigInt(truncateBefore);
    this.truncateBefore.set(streamName, before);
    const [written] = this.write(`$$${streamName}`, [this.systemEvent('$metadata', { $tb: Number(before) })]);
    return { success: true, nextExpectedRevision: written!.revision, position: written!.position };
  }

  private systemEvent(type: string, data: unknown): EventData {
    this.nextId += 1;
    return { id: `00000000-0000-4000-8000-${this.nextId.toString().padStart(12, '0')}`, contentType: 'application/json', type, data: data as never, metadata: undefined };
  }

  private append(streamName: string, events: readonly EventData[], expected: AppendExpectedRevision): AppendResult {
    const existing = this.streams.get(streamName) ?? [];
    const current = existing.at(-1)?.revision ?? null;
    const refuse = (): never => {
      throw new WrongExpectedVersionError(undefined, { streamName, expected, current: current ?? NO_STREAM });
    };
    const idsFrom = (start: number) => events.length > 0 && events.every((event, index) => existing[start + index]?.id === event.id);
    const repeat = (start: number): AppendResult => {
      const last = existing[start + events.length - 1]!;
      return { success: true, nextExpectedRevision: last.revision, position: last.position };
    };
    if (expected === ANY || expected === STREAM_EXISTS) {
      if (expected === STREAM_EXISTS && current === null) refuse();
      const at = existing.findIndex((event) => event.id === events[0]?.id);
      if (at >= 0 && idsFrom(at)) return repeat(at);
    } else {
      const wanted = expected === NO_STREAM ? -1n : expected;
      const actual = current ?? -1n;
      if (wanted > actual) refuse();
      if (wanted < actual) return idsFrom(Number(wanted) + 1) ? repeat(Number(wanted) + 1) : refuse();
    }
    const written = this.write(streamName, events);
    if (this.options.systemEvents && !streamName.startsWith('$')) {
      const category = streamName.split('-')[0]!;
      this.write(
        `$ce-${category}`,
        written.map((event) => ({ ...this.systemEvent('$>', null), contentType: 'application/octet-stream', data: Buffer.from(`${event.revision}@${streamName}`) }) as EventData),
      );
    }
    const last = written.at(-1)!;
    return { success: true, nextExpectedRevision: last.revision, position: last.position };
  }

  private write(streamName: string, events: readonly EventData[]): SimulatedEvent[] {
    const stream = this.streams.get(streamName) ?? [];
    const commit = this.nextPosition;
    const written = events.map((event, index): SimulatedEvent => {
      const prepare = this.nextPosition;
      this.nextPosition += 128n + BigInt(JSON.stringify(event.data ?? null)?.length ?? 0);
      return {
        streamId: streamName,
        id: event.id,
        revision: BigInt(stream.length + index),
        type: event.type,
        data: event.contentType === 'application/json' ? viaWire(event.data) : event.data,
        metadata: viaWire(event.metadata),
        isJson: event.contentType === 'application/json',
        created: new Date(),
        position: { commit, prepare },
      };
    });
    stream.push(...written);
    this.streams.set(streamName, stream);
    this.log.push(...written);
    for (const feed of this.feeds) feed.schedule();
    return written;
  }

  private readStream(streamName: string, options: { direction?: Direction; fromRevision?: ReadRevision; maxCount?: number | bigint }): Resolved[] {
    const truncateBefore = this.truncateBefore.get(streamName) ?? 0n;
    const stream = this.streams.get(streamName)?.filter((event) => event.revision >= truncateBefore);
    if (stream === undefined || truncateBefore === DELETED) throw new StreamNotFoundError(undefined, streamName);
    const last = stream.at(-1)?.revision ?? -1n;
    const from = options.fromRevision ?? START;
    const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    const selected =
      options.direction === BACKWARDS
        ? stream.filter((event) => event.revision <= (from === END ? last : from === START ? 0n : from)).reverse()
        : stream.filter((event) => (from === END ? false : event.revision >= (from === START ? 0n : from)));
    return selected.slice(0, max).map((event) => ({ event, commitPosition: event.position.commit }));
  }

  private readAll(options: { direction?: Direction; fromPosition?: ReadPosition; maxCount?: number | bigint }): Resolved[] {
    const from = options.fromPosition ?? START;
    const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    const selected =
      options.direction === BACKWARDS
        ? this.log.filter((event) => (from === START ? false : from === END ? true : compare(event.position, from) < 0)).reverse()
        : this.log.filter((event) => (from === END ? false : from === START ? true : compare(event.position, from) >= 0));
    return selected.slice(0, max).map((event) => ({ event, commitPosition: event.position.commit }));
  }
}
