import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { AGENCY_CATALOGUE, agencyById, type AgencyCatalogue } from '../agency';
import { compareDeadlines, DEFAULT_DEADLINE_SETTINGS, dueDateOf, isExtendable, scheduleEvent, type DeadlineSettings } from '../deadline';
import type { Deadline } from '../deadline/deadline.schema';
import type { DomainError } from '../errors';
import { assertNever, ignoreUnknown, type Decider } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';
import type { Actor, Role } from '../shared/metadata';
import { requireRole, SECRETARIAT_ROLES } from '../shared/permissions';
import type {
  AssignTask,
  CorrectTaskRecord,
  ExtendTaskDeadline,
  ReassignTask,
  ScheduleTaskDeadlineEvent,
  TaskCommand,
} from './task.commands';
import type { TaskCorrections, TaskEvent } from './task.events';
import { initialTaskState, type AssignedTaskState, type TaskRecord, type TaskState } from './task.state';

type Decision = E.Either<DomainError, readonly TaskEvent[]>;

/**
 * What the task rules depend on besides the command and the state: the agency catalogue agencies are
 * checked against, and the deadline settings deadlines are compared with.
 */
export type TaskDeciderOptions = {
  readonly catalogue?: AgencyCatalogue;
  readonly deadlineSettings?: DeadlineSettings;
};

type Context = { readonly catalogue: AgencyCatalogue; readonly deadlineSettings: DeadlineSettings };

/**
 * Who may give a command: the secretariat (and admins) decide; reports come from the lead agency's
 * officers or from the secretariat on its behalf (DESIGN.md, rules).
 */
type Access = 'secretariat' | 'lead-or-secretariat';

const ROLES: { readonly [A in Access]: readonly Role[] } = {
  secretariat: SECRETARIAT_ROLES,
  'lead-or-secretariat': ['agency', 'secretariat'],
};

/** Agencies must be in the catalogue and exist on the date of the paper (2025's mergers moved many). */
const checkAgency = (ctx: Context, agencyId: string, onDate: LocalDate): E.Either<DomainError, string> => {
  const agency = agencyById(agencyId, ctx.catalogue);
  if (agency === undefined) return E.left({ _tag: 'UnknownAgency', agencyId });
  const tooEarly = agency.validFrom !== undefined && onDate < agency.validFrom;
  const tooLate = agency.validTo !== undefined && onDate > agency.validTo;
  return tooEarly || tooLate
    ? E.left({ _tag: 'AgencyNotValidOnDate', agencyId, onDate, successorId: tooLate ? (agency.successorId ?? null) : null })
    : E.right(agencyId);
};

const checkAgencies = (ctx: Context, ids: readonly (string | undefined)[], onDate: LocalDate): E.Either<DomainError, unknown> =>
  pipe(
    ids.filter((id): id is string => id !== undefined),
    E.traverseArray((id) => checkAgency(ctx, id, onDate)),
  );

/** The assigned task this command is about, or `TaskNotFound`. */
const assignedTask = (state: TaskState, taskId: string): E.Either<DomainError, AssignedTaskState> =>
  state.status !== 'unassigned' && state.task.taskId === taskId ? E.right(state) : E.left({ _tag: 'TaskNotFound', taskId });

/** Nothing may be dated before the task was assigned: the two time axes must stay consistent. */
const notBeforeAssignment = (state: AssignedTaskState, occurredOn: LocalDate): E.Either<DomainError, AssignedTaskState> =>
  occurredOn < state.task.assignedOn
    ? E.left({ _tag: 'DateBeforeAssignment', taskId: state.task.taskId, assignedOn: state.task.assignedOn, occurredOn })
    : E.right(state);

/** Which lifecycle states a command accepts; any other state is refused with the error that explains it. */
type Accepts = { readonly [Status in AssignedTaskState['status']]?: true };

const inStatus = (state: AssignedTaskState, accepts: Accepts): E.Either<DomainError, AssignedTaskState> => {
  if (accepts[state.status]) return E.right(state);
  const taskId = state.task.taskId;
  switch (state.status) {
    case 'withdrawn':
      return E.left({ _tag: 'TaskAlreadyWithdrawn', taskId });
    case 'completed':
      return E.left({ _tag: 'TaskAlreadyCompleted', taskId });
    case 'suspended':
      return E.left({ _tag: 'TaskIsSuspended', taskId });
    case 'completion_reported':
      return E.left({ _tag: 'CompletionAwaitingConfirmation', taskId });
    case 'open':
      return E.left({ _tag: 'TaskNotSuspended', taskId });
    default:
      return assertNever(state);
  }
};

