import type { CommandMetadata, DirectiveCommand, TaskCommandInput } from '@chidao/domain';
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import type { CommandHandlerDependencies } from './command-handler';
import { executeDomainCommand, streamOfTask, type DomainCommandInput, type DomainCommandOptions } from './domain-commands';
import { createEventStore } from './event-store';
import { createInMemoryBackend } from './in-memory-backend';
import { createStreamStateCache } from './stream-state-cache';
import type { EventStore } from './types';

const DIRECTIVE = 'kh-ubnd-tb-2026-02-27';
const TASK = `${DIRECTIVE}/1.a`;
const LEAD = 'khanh-hoa.so-khcn';
const now = () => '2026-03-02T02:00:00.000Z';

const secretariat = (commandId: string, occurredOn = '2026-03-01'): CommandMetadata => ({
  commandId,
  actor: { userId: 'vp-ubnd.chuyenvien', role: 'secretariat' },
  occurredOn,
});
const officer = (commandId: string, occurredOn = '2026-03-01'): CommandMetadata => ({
  commandId,
  actor: { userId: `${LEAD}.can-bo`, role: 'agency', agencyId: LEAD },
  occurredOn,
});

const register: DirectiveCommand = {
  type: 'RegisterDirective',
  data: {
    directiveId: DIRECTIVE,
    symbol: '/TB-UBND',
    issuer: { name: 'Ủy ban nhân dân tỉnh Khánh Hòa' },
    meeting: { heldOn: '2026-02-27', session: 6 },
    subject: 'Kết luận phiên họp thứ 6',
    references: [],
  },
  metadata: secretariat('register', '2026-02-27'),
};

const assign = (taskId = TASK): TaskCommandInput => ({
  type: 'AssignTask',
  data: {
    taskId,
    directiveId: DIRECTIVE,
    clause: '1.a',
    content: 'Tham mưu UBND tỉnh ban hành kế hoạch chuyển đổi số',
    lead: LEAD,
    cooperating: [],
    priority: false,
    deadline: { kind: 'date', date: '2026-03-20', qualifier: 'before', text: 'trước ngày 20/3/2026' },
  },
  metadata: secretariat(`assign-${taskId}`, '2026-02-27'),
});

const progress = (commandId: string, metadata = secretariat(commandId)): TaskCommandInput => ({
  type: 'ReportTaskProgress',
  data: { taskId: TASK, summary: `Báo cáo ${commandId}` },
  metadata,
});

/** A store that counts its stream reads. */
const counting = (store: EventStore): { readonly store: EventStore; readonly reads: () => number } => {
  let reads = 0;
  return {
    store: {
      ...store,
      readStream: (...args) => {
        reads += 1;
        return store.readStream(...args);
      },
    },
    reads: () => reads,
  };
};

const setUp = async () => {
  const store = createEventStore(createInMemoryBackend());
  const seed: CommandHandlerDependencies = { store, now };
  for (const command of [register, assign()] as DomainCommandInput[]) await executeDomainCommand(seed, command);
  const mine = counting(store);
  const cache = createStreamStateCache(100);
  return { store, cache, reads: mine.reads, cached: { store: mine.store, now, cache } satisfies CommandHandlerDependencies };
};

