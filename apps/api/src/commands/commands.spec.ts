import { executeDomainCommand } from '@chidao/event-store';
import * as E from 'fp-ts/Either';
import { startTestApp, type TestApp } from '../testing/test-app';

/*
 * The command endpoints' contract: bad input is refused with the right 4xx and appends nothing;
 * Idempotency-Key replays; If-Match conflicts; every answer carries position and revision.
 */

jest.setTimeout(60_000);

const DIRECTIVE = 'kh-ubnd-tb-2026-02-27';
const TASK_PATH = `/tasks/${DIRECTIVE}/1.a`;

let app: TestApp;
let secretariat: string;

const post = (path: string, token = secretariat) => app.http().post(path).set('Authorization', `Bearer ${token}`);

type ErrorBody = {
  statusCode: number;
  error: string;
  message: { vi: string; en: string };
  issues?: { path: string; code: string; message: { vi: string; en: string } }[];
  _tag?: string;
  data?: Record<string, unknown>;
  expected?: number;
  actual?: number;
};

/** Runs `send` and checks that the store holds exactly as many events as before. */
const appendsNothing = async <T>(send: () => Promise<T>): Promise<T> => {
  const before = await app.eventCount();
  const result = await send();
  expect(await app.eventCount()).toBe(before);
  return result;
};

/** How many answers the table keeps under `key`. */
const storedAnswers = async (key: string): Promise<number> =>
  Number((await app.infrastructure.db.query('SELECT count(*)::integer AS n FROM api.idempotency_keys WHERE key = $1', [key]))[0]?.['n']);

beforeAll(async () => {
  app = await startTestApp();
  secretariat = app.token('secretariat');
  await post('/directives')
    .send({
      directiveId: DIRECTIVE,
      symbol: '/TB-UBND',
      issuer: { name: 'Ủy ban nhân dân tỉnh Khánh Hòa', agencyId: 'khanh-hoa.ubnd' },
      issuedOn: '2026-02-27',
      subject: 'Kết luận phiên họp thứ 6',
      occurredOn: '2026-02-27',
    })
    .expect(201);
  await post(`/directives/${DIRECTIVE}/tasks`)
    .send({
      clause: '1.a',
      content: 'Tham mưu ban hành Chiến lược dữ liệu tỉnh Khánh Hòa đến năm 2030',
      lead: 'khanh-hoa.so-khcn',
      deadline: { kind: 'date', text: 'đến ngày 15/3/2026', date: '2026-03-15', qualifier: 'by' },
      occurredOn: '2026-02-27',
    })
    .expect(201);
});

afterAll(async () => {
  await app?.close();
});

describe('a recorded command', () => {
  it('answers 201 with its global position, the stream revision as ETag, and the events recorded', async () => {
    const response = await post(`${TASK_PATH}/progress-reports`).send({ summary: 'Đang lấy ý kiến', occurredOn: '2026-03-02' }).expect(201);
    expect(response.body).toMatchObject({
      type: 'ReportTaskProgress',
      taskId: `${DIRECTIVE}/1.a`,
      stream: `task-${DIRECTIVE}/1.a`,
      revision: 1,
      position: expect.stringMatching(/^\d{20}:\d{20}$/),
      events: [expect.objectContaining({ type: 'TaskProgressReported', occurredOn: '2026-03-02' })],
    });
    expect(response.headers['etag']).toBe('"1"');
  });

  it('records the actor from the token and the business date from the body', async () => {
    const events = await app.store.readStream(`task-${DIRECTIVE}/1.a`);
    expect(events[1]?.metadata).toMatchObject({ actor: { userId: 'test.secretariat', role: 'secretariat' }, occurredOn: '2026-03-02' });
  });
});

