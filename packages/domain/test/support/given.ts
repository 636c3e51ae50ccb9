import * as E from 'fp-ts/Either';
import { fold, type Decider } from '../../src/shared/decider';

/**
 * Given / When / Then for deciders (STYLE.md, rule 6):
 * `given(events).when(command).then(events)` or `.thenFails('TaskAlreadyCompleted', { taskId })`.
 */
export const specFor = <Command, State, Event, Error extends { readonly _tag: string }>(
  decider: Decider<Command, State, Event, Error>,
) => ({
  given: (events: readonly Event[]) => ({
    when: (command: Command) => {
      const result = decider.decide(command, fold(decider, events));
      return {
        /** The command records exactly these events. */
        then: (expected: readonly Event[]): void => {
          expect(result).toEqual(E.right(expected));
        },
        /** The command is accepted and records nothing: an idempotent no-op. */
        thenNothingHappens: (): void => {
          expect(result).toEqual(E.right([]));
        },
        /** The command is refused with this error, carrying at least this data. */
        thenFails: (tag: Error['_tag'], data: Partial<Error> = {}): void => {
          expect(E.isLeft(result)).toBe(true);
          if (E.isLeft(result)) expect(result.left).toMatchObject({ _tag: tag, ...data });
        },
        /** The raw decision, for assertions the helpers above do not cover. */
        result,
      };
    },
  }),
});
