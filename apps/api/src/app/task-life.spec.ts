import { startTestApp, type TestApp } from '../testing/test-app';

/*
 * The whole life of task 1.a of the notice of 27/02/2026 (phiên họp thứ 6), through the HTTP API:
 * assigned, reminded, extended twice, progress reported, completion reported, returned, reported
 * again, confirmed — and its status read back through the query endpoints as of several dates, each
 * read waiting for the write it follows (minPosition).
 */

jest.setTimeout(60_000);

const DIRECTIVE = 'kh-ubnd-tb-2026-02-27';
const TASK = `${DIRECTIVE}/1.a`;
const SKHCN = 'khanh-hoa.so-khcn';

let app: TestApp;
let secretariat: string;
let officer: string;
let analyst: string;
let auditor: string;
const positions: string[] = [];
const recordedAt: Record<string, string> = {};

type CommandBody = { readonly position: string; readonly revision: number; readonly events: readonly { readonly type: string; readonly recordedAt: string }[] };

const send = async (token: string, path: string, body: object, expected = 201): Promise<CommandBody> => {
  const response = await app.http().post(path).set('Authorization', `Bearer ${token}`).send(body);
  if (response.status !== expected) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  const result = response.body as CommandBody;
  positions.push(result.position);
  for (const event of result.events) recordedAt[event.type] ??= event.recordedAt;
  return result;
};

const taskPath = (segment: string) => `/tasks/${DIRECTIVE}/1.a/${segment}`;

type TaskRow = { readonly taskId: string; readonly status: string; readonly statusAgainstOriginal: string; readonly dueOn: string; readonly originalDueOn: string; readonly extensionCount: number; readonly reminderCount: number };

/** The task as the task list shows it as of a date, after the last write. */
const asOf = async (date: string): Promise<TaskRow> => {
  const response = await app
    .http()
    .get('/tasks')
    .query({ asOf: date, directiveId: DIRECTIVE, minPosition: positions.at(-1) ?? '' })
    .set('Authorization', `Bearer ${analyst}`)
    .expect(200);
  const row = (response.body as { items: TaskRow[] }).items.find((item) => item.taskId === TASK);
  if (row === undefined) throw new Error(`1.a not listed as of ${date}`);
  return row;
};

beforeAll(async () => {
  app = await startTestApp();
  secretariat = app.token('secretariat');
  officer = app.token('agency', SKHCN);
  analyst = app.token('analyst');
  auditor = app.token('auditor');

  await send(secretariat, '/directives', {
    directiveId: DIRECTIVE,
    symbol: '/TB-UBND',
    issuer: { name: 'Ủy ban nhân dân tỉnh Khánh Hòa', agencyId: 'khanh-hoa.ubnd' },
    issuedOn: '2026-02-27',
    presidedBy: { name: 'Nguyễn Thanh Hà', title: 'Phó Chủ tịch UBND tỉnh' },
    meeting: { heldOn: '2026-02-27', session: 6 },
    subject: 'Kết luận của Phó Chủ tịch UBND tỉnh Nguyễn Thanh Hà tại cuộc họp với cơ quan thường trực giúp việc của Ban chỉ đạo (phiên họp thứ 6)',
    occurredOn: '2026-02-27',
  });
  await send(secretariat, `/directives/${DIRECTIVE}/tasks`, {
    clause: '1.a',
    content: 'Tham mưu trình UBND tỉnh ban hành Chiến lược dữ liệu tỉnh Khánh Hòa đến năm 2030',
    lead: SKHCN,
    deadline: { kind: 'date', text: 'chậm nhất ngày 06/3/2026', date: '2026-03-06', qualifier: 'by' },
    occurredOn: '2026-02-27',
  });
  await send(secretariat, taskPath('reminders'), {
    document: { symbol: '100/TB-UBND', issuedOn: '2026-03-02', issuer: 'UBND tỉnh Khánh Hòa' },
    note: 'Đôn đốc Sở KH&CN khẩn trương hoàn thành',
    occurredOn: '2026-03-02',
  });
  await send(secretariat, taskPath('extensions'), {
    to: { kind: 'date', text: 'gia hạn lần 1 đến ngày 10/3/2026', date: '2026-03-10', qualifier: 'by' },
    number: 1,
    reason: 'Sở KH&CN đề nghị thêm thời gian lấy ý kiến',
    occurredOn: '2026-03-05',
  });
  await send(secretariat, taskPath('extensions'), {
    to: { kind: 'date', text: 'gia hạn lần 2 đến ngày 15/3/2026', date: '2026-03-15', qualifier: 'by' },
    number: 2,
    occurredOn: '2026-03-09',
  });
  await send(officer, taskPath('progress-reports'), { summary: 'Đã hoàn thành dự thảo, đang lấy ý kiến các sở, ngành', occurredOn: '2026-03-12' });
  await send(officer, taskPath('completion-reports'), { summary: 'Đã trình dự thảo Chiến lược dữ liệu', occurredOn: '2026-03-14' });
  await send(secretariat, taskPath('completion-returns'), { reason: 'Dự thảo chưa tiếp thu ý kiến của Sở Tài chính', occurredOn: '2026-03-16' });
  await send(officer, taskPath('completion-reports'), { summary: 'Đã tiếp thu ý kiến và trình lại', occurredOn: '2026-03-18' });
  await send(secretariat, taskPath('completion-confirmations'), { note: 'UBND tỉnh đã ban hành Chiến lược', occurredOn: '2026-03-20' });
});