/** Only the lead agency reports, or the secretariat on its behalf (DESIGN.md, rules). */
const isLeadOrSecretariat = (actor: Actor, task: TaskRecord): E.Either<DomainError, Actor> =>
  actor.role === 'secretariat' || actor.agencyId === task.lead
    ? E.right(actor)
    : E.left({ _tag: 'NotLeadAgency', taskId: task.taskId, leadAgencyId: task.lead, actorAgencyId: actor.agencyId ?? null });

/** Loads the assigned task and checks role, date and lifecycle status: the preamble of every command but `AssignTask`. */
const guard = (
  command: Exclude<TaskCommand, AssignTask>,
  state: TaskState,
  access: Access,
  accepts: Accepts,
): E.Either<DomainError, AssignedTaskState> =>
  pipe(
    requireRole(command.type, command.metadata.actor, ROLES[access]),
    E.chain(() => assignedTask(state, command.data.taskId)),
    E.chain((assigned) => notBeforeAssignment(assigned, command.metadata.occurredOn)),
    E.chain((assigned) => inStatus(assigned, accepts)),
    E.chain((assigned) =>
      access === 'lead-or-secretariat'
        ? pipe(isLeadOrSecretariat(command.metadata.actor, assigned.task), E.map(() => assigned))
        : E.right(assigned),
    ),
  );

const OPEN: Accepts = { open: true };

/** The new deadline must be later than the one in force; recurring and open-ended ones cannot be extended. */
const checkLater = (ctx: Context, taskId: string, current: Deadline, requested: Deadline): E.Either<DomainError, Deadline> => {
  const due = (deadline: Deadline): LocalDate | null => dueDateOf(deadline, ctx.deadlineSettings) ?? null;
  if (!isExtendable(current)) return E.left({ _tag: 'DeadlineNotExtendable', taskId, kind: current.kind });
  if (!isExtendable(requested)) return E.left({ _tag: 'DeadlineNotExtendable', taskId, kind: requested.kind });
  const comparison = compareDeadlines(requested, current, ctx.deadlineSettings);
  const laterThanUnscheduledEvent = comparison === 'incomparable' && due(current) === null && due(requested) !== null;
  return comparison === 'later' || laterThanUnscheduledEvent
    ? E.right(requested)
    : E.left({ _tag: 'DeadlineNotLater', taskId, currentDueOn: due(current), requestedDueOn: due(requested) });
};

const assign = (ctx: Context, command: AssignTask, state: TaskState): Decision =>
  pipe(
    requireRole(command.type, command.metadata.actor, SECRETARIAT_ROLES),
    E.chain(() =>
      state.status === 'unassigned' ? E.right(state) : E.left<DomainError>({ _tag: 'TaskAlreadyAssigned', taskId: command.data.taskId }),
    ),
    E.chain(() =>
      command.directive.status === 'registered' && command.directive.directive.directiveId === command.data.directiveId
        ? E.right(command.directive)
        : E.left<DomainError>({ _tag: 'DirectiveNotFound', directiveId: command.data.directiveId }),
    ),
    E.chain(() =>
      checkAgencies(ctx, [command.data.lead, ...command.data.cooperating, command.data.reportRecipient], command.metadata.occurredOn),
    ),
    E.map((): readonly TaskEvent[] => {
      const cooperating = [...new Set(command.data.cooperating)].filter((id) => id !== command.data.lead);
      return [{ type: 'TaskAssigned', data: { ...command.data, cooperating, assignedOn: command.metadata.occurredOn } }];
    }),
  );

