import { CURRENT_SCHEMA_VERSIONS, eventMetadataFor, type CommandMetadata, type Decider, type DomainEvent, type Instant } from '@chidao/domain';
import * as E from 'fp-ts/Either';
import { isWrongExpectedRevision, WrongExpectedRevisionError } from './errors';
import type { StreamStateCache } from './stream-state-cache';
import type { AppendResult, EventStore, NewEvent, StoredEvent } from './types';

/** What the command handler needs besides the store: the clock lives here, outside the domain. */
export type CommandHandlerDependencies = {
  readonly store: EventStore;
  /** The server's clock: `recordedAt` of the events appended. */
  readonly now: () => Instant;
  /** How many times a conflicting append is retried, re-reading and re-deciding each time. */
  readonly maxRetries?: number;
  /**
   * The folded state of recently used streams, shared by the commands of one process: a command on a
   * cached stream decides without reading it. Only an append is decided on a cached state — the store
   * refuses it if the stream has moved on, and the command then starts over from the stream as stored.
   */
  readonly cache?: StreamStateCache;
};

/** The outcome of a handled command: the decider's refusal, or what was recorded. */
export type CommandOutcome<Error> = E.Either<Error, AppendResult>;

/** Per-command options. */
export type CommandOptions = {
  /**
   * The stream revision the caller saw (HTTP `If-Match`): the command is decided on the stream as it
   * is, but appended only if the stream is still at this revision — a `WrongExpectedRevisionError`
   * otherwise, never retried, because the caller decided on what it saw. -1: the stream must not exist.
   */
  readonly expectedRevision?: number;
};

/** Options of `handleCommand` that see the loaded state. */
export type HandleCommandOptions<State, Error> = CommandOptions & {
  /**
   * Checked on the loaded state before anything else is (the `If-Match` revision, the decider): a
   * refusal here answers as the decider's would. For who may look at a stream at all, so that a caller
   * refused here learns nothing from the decider's errors. A command id already recorded on the stream
   * answers with its first result without this check.
   */
  readonly precondition?: (state: State) => Error | undefined;
};

const DEFAULT_MAX_RETRIES = 3;

/**
 * Load → decide → append (fmodel-ts's application layer). Reads the stream, folds it, decides, and
 * appends with the revision it read as the expected one; on a conflict it starts over, at most
 * `maxRetries` times, then lets the `WrongExpectedRevisionError` through. Idempotent by command id:
 * a command id already recorded returns the first result and appends nothing. With a `cache`, a
 * stream this process used lately is not read again unless the cached state turns out stale or
 * leads to anything but an append.
 */
export const handleCommand = async <Command extends { readonly metadata: CommandMetadata }, State, Event extends DomainEvent, Error>(
  dependencies: CommandHandlerDependencies,
  decider: Decider<Command, State, Event, Error>,
  stream: string,
  command: Command,
  options: HandleCommandOptions<State, Error> = {},
): Promise<CommandOutcome<Error>> => {
  const { store, now, cache } = dependencies;
  const maxRetries = dependencies.maxRetries ?? DEFAULT_MAX_RETRIES;
  const commandId = command.metadata.commandId;
  // A command recorded before answers with its first result. The happy path needs no extra read: the
  // stream read for deciding shows the command's own events, and the append refuses a known command id
  // atomically (returning the first events). Only a refusal is checked against the whole log, for the
  // rare command id recorded on another stream.
  const recordedElsewhere = async (): Promise<AppendResult | undefined> => {
    const before = await store.readCommand(commandId);
    return before.length > 0 ? duplicateResult(before[0]!.stream, before) : undefined;
  };

  // A cached state decides only what the store will check again: an append expecting its revision. Any
  // other outcome decided on it is decided again on the stream as stored (`fromStore`), and so is an
  // append the store refused because the stream had moved on; neither counts as a retry.
  let fromStore = cache === undefined;
  for (let attempt = 0; ; ) {
    const cached = fromStore ? undefined : cache!.get<State>(stream, decider);
    fromStore = true;
    let state: State;
    let revision: number;
    if (cached !== undefined) {
      ({ state, revision } = cached);
    } else {
      const history = await store.readStream(stream);
      const mine = history.filter((event) => event.metadata.commandId === commandId);
      if (mine.length > 0) return E.right(duplicateResult(stream, mine));
      state = history.reduce((current, event) => decider.evolve(current, event as unknown as Event), decider.initialState());
      revision = history.at(-1)?.revision ?? -1;
      cache?.set(stream, decider, { revision, state });
    }
    const refusal = options.precondition?.(state);
    const mismatch = refusal === undefined && options.expectedRevision !== undefined && options.expectedRevision !== revision;
    const decision = refusal === undefined && !mismatch ? decider.decide(command, state) : undefined;
    // Only an append may rest on a cached state; any other outcome is decided again on the stream as stored.
    if (cached !== undefined && (decision === undefined || E.isLeft(decision) || decision.right.length === 0)) {
      cache!.delete(stream, true);
      continue;
    }
    if (decision === undefined || E.isLeft(decision)) {
      const duplicate = await recordedElsewhere();
      if (duplicate !== undefined) return E.right(duplicate);
      if (refusal !== undefined) return E.left(refusal);
      if (decision !== undefined) return decision;
      throw new WrongExpectedRevisionError(stream, options.expectedRevision === -1 ? 'no_stream' : options.expectedRevision!, revision === -1 ? null : revision);
    }
    if (decision.right.length === 0) {
      return E.right({ stream, events: [], nextExpectedRevision: revision, position: null, duplicate: false });
    }
    const recordedAt = now();
    const events = decision.right.map(
      (event): NewEvent => ({ ...event, metadata: eventMetadataFor(command.metadata, recordedAt, CURRENT_SCHEMA_VERSIONS[event.type]) }) as NewEvent,
    );
    let result: AppendResult;
    try {
      result = await store.appendToStream(stream, events, { expectedRevision: revision === -1 ? 'no_stream' : revision });
    } catch (error) {
      cache?.delete(stream, cached !== undefined && isWrongExpectedRevision(error));
      if (cached !== undefined && isWrongExpectedRevision(error)) continue;
      if (!isWrongExpectedRevision(error) || attempt >= maxRetries || options.expectedRevision !== undefined) throw error;
      attempt += 1;
      continue;
    }
    // A command id recorded meanwhile: answered as a repeat found by reading is, with the revision its own
    // events reached (the store's answer names the stream's revision now).
    if (result.duplicate) {
      cache?.delete(stream);
      return E.right(result.events.length > 0 ? duplicateResult(result.events[0]!.stream, result.events) : result);
    }
    // The events just appended, folded on: the next command on this stream starts from here.
    cache?.set(stream, decider, { revision: result.nextExpectedRevision, state: result.events.reduce((current, event) => decider.evolve(current, event as unknown as Event), state) });
    return E.right(result);
  }
};

const duplicateResult = (stream: string, events: readonly StoredEvent[]): AppendResult => ({
  stream,
  events,
  nextExpectedRevision: events.at(-1)?.revision ?? -1,
  position: events.at(-1)?.position ?? null,
  duplicate: true,
});
