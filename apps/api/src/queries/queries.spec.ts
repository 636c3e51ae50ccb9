import { startTestApp, type TestApp } from '../testing/test-app';

/*
 * The analysts' queries on the demo data (the two corpus notices and the news of 20/3/2026):
 * filters, sorting, paging, "tính đến ngày", CSV with a BOM, and read-your-writes.
 */

jest.setTimeout(60_000);

const DIRECTIVE = 'kh-ubnd-tb-2026-02-27';

let app: TestApp;
let analyst: string;

type Row = Record<string, unknown> & { taskId: string; status: string; leadAgencyId: string; dueOn: string | null };
const get = (path: string, query: Record<string, string | number> = {}) => app.http().get(path).query(query).set('Authorization', `Bearer ${analyst}`);

beforeAll(async () => {
  app = await startTestApp({ demo: true, env: { CHIDAO_READ_WAIT_MS: '300' } });
  analyst = app.token('analyst');
});

afterAll(async () => {
  await app?.close();
});

describe('GET /tasks', () => {
  it('lists the demo tasks with their statuses as of 20/03/2026', async () => {
    const response = await get('/tasks', { asOf: '2026-03-20', directiveId: DIRECTIVE, sort: 'clause', pageSize: 100 }).expect(200);
    const body = response.body as { total: number; items: Row[]; asOf: string };
    expect(body.asOf).toBe('2026-03-20');
    expect(body.total).toBe(12);
    const status = Object.fromEntries(body.items.map((item) => [item.taskId.slice(DIRECTIVE.length + 1), item.status]));
    expect(status).toMatchObject({
      '1.a': 'dang_thuc_hien_qua_han',
      '1.c': 'cho_xac_nhan',
      '1.d': 'dang_thuc_hien_trong_han',
      '1.e': 'dang_thuc_hien_trong_han',
      '1.h': 'dang_thuc_hien_qua_han',
      '2': 'dang_thuc_hien_trong_han',
      '4': 'chua_den_han',
    });
  });

  it('filters by status (several, comma-separated), agency and due range', async () => {
    const overdue = await get('/tasks', { asOf: '2026-03-20', status: 'dang_thuc_hien_qua_han,cho_xac_nhan', agencyId: 'khanh-hoa.so-khcn', pageSize: 100 }).expect(200);
    const items = (overdue.body as { items: Row[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => ['dang_thuc_hien_qua_han', 'cho_xac_nhan'].includes(item.status) && item.leadAgencyId === 'khanh-hoa.so-khcn')).toBe(true);
    const inRange = await get('/tasks', { asOf: '2026-03-20', dueFrom: '2026-03-10', dueTo: '2026-03-20', pageSize: 100 }).expect(200);
    expect((inRange.body as { items: Row[] }).items.every((item) => item.dueOn !== null && item.dueOn >= '2026-03-10' && item.dueOn <= '2026-03-20')).toBe(true);
  });

  it('sorts and pages', async () => {
    const first = await get('/tasks', { asOf: '2026-03-20', sort: '-due', page: 1, pageSize: 5 }).expect(200);
    const second = await get('/tasks', { asOf: '2026-03-20', sort: '-due', page: 2, pageSize: 5 }).expect(200);
    const a = (first.body as { items: Row[]; total: number }).items;
    const b = (second.body as { items: Row[] }).items;
    expect(a).toHaveLength(5);
    expect((first.body as { total: number }).total).toBe(20);
    expect(new Set([...a, ...b].map((item) => item.taskId)).size).toBe(10);
  });

  it('shows the task as it stood on an earlier date: 1.c was open on 10/03', async () => {
    const response = await get('/tasks', { asOf: '2026-03-10', directiveId: DIRECTIVE, pageSize: 100 }).expect(200);
    expect((response.body as { items: Row[] }).items.find((item) => item.taskId === `${DIRECTIVE}/1.c`)?.status).toBe('dang_thuc_hien_trong_han');
  });

  it('400 for an unknown status, a bad date, a page size too large, or an unknown parameter', async () => {
    for (const query of [{ status: 'xong' }, { asOf: '20/3/2026' }, { pageSize: 100_000 }, { colour: 'red' }, { minPosition: 'latest' }]) {
      const response = await get('/tasks', query).expect(400);
      expect(response.body).toMatchObject({ error: 'ValidationFailed', issues: [expect.objectContaining({ message: { vi: expect.any(String), en: expect.any(String) } })] });
    }
  });
});

describe('CSV', () => {
  it('answers ?format=csv with UTF-8 and a byte-order mark, Vietnamese intact', async () => {
    const response = await get('/tasks', { asOf: '2026-03-20', format: 'csv', pageSize: 100 }).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="nhiem-vu-2026-03-20\.csv"/);
    const bytes = response.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const [header, ...lines] = text.trimEnd().split('\r\n');
    expect(header?.split(',')).toEqual(expect.arrayContaining(['taskId', 'status', 'statusLabel.vi', 'dueOn']));
    expect(lines).toHaveLength(20);
    expect(text).toContain('Đang thực hiện quá hạn');
  });

  it('answers Accept: text/csv the same way, for every list', async () => {
    for (const path of ['/reports/scorecard', '/reports/overdue', '/reports/upcoming', '/reports/directive-progress', '/reports/extensions', '/activity']) {
      const response = await get(path).set('Accept', 'text/csv').expect(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.text.charCodeAt(0)).toBe(0xfeff);
    }
  });
});

