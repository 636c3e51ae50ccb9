import {
  AssignTaskSchema,
  RegisterDirectiveSchema,
  TaskCommandSchema,
  directiveDecider,
  fold,
  taskDecider,
  type Actor,
  type DirectiveEvent,
  type TaskEvent,
} from '@chidao/domain';
import * as E from 'fp-ts/Either';
import { goldenCases } from '../test/support/golden';
import { aNotice, noticeText } from '../test/support/notices';
import { directiveIdOf } from './directive-id';
import { isNoticeNotImportable, toImportCommands, type ImportCommands } from './import-commands';
import { parseNotice } from './parse-notice';

const clerk: Actor = { userId: 'vp-ubnd.van-thu', role: 'secretariat' };

const importOf = (text: string, options: Partial<Parameters<typeof toImportCommands>[1]> = {}): ImportCommands => {
  const result = toImportCommands(parseNotice(text), { actor: clerk, ...options });
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
  return result.right;
};

/** Runs every command of an import through the domain's deciders, in order; returns the events or the first refusal. */
const replay = (imported: ImportCommands): { directive: readonly DirectiveEvent[]; tasks: ReadonlyMap<string, readonly TaskEvent[]> } => {
  const registered = directiveDecider.decide(imported.registerDirective, directiveDecider.initialState());
  if (E.isLeft(registered)) throw new Error(`RegisterDirective refused: ${JSON.stringify(registered.left)}`);
  const directiveState = fold(directiveDecider, registered.right);
  const tasks = new Map<string, readonly TaskEvent[]>();
  for (const task of imported.tasks) {
    const events: TaskEvent[] = [];
    for (const command of [{ ...task.assign, directive: directiveState }, ...task.extensions, ...task.reminders]) {
      const decided = taskDecider.decide(command, fold(taskDecider, events));
      if (E.isLeft(decided)) throw new Error(`${command.type} of ${task.clause} refused: ${JSON.stringify(decided.left)}`);
      events.push(...decided.right);
    }
    tasks.set(task.clause, events);
  }
  return { directive: registered.right, tasks };
};

describe('directiveIdOf', () => {
  it('derives the id of a draft from its issuer and meeting date', () => {
    expect(directiveIdOf(parseNotice(noticeText('khanh-hoa-tb-ubnd-2026-02-27-phien-6')).directive)).toEqual(E.right('kh-ubnd-tb-2026-02-27'));
  });

  it('derives the id of a numbered notice from its issuer, number and year', () => {
    expect(directiveIdOf(parseNotice(noticeText('khanh-hoa-03-TB-BCD-2025-04-04')).directive)).toEqual(E.right('kh-bcd-khcn-dmst-cds-tb-3-2025'));
    expect(directiveIdOf(parseNotice(noticeText('fixture-45-KL-TU-2026-03-10-party')).directive)).toEqual(E.right('kh-tinh-uy-kl-45-2026'));
  });

  it('uses the symbol’s issuer code when the issuer is not in the catalogue', () => {
    const text = aNotice('1. Sở Tài chính rà soát kinh phí.').replace('ỦY BAN NHÂN DÂN\nTỈNH KHÁNH HÒA', 'SỞ DU LỊCH\nTỈNH GIA LAI').replace('50/TB-UBND', '7/TB-SDL');
    expect(directiveIdOf(parseNotice(text).directive)).toEqual(E.right('sdl-tb-7-2026'));
  });

  it('is Left without a symbol, or without any date for a draft', () => {
    expect(E.isLeft(directiveIdOf(parseNotice('Không phải một thông báo.').directive))).toBe(true);
    const undated = aNotice('1. Sở Tài chính rà soát.', { symbol: '/TB-UBND', date: 'Khánh Hòa, ngày tháng năm' }).replace('Ngày 27/02/2026, ', '');
    expect(E.isLeft(directiveIdOf(parseNotice(undated).directive))).toBe(true);
  });
});

