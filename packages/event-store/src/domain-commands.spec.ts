import type { CommandMetadata, DirectiveCommand, TaskCommandInput } from '@chidao/domain';
import * as E from 'fp-ts/Either';
import {
  directiveIdOfTask,
  executeDomainCommand,
  loadDirective,
  loadDirectiveHistory,
  streamOfCommand,
  streamOfTask,
} from './domain-commands';
import { isInvalidAppend } from './errors';
import { createEventStore } from './event-store';
import { createInMemoryBackend } from './in-memory-backend';
import { createStreamStateCache } from './stream-state-cache';

const metadata = (commandId: string, occurredOn = '2026-02-27'): CommandMetadata => ({
  commandId,
  actor: { userId: 'vp-ubnd.chuyenvien', role: 'secretariat' },
  occurredOn,
});

const register: DirectiveCommand = {
  type: 'RegisterDirective',
  data: {
    directiveId: 'kh-ubnd-tb-2026-02-27',
    symbol: '/TB-UBND',
    issuer: { name: 'Ủy ban nhân dân tỉnh Khánh Hòa' },
    meeting: { heldOn: '2026-02-27', session: 6 },
    subject: 'Kết luận phiên họp thứ 6',
    references: [],
  },
  metadata: metadata('register'),
};

const assign = (taskId: string, directiveId = 'kh-ubnd-tb-2026-02-27'): TaskCommandInput => ({
  type: 'AssignTask',
  data: {
    taskId,
    directiveId,
    clause: '1.c',
    content: 'Rà soát đánh giá kết quả hợp tác với các doanh nghiệp về chuyển đổi số',
    lead: 'khanh-hoa.so-khcn',
    cooperating: [],
    priority: false,
    deadline: { kind: 'date', date: '2026-03-20', qualifier: 'before', text: 'trước ngày 20/3/2026' },
  },
  metadata: metadata(`assign-${taskId}`),
});

