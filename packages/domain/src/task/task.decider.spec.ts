import { dateDeadline, eventDeadline, noDeadline, periodDeadline, recurringDeadline } from '../deadline';
import type { TaskEvent } from './task.events';
import { createTaskDecider, taskDecider } from './task.decider';
import type { AgencyCatalogue } from '../agency';
import { specFor } from '../../test/support/given';
import {
  ASSIGNED_ON,
  BY_20_MARCH,
  CONG_AN,
  CONG_THUONG,
  DIRECTIVE_ID,
  KHCN,
  NN_MT,
  TAI_CHINH,
  TASK_ID,
  TTTT,
  UBND_TINH,
  aDirectiveRegistered,
  aTaskAssigned,
  anAuditor,
  anAdmin,
  anOfficerOf,
  assignTask,
  on,
  taskCommand,
} from '../../test/support/fixtures';
import { fold } from '../shared/decider';
import { directiveDecider } from '../directive/directive.decider';

const { given } = specFor(taskDecider);

const assigned = aTaskAssigned();
const completionReported: TaskEvent = {
  type: 'TaskCompletionReported',
  data: { taskId: TASK_ID, summary: 'Đã trình Kế hoạch hợp tác', reportedOn: '2026-03-18' },
};
const confirmed: TaskEvent = { type: 'TaskCompletionConfirmed', data: { taskId: TASK_ID, confirmedOn: '2026-03-19' } };
const suspended: TaskEvent = { type: 'TaskSuspended', data: { taskId: TASK_ID, reason: 'Chờ chủ trương', suspendedOn: '2026-03-01' } };
const withdrawn: TaskEvent = { type: 'TaskWithdrawn', data: { taskId: TASK_ID, reason: 'Không còn phù hợp', withdrawnOn: '2026-03-02' } };
const requested: TaskEvent = {
  type: 'TaskExtensionRequested',
  data: { taskId: TASK_ID, requestedDeadline: dateDeadline('2026-04-10', 'by'), reason: 'Chờ số liệu', requestedOn: '2026-03-10' },
};
const extendedTo = (number: number, date: string): TaskEvent => ({
  type: 'TaskDeadlineExtended',
  data: { taskId: TASK_ID, number, from: BY_20_MARCH, to: dateDeadline(date, 'by'), extendedOn: '2026-03-05' },
});

const by = (date: string) => dateDeadline(date, 'by');
const khcn = anOfficerOf(KHCN);
const taiChinh = anOfficerOf(TAI_CHINH);

describe('AssignTask (giao nhiệm vụ)', () => {
  it('records TaskAssigned with the paper date as the assignment date', () => {
    given([]).when(assignTask()).then([assigned]);
  });

  it('drops the lead and duplicates from the cooperating agencies', () => {
    given([])
      .when(assignTask({ cooperating: [CONG_THUONG, KHCN, NN_MT, CONG_THUONG] }))
      .then([aTaskAssigned({ cooperating: [CONG_THUONG, NN_MT] })]);
  });

  it('returns Left(TaskAlreadyAssigned) when the task exists', () => {
    given([assigned]).when(assignTask()).thenFails('TaskAlreadyAssigned', { taskId: TASK_ID });
  });

  it('returns Left(DirectiveNotFound) when the directive was never registered', () => {
    given([]).when(assignTask({}, directiveDecider.initialState())).thenFails('DirectiveNotFound', { directiveId: DIRECTIVE_ID });
  });

  it('returns Left(DirectiveNotFound) when the task names another directive', () => {
    given([]).when(assignTask({ directiveId: 'another' })).thenFails('DirectiveNotFound', { directiveId: 'another' });
  });

  it('returns Left(UnknownAgency) for a lead that is not in the catalogue', () => {
    given([]).when(assignTask({ lead: 'so-vu-tru' })).thenFails('UnknownAgency', { agencyId: 'so-vu-tru' });
  });

  it('returns Left(UnknownAgency) for an unknown cooperating agency or report recipient', () => {
    given([]).when(assignTask({ cooperating: ['nowhere'] })).thenFails('UnknownAgency', { agencyId: 'nowhere' });
    given([]).when(assignTask({ reportRecipient: 'nobody' })).thenFails('UnknownAgency', { agencyId: 'nobody' });
  });

  it('returns Left(AgencyNotValidOnDate) naming the successor when the lead was merged away before the paper date', () => {
    given([]).when(assignTask({ lead: TTTT })).thenFails('AgencyNotValidOnDate', { agencyId: TTTT, onDate: ASSIGNED_ON, successorId: KHCN });
  });

  it('returns Left(RoleNotPermitted) when an agency officer tries to assign', () => {
    given([])
      .when({ ...assignTask(), metadata: on(ASSIGNED_ON, khcn) })
      .thenFails('RoleNotPermitted', { command: 'AssignTask', role: 'agency' });
  });

  it('accepts the admin role, which acts for the secretariat', () => {
    const command = { ...assignTask(), metadata: on(ASSIGNED_ON, anAdmin) };
    given([]).when(command).then([assigned]);
  });
});

