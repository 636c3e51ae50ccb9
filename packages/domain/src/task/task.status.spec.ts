import { dateDeadline, eventDeadline, noDeadline, periodDeadline, recurringDeadline } from '../deadline';
import { fold } from '../shared/decider';
import { taskDecider } from './task.decider';
import type { TaskEvent } from './task.events';
import { isAssigned, type AssignedTaskState } from './task.state';
import { statusOf, TASK_STATUS_CODES, TASK_STATUS_LABELS } from './task.status';
import { TASK_ID, aTaskAssigned } from '../../test/support/fixtures';

const stateOf = (events: readonly TaskEvent[]): AssignedTaskState => {
  const state = fold(taskDecider, events);
  if (!isAssigned(state)) throw new Error('fixture task is not assigned');
  return state;
};

const assigned = aTaskAssigned(); // trước ngày 20/3/2026, assigned 27/02/2026
const report = (reportedOn: string): TaskEvent => ({ type: 'TaskCompletionReported', data: { taskId: TASK_ID, summary: 'Xong', reportedOn } });
const confirm = (confirmedOn: string): TaskEvent => ({ type: 'TaskCompletionConfirmed', data: { taskId: TASK_ID, confirmedOn } });
const extend = (number: number, date: string): TaskEvent => ({
  type: 'TaskDeadlineExtended',
  data: { taskId: TASK_ID, number, from: assigned.data.deadline, to: dateDeadline(date, 'by'), extendedOn: '2026-03-10' },
});
const progress = (reportedOn: string, occurrenceDueOn?: string): TaskEvent => ({
  type: 'TaskProgressReported',
  data: { taskId: TASK_ID, summary: 'Báo cáo tháng', reportedOn, ...(occurrenceDueOn === undefined ? {} : { occurrenceDueOn }) },
});

describe('statusOf — a task with a date deadline', () => {
  it('is "đang thực hiện trong hạn" before the deadline, with days left', () => {
    const status = statusOf(stateOf([assigned]), '2026-03-01');
    expect(status).toMatchObject({ code: 'dang_thuc_hien_trong_han', dueOn: '2026-03-20', daysUntilDue: 19, dueSoon: false });
    expect(status.label.vi).toBe('Đang thực hiện trong hạn');
  });

  it('is "sắp đến hạn" within the configured number of days', () => {
    expect(statusOf(stateOf([assigned]), '2026-03-13').dueSoon).toBe(true);
    expect(statusOf(stateOf([assigned]), '2026-03-12').dueSoon).toBe(false);
    expect(statusOf(stateOf([assigned]), '2026-03-12', { dueSoonDays: 10 }).dueSoon).toBe(true);
  });

  it('counts the day itself as on time for "trước ngày X" by default, and not when the setting says so', () => {
    expect(statusOf(stateOf([assigned]), '2026-03-20').code).toBe('dang_thuc_hien_trong_han');
    expect(statusOf(stateOf([assigned]), '2026-03-20', { beforeIsInclusive: false })).toMatchObject({ code: 'dang_thuc_hien_qua_han', daysOverdue: 1 });
  });

  it('is "đang thực hiện quá hạn" after the deadline, with days overdue', () => {
    expect(statusOf(stateOf([assigned]), '2026-03-25')).toMatchObject({ code: 'dang_thuc_hien_qua_han', daysOverdue: 5 });
  });

  it('is "chưa đến hạn" in a reporting period that ends before the deadline', () => {
    expect(statusOf(stateOf([assigned]), '2026-02-28', { periodEnd: '2026-02-28' }).code).toBe('chua_den_han');
  });

  it('judges against the extended deadline and, separately, the original one', () => {
    const status = statusOf(stateOf([assigned, extend(1, '2026-03-31')]), '2026-03-25');
    expect(status.code).toBe('dang_thuc_hien_trong_han');
    expect(status.againstOriginal).toMatchObject({ code: 'dang_thuc_hien_qua_han', dueOn: '2026-03-20', daysOverdue: 5 });
  });

  it('is "hoàn thành đúng hạn" when completion was reported by the deadline and confirmed', () => {
    expect(statusOf(stateOf([assigned, report('2026-03-18'), confirm('2026-03-25')]), '2026-04-01').code).toBe('hoan_thanh_dung_han');
  });

  it('is "hoàn thành quá hạn" when reported after it, even if on time against an extension', () => {
    const late = statusOf(stateOf([assigned, report('2026-03-23'), confirm('2026-03-25')]), '2026-04-01');
    expect(late).toMatchObject({ code: 'hoan_thanh_qua_han', daysOverdue: 3 });
    const extended = statusOf(stateOf([assigned, extend(1, '2026-03-31'), report('2026-03-23'), confirm('2026-03-25')]), '2026-04-01');
    expect(extended.code).toBe('hoan_thanh_dung_han');
    expect(extended.againstOriginal.code).toBe('hoan_thanh_qua_han');
  });

  it('is "chờ xác nhận" while a completion report awaits confirmation', () => {
    expect(statusOf(stateOf([assigned, report('2026-03-18')]), '2026-03-19').code).toBe('cho_xac_nhan');
  });

  it('is "tạm dừng" when suspended and "đã rút" when withdrawn', () => {
    const suspended: TaskEvent = { type: 'TaskSuspended', data: { taskId: TASK_ID, reason: 'x', suspendedOn: '2026-03-01' } };
    const withdrawn: TaskEvent = { type: 'TaskWithdrawn', data: { taskId: TASK_ID, reason: 'x', withdrawnOn: '2026-03-02' } };
    expect(statusOf(stateOf([assigned, suspended]), '2026-03-30').code).toBe('tam_dung');
    expect(statusOf(stateOf([assigned, withdrawn]), '2026-03-30').code).toBe('da_rut');
    expect(statusOf(stateOf([aTaskAssigned({ deadline: noDeadline('continuous') }), withdrawn]), '2026-03-30').code).toBe('da_rut');
  });
});