const extend = (ctx: Context, command: ExtendTaskDeadline, state: TaskState): Decision =>
  pipe(
    guard(command, state, 'secretariat', OPEN),
    E.chain(({ task }) => {
      const lastNumber = task.extensions.at(-1)?.number ?? 0;
      const number = command.data.number ?? lastNumber + 1;
      if (number <= lastNumber) {
        return E.left<DomainError>({ _tag: 'ExtensionNumberNotIncreasing', taskId: task.taskId, lastNumber, requestedNumber: number });
      }
      return pipe(
        checkLater(ctx, task.taskId, task.deadline, command.data.to),
        E.map((to): readonly TaskEvent[] => {
          const { taskId, reason, approvingDocument } = command.data;
          return [
            {
              type: 'TaskDeadlineExtended',
              data: {
                taskId,
                number,
                from: task.deadline,
                to,
                ...(reason === undefined ? {} : { reason }),
                ...(approvingDocument === undefined ? {} : { approvingDocument }),
                extendedOn: command.metadata.occurredOn,
              },
            },
          ];
        }),
      );
    }),
  );

const reassign = (ctx: Context, command: ReassignTask, state: TaskState): Decision =>
  pipe(
    guard(command, state, 'secretariat', { open: true, suspended: true }),
    E.chain(({ task }) =>
      task.lead === command.data.to
        ? E.left<DomainError>({ _tag: 'SameLeadAgency', taskId: task.taskId, agencyId: task.lead })
        : pipe(
            checkAgency(ctx, command.data.to, command.metadata.occurredOn),
            E.map((): readonly TaskEvent[] => [
              {
                type: 'TaskReassigned',
                data: { ...command.data, from: task.lead, reassignedOn: command.metadata.occurredOn },
              },
            ]),
          ),
    ),
  );

const schedule = (ctx: Context, command: ScheduleTaskDeadlineEvent, state: TaskState): Decision =>
  pipe(
    guard(command, state, 'secretariat', { open: true, suspended: true, completion_reported: true }),
    E.chain(({ task }): Decision => {
      const current = task.deadline;
      if (current.kind !== 'event') return E.left({ _tag: 'DeadlineNotEventAnchored', taskId: task.taskId, kind: current.kind });
      if (current.scheduledOn === command.data.eventOn) return E.left({ _tag: 'NothingToChange', id: task.taskId });
      return pipe(
        current.scheduledOn === undefined ? E.right(current) : checkLater(ctx, task.taskId, current, scheduleEvent(current, command.data.eventOn)),
        E.map(() => [
          { type: 'TaskDeadlineEventScheduled', data: { ...command.data, scheduledOn: command.metadata.occurredOn } },
        ]),
      );
    }),
  );

/** Only the fields that really change; `NothingToChange` when none does. */
const effectiveCorrections = (task: TaskRecord, corrections: TaskCorrections): TaskCorrections =>
  Object.fromEntries(
    Object.entries(corrections).filter(
      ([key, value]) => JSON.stringify(value) !== JSON.stringify(task[key as keyof TaskCorrections]),
    ),
  ) as TaskCorrections;

const correct = (ctx: Context, command: CorrectTaskRecord, state: TaskState): Decision =>
  pipe(
    guard(command, state, 'secretariat', { open: true, suspended: true, completion_reported: true, completed: true, withdrawn: true }),
    E.chain(({ task }): Decision => {
      const corrections = effectiveCorrections(task, command.data.corrections);
      if (Object.keys(corrections).length === 0) return E.left({ _tag: 'NothingToChange', id: task.taskId });
      return pipe(
        checkAgencies(ctx, [...(corrections.cooperating ?? []), corrections.reportRecipient], task.assignedOn),
        E.map(() => [
          {
            type: 'TaskRecordCorrected',
            data: { taskId: task.taskId, corrections, reason: command.data.reason, correctedOn: command.metadata.occurredOn },
          },
        ]),
      );
    }),
  );

