import * as fc from 'fast-check';
import { eventsAt, fold, isAssigned, taskDecider, type AssignedTaskState, type TaskEvent, type TaskState } from '@chidao/domain';
import { interestingDates, playScript, taskEventsOf, taskScriptArbitrary } from './histories.test-support';
import { createWorld } from './read-models.test-support';
import { foldTaskFacts, type TaskFacts } from './task-facts';

/*
 * The facts the read models keep are the domain's task state, flattened: folding events with
 * evolveTaskFacts gives, field for field, what folding them with the domain's evolveTask gives —
 * for whole histories and for the events of any business date (the "as of" histories).
 */

/** The facts of a domain state, as the read models should hold them. */
const factsOfState = (state: AssignedTaskState): TaskFacts => {
  const { task } = state;
  return {
    task_id: task.taskId,
    directive_id: task.directiveId,
    clause: task.clause,
    content: task.content,
    expected_product: task.expectedProduct ?? null,
    lead_agency_id: task.lead,
    cooperating: task.cooperating,
    cooperating_note: task.cooperatingNote ?? null,
    report_recipient: task.reportRecipient ?? null,
    supervising_leader: task.supervisingLeader ?? null,
    priority: task.priority,
    assigned_on: task.assignedOn,
    state: state.status,
    deadline: task.deadline,
    original_deadline: task.originalDeadline,
    extension_count: task.extensions.length,
    last_extended_on: task.extensions.at(-1)?.extendedOn ?? null,
    pending_extension: task.pendingExtensionRequest?.requestedDeadline ?? null,
    rejected_extension_count: task.rejectedExtensionRequests,
    reminder_count: task.reminders.length,
    last_reminded_on: task.reminders.at(-1)?.remindedOn ?? null,
    progress_report_count: task.progressReports.length,
    last_report_on: task.progressReports.at(-1)?.reportedOn ?? null,
    last_report_summary: task.progressReports.at(-1)?.summary ?? null,
    progress_reports: task.progressReports.map((report) => [report.reportedOn, report.occurrenceDueOn ?? null] as const),
    completion_report_count: task.completionReports.length,
    completion_reported_on: state.status === 'completion_reported' || state.status === 'completed' ? state.completion.reportedOn : null,
    completed_on: state.status === 'completed' ? state.confirmedOn : null,
    returned_count: task.returns.length,
    suspended_on: state.status === 'suspended' ? state.suspendedOn : null,
    withdrawn_on: state.status === 'withdrawn' ? state.withdrawnOn : null,
    reassignment_count: task.leadHistory.length - 1,
    correction_count: task.corrections,
  };
};

const domainFacts = (events: readonly TaskEvent[]): TaskFacts | undefined => {
  const state: TaskState = fold(taskDecider, events);
  return isAssigned(state) ? factsOfState(state) : undefined;
};

describe('task facts', () => {
  jest.setTimeout(180_000);

  it('fold to what the domain state says, for whole histories and for every business date', async () => {
    let histories = 0;
    await fc.assert(
      fc.asyncProperty(taskScriptArbitrary(20), fc.array(fc.integer({ min: -5, max: 300 }), { maxLength: 5 }), async (script, extra) => {
        const world = createWorld();
        await world.registerDirective('d', '2026-01-02');
        await playScript(world, 'd/1', script);
        const events = await taskEventsOf(world, 'task-d/1');
        expect(foldTaskFacts(events)).toEqual(domainFacts(events));
        for (const asOf of interestingDates(events, extra)) {
          const visible = eventsAt(events, { asOf });
          expect(foldTaskFacts(visible)).toEqual(domainFacts(visible));
        }
        histories += 1;
      }),
      { numRuns: 150 },
    );
    expect(histories).toBe(150);
  });

  it('ignore every event of a task not yet assigned, as the domain does', () => {
    expect(foldTaskFacts([{ type: 'TaskReminderIssued', data: { taskId: 'd/1', remindedOn: '2026-03-01' } }])).toBeUndefined();
  });
});