describe('statusOf — other deadline kinds', () => {
  it('judges a period deadline on the period’s last day (trong tháng 4/2026 → 30/04)', () => {
    const april = stateOf([aTaskAssigned({ deadline: periodDeadline('month', 2026, 4) })]);
    expect(statusOf(april, '2026-04-30')).toMatchObject({ code: 'dang_thuc_hien_trong_han', dueOn: '2026-04-30', dueSoon: true });
    expect(statusOf(april, '2026-05-01').code).toBe('dang_thuc_hien_qua_han');
  });

  it('has no deadline for "thường xuyên": open without deadline, done without deadline', () => {
    const continuous = aTaskAssigned({ deadline: noDeadline('continuous') });
    expect(statusOf(stateOf([continuous]), '2027-01-01').code).toBe('dang_thuc_hien_khong_thoi_han');
    expect(statusOf(stateOf([continuous, report('2026-05-01'), confirm('2026-05-02')]), '2027-01-01').code).toBe('hoan_thanh_khong_thoi_han');
  });

  it('is "chưa đến hạn" for a meeting not yet scheduled, then judged on the meeting date', () => {
    const meeting = aTaskAssigned({ deadline: eventDeadline({ kind: 'meeting', description: 'phiên họp thứ 7', session: 7 }) });
    expect(statusOf(stateOf([meeting]), '2026-12-31').code).toBe('chua_den_han');
    const scheduled: TaskEvent = { type: 'TaskDeadlineEventScheduled', data: { taskId: TASK_ID, eventOn: '2026-03-27', scheduledOn: '2026-03-10' } };
    expect(statusOf(stateOf([meeting, scheduled]), '2026-03-28')).toMatchObject({ code: 'dang_thuc_hien_qua_han', dueOn: '2026-03-27' });
    // The first date the meeting gets is the original deadline's date too; a postponement moves only the current one.
    expect(statusOf(stateOf([meeting, scheduled]), '2026-03-28').againstOriginal.code).toBe('dang_thuc_hien_qua_han');
    const postponed: TaskEvent = { type: 'TaskDeadlineEventScheduled', data: { taskId: TASK_ID, eventOn: '2026-04-03', scheduledOn: '2026-03-20' } };
    const status = statusOf(stateOf([meeting, scheduled, postponed]), '2026-03-28');
    expect([status.code, status.againstOriginal.code, status.againstOriginal.dueOn]).toEqual(['dang_thuc_hien_trong_han', 'dang_thuc_hien_qua_han', '2026-03-27']);
  });
});

