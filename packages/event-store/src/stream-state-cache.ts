/*
 * The folded state of the streams a process used last, so that a command on one of them decides
 * without reading the stream again. Nothing here is trusted blindly: a state taken from the cache
 * only ever leads to an append that expects the revision it was folded to, and the store refuses that
 * append if anyone — this process or another — has written the stream since. Every other outcome
 * decided on a cached state (a refusal, a failed precondition, an `If-Match` that does not match,
 * nothing to do) is decided again on the stream as stored before it is answered; see `handleCommand`.
 */

/** One stream's state as this process last knew it. */
export type CachedStreamState<State> = {
  /** The revision of the last event folded into `state` (-1: no stream). */
  readonly revision: number;
  readonly state: State;
};

/** How the cache has served, since it was created. */
export type StreamStateCacheStats = {
  /** Commands decided on a cached state. */
  readonly hits: number;
  /** Commands that had to read their stream (not cached, or cached for another decider). */
  readonly misses: number;
  /** Cached states found out of date (the append refused) or not trusted for the answer (rechecked). */
  readonly stale: number;
  /** Streams cached now. */
  readonly size: number;
  /** Most streams kept. */
  readonly capacity: number;
};

/** A bounded map from stream name to its folded state; the least recently used stream goes first. */
export type StreamStateCache = {
  /** The state of `stream` as folded by `decider` (the decider object is the key's second half). */
  readonly get: <State>(stream: string, decider: object) => CachedStreamState<State> | undefined;
  readonly set: <State>(stream: string, decider: object, entry: CachedStreamState<State>) => void;
  /** Forgets `stream`; `stale` marks why (counted in the stats). */
  readonly delete: (stream: string, stale?: boolean) => void;
  /** Forgets everything (after something outside the command path rewrote the store, say). */
  readonly clear: () => void;
  readonly stats: () => StreamStateCacheStats;
};

type Entry = { readonly decider: object; readonly revision: number; readonly state: unknown };

/**
 * Creates a cache of at most `capacity` streams (a positive integer). A task's state is a few
 * kilobytes (2.2 KB as JSON for the benchmark's tasks of 19 events), so the API's default of 10,000
 * streams costs some tens of megabytes.
 */
export const createStreamStateCache = (capacity: number): StreamStateCache => {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`Sức chứa bộ đệm phải là số nguyên dương, không phải ${capacity} / the cache capacity must be a positive integer, not ${capacity}`);
  }
  // A Map iterates in insertion order: re-inserting on every use keeps the least recently used first.
  const entries = new Map<string, Entry>();
  let hits = 0;
  let misses = 0;
  let stale = 0;
  return {
    get: <State>(stream: string, decider: object): CachedStreamState<State> | undefined => {
      const entry = entries.get(stream);
      if (entry === undefined || entry.decider !== decider) {
        misses += 1;
        return undefined;
      }
      hits += 1;
      entries.delete(stream);
      entries.set(stream, entry);
      return { revision: entry.revision, state: entry.state as State };
    },
    set: (stream, decider, { revision, state }) => {
      entries.delete(stream);
      entries.set(stream, { decider, revision, state });
      if (entries.size > capacity) entries.delete(entries.keys().next().value as string);
    },
    delete: (stream, isStale = false) => {
      if (entries.delete(stream) && isStale) stale += 1;
    },
    clear: () => entries.clear(),
    stats: () => ({ hits, misses, stale, size: entries.size, capacity }),
  };
};