// Every case runs twice: reading each stream for each command, and with the state cache of one process.
describe.each([
  ['reading every stream', false],
  ['with a stream state cache', true],
] as const)('domain commands, %s', (_label, cached) => {
  const setUp = () => {
    const store = createEventStore(createInMemoryBackend());
    return { store, dependencies: { store, now: () => '2026-03-02T02:00:00.000Z', ...(cached ? { cache: createStreamStateCache(100) } : {}) } };
  };

  it('routes a task id to its directive and stream', () => {
    expect(directiveIdOfTask('kh-ubnd-tb-2026-02-27/1.a')).toBe('kh-ubnd-tb-2026-02-27');
    expect(streamOfTask('kh-ubnd-tb-2026-02-27/1.a')).toBe('task-kh-ubnd-tb-2026-02-27/1.a');
    expect(streamOfCommand(register)).toBe('directive-kh-ubnd-tb-2026-02-27');
    for (const bad of ['1.a', '/1.a', 'kh/']) expect(directiveIdOfTask(bad)).toBeNull();
  });

  it('registers a directive, then assigns a task with the directive state loaded', async () => {
    const { store, dependencies } = setUp();
    expect(E.isRight(await executeDomainCommand(dependencies, register))).toBe(true);
    expect((await loadDirective(store, 'kh-ubnd-tb-2026-02-27')).status).toBe('registered');
    const outcome = await executeDomainCommand(dependencies, assign('kh-ubnd-tb-2026-02-27/1.c'));
    expect(E.isRight(outcome) && outcome.right.events.map((event) => [event.type, event.stream])).toEqual([
      ['TaskAssigned', 'task-kh-ubnd-tb-2026-02-27/1.c'],
    ]);
    const history = await loadDirectiveHistory(store, 'kh-ubnd-tb-2026-02-27');
    expect(history.directive.map((event) => event.type)).toEqual(['DirectiveRegistered']);
    expect([...history.tasks.keys()]).toEqual(['kh-ubnd-tb-2026-02-27/1.c']);
  });

  it('refuses a task of a directive that is not registered, appending nothing', async () => {
    const { store, dependencies } = setUp();
    const outcome = await executeDomainCommand(dependencies, assign('kh-ubnd-tb-2026-02-27/1.c'));
    expect(outcome).toEqual(E.left({ _tag: 'DirectiveNotFound', directiveId: 'kh-ubnd-tb-2026-02-27' }));
    expect(await store.readDirective('kh-ubnd-tb-2026-02-27')).toEqual([]);
  });

  it('refuses a task id outside the directive with a clear error', async () => {
    const { dependencies } = setUp();
    await executeDomainCommand(dependencies, register);
    for (const taskId of ['1.c', 'other-directive/1.c']) {
      const error = await executeDomainCommand(dependencies, assign(taskId)).catch((caught: unknown) => caught);
      expect(isInvalidAppend(error)).toBe(true);
      expect((error as Error).message).toContain(`mã nhiệm vụ "${taskId}" không hợp lệ`);
      expect((error as Error).message).toContain('invalid task id');
    }
  });

  it('runs a later task command on the task stream and is idempotent by command id', async () => {
    const { store, dependencies } = setUp();
    await executeDomainCommand(dependencies, register);
    await executeDomainCommand(dependencies, assign('kh-ubnd-tb-2026-02-27/1.c'));
    const remind: TaskCommandInput = {
      type: 'IssueTaskReminder',
      data: { taskId: 'kh-ubnd-tb-2026-02-27/1.c', note: 'Nhắc việc' },
      metadata: metadata('remind-1', '2026-03-10'),
    };
    await executeDomainCommand(dependencies, remind);
    const again = await executeDomainCommand(dependencies, remind);
    expect(E.isRight(again) && again.right.duplicate).toBe(true);
    expect((await store.readStream('task-kh-ubnd-tb-2026-02-27/1.c')).map((event) => event.type)).toEqual(['TaskAssigned', 'TaskReminderIssued']);
  });

  it('answers a repeated command with its first result even when deciding again would refuse it', async () => {
    const { store, dependencies } = setUp();
    await executeDomainCommand(dependencies, register);
    const first = await executeDomainCommand(dependencies, assign('kh-ubnd-tb-2026-02-27/1.c'));
    // Assigning the same task again is refused (TaskAlreadyAssigned); the same command id is not a new request.
    const again = await executeDomainCommand(dependencies, assign('kh-ubnd-tb-2026-02-27/1.c'));
    expect(E.isRight(first) && E.isRight(again)).toBe(true);
    if (E.isRight(first) && E.isRight(again)) {
      expect(again.right).toMatchObject({ duplicate: true, position: first.right.position, nextExpectedRevision: 0 });
      expect(again.right.events.map((event) => event.position)).toEqual(first.right.events.map((event) => event.position));
    }
    // With an If-Match that no longer holds, still the first result, not a conflict.
    const withRevision = await executeDomainCommand(dependencies, assign('kh-ubnd-tb-2026-02-27/1.c'), { expectedRevision: -1 });
    expect(E.isRight(withRevision) && withRevision.right.duplicate).toBe(true);
    const fresh = await executeDomainCommand(dependencies, { ...assign('kh-ubnd-tb-2026-02-27/1.c'), metadata: metadata('another-command') });
    expect(E.isLeft(fresh) && fresh.left._tag).toBe('TaskAlreadyAssigned');
    expect(await store.readStream('task-kh-ubnd-tb-2026-02-27/1.c')).toHaveLength(1);
  });

  it('answers a command id recorded on another stream with the first result, appending nothing', async () => {
    const { store, dependencies } = setUp();
    await executeDomainCommand(dependencies, register);
    await executeDomainCommand(dependencies, assign('kh-ubnd-tb-2026-02-27/1.c'));
    const reused = { ...assign('kh-ubnd-tb-2026-02-27/1.d'), metadata: metadata('assign-kh-ubnd-tb-2026-02-27/1.c') };
    const outcome = await executeDomainCommand(dependencies, reused);
    expect(E.isRight(outcome) && outcome.right.duplicate).toBe(true);
    expect(E.isRight(outcome) && outcome.right.events.map((event) => [event.stream, event.type])).toEqual([['task-kh-ubnd-tb-2026-02-27/1.c', 'TaskAssigned']]);
    expect(await store.readStream('task-kh-ubnd-tb-2026-02-27/1.d')).toEqual([]);
  });

  it('refuses an acting agency on a task it does not lead before any rule about the task, and answers its own repeated command', async () => {
    const { store, dependencies } = setUp();
    const taskId = 'kh-ubnd-tb-2026-02-27/1.c';
    const officer = (agencyId: string, commandId: string, type: 'ReportTaskProgress' | 'ReportTaskCompletion' = 'ReportTaskProgress'): TaskCommandInput =>
      ({
        type,
        data: { taskId, summary: 'Đã rà soát xong 12 thỏa thuận hợp tác' },
        metadata: { commandId, actor: { userId: `${agencyId}.can-bo`, role: 'agency', agencyId }, occurredOn: '2026-03-05' },
      }) as TaskCommandInput;
    await executeDomainCommand(dependencies, register);
    const unknown = await executeDomainCommand(dependencies, officer('khanh-hoa.so-khcn', 'report-unknown'), { actingAgency: 'khanh-hoa.so-khcn' });
    expect(unknown).toEqual(E.left({ _tag: 'TaskNotFound', taskId }));
    await executeDomainCommand(dependencies, assign(taskId));
    const first = await executeDomainCommand(dependencies, officer('khanh-hoa.so-khcn', 'report-1'), { actingAgency: 'khanh-hoa.so-khcn' });
    expect(E.isRight(first) && first.right.duplicate).toBe(false);
    await executeDomainCommand(dependencies, {
      type: 'WithdrawTask',
      data: { taskId, reason: 'Không còn phù hợp' },
      metadata: metadata('withdraw', '2026-03-06'),
    });
    // The decider would say TaskAlreadyWithdrawn; another agency learns only that it does not lead the task.
    const other = await executeDomainCommand(dependencies, officer('khanh-hoa.so-tai-chinh', 'report-2'), { actingAgency: 'khanh-hoa.so-tai-chinh', expectedRevision: 0 });
    expect(other).toEqual(E.left({ _tag: 'NotLeadAgency', taskId, leadAgencyId: 'khanh-hoa.so-khcn', actorAgencyId: 'khanh-hoa.so-tai-chinh' }));
    // The lead agency sees the rule, and its first report, sent again, answers as it did then.
    const late = await executeDomainCommand(dependencies, officer('khanh-hoa.so-khcn', 'report-3'), { actingAgency: 'khanh-hoa.so-khcn' });
    expect(E.isLeft(late) && late.left._tag).toBe('TaskAlreadyWithdrawn');
    const again = await executeDomainCommand(dependencies, officer('khanh-hoa.so-tai-chinh', 'report-1'), { actingAgency: 'khanh-hoa.so-tai-chinh' });
    expect(E.isRight(again) && E.isRight(first) && again.right.position === first.right.position && again.right.duplicate).toBe(true);
    expect((await store.readStream(streamOfTask(taskId))).map((event) => event.type)).toEqual(['TaskAssigned', 'TaskProgressReported', 'TaskWithdrawn']);
  });
});