describe('ExtendTaskDeadline (gia hạn)', () => {
  it('records extension no. 1 from the current deadline when no number is given', () => {
    given([assigned])
      .when(taskCommand('ExtendTaskDeadline', { to: by('2026-03-31') }, on('2026-03-05')))
      .then([extendedTo(1, '2026-03-31')]);
  });

  it('keeps the number the document gives (lần 2) and its approving document and reason', () => {
    const approvingDocument = { symbol: '180/TB-UBND', issuedOn: '2026-03-05' };
    given([assigned])
      .when(taskCommand('ExtendTaskDeadline', { to: by('2026-03-31'), number: 2, reason: 'Chờ ý kiến', approvingDocument }, on('2026-03-05')))
      .then([
        {
          type: 'TaskDeadlineExtended',
          data: { taskId: TASK_ID, number: 2, from: BY_20_MARCH, to: by('2026-03-31'), reason: 'Chờ ý kiến', approvingDocument, extendedOn: '2026-03-05' },
        },
      ]);
  });

  it('extends from the extended deadline the second time', () => {
    given([assigned, extendedTo(1, '2026-03-31')])
      .when(taskCommand('ExtendTaskDeadline', { to: periodDeadline('month', 2026, 4) }, on('2026-03-25')))
      .then([
        {
          type: 'TaskDeadlineExtended',
          data: { taskId: TASK_ID, number: 2, from: by('2026-03-31'), to: periodDeadline('month', 2026, 4), extendedOn: '2026-03-25' },
        },
      ]);
  });

  it('returns Left(ExtensionNumberNotIncreasing) when the number does not count up', () => {
    given([assigned, extendedTo(2, '2026-03-31')])
      .when(taskCommand('ExtendTaskDeadline', { to: by('2026-04-30'), number: 2 }, on('2026-03-25')))
      .thenFails('ExtensionNumberNotIncreasing', { lastNumber: 2, requestedNumber: 2 });
  });

  it('returns Left(DeadlineNotLater) for the same or an earlier date', () => {
    given([assigned])
      .when(taskCommand('ExtendTaskDeadline', { to: by('2026-03-20') }, on('2026-03-05')))
      .thenFails('DeadlineNotLater', { currentDueOn: '2026-03-20', requestedDueOn: '2026-03-20' });
    given([assigned])
      .when(taskCommand('ExtendTaskDeadline', { to: by('2026-03-01') }, on('2026-03-05')))
      .thenFails('DeadlineNotLater', { requestedDueOn: '2026-03-01' });
  });

  it('returns Left(DeadlineNotExtendable) for a recurring or open-ended deadline, or to one', () => {
    const monthly = aTaskAssigned({ deadline: recurringDeadline({ frequency: 'monthly', day: 25 }) });
    given([monthly])
      .when(taskCommand('ExtendTaskDeadline', { to: by('2026-04-30') }, on('2026-03-05')))
      .thenFails('DeadlineNotExtendable', { kind: 'recurring' });
    given([assigned])
      .when(taskCommand('ExtendTaskDeadline', { to: noDeadline('continuous') }, on('2026-03-05')))
      .thenFails('DeadlineNotExtendable', { kind: 'none' });
  });

  it('extends an event deadline with no date yet to a date', () => {
    const meeting = eventDeadline({ kind: 'meeting', description: 'phiên họp thứ 7 của Tổ giúp việc', session: 7 });
    given([aTaskAssigned({ deadline: meeting })])
      .when(taskCommand('ExtendTaskDeadline', { to: by('2026-04-15') }, on('2026-03-05')))
      .then([
        { type: 'TaskDeadlineExtended', data: { taskId: TASK_ID, number: 1, from: meeting, to: by('2026-04-15'), extendedOn: '2026-03-05' } },
      ]);
  });

  it('returns Left(TaskAlreadyCompleted), Left(TaskAlreadyWithdrawn), Left(TaskIsSuspended) and Left(CompletionAwaitingConfirmation) for a task that is not open', () => {
    const extend = taskCommand('ExtendTaskDeadline', { to: by('2026-04-30') }, on('2026-03-20'));
    given([assigned, completionReported, confirmed]).when(extend).thenFails('TaskAlreadyCompleted');
    given([assigned, withdrawn]).when(extend).thenFails('TaskAlreadyWithdrawn');
    given([assigned, suspended]).when(extend).thenFails('TaskIsSuspended');
    given([assigned, completionReported]).when(extend).thenFails('CompletionAwaitingConfirmation');
  });

  it('returns Left(TaskNotFound) for a task never assigned, or a command for another task', () => {
    given([]).when(taskCommand('ExtendTaskDeadline', { to: by('2026-04-30') }, on('2026-03-05'))).thenFails('TaskNotFound', { taskId: TASK_ID });
    const other = { ...taskCommand('ExtendTaskDeadline', { to: by('2026-04-30') }, on('2026-03-05')) };
    given([assigned]).when({ ...other, data: { ...other.data, taskId: 'other' } }).thenFails('TaskNotFound', { taskId: 'other' });
  });

  it('returns Left(DateBeforeAssignment) for a paper date before the assignment', () => {
    given([assigned])
      .when(taskCommand('ExtendTaskDeadline', { to: by('2026-04-30') }, on('2026-02-20')))
      .thenFails('DateBeforeAssignment', { assignedOn: ASSIGNED_ON, occurredOn: '2026-02-20' });
  });

  it('returns Left(RoleNotPermitted) when the lead agency extends its own deadline', () => {
    given([assigned])
      .when(taskCommand('ExtendTaskDeadline', { to: by('2026-04-30') }, on('2026-03-05', khcn)))
      .thenFails('RoleNotPermitted', { role: 'agency' });
  });
});

