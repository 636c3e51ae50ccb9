import * as fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { dateDeadline, dueDateOf, eventDeadline, noDeadline, periodDeadline, recurringDeadline } from '../deadline';
import type { Deadline } from '../deadline/deadline.schema';
import { addDays } from '../shared/local-date';
import type { Actor } from '../shared/metadata';
import { aSecretariat, anAuditor, anOfficerOf, assignTask, CONG_AN, KHCN, on, TAI_CHINH, taskCommand } from '../../test/support/fixtures';
import type { TaskCommand } from './task.commands';
import { taskDecider } from './task.decider';
import type { TaskEvent } from './task.events';
import { TaskEventSchema } from './task.events';
import { isAssigned, type TaskState } from './task.state';
import { statusOf, TASK_STATUS_CODES } from './task.status';

/*
 * Invariants that must hold for every sequence of commands (STYLE.md, rule 6), checked on random
 * sequences of all fifteen task commands by random actors on random dates.
 */

const START = '2026-02-20';
const date = fc.integer({ min: 0, max: 400 }).map((days) => addDays(START, days));
const actor: fc.Arbitrary<Actor> = fc.constantFrom(aSecretariat, anOfficerOf(KHCN), anOfficerOf(TAI_CHINH), anAuditor);
const deadline: fc.Arbitrary<Deadline> = fc.oneof(
  fc.tuple(date, fc.constantFrom('before' as const, 'by' as const)).map(([d, q]) => dateDeadline(d, q)),
  fc.tuple(fc.constantFrom('month' as const, 'quarter' as const, 'half' as const), fc.integer({ min: 1, max: 2 })).map(([unit, i]) => periodDeadline(unit, 2026, i)),
  fc.constant(periodDeadline('year', 2026)),
  fc.constant(eventDeadline({ kind: 'meeting', description: 'phiên họp thứ 7', session: 7 })),
  fc.constant(recurringDeadline({ frequency: 'monthly', day: 25 })),
  fc.constant(noDeadline('continuous')),
);

const command: fc.Arbitrary<TaskCommand> = fc.oneof(
  deadline.map((d) => assignTask({ deadline: d })),
  fc.tuple(deadline, fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }), date, actor).map(([to, number, d, a]) =>
    taskCommand('ExtendTaskDeadline', number === undefined ? { to } : { to, number }, on(d, a)),
  ),
  fc.tuple(deadline, date, actor).map(([requestedDeadline, d, a]) => taskCommand('RequestTaskExtension', { requestedDeadline, reason: 'r' }, on(d, a))),
  fc.tuple(date, actor).map(([d, a]) => taskCommand('RejectTaskExtension', { reason: 'r' }, on(d, a))),
  fc.tuple(date, actor).map(([d, a]) => taskCommand('ReportTaskProgress', { summary: 's' }, on(d, a))),
  fc.tuple(date, actor).map(([d, a]) => taskCommand('ReportTaskCompletion', { summary: 's' }, on(d, a))),
  fc.tuple(date, actor).map(([d, a]) => taskCommand('ConfirmTaskCompletion', {}, on(d, a))),
  fc.tuple(date, actor).map(([d, a]) => taskCommand('ReturnTaskCompletion', { reason: 'r' }, on(d, a))),
  fc.tuple(date, actor).map(([d, a]) => taskCommand('IssueTaskReminder', {}, on(d, a))),
  fc.tuple(fc.constantFrom(KHCN, TAI_CHINH, CONG_AN), date, actor).map(([to, d, a]) => taskCommand('ReassignTask', { to, reason: 'r' }, on(d, a))),
  fc.tuple(date, actor).map(([d, a]) => taskCommand('SuspendTask', { reason: 'r' }, on(d, a))),
  fc.tuple(date, actor).map(([d, a]) => taskCommand('ResumeTask', {}, on(d, a))),
  fc.tuple(date, actor).map(([d, a]) => taskCommand('WithdrawTask', { reason: 'r' }, on(d, a))),
  fc.tuple(date, date, actor).map(([eventOn, d, a]) => taskCommand('ScheduleTaskDeadlineEvent', { eventOn }, on(d, a))),
  fc.tuple(fc.boolean(), date, actor).map(([priority, d, a]) => taskCommand('CorrectTaskRecord', { corrections: { priority }, reason: 'r' }, on(d, a))),
);

/** Runs commands through decide and evolve, keeping every accepted event and every intermediate state. */
const run = (commands: readonly TaskCommand[]): { events: TaskEvent[]; states: TaskState[] } => {
  const events: TaskEvent[] = [];
  const states: TaskState[] = [taskDecider.initialState()];
  for (const c of commands) {
    const state = states.at(-1)!;
    const decision = taskDecider.decide(c, state);
    if (E.isRight(decision)) {
      let next = state;
      for (const event of decision.right) {
        events.push(event);
        next = taskDecider.evolve(next, event);
      }
      states.push(next);
    }
  }
  return { events, states };
};

const sequences = fc.array(command, { minLength: 1, maxLength: 40 }).map((rest) => [assignTask(), ...rest]);

describe('task invariants for any sequence of commands', () => {
  it('evolve never throws, and every decided event is valid against its schema', () => {
    fc.assert(
      fc.property(sequences, (commands) => {
        const { events } = run(commands);
        for (const event of events) expect(TaskEventSchema.safeParse(event).success).toBe(true);
      }),
    );
  });

  it('evolve never throws on any sequence of valid events, decided or not', () => {
    const events = fc.array(fc.constantFrom(...run(fc.sample(sequences, { numRuns: 30, seed: 7 }).flat()).events), { maxLength: 30 });
    fc.assert(fc.property(events, (some) => void some.reduce(taskDecider.evolve, taskDecider.initialState())));
  });

  it('extension numbers strictly increase', () => {
    fc.assert(
      fc.property(sequences, (commands) => {
        const last = run(commands).states.at(-1)!;
        const numbers = isAssigned(last) ? last.task.extensions.map((e) => e.number) : [];
        numbers.forEach((n, i) => i > 0 && expect(n).toBeGreaterThan(numbers[i - 1]!));
      }),
    );
  });

  it('the current deadline never moves earlier', () => {
    fc.assert(
      fc.property(sequences, (commands) => {
        const dues = run(commands).states.filter(isAssigned).map((s) => dueDateOf(s.task.deadline));
        dues.forEach((due, i) => {
          const before = dues[i - 1];
          if (i > 0 && due !== undefined && before !== undefined) expect(due >= before).toBe(true);
        });
      }),
    );
  });

  it('status is always one defined value, against the current and the original deadline', () => {
    fc.assert(
      fc.property(sequences, date, fc.integer({ min: 0, max: 30 }), (commands, asOf, dueSoonDays) => {
        for (const state of run(commands).states.filter(isAssigned)) {
          const status = statusOf(state, asOf, { dueSoonDays });
          expect(TASK_STATUS_CODES).toContain(status.code);
          expect(TASK_STATUS_CODES).toContain(status.againstOriginal.code);
        }
      }),
    );
  });

  it('folding events in one pass equals folding them one at a time, from any split point', () => {
    fc.assert(
      fc.property(sequences, fc.nat(), (commands, cut) => {
        const { events, states } = run(commands);
        const onePass = events.reduce(taskDecider.evolve, taskDecider.initialState());
        expect(onePass).toEqual(states.at(-1));
        const k = events.length === 0 ? 0 : cut % events.length;
        const resumed = events.slice(k).reduce(taskDecider.evolve, events.slice(0, k).reduce(taskDecider.evolve, taskDecider.initialState()));
        expect(resumed).toEqual(onePass);
      }),
    );
  });
});
