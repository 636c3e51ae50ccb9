import { TaskCommandSchema } from './task.commands';
import { DirectiveCommandSchema } from '../directive/directive.commands';
import { KHCN } from '../../test/support/fixtures';

/*
 * Commands are parsed at the boundary (HTTP, CLI, import) with these schemas: good input is accepted
 * with defaults filled in; bad input is refused with each wrong field named, in Vietnamese and English
 * where chidao writes the message.
 */

const metadata = { commandId: 'c-1', actor: { userId: 'vp', role: 'secretariat' }, occurredOn: '2026-02-27' };
const issuesOf = (value: unknown) => {
  const parsed = TaskCommandSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('task command schemas', () => {
  it('accepts an AssignTask and fills in cooperating and priority', () => {
    const parsed = TaskCommandSchema.parse({
      type: 'AssignTask',
      data: { taskId: 't', directiveId: 'd', clause: '1.c', content: 'Rà soát', lead: KHCN, deadline: { kind: 'date', date: '2026-03-20', qualifier: 'before', text: 'trước ngày 20/3/2026' } },
      metadata,
    });
    expect(parsed.type === 'AssignTask' && [parsed.data.cooperating, parsed.data.priority]).toEqual([[], false]);
  });

  it('names an impossible date, an unknown field and a missing field', () => {
    const issues = issuesOf({
      type: 'ExtendTaskDeadline',
      data: { taskId: 't', to: { kind: 'date', date: '2026-02-30', qualifier: 'by', text: 'đến ngày 30/02/2026' }, colour: 'red' },
      metadata: { ...metadata, occurredOn: '27/02/2026' },
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^data\.to\.date: Ngày không hợp lệ.*not a calendar date/),
        expect.stringMatching(/^data: .*colour/),
        expect.stringMatching(/^metadata\.occurredOn: Ngày không hợp lệ/),
      ]),
    );
    expect(issuesOf({ type: 'ReportTaskProgress', data: { taskId: 't' }, metadata })).toEqual([expect.stringMatching(/^data\.summary: /)]);
  });

  it('refuses an agency officer without an agency, and an unknown role or command', () => {
    expect(issuesOf({ type: 'SuspendTask', data: { taskId: 't', reason: 'r' }, metadata: { ...metadata, actor: { userId: 'u', role: 'agency' } } })).toEqual([
      'metadata.actor.agencyId: Cán bộ cơ quan phải gắn với một cơ quan / an agency officer must carry an agencyId',
    ]);
    expect(issuesOf({ type: 'SuspendTask', data: { taskId: 't', reason: 'r' }, metadata: { ...metadata, actor: { userId: 'u', role: 'king' } } })).toHaveLength(1);
    expect(issuesOf({ type: 'TeleportTask', data: {}, metadata })).toHaveLength(1);
  });

  it('refuses a period deadline whose index does not fit its unit', () => {
    const period = (unit: string, index?: number) =>
      issuesOf({ type: 'RequestTaskExtension', data: { taskId: 't', reason: 'r', requestedDeadline: { kind: 'period', unit, year: 2026, text: 'x', ...(index === undefined ? {} : { index }) } }, metadata });
    expect(period('quarter', 5)).toEqual([expect.stringMatching(/^data\.requestedDeadline\.index: /)]);
    expect(period('year', 1)).toHaveLength(1);
    expect(period('month')).toHaveLength(1);
    expect(period('half', 2)).toEqual([]);
  });

  it('accepts every task command in its smallest valid form', () => {
    const smallest = [
      { type: 'RejectTaskExtension', data: { taskId: 't', reason: 'r' } },
      { type: 'ReportTaskCompletion', data: { taskId: 't', summary: 's' } },
      { type: 'ConfirmTaskCompletion', data: { taskId: 't' } },
      { type: 'ReturnTaskCompletion', data: { taskId: 't', reason: 'r' } },
      { type: 'IssueTaskReminder', data: { taskId: 't', document: { symbol: '100/TB-UBND', issuedOn: '2026-02-13' } } },
      { type: 'ReassignTask', data: { taskId: 't', to: KHCN, reason: 'r' } },
      { type: 'ResumeTask', data: { taskId: 't' } },
      { type: 'WithdrawTask', data: { taskId: 't', reason: 'r' } },
      { type: 'ScheduleTaskDeadlineEvent', data: { taskId: 't', eventOn: '2026-03-27' } },
      { type: 'CorrectTaskRecord', data: { taskId: 't', corrections: { priority: true }, reason: 'r' } },
    ];
    for (const command of smallest) expect(issuesOf({ ...command, metadata })).toEqual([]);
  });
});

describe('directive command schemas', () => {
  const register = {
    type: 'RegisterDirective',
    data: { directiveId: 'd', symbol: '03-TB/BCĐ', issuer: { name: 'Ban Chỉ đạo' }, subject: 'Kết luận', issuedOn: '2025-04-04' },
    metadata,
  };

  it('accepts a registration and defaults its references to none', () => {
    const parsed = DirectiveCommandSchema.parse(register);
    expect(parsed.type === 'RegisterDirective' && parsed.data.references).toEqual([]);
  });

  it('refuses a registration without subject, and a correction without reason', () => {
    expect(DirectiveCommandSchema.safeParse({ ...register, data: { ...register.data, subject: '  ' } }).success).toBe(false);
    expect(DirectiveCommandSchema.safeParse({ type: 'CorrectDirectiveRecord', data: { directiveId: 'd', changes: {} }, metadata }).success).toBe(false);
    expect(DirectiveCommandSchema.safeParse({ type: 'AmendDirective', data: { directiveId: 'd', changes: { subject: 'S' }, amendingDocument: { symbol: '1/TB-UBND' } }, metadata }).success).toBe(true);
  });
});
