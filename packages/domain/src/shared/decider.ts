import type { Either } from 'fp-ts/Either';

/**
 * The whole contract of an aggregate (after Emmett and fmodel-ts): `decide` turns a command and the
 * current state into the events that record it, or a domain error returned as data; `evolve` folds one
 * event into the state and never throws; `initialState` is the state before the first event.
 */
export type Decider<Command, State, Event, Error> = {
  readonly decide: (command: Command, state: State) => Either<Error, readonly Event[]>;
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: () => State;
};

/** Folds events into a state with a decider's `evolve`, starting from its initial state. */
export const fold = <State, Event>(
  decider: Pick<Decider<unknown, State, Event, unknown>, 'evolve' | 'initialState'>,
  events: readonly Event[],
): State => events.reduce(decider.evolve, decider.initialState());

/** Compile-time exhaustiveness check for a `switch` over a union; unreachable at run time. */
export const assertNever = (value: never): never => {
  throw new TypeError(`unexpected variant: ${JSON.stringify(value)}`);
};

/**
 * Exhaustiveness check for `evolve`, which must stay total: a variant the types rule out (an event
 * type from a newer release, say) leaves the state as it was instead of throwing.
 */
export const ignoreUnknown = <State>(_event: never, state: State): State => state;
