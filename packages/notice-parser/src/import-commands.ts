import {
  AGENCY_CATALOGUE,
  AssignTaskSchema,
  RegisterDirectiveSchema,
  TaskCommandSchema,
  agencyById,
  dueDateOf,
  type Actor,
  type AgencyCatalogue,
  type AssignTask,
  type CommandMetadata,
  type Deadline,
  type DocumentRef,
  type ExtendTaskDeadline,
  type IssueTaskReminder,
  type LocalDate,
  type RegisterDirective,
} from '@chidao/domain';
import * as E from 'fp-ts/Either';
import { directiveIdOf } from './directive-id';
import { documentSymbolOf } from './symbols';
import type { ParsedExtension, ParsedNotice, ParsedTask } from './types';

/** Options of `toImportCommands`. */
export type ImportCommandsOptions = {
  /** Who imports: the secretariat user the commands are issued by. */
  readonly actor: Actor;
  /** The business date of the commands; the notice's issue date, else its meeting date, by default. */
  readonly occurredOn?: LocalDate;
  /** Prepended to every command id, e.g. to tell two installations' imports apart. Empty by default. */
  readonly commandIdPrefix?: string;
  /** The catalogue the parse was resolved with, for the issuer's and references' names. */
  readonly catalogue?: AgencyCatalogue;
};

/** `AssignTask` as parsed by its schema, before the application adds the directive's state. */
export type AssignTaskData = Omit<AssignTask, 'directive'>;

/** The commands for one task of the notice. */
export type TaskImport = {
  readonly clause: string;
  readonly taskId: string;
  readonly assign: AssignTaskData;
  /** Extensions to apply after the assignment, in order. */
  readonly extensions: readonly ExtendTaskDeadline[];
  readonly reminders: readonly IssueTaskReminder[];
  /** What the import did with facts it could not turn into commands, "Vietnamese / English". */
  readonly notes: readonly string[];
};

/** Everything needed to import a notice: register it, then each task's commands in order. */
export type ImportCommands = {
  readonly directiveId: string;
  readonly registerDirective: RegisterDirective;
  readonly tasks: readonly TaskImport[];
  /** Tasks that cannot be assigned (no resolved lead agency, or a command the domain rejects). */
  readonly skipped: readonly { readonly clause: string; readonly reason: string }[];
};

/** Why a notice cannot be imported at all: what it lacks, field by field. */
export type NoticeNotImportable = {
  readonly _tag: 'NoticeNotImportable';
  readonly problems: readonly { readonly field: string; readonly message: string }[];
};

/** True when `value` is a {@link NoticeNotImportable}. */
export const isNoticeNotImportable = (value: unknown): value is NoticeNotImportable =>
  typeof value === 'object' && value !== null && (value as { _tag?: unknown })._tag === 'NoticeNotImportable';

const vietnameseDate = (date: LocalDate): string => date.split('-').reverse().join('/');