describe('RequestTaskExtension / RejectTaskExtension (đề nghị gia hạn)', () => {
  const request = (actor = khcn) =>
    taskCommand('RequestTaskExtension', { requestedDeadline: by('2026-04-10'), reason: 'Chờ số liệu' }, on('2026-03-10', actor));

  it('records the lead agency’s request', () => {
    given([assigned]).when(request()).then([requested]);
  });

  it('returns Left(NotLeadAgency) when another agency asks', () => {
    given([assigned]).when(request(taiChinh)).thenFails('NotLeadAgency', { leadAgencyId: KHCN, actorAgencyId: TAI_CHINH });
  });

  it('returns Left(ExtensionRequestPending) while a request waits', () => {
    given([assigned, requested]).when(request()).thenFails('ExtensionRequestPending');
  });

  it('returns Left(DeadlineNotLater) when asking for an earlier date', () => {
    given([assigned])
      .when(taskCommand('RequestTaskExtension', { requestedDeadline: by('2026-03-10'), reason: 'x' }, on('2026-03-05', khcn)))
      .thenFails('DeadlineNotLater');
  });

  it('records a rejection of the pending request', () => {
    given([assigned, requested])
      .when(taskCommand('RejectTaskExtension', { reason: 'Không có căn cứ' }, on('2026-03-12')))
      .then([{ type: 'TaskExtensionRejected', data: { taskId: TASK_ID, reason: 'Không có căn cứ', rejectedOn: '2026-03-12' } }]);
  });

  it('returns Left(NoPendingExtensionRequest) when nothing waits, also after an extension granted it', () => {
    const reject = taskCommand('RejectTaskExtension', { reason: 'x' }, on('2026-03-12'));
    given([assigned]).when(reject).thenFails('NoPendingExtensionRequest');
    given([assigned, requested, extendedTo(1, '2026-04-10')]).when(reject).thenFails('NoPendingExtensionRequest');
  });
});