describe('the stream state cache', () => {
  it('keeps the least recently used streams up to its capacity, per decider', () => {
    const cache = createStreamStateCache(2);
    const [one, other] = [{}, {}];
    cache.set('a', one, { revision: 0, state: 'A' });
    cache.set('b', one, { revision: 3, state: 'B' });
    expect(cache.get('a', one)).toEqual({ revision: 0, state: 'A' });
    cache.set('c', one, { revision: 1, state: 'C' });
    // "b" was used least recently: it went to make room.
    expect(cache.get('b', one)).toBeUndefined();
    expect(cache.get('a', other)).toBeUndefined();
    expect(cache.get('c', one)).toEqual({ revision: 1, state: 'C' });
    cache.delete('c', true);
    expect(cache.stats()).toEqual({ hits: 2, misses: 2, stale: 1, size: 1, capacity: 2 });
    expect(() => createStreamStateCache(0)).toThrow('the cache capacity must be a positive integer, not 0');
  });

  it('decides a command on a stream it used without reading the stream again', async () => {
    const { store, cached, reads, cache } = await setUp();
    const first = await executeDomainCommand(cached, progress('p-1'));
    const second = await executeDomainCommand(cached, progress('p-2'));
    const third = await executeDomainCommand(cached, progress('p-3'));
    expect([first, second, third].map((outcome) => E.isRight(outcome) && outcome.right.nextExpectedRevision)).toEqual([1, 2, 3]);
    expect(reads()).toBe(1);
    expect(cache.stats()).toMatchObject({ hits: 2, misses: 1, stale: 0 });
    expect((await store.readStream(streamOfTask(TASK))).map((event) => event.metadata.commandId)).toEqual([`assign-${TASK}`, 'p-1', 'p-2', 'p-3']);
  });

  it('appends after another process wrote the stream: the stale append is refused, the stream read again, nothing lost', async () => {
    const { store, cached, reads, cache } = await setUp();
    await executeDomainCommand(cached, progress('p-1'));
    // Another process (no shared cache) appends twice.
    await executeDomainCommand({ store, now }, progress('elsewhere-1'));
    await executeDomainCommand({ store, now }, progress('elsewhere-2'));
    const outcome = await executeDomainCommand(cached, progress('p-2'));
    expect(E.isRight(outcome) && [outcome.right.nextExpectedRevision, outcome.right.duplicate]).toEqual([4, false]);
    expect(reads()).toBe(2);
    expect(cache.stats()).toMatchObject({ stale: 1 });
    expect((await store.readStream(streamOfTask(TASK))).map((event) => event.metadata.commandId)).toEqual([
      `assign-${TASK}`,
      'p-1',
      'elsewhere-1',
      'elsewhere-2',
      'p-2',
    ]);
    // A conflict the cache caused is not one of the command's retries: with none allowed, it still succeeds.
    await executeDomainCommand({ store, now }, progress('elsewhere-3'));
    const noRetries = await executeDomainCommand({ ...cached, maxRetries: 0 }, progress('p-3'));
    expect(E.isRight(noRetries) && noRetries.right.nextExpectedRevision).toBe(6);
  });

  it('never answers a refusal, a conflict or "nothing to do" from a stale state', async () => {
    const { store, cached } = await setUp();
    const completion: TaskCommandInput = { type: 'ReportTaskCompletion', data: { taskId: TASK, summary: 'Đã trình kế hoạch' }, metadata: secretariat('done') };
    const confirm: TaskCommandInput = { type: 'ConfirmTaskCompletion', data: { taskId: TASK }, metadata: secretariat('confirm', '2026-03-02') };
    await executeDomainCommand(cached, progress('p-1'));
    // Elsewhere the completion is reported: on the cached (open) state, confirming would be refused.
    await executeDomainCommand({ store, now }, completion);
    const confirmed = await executeDomainCommand(cached, confirm);
    expect(E.isRight(confirmed) && confirmed.right.events.map((event) => event.type)).toEqual(['TaskCompletionConfirmed']);

    // Elsewhere the task passes to another agency: the officer of the old lead is refused on the stored state.
    const other = await setUp();
    await executeDomainCommand(other.cached, progress('p-1', officer('p-1')), { actingAgency: LEAD });
    await executeDomainCommand({ store: other.store, now }, { type: 'ReassignTask', data: { taskId: TASK, to: 'khanh-hoa.so-tai-chinh', reason: 'Chuyển' }, metadata: secretariat('move') });
    const refused = await executeDomainCommand(other.cached, progress('p-2', officer('p-2')), { actingAgency: LEAD });
    expect(E.isLeft(refused) && refused.left._tag).toBe('NotLeadAgency');
    // … and passes back to it: on the cached state the officer would be refused, on the stored one it is not.
    await executeDomainCommand({ store: other.store, now }, { type: 'ReassignTask', data: { taskId: TASK, to: LEAD, reason: 'Trả lại' }, metadata: secretariat('back') });
    const allowed = await executeDomainCommand(other.cached, progress('p-3', officer('p-3')), { actingAgency: LEAD });
    expect(E.isRight(allowed) && allowed.right.events.map((event) => event.type)).toEqual(['TaskProgressReported']);

    // An If-Match naming the revision the cache holds, after another process moved on: 409, not an append.
    const third = await setUp();
    const seen = await executeDomainCommand(third.cached, progress('p-1'));
    await executeDomainCommand({ store: third.store, now }, progress('elsewhere'));
    const revision = E.isRight(seen) ? seen.right.nextExpectedRevision : -9;
    await expect(executeDomainCommand(third.cached, progress('p-2'), { expectedRevision: revision })).rejects.toMatchObject({ expected: 1, actual: 2 });
  });

  /*
   * Two processes on one store — one with the cache, one without — against a single process reading
   * every stream on a store of its own: every command, in any interleaving, must be answered exactly
   * as the reference answers it, and both stores must end with the same events at the same positions.
   */
  it('answers every command as a process that reads every stream would, in any interleaving with another process', async () => {
    type Kind = 'progress' | 'officer' | 'completion' | 'confirm' | 'return' | 'remind' | 'extend' | 'suspend' | 'resume' | 'reassign' | 'back' | 'withdraw';
    type Step = { readonly cachedProcess: boolean; readonly kind: Kind; readonly repeat: number | null; readonly ifMatch: 'none' | 'current' | 'behind' };
    const kinds: readonly Kind[] = ['progress', 'officer', 'completion', 'confirm', 'return', 'remind', 'extend', 'suspend', 'resume', 'reassign', 'back', 'withdraw'];
    const step = fc.record({
      cachedProcess: fc.boolean(),
      kind: fc.constantFrom(...kinds),
      repeat: fc.option(fc.nat(30), { nil: null }),
      ifMatch: fc.constantFrom('none', 'none', 'current', 'behind'),
    });
    const commandOf = (kind: Kind, index: number): { readonly command: TaskCommandInput; readonly options: DomainCommandOptions } => {
      const id = `c-${index}`;
      const day = `2026-03-${String(1 + (index % 28)).padStart(2, '0')}`;
      const data = { taskId: TASK };
      switch (kind) {
        case 'progress':
          return { command: progress(id, secretariat(id, day)), options: {} };
        case 'officer':
          return { command: progress(id, officer(id, day)), options: { actingAgency: LEAD } };
        case 'completion':
          return { command: { type: 'ReportTaskCompletion', data: { ...data, summary: 'Xong' }, metadata: officer(id, day) }, options: { actingAgency: LEAD } };
        case 'confirm':
          return { command: { type: 'ConfirmTaskCompletion', data, metadata: secretariat(id, day) }, options: {} };
        case 'return':
          return { command: { type: 'ReturnTaskCompletion', data: { ...data, reason: 'Chưa đạt' }, metadata: secretariat(id, day) }, options: {} };
        case 'remind':
          return { command: { type: 'IssueTaskReminder', data, metadata: secretariat(id, day) }, options: {} };
        case 'extend': {
          const to = { kind: 'date', date: `2026-${String(4 + (index % 8)).padStart(2, '0')}-15`, qualifier: 'by', text: 'gia hạn' } as const;
          return { command: { type: 'ExtendTaskDeadline', data: { ...data, to }, metadata: secretariat(id, day) }, options: {} };
        }
        case 'suspend':
          return { command: { type: 'SuspendTask', data: { ...data, reason: 'Tạm dừng' }, metadata: secretariat(id, day) }, options: {} };
        case 'resume':
          return { command: { type: 'ResumeTask', data, metadata: secretariat(id, day) }, options: {} };
        case 'reassign':
          return { command: { type: 'ReassignTask', data: { ...data, to: 'khanh-hoa.so-tai-chinh', reason: 'Chuyển' }, metadata: secretariat(id, day) }, options: {} };
        case 'back':
          return { command: { type: 'ReassignTask', data: { ...data, to: LEAD, reason: 'Trả lại' }, metadata: secretariat(id, day) }, options: {} };
        case 'withdraw':
          return { command: { type: 'WithdrawTask', data: { ...data, reason: 'Thôi' }, metadata: secretariat(id, day) }, options: {} };
      }
    };
    const answer = async (run: () => Promise<unknown>): Promise<unknown> => {
      try {
        const outcome = (await run()) as E.Either<unknown, { events: readonly { type: string; revision: number; position: string }[]; nextExpectedRevision: number; duplicate: boolean }>;
        return E.isLeft(outcome)
          ? { refused: outcome.left }
          : {
              events: outcome.right.events.map((event) => [event.type, event.revision, event.position]),
              next: outcome.right.nextExpectedRevision,
              duplicate: outcome.right.duplicate,
            };
      } catch (error) {
        return { thrown: (error as Error).name, message: (error as Error).message };
      }
    };

    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps: Step[]) => {
        const shared = await setUp();
        const reference = await setUp();
        const plain: CommandHandlerDependencies = { store: shared.store, now };
        const referenceDependencies: CommandHandlerDependencies = { store: reference.store, now };
        const sent: { command: TaskCommandInput; options: DomainCommandOptions }[] = [];
        for (const [index, { cachedProcess, kind, repeat, ifMatch }] of steps.entries()) {
          const again = repeat === null ? undefined : sent[repeat % Math.max(1, sent.length)];
          const { command, options } = again ?? commandOf(kind, index);
          sent.push({ command, options });
          const revision = (await reference.store.readStream(streamOfTask(TASK))).length - 1;
          const withIfMatch = ifMatch === 'none' ? options : { ...options, expectedRevision: ifMatch === 'current' ? revision : revision - 1 };
          const expected = await answer(() => executeDomainCommand(referenceDependencies, command, withIfMatch));
          const actual = await answer(() => executeDomainCommand(cachedProcess ? shared.cached : plain, command, withIfMatch));
          expect(actual).toEqual(expected);
        }
        const eventsOf = async (store: EventStore) => (await store.readStream(streamOfTask(TASK))).map((event) => [event.type, event.revision, event.position, event.metadata.hash]);
        expect(await eventsOf(shared.store)).toEqual(await eventsOf(reference.store));
      }),
      { numRuns: 150 },
    );
  });
});
