import type { EventStore } from '../types';

/**
 * Direct writes behind the store's back, as an attacker or a careless DBA with database access would
 * make them: `verify` must detect each one and name the place.
 */
export type Tamperer = {
  /** Replaces the data of one event, leaving its hashes as they were. */
  readonly changeData: (stream: string, revision: number, data: unknown) => Promise<void>;
  /** Deletes one event. */
  readonly deleteEvent: (stream: string, revision: number) => Promise<void>;
  /** Deletes a whole stream: its events and whatever records its head. */
  readonly deleteStream: (stream: string) => Promise<void>;
  /** Swaps the places (revisions and positions) of two events of a stream. */
  readonly swapEvents: (stream: string, revisionA: number, revisionB: number) => Promise<void>;
};

/** What an adapter's spec hands the contract suite. */
export type EventStoreFixture = {
  /**
   * Whether `open` provides a tamperer. A backend that cannot be altered in place (EventStoreDB) says
   * false, and the tampering tests are reported as skipped rather than passing.
   */
  readonly tampering: boolean;
  /** Opens a store on an empty database; called once per suite. */
  readonly open: () => Promise<{
    readonly store: EventStore;
    /** Opens another store on the same database, as a second process would (for concurrency tests). */
    readonly openAnother?: () => Promise<EventStore>;
    readonly tamper?: Tamperer;
  }>;
  /** Empties the database between tests. */
  readonly reset: () => Promise<void>;
  /** Closes everything `open` opened. */
  readonly close: () => Promise<void>;
};