describe('ReportTaskProgress (báo cáo tiến độ)', () => {
  it('records a progress report by the lead agency', () => {
    given([assigned])
      .when(taskCommand('ReportTaskProgress', { summary: 'Đã làm việc với Viettel, VNPT', difficulties: 'Thiếu số liệu' }, on('2026-03-10', khcn)))
      .then([
        { type: 'TaskProgressReported', data: { taskId: TASK_ID, summary: 'Đã làm việc với Viettel, VNPT', difficulties: 'Thiếu số liệu', reportedOn: '2026-03-10' } },
      ]);
  });

  it('accepts the secretariat reporting on the lead agency’s behalf', () => {
    given([assigned])
      .when(taskCommand('ReportTaskProgress', { summary: 'Thay mặt Sở' }, on('2026-03-10')))
      .then([{ type: 'TaskProgressReported', data: { taskId: TASK_ID, summary: 'Thay mặt Sở', reportedOn: '2026-03-10' } }]);
  });

  it('returns Left(NotLeadAgency) for a cooperating agency and Left(RoleNotPermitted) for an auditor', () => {
    given([assigned]).when(taskCommand('ReportTaskProgress', { summary: 'x' }, on('2026-03-10', taiChinh))).thenFails('NotLeadAgency');
    given([assigned]).when(taskCommand('ReportTaskProgress', { summary: 'x' }, on('2026-03-10', anAuditor))).thenFails('RoleNotPermitted', { role: 'auditor' });
  });

  it('returns Left(TaskIsSuspended) on a suspended task', () => {
    given([assigned, suspended]).when(taskCommand('ReportTaskProgress', { summary: 'x' }, on('2026-03-10', khcn))).thenFails('TaskIsSuspended');
  });
});

describe('ReportTaskCompletion / ConfirmTaskCompletion / ReturnTaskCompletion', () => {
  const report = taskCommand('ReportTaskCompletion', { summary: 'Đã trình Kế hoạch hợp tác' }, on('2026-03-18', khcn));

  it('records a completion report by the lead agency', () => {
    given([assigned]).when(report).then([completionReported]);
  });

  it('returns Left(CompletionAwaitingConfirmation) when completion is reported twice', () => {
    given([assigned, completionReported]).when(report).thenFails('CompletionAwaitingConfirmation');
  });

  it('confirms a reported completion', () => {
    given([assigned, completionReported]).when(taskCommand('ConfirmTaskCompletion', {}, on('2026-03-19'))).then([confirmed]);
  });

  it('returns Left(CompletionNotReported) when confirming or returning before any report', () => {
    given([assigned]).when(taskCommand('ConfirmTaskCompletion', {}, on('2026-03-19'))).thenFails('CompletionNotReported');
    given([assigned, suspended]).when(taskCommand('ReturnTaskCompletion', { reason: 'x' }, on('2026-03-19'))).thenFails('CompletionNotReported');
  });

  it('returns Left(TaskAlreadyCompleted) when confirming twice', () => {
    given([assigned, completionReported, confirmed]).when(taskCommand('ConfirmTaskCompletion', {}, on('2026-03-20'))).thenFails('TaskAlreadyCompleted');
  });

  it('returns a reported completion, which reopens the task for a new report', () => {
    const returned: TaskEvent = { type: 'TaskCompletionReturned', data: { taskId: TASK_ID, reason: 'Thiếu phụ lục', returnedOn: '2026-03-19' } };
    given([assigned, completionReported]).when(taskCommand('ReturnTaskCompletion', { reason: 'Thiếu phụ lục' }, on('2026-03-19'))).then([returned]);
    given([assigned, completionReported, returned]).when(report).then([completionReported]);
  });

  it('returns Left(RoleNotPermitted) when the lead agency confirms its own completion', () => {
    given([assigned, completionReported]).when(taskCommand('ConfirmTaskCompletion', {}, on('2026-03-19', khcn))).thenFails('RoleNotPermitted');
  });
});