const decideIn = (ctx: Context, command: TaskCommand, state: TaskState): Decision => {
  const on = command.metadata.occurredOn;
  const single = (event: TaskEvent): readonly TaskEvent[] => [event];
  switch (command.type) {
    case 'AssignTask':
      return assign(ctx, command, state);
    case 'ExtendTaskDeadline':
      return extend(ctx, command, state);
    case 'RequestTaskExtension':
      return pipe(
        guard(command, state, 'lead-or-secretariat', OPEN),
        E.chain(({ task }) =>
          task.pendingExtensionRequest === undefined
            ? checkLater(ctx, task.taskId, task.deadline, command.data.requestedDeadline)
            : E.left<DomainError>({ _tag: 'ExtensionRequestPending', taskId: task.taskId }),
        ),
        E.map(() => single({ type: 'TaskExtensionRequested', data: { ...command.data, requestedOn: on } })),
      );
    case 'RejectTaskExtension':
      return pipe(
        guard(command, state, 'secretariat', OPEN),
        E.chain(({ task }) =>
          task.pendingExtensionRequest === undefined
            ? E.left<DomainError>({ _tag: 'NoPendingExtensionRequest', taskId: task.taskId })
            : E.right(task),
        ),
        E.map(() => single({ type: 'TaskExtensionRejected', data: { ...command.data, rejectedOn: on } })),
      );
    case 'ReportTaskProgress':
      return pipe(
        guard(command, state, 'lead-or-secretariat', OPEN),
        E.map(() => single({ type: 'TaskProgressReported', data: { ...command.data, reportedOn: on } })),
      );
    case 'ReportTaskCompletion':
      return pipe(
        guard(command, state, 'lead-or-secretariat', OPEN),
        E.map(() => single({ type: 'TaskCompletionReported', data: { ...command.data, reportedOn: on } })),
      );
    case 'ConfirmTaskCompletion':
    case 'ReturnTaskCompletion':
      return pipe(
        guard(command, state, 'secretariat', { completion_reported: true, open: true, suspended: true }),
        E.chain((assigned) =>
          assigned.status === 'completion_reported'
            ? E.right(assigned)
            : E.left<DomainError>({ _tag: 'CompletionNotReported', taskId: assigned.task.taskId }),
        ),
        E.map(() =>
          command.type === 'ConfirmTaskCompletion'
            ? single({ type: 'TaskCompletionConfirmed', data: { ...command.data, confirmedOn: on } })
            : single({ type: 'TaskCompletionReturned', data: { ...command.data, returnedOn: on } }),
        ),
      );
    case 'IssueTaskReminder':
      return pipe(
        guard(command, state, 'secretariat', OPEN),
        E.map(() => single({ type: 'TaskReminderIssued', data: { ...command.data, remindedOn: on } })),
      );
    case 'ReassignTask':
      return reassign(ctx, command, state);
    case 'SuspendTask':
      return pipe(
        guard(command, state, 'secretariat', OPEN),
        E.map(() => single({ type: 'TaskSuspended', data: { ...command.data, suspendedOn: on } })),
      );
    case 'ResumeTask':
      return pipe(
        guard(command, state, 'secretariat', { suspended: true }),
        E.map(() => single({ type: 'TaskResumed', data: { ...command.data, resumedOn: on } })),
      );
    case 'WithdrawTask':
      return pipe(
        guard(command, state, 'secretariat', { open: true, suspended: true, completion_reported: true }),
        E.map(() => single({ type: 'TaskWithdrawn', data: { ...command.data, withdrawnOn: on } })),
      );
    case 'ScheduleTaskDeadlineEvent':
      return schedule(ctx, command, state);
    case 'CorrectTaskRecord':
      return correct(ctx, command, state);
    default:
      return assertNever(command);
  }
};

/** Applies `change` to the record of an assigned task; an unassigned task ignores the event. */
const withTask = (state: TaskState, change: (task: TaskRecord) => TaskRecord): TaskState =>
  state.status === 'unassigned' ? state : { ...state, task: change(state.task) };

/**
 * Folds one task event into the state. Total and never throwing: an event that does not fit the state
 * (it cannot come from `decide`, but a store may hold anything) changes the facts it carries and leaves
 * the lifecycle where it is.
 */