describe('bad input is refused and appends nothing', () => {
  it('400 MalformedJson for a body that is not JSON', async () => {
    const response = await appendsNothing(() => post(`${TASK_PATH}/progress-reports`).set('Content-Type', 'application/json').send('{"summary": "x",'));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: 'MalformedJson', message: { vi: expect.any(String), en: expect.any(String) } });
  });

  it('400 naming each field of the wrong type, in Vietnamese and English', async () => {
    const response = await appendsNothing(() => post(`${TASK_PATH}/progress-reports`).send({ summary: 42, difficulties: ['a'], occurredOn: '2026-02-30' }));
    expect(response.status).toBe(400);
    const body = response.body as ErrorBody;
    expect(body.error).toBe('ValidationFailed');
    expect(body.issues?.map((issue) => issue.path).sort()).toEqual(['difficulties', 'occurredOn', 'summary']);
    expect(body.issues?.find((issue) => issue.path === 'summary')?.message).toEqual({
      vi: 'sai kiểu: cần chuỗi, nhận số',
      en: 'wrong type: expected string, received number',
    });
    expect(body.issues?.find((issue) => issue.path === 'occurredOn')?.message.vi).toMatch(/Ngày không hợp lệ/);
  });

  it('400 listing every missing required field', async () => {
    const response = await appendsNothing(() => post(`/directives/${DIRECTIVE}/tasks`).send({}));
    expect(response.status).toBe(400);
    expect((response.body as ErrorBody).issues?.map((issue) => issue.path).sort()).toEqual(['clause', 'content', 'deadline', 'lead']);
  });

  it('400 naming each unknown field', async () => {
    const response = await appendsNothing(() => post(`${TASK_PATH}/progress-reports`).send({ summary: 'x', colour: 'red', taskId: 'other/1' }));
    expect(response.status).toBe(400);
    expect((response.body as ErrorBody).issues).toEqual([
      { path: 'colour', code: 'unrecognized_keys', message: { vi: 'trường không được phép', en: 'unknown field' } },
      { path: 'taskId', code: 'unrecognized_keys', message: { vi: 'trường không được phép', en: 'unknown field' } },
    ]);
  });

  it('400 naming the fields inside a malformed deadline', async () => {
    const response = await appendsNothing(() => post(`${TASK_PATH}/extensions`).send({ to: { kind: 'date', date: '15/3/2026' } }));
    expect(response.status).toBe(400);
    expect((response.body as ErrorBody).issues?.map((issue) => issue.path).sort()).toEqual(['to.date', 'to.qualifier', 'to.text']);
  });

  it('400 for a body that is a JSON array, not an object', async () => {
    const response = await appendsNothing(() => post(`${TASK_PATH}/progress-reports`).send([{ summary: 'x' }]));
    expect(response.status).toBe(400);
  });

  it('422 UnknownAgency, with its data and explanation, for a lead the catalogue does not know', async () => {
    const response = await appendsNothing(() =>
      post(`/directives/${DIRECTIVE}/tasks`).send({
        clause: '9',
        content: 'Nhiệm vụ thử',
        lead: 'khanh-hoa.so-khong-co',
        deadline: { kind: 'none', text: 'thường xuyên', reason: 'continuous' },
        occurredOn: '2026-02-27',
      }),
    );
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      error: 'UnknownAgency',
      _tag: 'UnknownAgency',
      data: { agencyId: 'khanh-hoa.so-khong-co' },
      message: { vi: 'Không rõ cơ quan "khanh-hoa.so-khong-co".', en: 'Unknown agency "khanh-hoa.so-khong-co".' },
    });
  });

  it('422 DeadlineNotLater for an extension to an earlier date', async () => {
    const response = await appendsNothing(() =>
      post(`${TASK_PATH}/extensions`).send({ to: { kind: 'date', text: 'đến ngày 01/3/2026', date: '2026-03-01', qualifier: 'by' }, occurredOn: '2026-03-03' }),
    );
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      _tag: 'DeadlineNotLater',
      data: { taskId: `${DIRECTIVE}/1.a`, currentDueOn: '2026-03-15', requestedDueOn: '2026-03-01' },
    });
    expect((response.body as ErrorBody).message.vi).toContain('phải sau thời hạn hiện tại');
  });

  it('413 for a body over 256 KB (a 1 MB report)', async () => {
    const response = await appendsNothing(() => post(`${TASK_PATH}/progress-reports`).send({ summary: 'x'.repeat(1024 * 1024) }));
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ error: 'PayloadTooLarge', limitBytes: 262_144 });
  });

  it('415 for a body that is not JSON by its content type', async () => {
    const response = await appendsNothing(() => post(`${TASK_PATH}/progress-reports`).set('Content-Type', 'application/xml').send('<summary>x</summary>'));
    expect(response.status).toBe(415);
  });

  it('404 TaskNotFound for a task that was never assigned', async () => {
    const response = await appendsNothing(() => post(`/tasks/${DIRECTIVE}/9.z/progress-reports`).send({ summary: 'x' }));
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ _tag: 'TaskNotFound', data: { taskId: `${DIRECTIVE}/9.z` } });
  });

  it('404 DirectiveNotFound for a task of a directive that was never registered', async () => {
    const response = await appendsNothing(() =>
      post('/directives/khong-co/tasks').send({
        clause: '1',
        content: 'x',
        lead: 'khanh-hoa.so-khcn',
        deadline: { kind: 'none', text: 'thường xuyên', reason: 'continuous' },
      }),
    );
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ _tag: 'DirectiveNotFound' });
  });

  it('404 for a command the API does not have', async () => {
    const response = await appendsNothing(() => post(`${TASK_PATH}/promotions`).send({}));
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ error: 'UnknownCommand' });
  });

  it('400 for a directive id with a slash in the path', async () => {
    const response = await appendsNothing(() => post('/directives/a%2Fb/amendments').send({ changes: { subject: 'x' }, amendingDocument: { symbol: '1/QĐ' } }));
    expect(response.status).toBe(400);
    expect((response.body as ErrorBody).issues?.[0]?.path).toBe('directiveId');
  });
});