describe('IssueTaskReminder (nhắc việc, đôn đốc)', () => {
  it('records a reminder citing its notice', () => {
    const document = { symbol: '100/TB-UBND', issuedOn: '2026-02-13' };
    given([assigned])
      .when(taskCommand('IssueTaskReminder', { document }, on('2026-03-01')))
      .then([{ type: 'TaskReminderIssued', data: { taskId: TASK_ID, document, remindedOn: '2026-03-01' } }]);
  });

  it('returns Left(TaskAlreadyCompleted) for a completed task', () => {
    given([assigned, completionReported, confirmed]).when(taskCommand('IssueTaskReminder', {}, on('2026-03-25'))).thenFails('TaskAlreadyCompleted');
  });
});

describe('ReassignTask (giao lại)', () => {
  it('records the new lead and the previous one', () => {
    given([assigned])
      .when(taskCommand('ReassignTask', { to: TAI_CHINH, reason: 'Phân công lại' }, on('2026-03-03')))
      .then([{ type: 'TaskReassigned', data: { taskId: TASK_ID, from: KHCN, to: TAI_CHINH, reason: 'Phân công lại', reassignedOn: '2026-03-03' } }]);
  });

  it('moves a task of a merged department to its successor', () => {
    const old = aTaskAssigned({ lead: TTTT, assignedOn: '2024-10-01' });
    given([old])
      .when(taskCommand('ReassignTask', { to: KHCN, reason: 'Hợp nhất Sở TT&TT vào Sở KH&CN' }, on('2025-03-01')))
      .then([{ type: 'TaskReassigned', data: { taskId: TASK_ID, from: TTTT, to: KHCN, reason: 'Hợp nhất Sở TT&TT vào Sở KH&CN', reassignedOn: '2025-03-01' } }]);
  });

  it('returns Left(SameLeadAgency), Left(UnknownAgency) and Left(AgencyNotValidOnDate)', () => {
    given([assigned]).when(taskCommand('ReassignTask', { to: KHCN, reason: 'x' }, on('2026-03-03'))).thenFails('SameLeadAgency', { agencyId: KHCN });
    given([assigned]).when(taskCommand('ReassignTask', { to: 'ghost', reason: 'x' }, on('2026-03-03'))).thenFails('UnknownAgency');
    given([assigned]).when(taskCommand('ReassignTask', { to: TTTT, reason: 'x' }, on('2026-03-03'))).thenFails('AgencyNotValidOnDate', { successorId: KHCN });
  });

  it('reassigns a suspended task, but not one awaiting confirmation', () => {
    given([assigned, suspended]).when(taskCommand('ReassignTask', { to: CONG_AN, reason: 'x' }, on('2026-03-03'))).then([
      { type: 'TaskReassigned', data: { taskId: TASK_ID, from: KHCN, to: CONG_AN, reason: 'x', reassignedOn: '2026-03-03' } },
    ]);
    given([assigned, completionReported]).when(taskCommand('ReassignTask', { to: CONG_AN, reason: 'x' }, on('2026-03-19'))).thenFails('CompletionAwaitingConfirmation');
  });
});