describe('reports', () => {
  it('scores each agency "tính đến ngày" 20/03/2026', async () => {
    const response = await get('/reports/scorecard', { asOf: '2026-03-20' }).expect(200);
    const skhcn = (response.body as { items: Record<string, unknown>[] }).items.find((item) => item['agencyId'] === 'khanh-hoa.so-khcn');
    expect(skhcn).toMatchObject({ agencyName: 'Sở Khoa học và Công nghệ tỉnh Khánh Hòa', counts: expect.objectContaining({ cho_xac_nhan: 1 }) });
  });

  it('lists overdue tasks with their days overdue', async () => {
    const response = await get('/reports/overdue', { asOf: '2026-03-20' }).expect(200);
    const row = (response.body as { items: Row[] }).items.find((item) => item.taskId === `${DIRECTIVE}/1.a`);
    expect(row).toMatchObject({ daysOverdue: 5, dueOn: '2026-03-15' });
  });

  it('lists deadlines in the next days', async () => {
    const response = await get('/reports/upcoming', { asOf: '2026-03-20', days: 10 }).expect(200);
    expect((response.body as { items: Row[] }).items.map((item) => item.taskId)).toEqual(expect.arrayContaining([`${DIRECTIVE}/2`]));
  });

  it('gives each directive’s progress', async () => {
    const response = await get('/reports/directive-progress', { asOf: '2026-03-20' }).expect(200);
    expect((response.body as { items: { directiveId: string; total: number }[] }).items).toEqual(
      expect.arrayContaining([expect.objectContaining({ directiveId: DIRECTIVE, total: 12 }), expect.objectContaining({ directiveId: 'kh-bcd-khcn-dmst-cds-tb-3-2025', total: 8 })]),
    );
  });

  it('pages the activity feed, newest first', async () => {
    const first = await get('/activity', { limit: 5 }).expect(200);
    const body = first.body as { items: { position: string }[]; next: string };
    expect(body.items).toHaveLength(5);
    const second = await get('/activity', { limit: 5, before: body.next }).expect(200);
    const next = (second.body as { items: { position: string }[] }).items;
    expect(next).toHaveLength(5);
    expect(next.every((item) => item.position < body.next)).toBe(true);
  });
});

describe('read your writes', () => {
  it('waits for the position a command answered with', async () => {
    const command = await app
      .http()
      .post(`/tasks/${DIRECTIVE}/2/progress-reports`)
      .set('Authorization', `Bearer ${app.token('agency', 'khanh-hoa.so-tai-chinh')}`)
      .send({ summary: 'Đã lấy ý kiến các cơ quan', occurredOn: '2026-03-21' })
      .expect(201);
    const position = (command.body as { position: string }).position;
    const response = await get('/tasks', { asOf: '2026-03-21', directiveId: DIRECTIVE, minPosition: position, pageSize: 100 }).expect(200);
    expect(String(response.headers['x-read-model-position']) >= position).toBe(true);
    expect((response.body as { items: Row[] }).items.find((item) => item.taskId === `${DIRECTIVE}/2`)).toMatchObject({ lastReportOn: '2026-03-21' });
  });

  it('503 ReadModelBehind, with Retry-After, when the position is not reached in time', async () => {
    const response = await get('/tasks', { minPosition: '99999999999999999999:00000000000000000000' }).expect(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(response.body).toMatchObject({ error: 'ReadModelBehind' });
  });
});

describe('GET /tasks/{directiveId}/{localId} and /directives/{directiveId}', () => {
  it('shows a task from the log with its revision as ETag', async () => {
    const response = await get(`/tasks/${DIRECTIVE}/1.d`, { asOf: '2026-03-20' }).expect(200);
    expect(response.body).toMatchObject({ lifecycle: 'open', state: { task: { lead: 'khanh-hoa.so-noi-vu' } } });
    expect(response.headers['etag']).toBe(`"${(response.body as { revision: number }).revision}"`);
  });

  it('404 for an unknown task or directive', async () => {
    await get(`/tasks/${DIRECTIVE}/9.z`).expect(404);
    await get('/directives/khong-co').expect(404);
  });

  it('shows a directive and its tasks', async () => {
    const response = await get(`/directives/${DIRECTIVE}`, { asOf: '2026-03-20' }).expect(200);
    expect(response.body).toMatchObject({ directive: { subject: expect.stringContaining('phiên họp thứ 6') } });
    expect((response.body as { tasks: unknown[] }).tasks).toHaveLength(12);
  });
});
