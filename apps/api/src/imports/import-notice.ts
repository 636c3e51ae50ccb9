import { explainError, isDomainError, type LocalDate } from '@chidao/domain';
import { parseNotice, toImportCommands, toImportJson, type ImportCommands, type ImportJson } from '@chidao/notice-parser';
import * as E from 'fp-ts/Either';
import { actorOf, type Principal } from '../auth/principal';
import type { CommandService } from '../commands/command.service';
import { ApiError } from '../http/api-error';

/*
 * Importing a notice's text: parse it, show what was found (the preview), and — once confirmed —
 * register the directive and assign its tasks, extensions and reminders through the command service,
 * the same path as every HTTP command. Command ids derive from the notice, so importing it again
 * records nothing new. Each command is one atomic append; an import is many commands, so an import
 * cut short is completed by importing again.
 */

/** What one import recorded. */
export type ImportTally = {
  readonly directiveId: string;
  readonly recorded: number;
  readonly unchanged: number;
  /** Commands the domain refused, with the reason in Vietnamese and English. */
  readonly refused: readonly { readonly command: string; readonly taskId?: string; readonly error: string; readonly message: { readonly vi: string; readonly en: string } }[];
  readonly skipped: ImportCommands['skipped'];
  /** The global position of the last event recorded: pass it as `minPosition` to read the import back. */
  readonly lastPosition: string | null;
};

/** The answer of an import: the preview, the commands planned, and what was recorded when confirmed. */
export type ImportResult = {
  readonly preview: ImportJson;
  readonly directiveId: string;
  readonly tasks: readonly { readonly clause: string; readonly taskId: string; readonly commands: number; readonly notes: readonly string[] }[];
  readonly confirmed: boolean;
  readonly import: ImportTally | null;
};

/** Options of one import. */
export type ImportOptions = { readonly confirm: boolean; readonly occurredOn?: LocalDate | undefined };

/** Runs planned commands through the command service, in order, and counts what happened. */
export const recordCommands = async (
  commands: CommandService,
  principal: Principal,
  plan: readonly { readonly label: string; readonly command: unknown; readonly access: 'secretariat' | 'lead-or-secretariat' }[],
  directiveId: string,
  skipped: ImportCommands['skipped'] = [],
): Promise<ImportTally> => {
  let recorded = 0;
  let unchanged = 0;
  let lastPosition: string | null = null;
  const refused: ImportTally['refused'][number][] = [];
  for (const step of plan) {
    const answer = await commands.execute(principal, step.access, step.command);
    const body = answer.body;
    if (answer.status >= 400) {
      const tag = String(body['error']);
      const data = body['data'] as Record<string, unknown> | undefined;
      const error = { _tag: tag, ...data };
      const taskId = (step.command as { readonly data?: { readonly taskId?: string } }).data?.taskId;
      refused.push({
        command: step.label,
        ...(taskId === undefined ? {} : { taskId }),
        error: tag,
        message: isDomainError(error) ? explainError(error) : (body['message'] as { vi: string; en: string }),
      });
    } else if (answer.duplicate === true || (body['events'] as readonly unknown[]).length === 0) {
      unchanged += 1;
    } else {
      recorded += 1;
      if (typeof body['position'] === 'string') lastPosition = body['position'];
    }
  }
  return { directiveId, recorded, unchanged, refused, skipped, lastPosition };
};

/** Parses a notice and, when `confirm` is set, records it as `principal`. 422 when the notice cannot be imported at all. */
export const importNotice = async (commands: CommandService, principal: Principal, text: string, options: ImportOptions): Promise<ImportResult> => {
  const parsed = parseNotice(text);
  const preview = toImportJson(parsed);
  const planned = toImportCommands(parsed, { actor: actorOf(principal), ...(options.occurredOn === undefined ? {} : { occurredOn: options.occurredOn }) });
  if (E.isLeft(planned)) {
    throw new ApiError(
      422,
      'NoticeNotImportable',
      {
        vi: `Không nhập được văn bản: ${planned.left.problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ')}`,
        en: `The notice cannot be imported: ${planned.left.problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ')}`,
      },
      { problems: planned.left.problems, preview },
    );
  }
  const plan = planned.right;
  const steps = [
    { label: 'RegisterDirective', command: plan.registerDirective as unknown, access: 'secretariat' as const },
    ...plan.tasks.flatMap((task) => [
      { label: `AssignTask ${task.clause}`, command: task.assign as unknown, access: 'secretariat' as const },
      ...task.extensions.map((command) => ({ label: `ExtendTaskDeadline ${task.clause}`, command: command as unknown, access: 'secretariat' as const })),
      ...task.reminders.map((command) => ({ label: `IssueTaskReminder ${task.clause}`, command: command as unknown, access: 'secretariat' as const })),
    ]),
  ];
  const tasks = plan.tasks.map((task) => ({
    clause: task.clause,
    taskId: task.taskId,
    commands: 1 + task.extensions.length + task.reminders.length,
    notes: task.notes,
  }));
  if (!options.confirm) return { preview, directiveId: plan.directiveId, tasks, confirmed: false, import: null };
  const tally = await recordCommands(commands, principal, steps, plan.directiveId, plan.skipped);
  return { preview, directiveId: plan.directiveId, tasks, confirmed: true, import: tally };
};