describe('SuspendTask / ResumeTask / WithdrawTask (tạm dừng, tiếp tục, rút)', () => {
  it('suspends an open task and resumes it', () => {
    given([assigned]).when(taskCommand('SuspendTask', { reason: 'Chờ chủ trương' }, on('2026-03-01'))).then([suspended]);
    given([assigned, suspended])
      .when(taskCommand('ResumeTask', {}, on('2026-03-08')))
      .then([{ type: 'TaskResumed', data: { taskId: TASK_ID, resumedOn: '2026-03-08' } }]);
  });

  it('returns Left(TaskIsSuspended) when suspending twice and Left(TaskNotSuspended) when resuming an open task', () => {
    given([assigned, suspended]).when(taskCommand('SuspendTask', { reason: 'x' }, on('2026-03-02'))).thenFails('TaskIsSuspended');
    given([assigned]).when(taskCommand('ResumeTask', {}, on('2026-03-02'))).thenFails('TaskNotSuspended');
  });

  it('withdraws an open, suspended or reported task', () => {
    const withdraw = taskCommand('WithdrawTask', { reason: 'Không còn phù hợp' }, on('2026-03-02'));
    given([assigned]).when(withdraw).then([withdrawn]);
    given([assigned, suspended]).when(withdraw).then([withdrawn]);
  });

  it('returns Left(TaskAlreadyCompleted) when withdrawing a completed task', () => {
    given([assigned, completionReported, confirmed]).when(taskCommand('WithdrawTask', { reason: 'x' }, on('2026-03-25'))).thenFails('TaskAlreadyCompleted');
  });

  it('returns Left(TaskAlreadyWithdrawn) for every command on a withdrawn task but a correction', () => {
    const commands = [
      taskCommand('ExtendTaskDeadline', { to: by('2026-04-30') }, on('2026-03-05')),
      taskCommand('RequestTaskExtension', { requestedDeadline: by('2026-04-30'), reason: 'x' }, on('2026-03-05', khcn)),
      taskCommand('RejectTaskExtension', { reason: 'x' }, on('2026-03-05')),
      taskCommand('ReportTaskProgress', { summary: 'x' }, on('2026-03-05', khcn)),
      taskCommand('ReportTaskCompletion', { summary: 'x' }, on('2026-03-05', khcn)),
      taskCommand('ConfirmTaskCompletion', {}, on('2026-03-05')),
      taskCommand('ReturnTaskCompletion', { reason: 'x' }, on('2026-03-05')),
      taskCommand('IssueTaskReminder', {}, on('2026-03-05')),
      taskCommand('ReassignTask', { to: CONG_AN, reason: 'x' }, on('2026-03-05')),
      taskCommand('SuspendTask', { reason: 'x' }, on('2026-03-05')),
      taskCommand('ResumeTask', {}, on('2026-03-05')),
      taskCommand('WithdrawTask', { reason: 'x' }, on('2026-03-05')),
      taskCommand('ScheduleTaskDeadlineEvent', { eventOn: '2026-04-01' }, on('2026-03-05')),
    ];
    for (const command of commands) given([assigned, withdrawn]).when(command).thenFails('TaskAlreadyWithdrawn');
    given([assigned, withdrawn])
      .when(taskCommand('CorrectTaskRecord', { corrections: { clause: '1.c)' }, reason: 'Gõ nhầm' }, on('2026-03-05')))
      .then([{ type: 'TaskRecordCorrected', data: { taskId: TASK_ID, corrections: { clause: '1.c)' }, reason: 'Gõ nhầm', correctedOn: '2026-03-05' } }]);
  });
});

describe('ScheduleTaskDeadlineEvent (ấn định ngày họp)', () => {
  const meeting = eventDeadline({ kind: 'meeting', description: 'phiên họp thứ 7 của Tổ giúp việc', session: 7 });
  const atMeeting = aTaskAssigned({ lead: CONG_AN, deadline: meeting });
  const scheduled: TaskEvent = { type: 'TaskDeadlineEventScheduled', data: { taskId: TASK_ID, eventOn: '2026-03-27', scheduledOn: '2026-03-10' } };

  it('gives the meeting its date', () => {
    given([atMeeting]).when(taskCommand('ScheduleTaskDeadlineEvent', { eventOn: '2026-03-27' }, on('2026-03-10'))).then([scheduled]);
  });

  it('postpones a scheduled meeting, refuses to bring it forward and refuses the same date', () => {
    given([atMeeting, scheduled])
      .when(taskCommand('ScheduleTaskDeadlineEvent', { eventOn: '2026-04-03' }, on('2026-03-20')))
      .then([{ type: 'TaskDeadlineEventScheduled', data: { taskId: TASK_ID, eventOn: '2026-04-03', scheduledOn: '2026-03-20' } }]);
    given([atMeeting, scheduled]).when(taskCommand('ScheduleTaskDeadlineEvent', { eventOn: '2026-03-20' }, on('2026-03-12'))).thenFails('DeadlineNotLater');
    given([atMeeting, scheduled]).when(taskCommand('ScheduleTaskDeadlineEvent', { eventOn: '2026-03-27' }, on('2026-03-12'))).thenFails('NothingToChange');
  });

  it('returns Left(DeadlineNotEventAnchored) for a date deadline', () => {
    given([assigned]).when(taskCommand('ScheduleTaskDeadlineEvent', { eventOn: '2026-03-27' }, on('2026-03-10'))).thenFails('DeadlineNotEventAnchored', { kind: 'date' });
  });
});