describe('Idempotency-Key', () => {
  it('answers a repeated request with the same status and body, and appends once', async () => {
    const before = await app.eventCount();
    const send = () => post(`${TASK_PATH}/reminders`).set('Idempotency-Key', 'reminder-2026-03-05').send({ note: 'Đôn đốc lần 1', occurredOn: '2026-03-05' });
    const first = await send();
    const second = await send();
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await app.eventCount()).toBe(before + 1);
  });

  it('derives the command id from the key', async () => {
    const first = await post(`${TASK_PATH}/reminders`).set('Idempotency-Key', 'reminder-2026-03-06').send({ occurredOn: '2026-03-06' }).expect(201);
    expect((first.body as { commandId: string }).commandId).toMatch(/^idem-[0-9a-f]{40}$/);
  });

  it('replays a refusal too', async () => {
    const send = () =>
      post(`${TASK_PATH}/extensions`)
        .set('Idempotency-Key', 'bad-extension')
        .send({ to: { kind: 'date', text: 'đến 01/3', date: '2026-03-01', qualifier: 'by' }, occurredOn: '2026-03-03' });
    const first = await send();
    const second = await send();
    expect(first.status).toBe(422);
    expect(second.status).toBe(422);
    expect(second.body).toEqual(first.body);
  });

  it('keeps an appended command\'s answer in its events, not in the answers table', async () => {
    const send = () => post(`${TASK_PATH}/reminders`).set('Idempotency-Key', 'kept-in-events').send({ note: 'Đôn đốc', occurredOn: '2026-03-05' });
    const first = await send().expect(201);
    expect(await storedAnswers('kept-in-events')).toBe(0);
    const events = await app.store.readStream(`task-${DIRECTIVE}/1.a`);
    expect(events.at(-1)?.metadata.requestDigest).toMatch(/^[0-9a-f]{64}$/);
    const again = await appendsNothing(() => send().expect(201));
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['etag']).toBe(first.headers['etag']);
  });

  it('keeps a refusal\'s answer in the answers table: the store holds nothing to rebuild it from', async () => {
    await post(`${TASK_PATH}/extensions`)
      .set('Idempotency-Key', 'refusal-kept')
      .send({ to: { kind: 'date', text: 'đến 02/3', date: '2026-03-02', qualifier: 'by' }, occurredOn: '2026-03-03' })
      .expect(422);
    expect(await storedAnswers('refusal-kept')).toBe(1);
  });

  it('refuses a key reused for a different request', async () => {
    await post(`${TASK_PATH}/reminders`).set('Idempotency-Key', 'reused').send({ note: 'một', occurredOn: '2026-03-07' }).expect(201);
    const response = await appendsNothing(() => post(`${TASK_PATH}/reminders`).set('Idempotency-Key', 'reused').send({ note: 'hai', occurredOn: '2026-03-07' }));
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ error: 'IdempotencyKeyReused' });
  });

  it('refuses a key reused for another task, and appends nothing there', async () => {
    await post(`/directives/${DIRECTIVE}/tasks`)
      .send({ clause: '1.b', content: 'Nhiệm vụ thứ hai', lead: 'khanh-hoa.so-khcn', deadline: { kind: 'none', text: 'thường xuyên', reason: 'continuous' }, occurredOn: '2026-02-27' })
      .expect(201);
    await post(`${TASK_PATH}/reminders`).set('Idempotency-Key', 'reused-elsewhere').send({ occurredOn: '2026-03-07' }).expect(201);
    const response = await appendsNothing(() => post(`/tasks/${DIRECTIVE}/1.b/reminders`).set('Idempotency-Key', 'reused-elsewhere').send({ occurredOn: '2026-03-07' }));
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ error: 'IdempotencyKeyReused' });
  });
});

