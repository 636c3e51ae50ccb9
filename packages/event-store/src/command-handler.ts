import { CURRENT_SCHEMA_VERSIONS, eventMetadataFor, type CommandMetadata, type Decider, type DomainEvent, type Instant } from '@chidao/domain';
import * as E from 'fp-ts/Either';
import { isWrongExpectedRevision, WrongExpectedRevisionError } from './errors';
import type { AppendResult, EventStore, NewEvent, StoredEvent } from './types';

/** What the command handler needs besides the store: the clock lives here, outside the domain. */
export type CommandHandlerDependencies = {
  readonly store: EventStore;
  /** The server's clock: `recordedAt` of the events appended. */
  readonly now: () => Instant;
  /** How many times a conflicting append is retried, re-reading and re-deciding each time. */
  readonly maxRetries?: number;
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
 * a command id already recorded returns the first result and appends nothing.
 */
export const handleCommand = async <Command extends { readonly metadata: CommandMetadata }, State, Event extends DomainEvent, Error>(
  dependencies: CommandHandlerDependencies,
  decider: Decider<Command, State, Event, Error>,
  stream: string,
  command: Command,
  options: HandleCommandOptions<State, Error> = {},
): Promise<CommandOutcome<Error>> => {
  const { store, now } = dependencies;
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

  for (let attempt = 0; ; attempt += 1) {
    const history = await store.readStream(stream);
    const mine = history.filter((event) => event.metadata.commandId === commandId);
    if (mine.length > 0) return E.right(duplicateResult(stream, mine));
    const state = history.reduce((current, event) => decider.evolve(current, event as unknown as Event), decider.initialState());
    const refusal = options.precondition?.(state);
    if (refusal !== undefined) {
      const duplicate = await recordedElsewhere();
      return duplicate === undefined ? E.left(refusal) : E.right(duplicate);
    }
    const revision = history.at(-1)?.revision ?? -1;
    if (options.expectedRevision !== undefined && options.expectedRevision !== revision) {
      const duplicate = await recordedElsewhere();
      if (duplicate !== undefined) return E.right(duplicate);
      throw new WrongExpectedRevisionError(stream, options.expectedRevision === -1 ? 'no_stream' : options.expectedRevision, revision === -1 ? null : revision);
    }
    const decision = decider.decide(command, state);
    if (E.isLeft(decision)) {
      const duplicate = await recordedElsewhere();
      return duplicate === undefined ? decision : E.right(duplicate);
    }
    if (decision.right.length === 0) {
      return E.right({ stream, events: [], nextExpectedRevision: revision, position: null, duplicate: false });
    }
    const recordedAt = now();
    const events = decision.right.map(
      (event): NewEvent => ({ ...event, metadata: eventMetadataFor(command.metadata, recordedAt, CURRENT_SCHEMA_VERSIONS[event.type]) }) as NewEvent,
    );
    try {
      return E.right(await store.appendToStream(stream, events, { expectedRevision: revision === -1 ? 'no_stream' : revision }));
    } catch (error) {
      if (!isWrongExpectedRevision(error) || attempt >= maxRetries || options.expectedRevision !== undefined) throw error;
    }
  }
};

const duplicateResult = (stream: string, events: readonly StoredEvent[]): AppendResult => ({
  stream,
  events,
  nextExpectedRevision: events.at(-1)?.revision ?? -1,
  position: events.at(-1)?.position ?? null,
  duplicate: true,
});
