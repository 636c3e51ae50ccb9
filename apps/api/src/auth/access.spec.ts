import type { Role } from '@chidao/domain';
import jwt from 'jsonwebtoken';
import { TEST_JWT_SECRET, startTestApp, type TestApp } from '../testing/test-app';

/*
 * Every access rule of DESIGN.md, allowed and refused: tokens (401), roles per endpoint (403), and
 * agency officers bound to the tasks their agency leads — for writes and for reads.
 */

jest.setTimeout(60_000);

const DIRECTIVE = 'kh-ubnd-tb-2026-02-27';
const SKHCN = 'khanh-hoa.so-khcn';
const SO_TAI_CHINH = 'khanh-hoa.so-tai-chinh';

let app: TestApp;
const token = (role: Role, agencyId?: string) => app.token(role, agencyId);
const bearer = (value: string) => ({ Authorization: `Bearer ${value}` });

const progress = (localId: string, as: string) =>
  app
    .http()
    .post(`/tasks/${DIRECTIVE}/${localId}/progress-reports`)
    .set(bearer(as))
    .send({ summary: 'Báo cáo tiến độ', occurredOn: '2026-03-10' });

beforeAll(async () => {
  app = await startTestApp({ demo: true });
});

afterAll(async () => {
  await app?.close();
});