afterAll(async () => {
  await app?.close();
});

describe('task 1.a of the notice of 27/02/2026, as of each date of its life', () => {
  it('is open within its deadline on 01/03, before any extension', async () => {
    const row = await asOf('2026-03-01');
    expect(row).toMatchObject({ status: 'dang_thuc_hien_trong_han', dueOn: '2026-03-06', originalDueOn: '2026-03-06', reminderCount: 0, extensionCount: 0 });
  });

  it('is within the first extension on 08/03, but late against the original deadline', async () => {
    const row = await asOf('2026-03-08');
    expect(row).toMatchObject({ status: 'dang_thuc_hien_trong_han', statusAgainstOriginal: 'dang_thuc_hien_qua_han', dueOn: '2026-03-10', extensionCount: 1, reminderCount: 1 });
  });

  it('is due on 15/03 after the second extension', async () => {
    const row = await asOf('2026-03-11');
    expect(row).toMatchObject({ status: 'dang_thuc_hien_trong_han', dueOn: '2026-03-15', extensionCount: 2 });
  });

  it('awaits confirmation on 14/03, once completion is reported', async () => {
    expect((await asOf('2026-03-14')).status).toBe('cho_xac_nhan');
  });

  it('is open and overdue on 17/03, after the report was returned', async () => {
    expect((await asOf('2026-03-17')).status).toBe('dang_thuc_hien_qua_han');
  });

  it('awaits confirmation again on 19/03', async () => {
    expect((await asOf('2026-03-19')).status).toBe('cho_xac_nhan');
  });

  it('is done late on 20/03, judged against both deadlines', async () => {
    const row = await asOf('2026-03-20');
    expect(row).toMatchObject({ status: 'hoan_thanh_qua_han', statusAgainstOriginal: 'hoan_thanh_qua_han', dueOn: '2026-03-15', originalDueOn: '2026-03-06' });
  });

  it('lists in the extension log both extensions, numbered, with the days they added', async () => {
    const response = await app
      .http()
      .get('/reports/extensions')
      .query({ directiveId: DIRECTIVE, minPosition: positions.at(-1) ?? '' })
      .set('Authorization', `Bearer ${analyst}`)
      .expect(200);
    const rows = (response.body as { items: { action: string; extensionNumber: number; toDueOn: string }[] }).items.filter((row) => row.action === 'extended');
    expect(rows.map((row) => [row.extensionNumber, row.toDueOn])).toEqual([
      [1, '2026-03-10'],
      [2, '2026-03-15'],
    ]);
  });

  it('counts the task done late in the scorecard of Sở KH&CN as of 20/03', async () => {
    const response = await app
      .http()
      .get('/reports/scorecard')
      .query({ asOf: '2026-03-20', agencyId: SKHCN, minPosition: positions.at(-1) ?? '' })
      .set('Authorization', `Bearer ${analyst}`)
      .expect(200);
    expect((response.body as { items: unknown[] }).items).toEqual([
      expect.objectContaining({ agencyId: SKHCN, total: 1, doneLate: 1, extensions: 2, reminders: 1 }),
    ]);
  });

  it('shows the auditor every event of the task in order, with both time axes and the hash chain', async () => {
    const response = await app.http().get(`/audit/tasks/${DIRECTIVE}/1.a/history`).set('Authorization', `Bearer ${auditor}`).expect(200);
    const events = (response.body as { events: { type: string; revision: number; occurredOn: string; recordedAt: string; metadata: { hash: string; previousHash: string | null; actor: { role: string } } }[] }).events;
    expect(events.map((event) => event.type)).toEqual([
      'TaskAssigned',
      'TaskReminderIssued',
      'TaskDeadlineExtended',
      'TaskDeadlineExtended',
      'TaskProgressReported',
      'TaskCompletionReported',
      'TaskCompletionReturned',
      'TaskCompletionReported',
      'TaskCompletionConfirmed',
    ]);
    expect(events.map((event) => event.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(events[4]?.metadata.actor.role).toBe('agency');
    events.forEach((event, index) => expect(event.metadata.previousHash).toBe(index === 0 ? null : events[index - 1]?.metadata.hash));
  });

  it('answers "what did the system know" separately from "what was true": as known when the return was recorded, 1.a was still open', async () => {
    const knownAt = recordedAt['TaskCompletionReturned'] ?? '';
    const known = await app
      .http()
      .get(`/audit/tasks/${DIRECTIVE}/1.a/state`)
      .query({ asOf: '2026-03-20', knownAt })
      .set('Authorization', `Bearer ${auditor}`)
      .expect(200);
    expect(known.body).toMatchObject({ lifecycle: 'open', status: { code: 'dang_thuc_hien_qua_han' } });
    const now = await app.http().get(`/audit/tasks/${DIRECTIVE}/1.a/state`).query({ asOf: '2026-03-20' }).set('Authorization', `Bearer ${auditor}`).expect(200);
    expect(now.body).toMatchObject({ lifecycle: 'completed', status: { code: 'hoan_thanh_qua_han' } });
  });

  it('verifies the directive and the whole store, and exports a bundle as a download', async () => {
    const directive = await app.http().get(`/audit/directives/${DIRECTIVE}/verify`).set('Authorization', `Bearer ${auditor}`).expect(200);
    expect(directive.body).toMatchObject({ ok: true, events: 10 });
    const all = await app.http().get('/audit/verify').set('Authorization', `Bearer ${auditor}`).expect(200);
    expect(all.body).toMatchObject({ ok: true });
    const bundle = await app.http().get(`/audit/directives/${DIRECTIVE}/export`).set('Authorization', `Bearer ${auditor}`).expect(200);
    expect(bundle.headers['content-disposition']).toMatch(/^attachment; filename="chidao-kh-ubnd-tb-2026-02-27-\d{4}-\d{2}-\d{2}\.json"$/);
    expect((bundle.body as { events: unknown[] }).events).toHaveLength(10);
  });

  it('the export bundle verifies offline', async () => {
    const { verifyBundle } = await import('@chidao/event-store');
    const bundle = await app.http().get('/audit/export').set('Authorization', `Bearer ${auditor}`).expect(200);
    await expect(verifyBundle(bundle.body)).resolves.toMatchObject({ ok: true });
  });
});
