import * as fc from 'fast-check';
import {
  addDays,
  dateDeadline,
  dueDateOf,
  eventDeadline,
  noDeadline,
  occurrencesOf,
  periodDeadline,
  recurringDeadline,
  type Deadline,
  type RecordedEvent,
  type TaskEvent,
} from '@chidao/domain';
import { isTaskEvent } from '@chidao/domain';
import type { World } from './read-models.test-support';
import { CONG_AN, KHCN, NOI_VU, TAI_CHINH, XAY_DUNG } from './read-models.test-support';

/*
 * Generated task histories for property tests: a task script is an assignment and a list of steps,
 * each on a business date a few days after the previous one — or before it, as when a clerk enters a
 * paper late. Played through the real command path, a step the rules refuse is simply not recorded,
 * so every history in the store is one the deciders accept.
 */

const BASE = '2026-01-05';
const LEADS = [KHCN, NOI_VU, TAI_CHINH, XAY_DUNG, CONG_AN] as const;

/** A step of a script: a command kind, a shift in days from the previous step's date, and its choices. */
export type Step = {
  readonly kind:
    | 'extend'
    | 'request'
    | 'reject'
    | 'progress'
    | 'complete'
    | 'confirm'
    | 'return'
    | 'remind'
    | 'reassign'
    | 'suspend'
    | 'resume'
    | 'withdraw'
    | 'schedule'
    | 'correct'
    | 'finish';
  readonly shift: number;
  /** Days added to the current due date by an extension, or the event's date from the assignment. */
  readonly days: number;
  /** An extension to a period instead of a date. */
  readonly toPeriod: boolean;
  /** For a recurring task's progress report: the occurrence it names, or none. */
  readonly occurrence: number | null;
  readonly agency: number;
  /** Where the step's date lands: shifted from the previous step, or on, just before or just after the current due date. */
  readonly anchor: 'shift' | 'due-1' | 'due' | 'due+1';
};

/** A task script. */
export type TaskScript = { readonly start: number; readonly lead: number; readonly deadline: (assignedOn: string) => Deadline; readonly steps: readonly Step[] };

const recurringArbitrary: fc.Arbitrary<(assignedOn: string) => Deadline> = fc
  .record({
    frequency: fc.constantFrom('weekly' as const, 'monthly' as const, 'quarterly' as const, 'yearly' as const),
    day: fc.option(fc.integer({ min: 1, max: 31 }), { nil: undefined }),
    month: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    weekday: fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }),
    startShift: fc.option(fc.integer({ min: -40, max: 40 }), { nil: undefined }),
    endShift: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
  })
  .map((rule) => (on: string) => {
    const startsOn = rule.startShift === undefined ? undefined : addDays(on, rule.startShift);
    return recurringDeadline({
      frequency: rule.frequency,
      ...(rule.day === undefined || rule.frequency === 'weekly' ? {} : { day: rule.day }),
      ...(rule.month === undefined || rule.frequency !== 'yearly' ? {} : { month: rule.month }),
      ...(rule.weekday === undefined || rule.frequency !== 'weekly' ? {} : { weekday: rule.weekday }),
      ...(startsOn === undefined ? {} : { startsOn }),
      ...(rule.endShift === undefined ? {} : { endsOn: addDays(startsOn ?? on, rule.endShift) }),
    });
  });

const deadlineArbitrary: fc.Arbitrary<(assignedOn: string) => Deadline> = fc.oneof(
  fc.tuple(fc.integer({ min: -5, max: 90 }), fc.constantFrom('before' as const, 'by' as const)).map(
    ([days, qualifier]) => (on: string) => dateDeadline(addDays(on, days), qualifier),
  ),
  fc.tuple(fc.constantFrom('month' as const, 'quarter' as const, 'half' as const), fc.integer({ min: 1, max: 4 })).map(
    ([unit, index]) => () => periodDeadline(unit, 2026, unit === 'half' ? Math.min(index, 2) : index),
  ),
  fc.constant(() => periodDeadline('year', 2026)),
  fc.constant(() => eventDeadline({ kind: 'meeting', description: 'phiên họp thứ 7', session: 7 })),
  fc.constant(() => noDeadline('continuous')),
  recurringArbitrary,
);

