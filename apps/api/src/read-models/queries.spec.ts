import { dateDeadline, eventDeadline, noDeadline, periodDeadline, type Deadline, type TaskCommandInput } from '@chidao/domain';
import * as E from 'fp-ts/Either';
import { activityFeed, agencyScorecard, directiveProgress, extensionLog, listTasks, overdueTasks, taskOwner, upcomingDeadlines, type TaskRow } from './queries';
import {
  CONG_AN,
  createWorld,
  DATABASE_TARGETS,
  KHCN,
  NOI_VU,
  officerOf,
  reportPostgresSkipped,
  TAI_CHINH,
  type ReadDatabase,
  type World,
} from './read-models.test-support';
import { createProjectionRunner, type ProjectionRunner } from './runner';

/*
 * The queries on one story: the notice of 27/02/2026 and the whole life of its task 1.a — assigned,
 * reminded, extended twice, progress reported, completion reported, returned, reported again,
 * confirmed — with five more tasks around it, checked "tính đến ngày" several dates.
 */

const D = 'kh-ubnd-tb-2026-02-27-phien-6';
const T1A = `${D}/1.a`;
const T1B = `${D}/1.b`;
const T2 = `${D}/2`;
const T3 = `${D}/3`;
const T4 = `${D}/4`;
const T5 = `${D}/5`;