describe('CorrectTaskRecord (đính chính)', () => {
  it('records only the fields that change', () => {
    given([assigned])
      .when(taskCommand('CorrectTaskRecord', { corrections: { clause: '1.c', priority: true, cooperating: [CONG_THUONG] }, reason: 'Nhập sai' }, on('2026-03-01')))
      .then([
        { type: 'TaskRecordCorrected', data: { taskId: TASK_ID, corrections: { priority: true, cooperating: [CONG_THUONG] }, reason: 'Nhập sai', correctedOn: '2026-03-01' } },
      ]);
  });

  it('returns Left(NothingToChange) when nothing differs', () => {
    given([assigned]).when(taskCommand('CorrectTaskRecord', { corrections: { clause: '1.c' }, reason: 'x' }, on('2026-03-01'))).thenFails('NothingToChange');
  });

  it('returns Left(UnknownAgency) for an unknown cooperating agency', () => {
    given([assigned]).when(taskCommand('CorrectTaskRecord', { corrections: { cooperating: ['ghost'] }, reason: 'x' }, on('2026-03-01'))).thenFails('UnknownAgency');
  });

  it('corrects a completed task', () => {
    given([assigned, completionReported, confirmed])
      .when(taskCommand('CorrectTaskRecord', { corrections: { reportRecipient: UBND_TINH, expectedProduct: 'Kế hoạch' }, reason: 'Bổ sung' }, on('2026-03-25')))
      .then([{ type: 'TaskRecordCorrected', data: { taskId: TASK_ID, corrections: { expectedProduct: 'Kế hoạch' }, reason: 'Bổ sung', correctedOn: '2026-03-25' } }]);
  });
});

describe('evolve', () => {
  it('is total: events that do not fit the state change facts, not the lifecycle', () => {
    const state = fold(taskDecider, [confirmed, assigned, confirmed, { type: 'TaskResumed', data: { taskId: TASK_ID, resumedOn: '2026-03-01' } }]);
    expect(state.status).toBe('open');
    expect(fold(taskDecider, [assigned, assigned]).status).toBe('open');
    expect(fold(taskDecider, [aDirectiveRegistered()] as never).status).toBe('unassigned');
  });

  it('keeps the original deadline beside the current one', () => {
    const state = fold(taskDecider, [assigned, extendedTo(1, '2026-03-31')]);
    expect(state.status === 'open' && [state.task.originalDeadline, state.task.deadline]).toEqual([BY_20_MARCH, by('2026-03-31')]);
  });
});

describe('createTaskDecider: an installation’s own catalogue and deadline settings', () => {
  it('checks agencies against the catalogue it is given', () => {
    const catalogue = {
      homeProvince: 'Ninh Bình',
      agencies: [{ id: 'ninh-binh.so-khcn', name: 'Sở Khoa học và Công nghệ tỉnh Ninh Bình', shortNames: [], aliases: [], level: 'province', sector: 'state', kind: 'department' }],
    } as const satisfies AgencyCatalogue;
    const { given: givenNinhBinh } = specFor(createTaskDecider({ catalogue }));
    givenNinhBinh([]).when(assignTask()).thenFails('UnknownAgency', { agencyId: KHCN });
    givenNinhBinh([]).when(assignTask({ lead: 'ninh-binh.so-khcn', reportRecipient: 'ninh-binh.so-khcn' })).then([
      aTaskAssigned({ lead: 'ninh-binh.so-khcn', reportRecipient: 'ninh-binh.so-khcn' }),
    ]);
  });

  it('compares deadlines with its "trước ngày X" setting', () => {
    const toTwentieth = taskCommand('ExtendTaskDeadline', { to: dateDeadline('2026-03-20', 'by') }, on('2026-03-05'));
    given([assigned]).when(toTwentieth).thenFails('DeadlineNotLater');
    const { given: givenExclusive } = specFor(createTaskDecider({ deadlineSettings: { beforeIsInclusive: false } }));
    givenExclusive([assigned]).when(toTwentieth).then([
      { type: 'TaskDeadlineExtended', data: { taskId: TASK_ID, number: 1, from: BY_20_MARCH, to: dateDeadline('2026-03-20', 'by'), extendedOn: '2026-03-05' } },
    ]);
  });
});