describe('If-Match', () => {
  it('appends when the stream is at the revision the caller saw', async () => {
    const current = await app.http().get(TASK_PATH).set('Authorization', `Bearer ${secretariat}`).expect(200);
    const etag = current.headers['etag'] as string;
    const response = await post(`${TASK_PATH}/progress-reports`).set('If-Match', etag).send({ summary: 'Cập nhật', occurredOn: '2026-03-08' }).expect(201);
    expect((response.body as { revision: number }).revision).toBe(Number(etag.replace(/"/g, '')) + 1);
  });

  it('409 with the expected and actual revisions when someone appended first, and appends nothing', async () => {
    const current = await app.http().get(TASK_PATH).set('Authorization', `Bearer ${secretariat}`).expect(200);
    const revision = (current.body as { revision: number }).revision;
    const response = await appendsNothing(() => post(`${TASK_PATH}/progress-reports`).set('If-Match', `"${revision - 1}"`).send({ summary: 'Cũ', occurredOn: '2026-03-08' }));
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ error: 'WrongExpectedRevision', expected: revision - 1, actual: revision });
    expect(response.headers['etag']).toBeUndefined();
  });

  it('400 for an If-Match that is not a revision', async () => {
    const response = await appendsNothing(() => post(`${TASK_PATH}/progress-reports`).set('If-Match', 'yesterday').send({ summary: 'x' }));
    expect(response.status).toBe(400);
  });
});

describe('the stream state cache', () => {
  const metric = async (name: string): Promise<number> => {
    const text = (await app.http().get('/metrics').set('Authorization', `Bearer ${app.token('admin')}`).expect(200)).text;
    const match = new RegExp(`^${name} (\\d+)$`, 'm').exec(text);
    if (match === null) throw new Error(`${name} is not in /metrics`);
    return Number(match[1]);
  };

  it('decides a command on a task it just wrote without reading it, and one after another writer on the stored stream', async () => {
    const first = await post(`${TASK_PATH}/reminders`).send({ occurredOn: '2026-03-03' }).expect(201);
    const [hits, stale] = [await metric('chidao_stream_cache_hits_total'), await metric('chidao_stream_cache_stale_total')];
    const second = await post(`${TASK_PATH}/reminders`).send({ occurredOn: '2026-03-04' }).expect(201);
    expect(second.body.revision).toBe(first.body.revision + 1);
    expect(await metric('chidao_stream_cache_hits_total')).toBe(hits + 1);

    // Another process (its own command path, no shared cache) appends to the task.
    const elsewhere = await executeDomainCommand({ store: app.infrastructure.store, now: () => '2026-03-05T01:00:00.000Z' }, {
      type: 'IssueTaskReminder',
      data: { taskId: `${DIRECTIVE}/1.a`, note: 'Nhắc từ tiến trình khác' },
      metadata: { commandId: 'elsewhere-reminder', actor: { userId: 'vp-ubnd.khac', role: 'secretariat' }, occurredOn: '2026-03-05' },
    });
    expect(E.isRight(elsewhere)).toBe(true);
    const third = await post(`${TASK_PATH}/reminders`).send({ occurredOn: '2026-03-06' }).expect(201);
    expect(third.body.revision).toBe(second.body.revision + 2);
    expect(await metric('chidao_stream_cache_stale_total')).toBe(stale + 1);
    const stream = await app.infrastructure.store.readStream(`task-${DIRECTIVE}/1.a`);
    expect(stream.slice(-3).map((event) => event.metadata.occurredOn)).toEqual(['2026-03-04', '2026-03-05', '2026-03-06']);
  });
});
