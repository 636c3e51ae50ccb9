import { WrongExpectedRevisionError } from './errors';
import { chainHash } from './hash-chain';
import { makePosition } from './position';
import { waitForWake } from './wake';
import { directiveIdOfStream } from './stream-name';
import type { Anchor, AnchorHead, EventStoreBackend, ExpectedRevision, RawEvent, VerifyScope } from './types';
import type { Tamperer } from './testing/fixture';

type StreamRecord = { revision: number; hash: string; directiveId: string | null };

/** True when a stream at `current` (null: absent) satisfies the expected revision. */
export const satisfies = (expected: ExpectedRevision, current: number | null): boolean => {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === null;
    case 'stream_exists':
      return current !== null;
    default:
      return expected === -1 ? current === null : current === expected;
  }
};

/** An in-memory backend and, for tests, direct access to tamper with what it holds. */
export type InMemoryBackend = EventStoreBackend & { readonly tamper: Tamperer };

/**
 * The in-memory backend: everything in arrays and maps of this process, appends applied synchronously
 * (so atomically), positions `(0, sequence)`. For tests, demos and embedding in a single process.
 */
export const createInMemoryBackend = (): InMemoryBackend => {
  let log: RawEvent[] = [];
  const streams = new Map<string, StreamRecord>();
  const commands = new Map<string, RawEvent[]>();
  const anchors: Anchor[] = [];
  const waiters = new Set<() => void>();
  let sequence = 0;

  // Per-stream views of the log, rebuilt after a tampering rewrote the log behind the streams' backs.
  let perStream = new Map<string, RawEvent[]>();
  let stale = false;
  const byStream = (stream: string): RawEvent[] => {
    if (stale) {
      perStream = new Map();
      for (const event of log) perStream.set(event.stream, [...(perStream.get(event.stream) ?? []), event]);
      for (const events of perStream.values()) events.sort((a, b) => a.revision - b.revision);
      stale = false;
    }
    return [...(perStream.get(stream) ?? [])];
  };
  /** Index of the first event after `after` in the log, which is sorted by position. */
  const firstAfter = (after: string | null): number => {
    if (after === null) return 0;
    let low = 0;
    let high = log.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (log[middle]!.position <= after) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const notify = () => {
    for (const wake of [...waiters]) wake();
  };
  const inScope = (scope: VerifyScope, stream: string, directiveId: string | null) =>
    scope.kind === 'all' || (scope.kind === 'stream' ? stream === scope.stream : directiveId === scope.directiveId);

  const backend: InMemoryBackend = {
    append: async (request) => {
      const first = commands.get(request.commandId);
      if (first !== undefined) return { duplicate: true, events: first };
      const head = streams.get(request.stream);
      const current = head?.revision ?? null;
      if (!satisfies(request.expectedRevision, current)) throw new WrongExpectedRevisionError(request.stream, request.expectedRevision, current);
      let previousHash = head?.hash ?? null;
      let revision = current ?? -1;
      const appended = request.events.map((event): RawEvent => {
        revision += 1;
        sequence += 1;
        const hash = chainHash(previousHash, event.digest, revision);
        const raw: RawEvent = {
          stream: request.stream,
          revision,
          position: makePosition(0, sequence),
          type: event.type,
          data: structuredClone(event.data),
          metadata: structuredClone(event.metadata),
          previousHash,
          hash,
        };
        previousHash = hash;
        return raw;
      });
      log.push(...appended);
      const existing = perStream.get(request.stream);
      if (existing === undefined) perStream.set(request.stream, appended);
      else existing.push(...appended);
      streams.set(request.stream, { revision, hash: previousHash!, directiveId: request.directiveId });
      commands.set(request.commandId, appended);
      notify();
      return { duplicate: false, events: appended };
    },
    readStream: async (stream, options) => {
      const events = byStream(stream);
      const ordered = options.direction === 'backwards' ? events.reverse() : events;
      const from = options.fromRevision;
      const started =
        from === undefined ? ordered : ordered.filter((event) => (options.direction === 'backwards' ? event.revision <= from : event.revision >= from));
      return started.slice(0, options.limit ?? started.length);
    },
    readAll: async (after, limit) => {
      const start = firstAfter(after);
      return log.slice(start, start + limit);
    },
    readDirective: async (directiveId) =>
      [...streams.entries()]
        .filter(([stream, record]) => record.directiveId === directiveId || directiveIdOfStream(stream) === directiveId)
        .flatMap(([stream]) => byStream(stream))
        .sort((a, b) => (a.position < b.position ? -1 : 1)),
    readCommand: async (commandId) => commands.get(commandId) ?? [],
    streamHeads: async (scope) =>
      [...streams.entries()]
        .filter(([stream, record]) => inScope(scope, stream, record.directiveId))
        .map(([stream, record]): AnchorHead => ({ stream, revision: record.revision, hash: record.hash })),
    writeAnchor: async (build) => {
      const previous = anchors.at(-1) ?? null;
      const changed = new Map<string, AnchorHead>();
      for (const event of log.slice(firstAfter(previous?.position ?? null))) {
        changed.set(event.stream, { stream: event.stream, revision: event.revision, hash: event.hash });
      }
      const last = log.at(-1);
      if (changed.size === 0 || last === undefined) return null;
      const anchor = build(previous, last.position, [...changed.values()]);
      anchors.push(anchor);
      return anchor;
    },
    readAnchors: async () => [...anchors],
    waitForAppend: (timeoutMs, signal) => waitForWake(waiters, timeoutMs, signal),
    close: async () => {
      for (const wake of [...waiters]) wake();
    },
    tamper: {
      changeData: async (stream, revision, data) => {
        log = log.map((event) => (event.stream === stream && event.revision === revision ? { ...event, data } : event));
        stale = true;
      },
      deleteEvent: async (stream, revision) => {
        log = log.filter((event) => !(event.stream === stream && event.revision === revision));
        stale = true;
      },
      deleteStream: async (stream) => {
        log = log.filter((event) => event.stream !== stream);
        streams.delete(stream);
        stale = true;
      },
      swapEvents: async (stream, revisionA, revisionB) => {
        const a = log.find((event) => event.stream === stream && event.revision === revisionA);
        const b = log.find((event) => event.stream === stream && event.revision === revisionB);
        if (a === undefined || b === undefined) throw new RangeError(`no such events: ${stream}@${revisionA}, @${revisionB}`);
        log = log
          .map((event) => (event === a ? { ...a, revision: b.revision, position: b.position } : event === b ? { ...b, revision: a.revision, position: a.position } : event))
          .sort((x, y) => (x.position < y.position ? -1 : 1));
        stale = true;
      },
    },
  };
  return backend;
};
