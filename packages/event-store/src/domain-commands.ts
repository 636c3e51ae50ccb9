import {
  directiveDecider,
  fold,
  isTaskEvent,
  taskDecider,
  type DirectiveCommand,
  type DirectiveEvent,
  type DirectiveState,
  type DomainError,
  type TaskCommand,
  type TaskCommandInput,
  type TaskEvent,
  type TaskState,
} from '@chidao/domain';
import { handleCommand, type CommandHandlerDependencies, type CommandOptions, type CommandOutcome } from './command-handler';
import { InvalidAppendError } from './errors';
import { directiveStream, taskStream } from './stream-name';
import type { EventStore, StoredEvent } from './types';

/*
 * Where each domain command goes. A directive's events live in `directive-<directiveId>`; a task id is
 * `<directiveId>/<local id>` (the clause, for imported notices), so a task's stream — and the directive
 * it belongs to — follow from the task id alone: `task-<directiveId>/<local id>`.
 */

/** Any domain command as it arrives from outside: a directive command or a task command. */
export type DomainCommandInput = DirectiveCommand | TaskCommandInput;

const DIRECTIVE_COMMANDS: ReadonlySet<string> = new Set(['RegisterDirective', 'AmendDirective', 'CorrectDirectiveRecord']);

/** True when the command acts on a directive rather than a task. */
export const isDirectiveCommand = (command: DomainCommandInput): command is DirectiveCommand => DIRECTIVE_COMMANDS.has(command.type);

/** The directive a task id belongs to, or null when the id is not `<directiveId>/<local id>`. */
export const directiveIdOfTask = (taskId: string): string | null => {
  const slash = taskId.indexOf('/');
  return slash > 0 && slash < taskId.length - 1 ? taskId.slice(0, slash) : null;
};

const invalidTaskId = (taskId: string, why: string): InvalidAppendError =>
  new InvalidAppendError([
    {
      path: 'data.taskId',
      message: `mã nhiệm vụ "${taskId}" không hợp lệ: ${why.split(' / ')[0]} / invalid task id "${taskId}": ${why.split(' / ')[1] ?? why}`,
    },
  ]);

/** The stream of a task, from its id. Throws `InvalidAppendError` for an id outside the convention. */
export const streamOfTask = (taskId: string): string => {
  const directiveId = directiveIdOfTask(taskId);
  if (directiveId === null) throw invalidTaskId(taskId, 'phải có dạng <mã văn bản>/<mã riêng> / it must look like <directiveId>/<local id>');
  return taskStream(directiveId, taskId.slice(directiveId.length + 1));
};

/** The stream a command appends to. */
export const streamOfCommand = (command: DomainCommandInput): string =>
  isDirectiveCommand(command) ? directiveStream(command.data.directiveId) : streamOfTask(command.data.taskId);

/** Options of `executeDomainCommand`. */
export type DomainCommandOptions = CommandOptions & {
  /**
   * The agency an agency officer acts for: a task command is then refused with `TaskNotFound` when the
   * task does not exist and `NotLeadAgency` when another agency leads it, before anything else about
   * the task is looked at, so that an officer learns nothing of other agencies' tasks.
   */
  readonly actingAgency?: string;
};

/** The refusal for an agency that does not lead the task (or a task that does not exist). */
const ledBy =
  (agencyId: string, taskId: string) =>
  (state: TaskState): DomainError | undefined => {
    if (state.status === 'unassigned') return { _tag: 'TaskNotFound', taskId };
    return state.task.lead === agencyId ? undefined : { _tag: 'NotLeadAgency', taskId, leadAgencyId: state.task.lead, actorAgencyId: agencyId };
  };

/** A directive's state, folded from its stream. */
export const loadDirective = async (store: EventStore, directiveId: string): Promise<DirectiveState> =>
  fold(directiveDecider, (await store.readStream(directiveStream(directiveId))) as unknown as readonly DirectiveEvent[]);

/**
 * Runs any domain command through load → decide → append on its stream. `AssignTask` is given the
 * current state of its directive (a task's directive must exist), and its task id must belong to that
 * directive. Idempotent by command id, retried on conflicts (see `handleCommand`).
 */
export const executeDomainCommand = async (
  dependencies: CommandHandlerDependencies,
  command: DomainCommandInput,
  options: DomainCommandOptions = {},
): Promise<CommandOutcome<DomainError>> => {
  const { actingAgency, ...handlerOptions } = options;
  if (isDirectiveCommand(command)) {
    return handleCommand(dependencies, directiveDecider, directiveStream(command.data.directiveId), command, handlerOptions);
  }
  const stream = streamOfTask(command.data.taskId);
  const taskOptions = actingAgency === undefined ? handlerOptions : { ...handlerOptions, precondition: ledBy(actingAgency, command.data.taskId) };
  if (command.type !== 'AssignTask') return handleCommand(dependencies, taskDecider, stream, command as TaskCommand, taskOptions);
  if (directiveIdOfTask(command.data.taskId) !== command.data.directiveId) {
    throw invalidTaskId(
      command.data.taskId,
      `phải bắt đầu bằng "${command.data.directiveId}/" / it must start with "${command.data.directiveId}/"`,
    );
  }
  const directive = await loadDirective(dependencies.store, command.data.directiveId);
  return handleCommand(dependencies, taskDecider, stream, { ...command, directive }, taskOptions);
};

/** A directive's history split by stream: the directive's own events and each task's, in order. */
export type DirectiveHistory = {
  readonly directiveId: string;
  /** Every event of the directive and its tasks, in global order. */
  readonly events: readonly StoredEvent[];
  readonly directive: readonly StoredEvent[];
  readonly tasks: ReadonlyMap<string, readonly StoredEvent[]>;
};

/** Reads a directive and all its tasks in one ordered read and groups the events by task id. */
export const loadDirectiveHistory = async (store: EventStore, directiveId: string): Promise<DirectiveHistory> => {
  const events = await store.readDirective(directiveId);
  const directive: StoredEvent[] = [];
  const tasks = new Map<string, StoredEvent[]>();
  for (const event of events) {
    if (!isTaskEvent(event)) {
      directive.push(event);
      continue;
    }
    const taskId = (event as TaskEvent).data.taskId;
    const list = tasks.get(taskId);
    if (list === undefined) tasks.set(taskId, [event]);
    else list.push(event);
  }
  return { directiveId, events, directive, tasks };
};
