import { explainError, type Actor } from '@chidao/domain';
import { executeDomainCommand, type DomainCommandInput } from '@chidao/event-store';
import { parseNotice, toImportCommands, toImportJson } from '@chidao/notice-parser';
import * as E from 'fp-ts/Either';
import * as path from 'node:path';
import { table, viDate } from '../format';
import { CliError, usageError, type CliIo } from '../io';
import { openStore } from '../open-store';

export type ImportArgs = { readonly file: string; readonly dryRun: boolean; readonly json: boolean; readonly yes: boolean; readonly user?: string };

type ImportJson = ReturnType<typeof toImportJson>;

/**
 * `chidao import <file>`: reads a notice of conclusions, shows what the parser found — directive,
 * tasks, warnings — and, once confirmed (or with `--yes`), registers the directive and its tasks,
 * extensions and reminders through the same command handler as the API. Every command id is derived
 * from the notice, so importing the same notice again appends nothing and says so. `--dry-run` stops
 * after the preview; `--json` prints it as JSON.
 */
export const importCommand = async (io: CliIo, args: ImportArgs): Promise<number> => {
  const file = path.resolve(io.cwd, args.file);
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    throw new CliError(`Không đọc được tệp "${args.file}" / cannot read file "${args.file}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (text.trim() === '') throw new CliError(`Tệp "${args.file}" rỗng / file "${args.file}" is empty`);
  const parsed = parseNotice(text);
  const preview = toImportJson(parsed);
  if (args.json && args.dryRun) {
    io.out(JSON.stringify(preview, null, 2));
    return 0;
  }
  if (!args.json) for (const line of renderPreview(preview)) io.out(line);
  if (args.dryRun) return 0;

  const actor: Actor = { userId: args.user ?? io.env['CHIDAO_USER'] ?? 'chidao-cli', role: 'secretariat' };
  const planned = toImportCommands(parsed, { actor });
  if (E.isLeft(planned)) {
    throw new CliError(
      `Không thể nhập văn bản này / this notice cannot be imported:\n${planned.left.problems.map((problem) => `  - ${problem.field}: ${problem.message}`).join('\n')}`,
    );
  }
  const plan = planned.right;
  if (!args.yes) {
    if (!io.interactive) throw usageError('Cần --yes để ghi khi không chạy trong terminal', 'pass --yes to record when not running in a terminal');
    const ok = await io.confirm(`Ghi văn bản và ${plan.tasks.length} nhiệm vụ vào kho? / Record the directive and ${plan.tasks.length} tasks? [c/K]`);
    if (!ok) {
      io.out('Đã hủy, không ghi gì / cancelled, nothing recorded');
      return 1;
    }
  }

  const { store, where } = await openStore(io.env, io.cwd);
  const tally = { recorded: 0, unchanged: 0, refused: [] as string[], positions: [] as string[] };
  try {
    const dependencies = { store, now: () => io.now().toISOString() };
    const run = async (label: string, command: DomainCommandInput) => {
      const outcome = await executeDomainCommand(dependencies, command);
      if (E.isLeft(outcome)) {
        const explanation = explainError(outcome.left);
        tally.refused.push(`${label}: ${explanation.vi} / ${explanation.en}`);
      } else if (outcome.right.duplicate || outcome.right.events.length === 0) {
        tally.unchanged += 1;
      } else {
        tally.recorded += 1;
        if (outcome.right.position !== null) tally.positions.push(outcome.right.position);
      }
    };
    await run('Văn bản / directive', plan.registerDirective as DomainCommandInput);
    for (const task of plan.tasks) {
      await run(`${task.clause} giao / assign`, task.assign as DomainCommandInput);
      for (const extension of task.extensions) await run(`${task.clause} gia hạn / extension`, extension as DomainCommandInput);
      for (const reminder of task.reminders) await run(`${task.clause} nhắc việc / reminder`, reminder as DomainCommandInput);
    }
  } finally {
    await store.close();
  }

  const summary = {
    store: where,
    directiveId: plan.directiveId,
    recorded: tally.recorded,
    unchanged: tally.unchanged,
    refused: tally.refused,
    skipped: plan.skipped,
    lastPosition: tally.positions.at(-1) ?? null,
  };
  if (args.json) io.out(JSON.stringify({ ...preview, import: summary }, null, 2));
  else {
    io.out('');
    io.out(`Kho / store: ${where}`);
    if (tally.recorded === 0 && tally.refused.length === 0) {
      io.out(`Văn bản ${plan.directiveId} đã được nhập trước đó, không có gì thay đổi / already imported, nothing changed`);
    } else {
      io.out(`Đã ghi ${tally.recorded} lệnh, ${tally.unchanged} lệnh đã có từ trước / recorded ${tally.recorded} commands, ${tally.unchanged} already recorded`);
    }
    for (const line of tally.refused) io.out(`✗ ${line}`);
    for (const skipped of plan.skipped) io.out(`– Bỏ qua / skipped ${skipped.clause}: ${skipped.reason}`);
    io.out(`Mã văn bản / directive id: ${plan.directiveId}  (chidao history ${plan.directiveId})`);
  }
  return tally.refused.length === 0 ? 0 : 1;
};

const person = (value: { readonly name: string; readonly title?: string } | string | null | undefined): string =>
  value === null || value === undefined ? '—' : typeof value === 'string' ? value : value.title === undefined ? value.name : `${value.name} (${value.title})`;

/** The preview a clerk reviews before recording: the directive, the task table, the warnings. */
const renderPreview = (preview: ImportJson): string[] => {
  const directive = preview.directive as Record<string, unknown> & ImportJson['directive'];
  const lines = [
    `Văn bản / directive: ${String(directive.symbol ?? '—')}, ngày ban hành / issued ${viDate(directive.issuedOn as string | null)}`,
    `Cuộc họp / meeting: ${viDate(directive.meetingOn as string | null)}; chủ trì / presided by: ${person(directive.presidedBy as never)}; ký / signed by: ${person(directive.signedBy as never)}`,
    '',
    ...table(
      ['Điều khoản / Clause', 'Chủ trì / Lead', 'Phối hợp / With', 'Thời hạn / Deadline', 'Gia hạn / Ext.', 'Nhắc việc / Rem.', 'Nội dung / Content'],
      preview.tasks.map((task) => [
        task.clause,
        task.lead === null ? '⚠ chưa rõ / unresolved' : task.lead.name,
        task.cooperating.map((agency) => agency.name).join(', '),
        task.deadline.due === null ? task.deadline.text || '—' : `${viDate(task.deadline.due)} (${task.deadline.kind})`,
        task.extensions.map((extension) => `lần ${extension.number} → ${viDate(extension.to)}`).join('; '),
        task.reminders.map((reminder) => `${reminder.symbol} ${viDate(reminder.date)}`).join('; '),
        task.content.length > 60 ? `${task.content.slice(0, 59)}…` : task.content,
      ]),
    ),
  ];
  if (preview.warnings.length > 0) {
    lines.push('', `Cảnh báo / warnings (${preview.warnings.length}):`);
    for (const warning of preview.warnings) lines.push(`  ⚠ ${typeof warning === 'string' ? warning : (warning as { message: string }).message}`);
  }
  return lines;
};