const issuesOf = (error: { readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[] }): string =>
  error.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`).join('; ');

/** Extensions in the order they were granted: by number, unnumbered ones after, in text order. */
const inOrder = (task: ParsedTask): readonly ParsedExtension[] =>
  task.extensions
    .map(({ value }, index) => ({ value, index }))
    .sort((a, b) => (a.value.number ?? 100) - (b.value.number ?? 100) || a.index - b.index)
    .map(({ value }) => value);

/**
 * How a task's extensions become commands. The assignment carries the earliest deadline the notice
 * states for the task: the deadline before the first extension when the text gives it, else the one
 * the first stated extension set (the deadline it replaced is not in the text, and an extension
 * needs one to move from). Every later extension is an `ExtendTaskDeadline` with its number and
 * granting document; one that would not move the deadline later is left as a note.
 */
const extensionPlan = (
  task: ParsedTask,
): { readonly assigned: Deadline; readonly extensions: readonly ParsedExtension[]; readonly notes: readonly string[] } => {
  const ordered = inOrder(task);
  const [first, ...later] = ordered;
  if (first === undefined) return { assigned: task.deadline.value, extensions: [], notes: [] };
  const notes: string[] = [];
  const original = task.originalDeadline?.value;
  const assigned = original ?? first.deadline;
  const toApply = original === undefined ? later : ordered;
  if (original === undefined) {
    notes.push(
      `Gia hạn${first.number === null ? '' : ` lần ${first.number}`} đến ${vietnameseDate(first.to)} được ghi làm thời hạn khi giao, vì văn bản không nêu thời hạn trước đó` +
        ` / extension${first.number === null ? '' : ` ${first.number}`} to ${first.to} is the assigned deadline: the notice gives no earlier one`,
    );
  }
  const applied: ParsedExtension[] = [];
  let current = dueDateOf(assigned);
  for (const extension of toApply) {
    if (current !== undefined && extension.to <= current) {
      notes.push(
        `Gia hạn${extension.number === null ? '' : ` lần ${extension.number}`} đến ${vietnameseDate(extension.to)} không muộn hơn thời hạn đang có, không tạo lệnh` +
          ` / extension to ${extension.to} is not later than the deadline in force: no command`,
      );
      continue;
    }
    applied.push(extension);
    current = extension.to;
  }
  return { assigned, extensions: applied, notes };
};

/**
 * The domain commands that import a parsed notice: `RegisterDirective`, then per task `AssignTask`,
 * its `ExtendTaskDeadline`s and `IssueTaskReminder`s, each checked by the domain's zod schema and
 * returned as parsed. Ids are derived, never random (README, "Ids"), so importing the same notice
 * twice issues the same commands and the store's idempotency makes the second a no-op. Tasks without
 * a resolved lead cannot be assigned: they are listed in `skipped`. `AssignTask` still needs the
 * directive's state, which the caller loads after registering.
 */
export const toImportCommands = (parsed: ParsedNotice, options: ImportCommandsOptions): E.Either<NoticeNotImportable, ImportCommands> => {
  const { directive } = parsed;
  const catalogue = options.catalogue ?? AGENCY_CATALOGUE;
  const prefix = options.commandIdPrefix ?? '';
  const problems: { field: string; message: string }[] = [];
  const directiveId = directiveIdOf(directive);
  if (E.isLeft(directiveId)) problems.push({ field: 'directiveId', message: directiveId.left });
  const occurredOn = options.occurredOn ?? directive.issuedOn?.value ?? directive.meetingOn?.value;
  if (occurredOn === undefined) {
    problems.push({ field: 'occurredOn', message: 'Văn bản không có ngày ban hành hay ngày họp; cần nêu occurredOn / the notice has no date: pass occurredOn' });
  }
  if (directive.subject === null) problems.push({ field: 'subject', message: 'Thiếu trích yếu / the subject is missing' });
  if (directive.issuer === null) problems.push({ field: 'issuer', message: 'Thiếu cơ quan ban hành / the issuing body is missing' });
  if (E.isLeft(directiveId) || occurredOn === undefined || directive.subject === null || directive.issuer === null || directive.symbol === null) {
    return E.left({ _tag: 'NoticeNotImportable', problems });
  }
  const id = directiveId.right;
  const issuerAgency = directive.issuerAgency?.agency ?? null;
  const issuerName = issuerAgency?.name ?? directive.issuer.value;
  const numbered = documentSymbolOf(directive.symbol.value)?.number != null;
  const ownDocument: DocumentRef | undefined = numbered
    ? {
        symbol: directive.symbol.value,
        ...(directive.issuedOn === null ? {} : { issuedOn: directive.issuedOn.value }),
        issuer: issuerName,
      }
    : undefined;
  const metadata = (commandId: string): CommandMetadata => ({
    commandId: `${prefix}${commandId}`,
    actor: options.actor,
    occurredOn,
    correlationId: `${prefix}${id}/import`,
    ...(ownDocument === undefined ? {} : { sourceDocument: ownDocument }),
  });

  const register = RegisterDirectiveSchema.safeParse({
    type: 'RegisterDirective',
    data: {
      directiveId: id,
      symbol: directive.symbol.value,
      issuer: { name: issuerName, ...(issuerAgency === null ? {} : { agencyId: issuerAgency.id }) },
      ...(directive.issuedOn === null ? {} : { issuedOn: directive.issuedOn.value }),
      ...(directive.signedBy === null ? {} : { signer: directive.signedBy.value }),
      ...(directive.presidedBy === null ? {} : { presidedBy: directive.presidedBy.value }),
      ...(directive.meetingOn === null
        ? {}
        : { meeting: { heldOn: directive.meetingOn.value, ...(directive.session === null ? {} : { session: directive.session.value }) } }),
      subject: directive.subject.value,
      references: directive.references.map(({ value }) => {
        const name = (value.issuerId === undefined ? undefined : agencyById(value.issuerId, catalogue)?.name) ?? value.issuer;
        return { symbol: value.symbol, ...(value.issuedOn === undefined ? {} : { issuedOn: value.issuedOn }), ...(name === undefined ? {} : { issuer: name }) };
      }),
    },
    metadata: metadata(`${id}/register`),
  });
  if (!register.success) return E.left({ _tag: 'NoticeNotImportable', problems: [{ field: 'registerDirective', message: issuesOf(register.error) }] });

  const tasks: TaskImport[] = [];
  const skipped: { clause: string; reason: string }[] = [];
  for (const task of parsed.tasks) {
    const lead = task.lead?.agency ?? null;
    if (lead === null) {
      skipped.push({
        clause: task.clause,
        reason:
          task.lead === null
            ? 'Không có cơ quan chủ trì / no lead agency'
            : `Chưa xác định được cơ quan chủ trì "${task.lead.text}" / the lead "${task.lead.text}" is not resolved`,
      });
      continue;
    }
    const taskId = `${id}/${task.clause}`;
    const plan = extensionPlan(task);
    const unresolved = task.cooperating.filter((agency) => agency.agency === null).map((agency) => agency.text);
    const cooperating = [...new Set(task.cooperating.flatMap((agency) => (agency.agency === null ? [] : [agency.agency.id])))].filter(
      (agencyId) => agencyId !== lead.id,
    );
    const reportRecipient = task.reportTo?.agency?.id;
    const assign = AssignTaskSchema.safeParse({
      type: 'AssignTask',
      data: {
        taskId,
        directiveId: id,
        clause: task.clause,
        content: task.content.value,
        lead: lead.id,
        cooperating,
        ...(task.cooperatingNote === undefined ? {} : { cooperatingNote: task.cooperatingNote }),
        ...(reportRecipient === undefined ? {} : { reportRecipient }),
        deadline: plan.assigned,
      },
      metadata: metadata(`${taskId}/assign`),
    });
    if (!assign.success) {
      skipped.push({ clause: task.clause, reason: issuesOf(assign.error) });
      continue;
    }
    const notes = [
      ...plan.notes,
      ...unresolved.map((name) => `Cơ quan phối hợp "${name}" chưa xác định, không đưa vào lệnh / co-operating body "${name}" is not resolved and left out`),
    ];
    const extensions: ExtendTaskDeadline[] = [];
    plan.extensions.forEach((extension, index) => {
      const approvingDocument = extension.document ?? ownDocument;
      // The domain's root exports ExtendTaskDeadlineSchema only as a type: the union schema checks it.
      const command = TaskCommandSchema.safeParse({
        type: 'ExtendTaskDeadline',
        data: {
          taskId,
          to: extension.deadline,
          ...(extension.number === null ? {} : { number: extension.number }),
          ...(approvingDocument === undefined ? {} : { approvingDocument }),
        },
        metadata: metadata(`${taskId}/extend/${extension.number ?? `x${index + 1}`}`),
      });
      if (command.success && command.data.type === 'ExtendTaskDeadline') extensions.push(command.data);
      else if (!command.success) notes.push(`Gia hạn không hợp lệ / invalid extension: ${issuesOf(command.error)}`);
    });
    const reminders: IssueTaskReminder[] = [];
    task.reminders.forEach(({ value }, index) => {
      const command = TaskCommandSchema.safeParse({
        type: 'IssueTaskReminder',
        data: { taskId, document: { symbol: value.symbol, issuedOn: value.date }, note: value.text },
        metadata: metadata(`${taskId}/remind/${index + 1}`),
      });
      if (command.success && command.data.type === 'IssueTaskReminder') reminders.push(command.data);
      else if (!command.success) notes.push(`Nhắc việc không hợp lệ / invalid reminder: ${issuesOf(command.error)}`);
    });
    tasks.push({ clause: task.clause, taskId, assign: assign.data, extensions, reminders, notes });
  }
  return E.right({ directiveId: id, registerDirective: register.data, tasks, skipped });
};