describe('toImportCommands', () => {
  it('returns commands every domain schema parses, for every golden notice', () => {
    for (const name of [
      'khanh-hoa-tb-ubnd-2026-02-27-phien-6',
      'khanh-hoa-03-TB-BCD-2025-04-04',
      'fixture-45-KL-TU-2026-03-10-party',
      'fixture-125-TB-UBND-2026-03-16-headings',
      'fixture-du-thao-TB-UBND-2026-05-extensions',
      'fixture-88-TB-VPUB-2026-04-02-lettered',
      'fixture-210-TB-UBND-2025-12-22-sections',
    ]) {
      const imported = importOf(noticeText(name));
      expect(RegisterDirectiveSchema.safeParse(imported.registerDirective).success).toBe(true);
      for (const task of imported.tasks) {
        expect(AssignTaskSchema.safeParse(task.assign).success).toBe(true);
        for (const command of [...task.extensions, ...task.reminders]) expect(TaskCommandSchema.safeParse(command).success).toBe(true);
      }
    }
  });

  it('returns commands the domain’s deciders accept, in order, for every golden notice', () => {
    for (const { name, text } of goldenCases()) {
      const { directive, tasks } = replay(importOf(text));
      expect([name, tasks.size]).toEqual([name, importOf(text).tasks.length]);
      expect(directive.map((event) => event.type)).toEqual(['DirectiveRegistered']);
      for (const events of tasks.values()) expect(events[0]?.type).toBe('TaskAssigned');
    }
  });

  it('registers the notice of 27/02/2026 and assigns its twelve tasks with derived ids', () => {
    const imported = importOf(noticeText('khanh-hoa-tb-ubnd-2026-02-27-phien-6'));
    expect(imported.directiveId).toBe('kh-ubnd-tb-2026-02-27');
    expect(imported.registerDirective.data).toMatchObject({
      symbol: '/TB-UBND',
      issuer: { name: 'Ủy ban nhân dân tỉnh Khánh Hòa', agencyId: 'khanh-hoa.ubnd' },
      meeting: { heldOn: '2026-02-27', session: 6 },
      presidedBy: { name: 'Nguyễn Thanh Hà', title: 'Phó Chủ tịch UBND tỉnh' },
    });
    expect(imported.registerDirective.metadata).toMatchObject({ commandId: 'kh-ubnd-tb-2026-02-27/register', occurredOn: '2026-02-27' });
    expect(imported.tasks.map((task) => task.taskId)).toHaveLength(12);
    expect(imported.tasks[0]).toMatchObject({ taskId: 'kh-ubnd-tb-2026-02-27/1.a', assign: { metadata: { commandId: 'kh-ubnd-tb-2026-02-27/1.a/assign' } } });
    expect(imported.skipped).toEqual([]);
    const reminder = imported.tasks.find((task) => task.clause === '1.b')?.reminders[0];
    expect(reminder?.data).toEqual({
      taskId: 'kh-ubnd-tb-2026-02-27/1.b',
      document: { symbol: '100/TB-UBND', issuedOn: '2026-02-13' },
      note: 'nhắc việc đã giao tại Thông báo số 100/TB-UBND ngày 13/02/2026',
    });
  });

  it('assigns a task extended "lần 2" with that deadline and notes why, when the notice gives no earlier one', () => {
    const task = importOf(noticeText('khanh-hoa-tb-ubnd-2026-02-27-phien-6')).tasks.find((t) => t.clause === '1.b.2');
    expect(task?.assign.data.deadline).toMatchObject({ kind: 'date', date: '2026-03-30' });
    expect(task?.extensions).toEqual([]);
    expect(task?.notes.join('\n')).toMatch(/lần 2 đến 30\/03\/2026/);
  });

  it('assigns with the first stated deadline and extends to the later ones, with the granting document', () => {
    const imported = importOf(noticeText('fixture-du-thao-TB-UBND-2026-05-extensions'));
    const task = imported.tasks.find((t) => t.clause === '1.a');
    expect(task?.assign.data.deadline).toMatchObject({ kind: 'date', date: '2026-04-30', qualifier: 'before' });
    expect(task?.extensions.map((command) => command.data)).toEqual([
      { taskId: `${imported.directiveId}/1.a`, to: { kind: 'date', date: '2026-05-15', qualifier: 'by', text: 'gia hạn lần 2 đến ngày 15/5/2026' }, number: 2 },
    ]);
    const events = replay(imported).tasks.get('1.a') ?? [];
    expect(events.map((event) => event.type)).toEqual(['TaskAssigned', 'TaskDeadlineExtended']);
  });

  it('extends from the original deadline when the text states it before the extension', () => {
    const text = aNotice(
      '1. Sở Tài chính hoàn thành Đề án quỹ hỗ trợ khởi nghiệp trước ngày 31/3/2026; nay gia hạn lần 1 đến ngày 30/4/2026 theo đề nghị của Sở.',
    );
    const [task] = importOf(text).tasks;
    expect(task?.assign.data.deadline).toMatchObject({ date: '2026-03-31', qualifier: 'before' });
    expect(task?.extensions.map((command) => [command.data.number, command.data.to])).toEqual([
      [1, { kind: 'date', date: '2026-04-30', qualifier: 'by', text: 'gia hạn lần 1 đến ngày 30/4/2026' }],
    ]);
    expect(task?.extensions[0]?.data.approvingDocument).toEqual({ symbol: '50/TB-UBND', issuedOn: '2026-03-02', issuer: 'Ủy ban nhân dân tỉnh Khánh Hòa' });
    if (task !== undefined) expect(replay(importOf(text)).tasks.get(task.clause)?.map((event) => event.type)).toEqual(['TaskAssigned', 'TaskDeadlineExtended']);
  });

  it('leaves out and lists the tasks without a resolved lead', () => {
    const imported = importOf(noticeText('fixture-125-TB-UBND-2026-03-16-headings'));
    expect(imported.skipped).toEqual([
      { clause: '4', reason: 'Chưa xác định được cơ quan chủ trì "Sở Y tế" / the lead "Sở Y tế" is not resolved' },
      { clause: '5', reason: 'Không có cơ quan chủ trì / no lead agency' },
    ]);
    expect(imported.tasks.map((task) => task.clause)).not.toContain('4');
  });

  it('is idempotent: the same text gives the same commands, ids included', () => {
    const text = noticeText('khanh-hoa-03-TB-BCD-2025-04-04');
    expect(importOf(text)).toEqual(importOf(text));
    expect(importOf(text, { commandIdPrefix: 'kh:' }).registerDirective.metadata.commandId).toBe('kh:kh-bcd-khcn-dmst-cds-tb-3-2025/register');
  });

  it('takes the business date from the options when given', () => {
    expect(importOf(noticeText('khanh-hoa-03-TB-BCD-2025-04-04'), { occurredOn: '2025-04-07' }).tasks[0]?.assign.metadata.occurredOn).toBe('2025-04-07');
  });

  it('is Left(NoticeNotImportable) naming what is missing', () => {
    const result = toImportCommands(parseNotice('Văn bản không có số, không có ngày.'), { actor: clerk });
    expect(E.isLeft(result)).toBe(true);
    if (E.isLeft(result)) {
      expect(isNoticeNotImportable(result.left)).toBe(true);
      expect(result.left.problems.map((problem) => problem.field)).toEqual(['directiveId', 'occurredOn', 'subject', 'issuer']);
    }
    expect(isNoticeNotImportable({ _tag: 'Other' })).toBe(false);
  });

  it('notes co-operating bodies it could not resolve instead of guessing them', () => {
    const [task] = importOf(aNotice('1. Sở Tài chính chủ trì, phối hợp với Sở Y tế, Sở Xây dựng rà soát kinh phí; hoàn thành trước ngày 30/4/2026.')).tasks;
    expect(task?.assign.data.cooperating).toEqual(['khanh-hoa.so-xay-dung']);
    expect(task?.notes).toEqual(['Cơ quan phối hợp "Sở Y tế" chưa xác định, không đưa vào lệnh / co-operating body "Sở Y tế" is not resolved and left out']);
  });
});
