import { directiveDecider, type DirectiveState } from './directive/directive.decider';
import type { DirectiveEvent } from './directive/directive.events';
import { fold } from './shared/decider';
import { compareInstants, type Instant, type LocalDate } from './shared/local-date';
import type { RecordedEvent } from './shared/metadata';
import { taskDecider } from './task/task.decider';
import type { TaskEvent } from './task/task.events';
import { isAssigned, type TaskState } from './task/task.state';
import { statusOf, type StatusSettings, type TaskStatus } from './task/task.status';

/**
 * The two time axes an auditor asks along: `asOf` — what was true on a business date (events whose
 * paper date, `occurredOn`, is on or before it) — and `knownAt` — what the system knew at an instant
 * (events recorded at or before it). Either, both or neither may be given.
 */
export type TimeAxes = { readonly asOf?: LocalDate; readonly knownAt?: Instant };

/** The events visible at the given point of both time axes, in stream order. */
export const eventsAt = <Event extends { readonly metadata: { readonly occurredOn: LocalDate; readonly recordedAt: Instant } }>(
  events: readonly Event[],
  axes: TimeAxes,
): readonly Event[] =>
  events.filter(
    (event) =>
      (axes.asOf === undefined || event.metadata.occurredOn <= axes.asOf) &&
      (axes.knownAt === undefined || compareInstants(event.metadata.recordedAt, axes.knownAt) <= 0),
  );

/** A task's state from its recorded events, as of a business date and/or as known at an instant. */
export const taskAt = (events: readonly RecordedEvent<TaskEvent>[], axes: TimeAxes = {}): TaskState =>
  fold(taskDecider, eventsAt(events, axes));

/** A directive's state from its recorded events, as of a business date and/or as known at an instant. */
export const directiveAt = (events: readonly RecordedEvent<DirectiveEvent>[], axes: TimeAxes = {}): DirectiveState =>
  fold(directiveDecider, eventsAt(events, axes));

/**
 * A task's status on a business date — optionally as the system knew it at an instant — or undefined
 * when the task had not been assigned by then.
 */
export const taskStatusOn = (
  events: readonly RecordedEvent<TaskEvent>[],
  asOf: LocalDate,
  options: { readonly knownAt?: Instant; readonly settings?: Partial<StatusSettings> } = {},
): TaskStatus | undefined => {
  const state = taskAt(events, options.knownAt === undefined ? { asOf } : { asOf, knownAt: options.knownAt });
  return isAssigned(state) ? statusOf(state, asOf, options.settings) : undefined;
};