describe('statusOf — a recurring task is judged per occurrence', () => {
  const monthly = aTaskAssigned({ deadline: recurringDeadline({ frequency: 'monthly', day: 25 }, 'trước ngày 25 hằng tháng') });

  it('is in time while the current occurrence is not yet due', () => {
    const status = statusOf(stateOf([monthly]), '2026-03-10');
    expect(status).toMatchObject({ code: 'dang_thuc_hien_trong_han', dueOn: '2026-03-25', daysUntilDue: 15 });
    expect(status.occurrences).toEqual([{ index: 0, opensOn: '2026-02-27', dueOn: '2026-03-25', state: 'open' }]);
  });

  it('is overdue once an occurrence passed without a report, from the first one missed', () => {
    const status = statusOf(stateOf([monthly]), '2026-04-30');
    expect(status).toMatchObject({ code: 'dang_thuc_hien_qua_han', dueOn: '2026-03-25', daysOverdue: 36 });
    expect(status.occurrences?.map((o) => o.state)).toEqual(['missed', 'missed', 'open']);
  });

  it('counts a report for the earliest unmet occurrence, late if after its due date', () => {
    const status = statusOf(stateOf([monthly, progress('2026-03-20'), progress('2026-04-28'), progress('2026-05-02')]), '2026-05-10');
    expect(status.occurrences?.map((o) => [o.dueOn, o.state])).toEqual([
      ['2026-03-25', 'met_on_time'],
      ['2026-04-25', 'met_late'],
      ['2026-05-25', 'met_on_time'],
    ]);
    expect(status.code).toBe('dang_thuc_hien_trong_han');
  });

  it('counts a report naming its occurrence for that one, and ignores reports after the as-of date', () => {
    const status = statusOf(stateOf([monthly, progress('2026-04-20', '2026-04-25'), progress('2026-05-20')]), '2026-04-26');
    expect(status.occurrences?.map((o) => o.state)).toEqual(['missed', 'met_on_time', 'open']);
    expect(status.code).toBe('dang_thuc_hien_qua_han');
  });

  it('is "chưa đến hạn" before a recurrence starts', () => {
    const later = aTaskAssigned({ deadline: recurringDeadline({ frequency: 'quarterly', startsOn: '2026-07-01' }) });
    expect(statusOf(stateOf([later]), '2026-03-01')).toMatchObject({ code: 'chua_den_han', dueOn: '2026-09-30' });
  });

  it('is done on time only if every occurrence before completion was met on time', () => {
    expect(statusOf(stateOf([monthly, progress('2026-03-20'), report('2026-04-10'), confirm('2026-04-11')]), '2026-06-01').code).toBe('hoan_thanh_dung_han');
    expect(statusOf(stateOf([monthly, report('2026-04-10'), confirm('2026-04-11')]), '2026-06-01').code).toBe('hoan_thanh_qua_han');
  });
});

describe('status labels', () => {
  it('has a Vietnamese and an English label for every code', () => {
    for (const code of TASK_STATUS_CODES) {
      expect(TASK_STATUS_LABELS[code].vi.length).toBeGreaterThan(0);
      expect(TASK_STATUS_LABELS[code].en.length).toBeGreaterThan(0);
    }
  });
});