const stepArbitrary: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom(
    'extend',
    'extend',
    'request',
    'reject',
    'progress',
    'progress',
    'progress',
    'complete',
    'complete',
    'confirm',
    'confirm',
    'return',
    'remind',
    'reassign',
    'suspend',
    'resume',
    'withdraw',
    'schedule',
    'schedule',
    'correct',
    'finish',
    'finish',
  ),
  shift: fc.oneof(fc.integer({ min: 0, max: 25 }), fc.integer({ min: -12, max: 0 })),
  days: fc.integer({ min: 1, max: 60 }),
  toPeriod: fc.boolean(),
  occurrence: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }),
  agency: fc.integer({ min: 0, max: LEADS.length - 1 }),
  anchor: fc.constantFrom('shift' as const, 'shift' as const, 'shift' as const, 'due-1' as const, 'due' as const, 'due+1' as const),
});

const recurringStepArbitrary: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom('progress' as const, 'progress' as const, 'progress' as const, 'progress' as const, 'finish' as const, 'complete' as const, 'return' as const, 'suspend' as const, 'resume' as const),
  shift: fc.integer({ min: 0, max: 40 }),
  days: fc.integer({ min: 1, max: 60 }),
  toPeriod: fc.boolean(),
  occurrence: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null, freq: 2 }),
  agency: fc.integer({ min: 0, max: LEADS.length - 1 }),
  anchor: fc.constantFrom('shift' as const, 'due-1' as const, 'due' as const, 'due+1' as const),
});

/** A task script: assigned between January and June 2026, up to `maxSteps` steps; `recurring` for recurring deadlines and reports only. */
export const taskScriptArbitrary = (maxSteps = 12, recurring = false): fc.Arbitrary<TaskScript> =>
  fc.record({
    start: fc.integer({ min: 0, max: 150 }),
    lead: fc.integer({ min: 0, max: LEADS.length - 1 }),
    deadline: recurring ? recurringArbitrary : deadlineArbitrary,
    steps: fc.array(recurring ? recurringStepArbitrary : stepArbitrary, { maxLength: maxSteps }),
  });