export const evolveTask = (state: TaskState, event: TaskEvent): TaskState => {
  switch (event.type) {
    case 'TaskAssigned': {
      if (state.status !== 'unassigned') return state;
      const { assignedOn, deadline, ...fields } = event.data;
      return {
        status: 'open',
        task: {
          ...fields,
          assignedOn,
          originalDeadline: deadline,
          deadline,
          extensions: [],
          rejectedExtensionRequests: 0,
          reminders: [],
          progressReports: [],
          completionReports: [],
          returns: [],
          leadHistory: [{ agencyId: fields.lead, from: assignedOn }],
          corrections: 0,
        },
      };
    }
    case 'TaskDeadlineExtended': {
      const { taskId: _taskId, ...extension } = event.data;
      return withTask(state, (task) => {
        const { pendingExtensionRequest: _pending, ...rest } = task;
        return { ...rest, deadline: extension.to, extensions: [...task.extensions, extension] };
      });
    }
    case 'TaskExtensionRequested': {
      const { taskId: _taskId, ...request } = event.data;
      return withTask(state, (task) => ({ ...task, pendingExtensionRequest: request }));
    }
    case 'TaskExtensionRejected':
      return withTask(state, (task) => {
        const { pendingExtensionRequest: _pending, ...rest } = task;
        return { ...rest, rejectedExtensionRequests: task.rejectedExtensionRequests + 1 };
      });
    case 'TaskProgressReported': {
      const { taskId: _taskId, ...report } = event.data;
      return withTask(state, (task) => ({ ...task, progressReports: [...task.progressReports, report] }));
    }
    case 'TaskCompletionReported': {
      const { taskId: _taskId, ...completion } = event.data;
      if (state.status !== 'open') return withTask(state, (task) => ({ ...task, completionReports: [...task.completionReports, completion] }));
      return {
        status: 'completion_reported',
        task: { ...state.task, completionReports: [...state.task.completionReports, completion] },
        completion,
      };
    }
    case 'TaskCompletionConfirmed':
      return state.status === 'completion_reported'
        ? { status: 'completed', task: state.task, completion: state.completion, confirmedOn: event.data.confirmedOn }
        : state;
    case 'TaskCompletionReturned': {
      const returned = { reason: event.data.reason, returnedOn: event.data.returnedOn };
      return state.status === 'completion_reported'
        ? { status: 'open', task: { ...state.task, returns: [...state.task.returns, returned] } }
        : withTask(state, (task) => ({ ...task, returns: [...task.returns, returned] }));
    }
    case 'TaskReminderIssued': {
      const { taskId: _taskId, ...reminder } = event.data;
      return withTask(state, (task) => ({ ...task, reminders: [...task.reminders, reminder] }));
    }
    case 'TaskReassigned':
      return withTask(state, (task) => ({
        ...task,
        lead: event.data.to,
        cooperating: task.cooperating.filter((id) => id !== event.data.to),
        leadHistory: [...task.leadHistory, { agencyId: event.data.to, from: event.data.reassignedOn, reason: event.data.reason }],
      }));
    case 'TaskSuspended':
      return state.status === 'open'
        ? { status: 'suspended', task: state.task, suspendedOn: event.data.suspendedOn, reason: event.data.reason }
        : state;
    case 'TaskResumed':
      return state.status === 'suspended' ? { status: 'open', task: state.task } : state;
    case 'TaskWithdrawn':
      return state.status === 'unassigned' || state.status === 'completed'
        ? state
        : { status: 'withdrawn', task: state.task, withdrawnOn: event.data.withdrawnOn, reason: event.data.reason };
    case 'TaskDeadlineEventScheduled':
      // The first date the meeting gets is the original deadline's date too; later dates only move the current one.
      return withTask(state, (task) => ({
        ...task,
        deadline: task.deadline.kind === 'event' ? scheduleEvent(task.deadline, event.data.eventOn) : task.deadline,
        originalDeadline:
          task.originalDeadline.kind === 'event' && task.originalDeadline.scheduledOn === undefined
            ? scheduleEvent(task.originalDeadline, event.data.eventOn)
            : task.originalDeadline,
      }));
    case 'TaskRecordCorrected':
      return withTask(state, (task) => ({ ...task, ...event.data.corrections, corrections: task.corrections + 1 }) as TaskRecord);
    default:
      return ignoreUnknown(event, state);
  }
};

/**
 * A task decider for an installation's own agency catalogue and deadline settings; `taskDecider` is the
 * one for the shipped catalogue and the default settings.
 */
export const createTaskDecider = (options: TaskDeciderOptions = {}): Decider<TaskCommand, TaskState, TaskEvent, DomainError> => {
  const ctx: Context = {
    catalogue: options.catalogue ?? AGENCY_CATALOGUE,
    deadlineSettings: options.deadlineSettings ?? DEFAULT_DEADLINE_SETTINGS,
  };
  return { decide: (command, state) => decideIn(ctx, command, state), evolve: evolveTask, initialState: initialTaskState };
};

/** The task decider: `decide`, `evolve`, `initialState`, with the shipped catalogue and default settings. */
export const taskDecider = createTaskDecider();

/** Decides a task command against the task's state: the events that record it, or the broken rule. */
export const decideTask = taskDecider.decide;