describe('tokens', () => {
  it('401 with a Vietnamese and English message without a token', async () => {
    const response = await app.http().get('/tasks').expect(401);
    expect(response.body).toMatchObject({ error: 'Unauthenticated', message: { vi: expect.stringContaining('Cần đăng nhập'), en: expect.stringContaining('Authentication required') } });
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('401 for a command without a token, and nothing is appended', async () => {
    const before = await app.eventCount();
    await app.http().post('/directives').send({}).expect(401);
    expect(await app.eventCount()).toBe(before);
  });

  it.each([
    ['signed with another secret', () => jwt.sign({ role: 'admin' }, 'another-secret-of-sufficient-length', { subject: 'x', issuer: 'chidao' })],
    ['unsigned (alg none)', () => jwt.sign({ role: 'admin' }, '', { subject: 'x', issuer: 'chidao', algorithm: 'none' })],
    ['expired', () => jwt.sign({ role: 'admin', exp: Math.floor(Date.now() / 1000) - 60 }, TEST_JWT_SECRET, { subject: 'x', issuer: 'chidao' })],
    ['of another issuer', () => jwt.sign({ role: 'admin' }, TEST_JWT_SECRET, { subject: 'x', issuer: 'elsewhere' })],
    ['with an unknown role', () => jwt.sign({ role: 'mayor' }, TEST_JWT_SECRET, { subject: 'x', issuer: 'chidao' })],
    ['of an agency officer without agencyId', () => jwt.sign({ role: 'agency' }, TEST_JWT_SECRET, { subject: 'x', issuer: 'chidao' })],
    ['naming an agency not in the catalogue', () => jwt.sign({ role: 'agency', agencyId: 'khanh-hoa.so-khong-co' }, TEST_JWT_SECRET, { subject: 'x', issuer: 'chidao' })],
    ['without a subject', () => jwt.sign({ role: 'admin' }, TEST_JWT_SECRET, { issuer: 'chidao' })],
  ])('401 for a token %s', async (_name, make) => {
    const response = await app.http().get('/tasks').set(bearer(make())).expect(401);
    expect(response.body).toMatchObject({ message: { vi: expect.any(String), en: expect.any(String) } });
  });

  it('401 for an Authorization header that is not a bearer token', async () => {
    await app.http().get('/tasks').set('Authorization', `Basic ${Buffer.from('a:b').toString('base64')}`).expect(401);
  });

  it('lets probes and readers of the docs in without a token: /health, /api/docs, /api/docs-json', async () => {
    await app.http().get('/health').expect(200);
    await app.http().get('/api/docs-json').expect(200);
    const ui = await app.http().get('/api/docs/').expect(200);
    expect(ui.text).toContain('swagger');
  });
});

describe('commands: who may write', () => {
  it.each<[Role]>([['auditor'], ['analyst']])('403 for a %s, who never writes, and nothing is appended', async (role) => {
    const before = await app.eventCount();
    const response = await progress('1.a', token(role)).expect(403);
    expect(response.body).toMatchObject({ error: 'Forbidden', message: { vi: expect.any(String), en: expect.any(String) } });
    expect(await app.eventCount()).toBe(before);
  });

  it('lets an officer of Sở KH&CN report on a task Sở KH&CN leads', async () => {
    await progress('1.e', token('agency', SKHCN)).expect(201);
  });

  it('403 NotLeadAgency for an officer of another agency, and nothing is appended', async () => {
    const before = await app.eventCount();
    const response = await progress('1.e', token('agency', SO_TAI_CHINH)).expect(403);
    expect(response.body).toMatchObject({ _tag: 'NotLeadAgency', data: { leadAgencyId: SKHCN, actorAgencyId: SO_TAI_CHINH } });
    expect(await app.eventCount()).toBe(before);
  });

  it('403 for an officer of the old lead after a reassignment (1.d went to Sở Nội vụ)', async () => {
    await progress('1.d', token('agency', SKHCN)).expect(403);
    await progress('1.d', token('agency', 'khanh-hoa.so-noi-vu')).expect(201);
  });

  it('404 before 403 for an officer reporting on a task that does not exist', async () => {
    await progress('9.z', token('agency', SKHCN)).expect(404);
  });

  it.each([
    ['extend a deadline', '/tasks/kh-ubnd-tb-2026-02-27/1.e/extensions', { to: { kind: 'date', text: 'đến 31/5/2026', date: '2026-05-31', qualifier: 'by' } }],
    ['issue a reminder', '/tasks/kh-ubnd-tb-2026-02-27/1.e/reminders', {}],
    ['assign a task', `/directives/${DIRECTIVE}/tasks`, { clause: '9', content: 'x', lead: SKHCN, deadline: { kind: 'none', text: 'x', reason: 'continuous' } }],
    ['register a directive', '/directives', { directiveId: 'x', symbol: '1/TB-UBND', issuer: { name: 'UBND' }, subject: 'x' }],
    ['confirm a completion', '/tasks/kh-ubnd-tb-2026-02-27/1.c/completion-confirmations', {}],
  ])('403 for an agency officer who tries to %s, even on its own task', async (_name, path, body) => {
    const before = await app.eventCount();
    await app.http().post(path).set(bearer(token('agency', SKHCN))).send(body).expect(403);
    expect(await app.eventCount()).toBe(before);
  });

  it('lets the secretariat report on behalf of the lead agency', async () => {
    await progress('1.e', token('secretariat')).expect(201);
  });

  it('lets an admin decide (a reminder) but not report for an agency', async () => {
    await app.http().post(`/tasks/${DIRECTIVE}/1.e/reminders`).set(bearer(token('admin'))).send({ occurredOn: '2026-03-11' }).expect(201);
    await progress('1.e', token('admin')).expect(403);
  });

  it('lets an officer ask for an extension of its own task, and the secretariat refuse it', async () => {
    await app
      .http()
      .post(`/tasks/${DIRECTIVE}/1.e/extension-requests`)
      .set(bearer(token('agency', SKHCN)))
      .send({ requestedDeadline: { kind: 'date', text: 'đến 31/5/2026', date: '2026-05-31', qualifier: 'by' }, reason: 'Chờ số liệu', occurredOn: '2026-03-12' })
      .expect(201);
    await app.http().post(`/tasks/${DIRECTIVE}/1.e/extension-rejections`).set(bearer(token('agency', SKHCN))).send({ reason: 'x' }).expect(403);
    await app.http().post(`/tasks/${DIRECTIVE}/1.e/extension-rejections`).set(bearer(token('secretariat'))).send({ reason: 'Không có căn cứ', occurredOn: '2026-03-13' }).expect(201);
  });
});

describe('queries: who may read what', () => {
  it.each<[Role]>([['analyst'], ['secretariat'], ['admin']])('lets a %s list every agency’s tasks', async (role) => {
    const response = await app.http().get('/tasks').query({ pageSize: 100 }).set(bearer(token(role))).expect(200);
    const leads = new Set((response.body as { items: { leadAgencyId: string }[] }).items.map((item) => item.leadAgencyId));
    expect(leads.size).toBeGreaterThan(3);
  });

  it('403 for an auditor on the analysts’ queries', async () => {
    await app.http().get('/tasks').set(bearer(token('auditor'))).expect(403);
    await app.http().get('/reports/scorecard').set(bearer(token('auditor'))).expect(403);
  });

  it('shows an agency officer only the tasks its agency leads', async () => {
    const response = await app.http().get('/tasks').query({ pageSize: 100 }).set(bearer(token('agency', SKHCN))).expect(200);
    const items = (response.body as { items: { leadAgencyId: string }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((item) => item.leadAgencyId))).toEqual(new Set([SKHCN]));
  });

  it.each(['/tasks', '/reports/scorecard', '/reports/overdue', '/reports/upcoming', '/reports/directive-progress', '/reports/extensions', '/activity'])(
    '403 for an agency officer who asks %s for another agency',
    async (path) => {
      const response = await app.http().get(path).query({ agencyId: SO_TAI_CHINH }).set(bearer(token('agency', SKHCN))).expect(403);
      expect(response.body).toMatchObject({ message: { vi: expect.any(String), en: expect.any(String) } });
    },
  );

  it('lets an agency officer name its own agency', async () => {
    await app.http().get('/reports/scorecard').query({ agencyId: SKHCN }).set(bearer(token('agency', SKHCN))).expect(200);
  });

  it('keeps the scorecard of an agency officer to its own agency', async () => {
    const response = await app.http().get('/reports/scorecard').query({ asOf: '2026-03-20' }).set(bearer(token('agency', SKHCN))).expect(200);
    expect((response.body as { items: { agencyId: string }[] }).items.map((item) => item.agencyId)).toEqual([SKHCN]);
  });

  it('shows an agency officer one of its tasks, and refuses another agency’s', async () => {
    await app.http().get(`/tasks/${DIRECTIVE}/1.a`).set(bearer(token('agency', SKHCN))).expect(200);
    await app.http().get(`/tasks/${DIRECTIVE}/2`).set(bearer(token('agency', SKHCN))).expect(403);
  });

  it('shows an agency officer only its own tasks of a directive', async () => {
    const response = await app.http().get(`/directives/${DIRECTIVE}`).set(bearer(token('agency', SO_TAI_CHINH))).expect(200);
    expect((response.body as { tasks: { taskId: string }[] }).tasks.map((task) => task.taskId)).toEqual([`${DIRECTIVE}/2`]);
  });

  it('keeps the activity feed of an agency officer to its tasks', async () => {
    const response = await app.http().get('/activity').query({ limit: 200 }).set(bearer(token('agency', SO_TAI_CHINH))).expect(200);
    const items = (response.body as { items: { taskId: string | null }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.taskId === `${DIRECTIVE}/2`)).toBe(true);
  });
});

describe('audit, imports and metrics', () => {
  it.each<[Role]>([['auditor'], ['admin']])('lets a %s read a directive’s history and verify the store', async (role) => {
    await app.http().get(`/audit/directives/${DIRECTIVE}/history`).set(bearer(token(role))).expect(200);
    await app.http().get('/audit/verify').set(bearer(token(role))).expect(200);
  });

  it.each<[Role, string | undefined]>([
    ['analyst', undefined],
    ['secretariat', undefined],
    ['agency', SKHCN],
  ])('403 for a %s on the audit endpoints', async (role, agencyId) => {
    await app.http().get(`/audit/directives/${DIRECTIVE}/history`).set(bearer(token(role, agencyId))).expect(403);
    await app.http().get('/audit/export').set(bearer(token(role, agencyId))).expect(403);
  });

  it.each<[Role, string | undefined]>([
    ['agency', SKHCN],
    ['analyst', undefined],
    ['auditor', undefined],
  ])('403 for a %s on POST /imports', async (role, agencyId) => {
    await app.http().post('/imports').set(bearer(token(role, agencyId))).send({ text: 'x' }).expect(403);
  });

  it('lets an admin read the metrics, and refuses an agency officer', async () => {
    const response = await app.http().get('/metrics').set(bearer(token('admin'))).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.text).toContain('chidao_http_requests_total{');
    expect(response.text).toMatch(/^process_resident_memory_bytes [1-9]\d+$/m);
    await app.http().get('/metrics').set(bearer(token('agency', SKHCN))).expect(403);
  });
});