/** Plays a script for task `taskId` (its directive registered already); the events recorded, in stream order. */
export const playScript = async (world: World, taskId: string, script: TaskScript): Promise<void> => {
  const assignedOn = addDays(BASE, script.start);
  const initial = script.deadline(assignedOn);
  await world.assignTask(taskId, assignedOn, { lead: LEADS[script.lead]!, deadline: initial });
  let current = initial;
  let day = assignedOn;
  for (const step of script.steps) {
    const occurrences = current.kind === 'recurring' ? occurrencesOf(current, assignedOn, addDays(assignedOn, 400)) : [];
    const currentDue = current.kind === 'recurring' ? occurrences[step.occurrence ?? step.days % 4]?.dueOn : dueDateOf(current);
    const shifted =
      step.anchor === 'shift' || currentDue === undefined ? addDays(day, step.shift) : addDays(currentDue, step.anchor === 'due' ? 0 : step.anchor === 'due-1' ? -1 : 1);
    day = shifted < assignedOn ? assignedOn : shifted;
    const due = currentDue ?? day;
    switch (step.kind) {
      case 'extend': {
        const to = step.toPeriod ? periodDeadline('month', Number(addDays(due, step.days).slice(0, 4)), Number(addDays(due, step.days).slice(5, 7))) : dateDeadline(addDays(due, step.days), 'by');
        const outcome = await world.task('ExtendTaskDeadline', taskId, day, { to, reason: 'Đề nghị của cơ quan chủ trì' });
        if (outcome._tag === 'Right') current = to;
        break;
      }
      case 'request':
        await world.task('RequestTaskExtension', taskId, day, { requestedDeadline: dateDeadline(addDays(due, step.days), 'by'), reason: 'Cần thêm thời gian' });
        break;
      case 'reject':
        await world.task('RejectTaskExtension', taskId, day, { reason: 'Không đủ căn cứ' });
        break;
      case 'progress': {
        const named = step.occurrence === null ? undefined : occurrences[step.occurrence]?.dueOn;
        await world.task('ReportTaskProgress', taskId, day, { summary: `Báo cáo ngày ${day}`, ...(named === undefined ? {} : { occurrenceDueOn: named }) });
        break;
      }
      case 'complete':
        await world.task('ReportTaskCompletion', taskId, day, { summary: 'Đã hoàn thành' });
        break;
      case 'confirm':
        await world.task('ConfirmTaskCompletion', taskId, day, {});
        break;
      case 'finish':
        await world.task('ReportTaskCompletion', taskId, day, { summary: 'Đã hoàn thành' });
        await world.task('ConfirmTaskCompletion', taskId, addDays(day, step.days % 5), {});
        break;
      case 'return':
        await world.task('ReturnTaskCompletion', taskId, day, { reason: 'Chưa đạt yêu cầu' });
        break;
      case 'remind':
        await world.task('IssueTaskReminder', taskId, day, { document: { symbol: '100/TB-UBND', issuedOn: day } });
        break;
      case 'reassign':
        await world.task('ReassignTask', taskId, day, { to: LEADS[step.agency]!, reason: 'Sắp xếp tổ chức bộ máy' });
        break;
      case 'suspend':
        await world.task('SuspendTask', taskId, day, { reason: 'Chờ chủ trương' });
        break;
      case 'resume':
        await world.task('ResumeTask', taskId, day, {});
        break;
      case 'withdraw':
        await world.task('WithdrawTask', taskId, day, { reason: 'Không còn phù hợp' });
        break;
      case 'schedule': {
        const outcome = await world.task('ScheduleTaskDeadlineEvent', taskId, day, { eventOn: addDays(assignedOn, step.days + 10) });
        if (outcome._tag === 'Right' && current.kind === 'event') current = { ...current, scheduledOn: addDays(assignedOn, step.days + 10) };
        break;
      }
      case 'correct':
        await world.task('CorrectTaskRecord', taskId, day, { corrections: { content: `Nội dung đính chính ${day}` }, reason: 'Nhập sai' });
        break;
    }
  }
};

/** The events of a task as the domain's time travel takes them. */
export const taskEventsOf = async (world: World, stream: string): Promise<RecordedEvent<TaskEvent>[]> =>
  (await world.store.readStream(stream)).filter((event) => isTaskEvent(event)) as unknown as RecordedEvent<TaskEvent>[];

/** Dates worth checking for a task: around every event date and due date, and some random ones. */
export const interestingDates = (events: readonly RecordedEvent<TaskEvent>[], extra: readonly number[]): string[] => {
  const dates = new Set<string>();
  const around = (date: string | undefined) => {
    if (date === undefined) return;
    for (const shift of [-1, 0, 1]) dates.add(addDays(date, shift));
  };
  const first = events[0]?.metadata.occurredOn;
  for (const event of events) {
    around(event.metadata.occurredOn);
    const data = event.data as { deadline?: Deadline; to?: Deadline; eventOn?: string };
    const deadlines = event.type === 'TaskAssigned' ? [data.deadline] : event.type === 'TaskDeadlineExtended' ? [data.to] : [];
    for (const deadline of deadlines) {
      if (deadline === undefined) continue;
      around(dueDateOf(deadline));
      if (deadline.kind === 'recurring' && first !== undefined) for (const o of occurrencesOf(deadline, first, addDays(first, 200)).slice(0, 6)) around(o.dueOn);
    }
    around(data.eventOn);
  }
  if (first !== undefined) for (const shift of extra) dates.add(addDays(first, shift));
  return [...dates].sort();
};
