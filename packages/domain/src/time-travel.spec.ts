import { dateDeadline } from './deadline';
import { aDirectiveRegistered, aSecretariat, aTaskAssigned, TASK_ID } from '../test/support/fixtures';
import type { DirectiveEvent } from './directive/directive.events';
import type { RecordedEvent } from './shared/metadata';
import type { TaskEvent } from './task/task.events';
import { directiveAt, eventsAt, taskAt, taskStatusOn } from './time-travel';

const recorded = <E extends TaskEvent | DirectiveEvent>(event: E, occurredOn: string, recordedAt: string): RecordedEvent<E> => ({
  ...event,
  metadata: { commandId: `c-${occurredOn}-${recordedAt}`, actor: aSecretariat, occurredOn, recordedAt, correlationId: 'corr', causationId: null, schemaVersion: 1 },
});

/*
 * Clause 1.c: assigned 27/02 (entered 02/03), due 20/03. Extended to 31/03 by a notice of 18/03 that a
 * clerk entered only on 24/03. Completion reported on 28/03, entered the same day.
 */
const history: readonly RecordedEvent<TaskEvent>[] = [
  recorded(aTaskAssigned(), '2026-02-27', '2026-03-02T02:00:00Z'),
  recorded(
    { type: 'TaskDeadlineExtended', data: { taskId: TASK_ID, number: 1, from: aTaskAssigned().data.deadline, to: dateDeadline('2026-03-31', 'by'), extendedOn: '2026-03-18' } },
    '2026-03-18',
    '2026-03-24T09:30:00+07:00',
  ),
  recorded({ type: 'TaskCompletionReported', data: { taskId: TASK_ID, summary: 'Xong', reportedOn: '2026-03-28' } }, '2026-03-28', '2026-03-28T08:00:00Z'),
];

describe('time travel: as of a business date and as known at an instant', () => {
  it('knows nothing before the first event was entered, even about earlier business dates', () => {
    expect(taskAt(history, { knownAt: '2026-03-01T00:00:00Z' }).status).toBe('unassigned');
    expect(taskStatusOn(history, '2026-03-01', { knownAt: '2026-03-01T00:00:00Z' })).toBeUndefined();
  });

  it('answers "what was true on 20/03": extended, so still within the deadline', () => {
    expect(taskStatusOn(history, '2026-03-20')).toMatchObject({ code: 'dang_thuc_hien_trong_han', dueOn: '2026-03-31' });
  });

  it('answers "what did we know on 21/03 about 21/03": the extension was not entered yet, so overdue', () => {
    expect(taskStatusOn(history, '2026-03-21', { knownAt: '2026-03-21T10:00:00+07:00' })).toMatchObject({ code: 'dang_thuc_hien_qua_han', daysOverdue: 1 });
  });

  it('compares instants by time, not by their text, whatever the offset', () => {
    // 2026-03-24T09:30+07:00 is 02:30Z: known at 03:00Z, not at 02:00Z.
    expect(eventsAt(history, { knownAt: '2026-03-24T03:00:00Z' })).toHaveLength(2);
    expect(eventsAt(history, { knownAt: '2026-03-24T02:00:00Z' })).toHaveLength(1);
  });

  it('folds everything with no axes, and a directive too', () => {
    expect(taskAt(history).status).toBe('completion_reported');
    const directive = [recorded(aDirectiveRegistered(), '2026-02-27', '2026-03-02T01:00:00Z')];
    expect(directiveAt(directive, { asOf: '2026-02-26' }).status).toBe('unregistered');
    expect(directiveAt(directive, { asOf: '2026-02-27' }).status).toBe('registered');
  });

  it('passes status settings through', () => {
    expect(taskStatusOn(history, '2026-03-25', { settings: { dueSoonDays: 10 } })).toMatchObject({ dueSoon: true });
  });
});