describe.each(DATABASE_TARGETS)('read-model queries — read models on $name', ({ open }) => {
  jest.setTimeout(120_000);
  let database: ReadDatabase;
  let world: World;
  let runner: ProjectionRunner;
  /** When the reminder of task 4 dated 10/3 was recorded: after a report dated 12/3. */
  let beforeLateEntry: string;

  const ok = async (outcome: Promise<E.Either<unknown, unknown>>): Promise<void> => {
    const result = await outcome;
    if (E.isLeft(result)) throw new Error(`refused: ${JSON.stringify(result.left)}`);
  };
  const command = <Type extends Exclude<TaskCommandInput['type'], 'AssignTask'>>(
    type: Type,
    taskId: string,
    on: string,
    data?: Parameters<World['task']>[3],
    agency?: string,
  ) => ok(world.task(type, taskId, on, data as never, agency === undefined ? undefined : officerOf(agency)));
  const assign = (taskId: string, on: string, lead: string, deadline: Deadline) => world.assignTask(taskId, on, { lead, deadline, content: `Nhiệm vụ ${taskId}` });

  beforeAll(async () => {
    database = await open();
    world = createWorld();
    await world.registerDirective(D, '2026-02-27', '/TB-UBND');
    await assign(T1A, '2026-02-27', KHCN, dateDeadline('2026-03-06', 'before', 'trước ngày 06/3/2026'));
    await assign(T1B, '2026-02-27', NOI_VU, dateDeadline('2026-03-06', 'by', 'chậm nhất ngày 06/3/2026'));
    await assign(T2, '2026-02-27', KHCN, periodDeadline('month', 2026, 4));
    await assign(T3, '2026-02-27', TAI_CHINH, noDeadline('continuous'));
    await assign(T4, '2026-03-02', CONG_AN, dateDeadline('2026-03-20', 'before'));
    await assign(T5, '2026-02-27', KHCN, eventDeadline({ kind: 'meeting', description: 'phiên họp thứ 7', session: 7 }));

    // Task 1.a, its whole life.
    await command('IssueTaskReminder', T1A, '2026-03-02', { document: { symbol: '120/TB-UBND', issuedOn: '2026-03-02' } });
    await command('ExtendTaskDeadline', T1A, '2026-03-05', { to: dateDeadline('2026-03-10', 'by'), reason: 'Chờ ý kiến các sở' });
    await command('ReportTaskProgress', T1A, '2026-03-09', { summary: 'Đã xây dựng dự thảo Chiến lược dữ liệu' }, KHCN);
    await command('ExtendTaskDeadline', T1A, '2026-03-11', { to: dateDeadline('2026-03-15', 'by', 'gia hạn lần 2 đến ngày 15/3/2026') });
    await command('ReportTaskCompletion', T1A, '2026-03-14', { summary: 'Đã trình UBND tỉnh' }, KHCN);
    await command('ReturnTaskCompletion', T1A, '2026-03-17', { reason: 'Chưa lấy ý kiến Sở Tài chính' });
    await command('ReportTaskCompletion', T1A, '2026-03-20', { summary: 'Đã bổ sung ý kiến' }, KHCN);
    await command('ConfirmTaskCompletion', T1A, '2026-03-23', {});

    await command('ReportTaskCompletion', T1B, '2026-03-05', { summary: 'Đã ban hành' }, NOI_VU);
    await command('ConfirmTaskCompletion', T1B, '2026-03-06', {});
    await command('ReassignTask', T3, '2026-03-25', { to: KHCN, reason: 'Sắp xếp tổ chức bộ máy' });
    await command('ReportTaskProgress', T4, '2026-03-12', { summary: 'Đang triển khai' }, CONG_AN);
    beforeLateEntry = new Date(Date.parse(world.clock()) - 1_000).toISOString();
    // Entered late: a reminder dated 10/3, recorded after the report dated 12/3.
    await command('IssueTaskReminder', T4, '2026-03-10', {});

    runner = createProjectionRunner({ store: world.store, db: database.db, batchSize: 6 });
    await runner.start();
  });
  afterAll(async () => {
    await runner.stop();
    await database.close();
  });

  const task = async (taskId: string, asOf: string): Promise<TaskRow | undefined> =>
    (await listTasks(database.db, { asOf, page: 1, pageSize: 100 })).items.find((row) => row.taskId === taskId);

  it('follows task 1.a through its life, status by status, against the current and the original deadline', async () => {
    expect(await task(T1A, '2026-02-26')).toBeUndefined();
    expect(await task(T1A, '2026-02-27')).toMatchObject({
      status: 'dang_thuc_hien_trong_han',
      statusLabel: { vi: 'Đang thực hiện trong hạn', en: 'Open, within deadline' },
      dueOn: '2026-03-06',
      daysUntilDue: 7,
      dueSoon: true,
      extensionCount: 0,
      reminderCount: 0,
      directiveSymbol: '/TB-UBND',
      clause: '1.a',
    });
    expect(await task(T1A, '2026-03-04')).toMatchObject({ status: 'dang_thuc_hien_trong_han', daysUntilDue: 2, reminderCount: 1 });
    expect(await task(T1A, '2026-03-07')).toMatchObject({
      status: 'dang_thuc_hien_trong_han',
      statusAgainstOriginal: 'dang_thuc_hien_qua_han',
      dueOn: '2026-03-10',
      originalDueOn: '2026-03-06',
      extensionCount: 1,
    });
    expect(await task(T1A, '2026-03-10')).toMatchObject({ status: 'dang_thuc_hien_trong_han', daysUntilDue: 0, lastReportOn: '2026-03-09' });
    expect(await task(T1A, '2026-03-11')).toMatchObject({ status: 'dang_thuc_hien_trong_han', dueOn: '2026-03-15', extensionCount: 2, deadlineText: 'gia hạn lần 2 đến ngày 15/3/2026' });
    expect(await task(T1A, '2026-03-14')).toMatchObject({ status: 'cho_xac_nhan', state: 'completion_reported', completionReportedOn: '2026-03-14' });
    expect(await task(T1A, '2026-03-18')).toMatchObject({ status: 'dang_thuc_hien_qua_han', daysOverdue: 3, state: 'open', completionReportedOn: null });
    expect(await task(T1A, '2026-03-21')).toMatchObject({ status: 'cho_xac_nhan' });
    expect(await task(T1A, '2026-03-31')).toMatchObject({
      status: 'hoan_thanh_qua_han',
      statusAgainstOriginal: 'hoan_thanh_qua_han',
      daysOverdue: 5,
      state: 'completed',
      completedOn: '2026-03-23',
      completionReportedOn: '2026-03-20',
      lastReportSummary: 'Đã xây dựng dự thảo Chiến lược dữ liệu',
      originalDeadlineText: 'trước ngày 06/3/2026',
    });
  });

  it('lists, filters, sorts and pages the tasks as of a date', async () => {
    const asOf = '2026-03-31';
    const all = await listTasks(database.db, { asOf, page: 1, pageSize: 100 });
    expect(all.total).toBe(6);
    expect(all.items.map((row) => [row.taskId, row.status])).toEqual([
      [T1B, 'hoan_thanh_dung_han'],
      [T1A, 'hoan_thanh_qua_han'],
      [T4, 'dang_thuc_hien_qua_han'],
      [T2, 'dang_thuc_hien_trong_han'],
      [T3, 'dang_thuc_hien_khong_thoi_han'],
      [T5, 'chua_den_han'],
    ]);
    const byDueDescending = await listTasks(database.db, { asOf, sort: '-due', page: 1, pageSize: 100 });
    expect(byDueDescending.items.map((row) => row.taskId)).toEqual([T2, T4, T1A, T1B, T3, T5]);
    const byStatus = await listTasks(database.db, { asOf, sort: 'status', page: 1, pageSize: 100 });
    expect(byStatus.items.map((row) => row.status)).toEqual([
      'hoan_thanh_dung_han',
      'hoan_thanh_qua_han',
      'dang_thuc_hien_trong_han',
      'dang_thuc_hien_qua_han',
      'dang_thuc_hien_khong_thoi_han',
      'chua_den_han',
    ]);
    const second = await listTasks(database.db, { asOf, sort: 'clause', page: 2, pageSize: 4 });
    expect(second).toMatchObject({ total: 6, page: 2, pageSize: 4 });
    expect(second.items.map((row) => row.taskId)).toEqual([T4, T5]);
    expect(await listTasks(database.db, { asOf, page: 5, pageSize: 4 })).toEqual({ items: [], total: 6, page: 5, pageSize: 4 });

    const khcn = await listTasks(database.db, { asOf, agencyId: KHCN, page: 1, pageSize: 100 });
    expect(khcn.items.map((row) => row.taskId).sort()).toEqual([T1A, T2, T3, T5]);
    const overdueOrDone = await listTasks(database.db, { asOf, status: ['dang_thuc_hien_qua_han', 'hoan_thanh_dung_han'], page: 1, pageSize: 100 });
    expect(overdueOrDone.items.map((row) => row.taskId)).toEqual([T1B, T4]);
    const dueInMarch = await listTasks(database.db, { asOf, dueFrom: '2026-03-10', dueTo: '2026-03-31', page: 1, pageSize: 100 });
    expect(dueInMarch.items.map((row) => row.taskId)).toEqual([T1A, T4]);
    expect((await listTasks(database.db, { asOf, directiveId: 'another', page: 1, pageSize: 10 })).total).toBe(0);
    await expect(listTasks(database.db, { asOf, sort: 'colour', page: 1, pageSize: 10 })).rejects.toThrow(RangeError);
  });

  it('filters by the lead agency on the as-of date: a reassigned task moves to its new lead from the reassignment on', async () => {
    const ids = async (asOf: string, agencyId: string) => (await listTasks(database.db, { asOf, agencyId, page: 1, pageSize: 100 })).items.map((row) => row.taskId);
    expect(await ids('2026-03-20', TAI_CHINH)).toEqual([T3]);
    expect(await ids('2026-03-20', KHCN)).not.toContain(T3);
    expect(await ids('2026-03-31', TAI_CHINH)).toEqual([]);
    expect(await ids('2026-03-31', KHCN)).toContain(T3);
    expect(await taskOwner(database.db, T3)).toEqual({ leadAgencyId: KHCN, directiveId: D });
    expect(await taskOwner(database.db, `${D}/99`)).toBeNull();
  });

  it('scores each agency "tính đến ngày": counts per status, on-time rates against current and original deadlines, extensions, reminders', async () => {
    const scorecard = await agencyScorecard(database.db, { asOf: '2026-03-31' });
    expect(scorecard.map((row) => row.agencyId)).toEqual([CONG_AN, KHCN, NOI_VU]);
    const khcn = scorecard.find((row) => row.agencyId === KHCN)!;
    expect(khcn).toMatchObject({
      agencyName: 'Sở Khoa học và Công nghệ tỉnh Khánh Hòa',
      total: 4,
      done: 1,
      doneOnTime: 0,
      doneLate: 1,
      onTimeRate: 0,
      doneLateOriginal: 1,
      onTimeRateOriginal: 0,
      overdue: 0,
      extensions: 2,
      tasksExtended: 1,
      reminders: 1,
    });
    expect(khcn.counts).toMatchObject({ hoan_thanh_qua_han: 1, dang_thuc_hien_trong_han: 1, dang_thuc_hien_khong_thoi_han: 1, chua_den_han: 1, da_rut: 0 });
    expect(scorecard.find((row) => row.agencyId === NOI_VU)).toMatchObject({ total: 1, doneOnTime: 1, onTimeRate: 1, onTimeRateOriginal: 1 });
    expect(scorecard.find((row) => row.agencyId === CONG_AN)).toMatchObject({ total: 1, overdue: 1, reminders: 1, onTimeRate: null });

    // As of 20/3 task 3 was still the Department of Finance's.
    expect((await agencyScorecard(database.db, { asOf: '2026-03-20' })).map((row) => row.agencyId)).toEqual([CONG_AN, KHCN, NOI_VU, TAI_CHINH]);
    // From 1/3: only task 4 was assigned in the period.
    expect((await agencyScorecard(database.db, { asOf: '2026-03-31', from: '2026-03-01' })).map((row) => [row.agencyId, row.total])).toEqual([[CONG_AN, 1]]);
    expect((await agencyScorecard(database.db, { asOf: '2026-03-31', agencyId: NOI_VU })).map((row) => row.agencyId)).toEqual([NOI_VU]);
  });

  it('reports directive progress, per directive and for one agency', async () => {
    const [progress] = await directiveProgress(database.db, { asOf: '2026-03-31' });
    expect(progress).toMatchObject({ directiveId: D, symbol: '/TB-UBND', issuedOn: '2026-02-27', total: 6, done: 2, overdue: 1, doneRatio: 0.3333 });
    expect(progress!.counts.hoan_thanh_dung_han).toBe(1);
    expect(await directiveProgress(database.db, { asOf: '2026-03-31', agencyId: NOI_VU })).toMatchObject([{ total: 1, done: 1 }]);
    expect(await directiveProgress(database.db, { asOf: '2026-03-31', directiveId: 'another' })).toEqual([]);
  });

  it('lists overdue tasks with their days overdue, and upcoming deadlines', async () => {
    expect((await overdueTasks(database.db, { asOf: '2026-03-31' })).map((row) => [row.taskId, row.daysOverdue])).toEqual([[T4, 11]]);
    expect((await overdueTasks(database.db, { asOf: '2026-03-18' })).map((row) => [row.taskId, row.daysOverdue])).toEqual([[T1A, 3]]);
    expect(await overdueTasks(database.db, { asOf: '2026-03-31', agencyId: KHCN })).toEqual([]);
    expect((await upcomingDeadlines(database.db, { asOf: '2026-03-16', days: 7 })).map((row) => [row.taskId, row.dueOn, row.daysUntilDue])).toEqual([[T4, '2026-03-20', 4]]);
    expect((await upcomingDeadlines(database.db, { asOf: '2026-03-16', days: 3 })).map((row) => row.taskId)).toEqual([]);
  });

  it('keeps the extension log', async () => {
    const log = await extensionLog(database.db, { taskId: T1A });
    expect(log.map((row) => [row.action, row.extensionNumber, row.fromDueOn, row.toDueOn, row.daysAdded, row.leadAgencyId])).toEqual([
      ['extended', 1, '2026-03-06', '2026-03-10', 4, KHCN],
      ['extended', 2, '2026-03-10', '2026-03-15', 5, KHCN],
    ]);
    expect(log[0]).toMatchObject({ reason: 'Chờ ý kiến các sở', occurredOn: '2026-03-05', directiveId: D });
    expect(log[0]!.recordedAt).toMatch(/^2026-03-02T\d\d:\d\d:00\.000000Z$/);
    expect(await extensionLog(database.db, { agencyId: NOI_VU })).toEqual([]);
    expect(await extensionLog(database.db, { directiveId: D })).toHaveLength(2);
  });

  it('serves the activity feed newest first, page by page, and only the agency’s own tasks', async () => {
    const first = await activityFeed(database.db, { limit: 3 });
    expect(first.map((row) => row.eventType)).toEqual(['TaskReminderIssued', 'TaskProgressReported', 'TaskReassigned']);
    expect(first[0]).toMatchObject({ taskId: T4, directiveId: D, occurredOn: '2026-03-10', summary: { vi: 'Nhắc việc, đôn đốc', en: 'Reminder issued' } });
    const next = await activityFeed(database.db, { limit: 2, before: first.at(-1)!.position });
    expect(next.map((row) => row.eventType)).toEqual(['TaskCompletionConfirmed', 'TaskCompletionReported']);
    const noiVu = await activityFeed(database.db, { agencyId: NOI_VU, limit: 10 });
    expect(noiVu.map((row) => row.taskId)).toEqual([T1B, T1B, T1B]);
    expect(noiVu.at(-1)!.summary.vi).toBe('Giao nhiệm vụ 1.b cho khanh-hoa.so-noi-vu chủ trì, thời hạn: chậm nhất ngày 06/3/2026');
  });

  it('answers "as of D" from what is known now, and "as known at T" from what was known then (a paper entered late)', async () => {
    expect(await task(T4, '2026-03-11')).toMatchObject({ reminderCount: 1, progressReportCount: 0 });
    const knownAt = async (asOf: string, at: string) =>
      (await database.db.query(`SELECT reminder_count, progress_report_count FROM read.task_status_known_at($1, $2) WHERE task_id = $3`, [asOf, at, T4]))[0];
    expect(await knownAt('2026-03-11', beforeLateEntry)).toEqual({ reminder_count: 0, progress_report_count: 0 });
    expect(await knownAt('2026-03-12', beforeLateEntry)).toEqual({ reminder_count: 0, progress_report_count: 1 });
    expect(await knownAt('2026-03-11', world.clock())).toEqual({ reminder_count: 1, progress_report_count: 0 });
    expect(await knownAt('2026-03-12', world.clock())).toEqual({ reminder_count: 1, progress_report_count: 1 });
  });
});

reportPostgresSkipped('read-model queries');
