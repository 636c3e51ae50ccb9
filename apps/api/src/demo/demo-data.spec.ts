import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { createChidaoApp, developmentTokens, type ChidaoApp } from '../app/create-app';
import { loadConfig } from '../config/config';
import { DEV_SECRET_FILE } from '../config/jwt-secret';
import { countEvents, createTestDatabase, testDatabaseUrl } from '../testing/test-app';
import { DEMO_DIR } from './demo-data';

/*
 * `npm start` on a store twice: the demo data is recorded the first time and nothing the second; the
 * development secret is kept in the data folder, so a token printed by the first start still works.
 * On PGlite the store is a folder, as `npm start` uses it; with TEST_DATABASE_URL, a database.
 */

jest.setTimeout(120_000);

let dataDir: string;
let database: { readonly url: string; readonly drop: () => Promise<void> } | undefined;

const start = (): Promise<ChidaoApp> =>
  createChidaoApp({
    config: loadConfig(
      { CHIDAO_DATA_DIR: dataDir, PORT: '0', ...(database === undefined ? {} : { DATABASE_URL: database.url }) },
      process.cwd(),
    ),
    logger: false,
  });

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'chidao-api-demo-'));
  if (testDatabaseUrl !== undefined) database = await createTestDatabase(testDatabaseUrl);
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await database?.drop();
});

describe('starting twice on one store', () => {
  let firstEvents = 0;
  let analystToken = '';

  it('records the demo data the first time, through the command service, and refuses none of it', async () => {
    const app = await start();
    try {
      expect(app.secret.source).toBe('generated');
      const recorded = (app.demo?.notices ?? []).reduce((sum, tally) => sum + tally.recorded, app.demo?.news.recorded ?? 0);
      expect(recorded).toBe(29);
      expect([...(app.demo?.notices ?? []).flatMap((tally) => tally.refused), ...(app.demo?.news.refused ?? [])]).toEqual([]);
      expect(app.demo?.news.recorded).toBe(6);
      firstEvents = await countEvents(app.infrastructure.db);
      analystToken = developmentTokens(app.tokens).find((entry) => entry.role === 'analyst')?.token ?? '';
      const tasks = await request(app.app.getHttpServer()).get('/tasks').set('Authorization', `Bearer ${analystToken}`).expect(200);
      expect((tasks.body as { total: number }).total).toBe(20);
    } finally {
      await app.close();
    }
    expect((await readFile(path.join(dataDir, DEV_SECRET_FILE), 'utf8')).trim()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records nothing the second time, and the tokens printed the first time still work', async () => {
    const app = await start();
    try {
      expect(app.secret.source).toBe('file');
      const recorded = (app.demo?.notices ?? []).reduce((sum, tally) => sum + tally.recorded, app.demo?.news.recorded ?? 0);
      expect(recorded).toBe(0);
      expect([...(app.demo?.notices ?? []).flatMap((tally) => tally.refused), ...(app.demo?.news.refused ?? [])]).toEqual([]);
      expect(app.demo?.news.unchanged).toBe(6);
      expect(await countEvents(app.infrastructure.db)).toBe(firstEvents);
      const tasks = await request(app.app.getHttpServer()).get('/tasks').query({ asOf: '2026-03-20' }).set('Authorization', `Bearer ${analystToken}`).expect(200);
      expect((tasks.body as { total: number }).total).toBe(20);
    } finally {
      await app.close();
    }
  });
});

describe('POST /imports', () => {
  it('previews a notice, then records it once, with the same result as the demo import', async () => {
    const app = await createChidaoApp({
      config: loadConfig({ CHIDAO_DATA_DIR: dataDir, PORT: '0', CHIDAO_DEMO: 'off', ...(database === undefined ? {} : { DATABASE_URL: database.url }) }, process.cwd()),
      logger: false,
    });
    try {
      const secretariat = developmentTokens(app.tokens).find((entry) => entry.role === 'secretariat')?.token ?? '';
      const text = await readFile(path.join(DEMO_DIR, 'khanh-hoa-03-TB-BCD-2025-04-04.txt'), 'utf8');
      const preview = await request(app.app.getHttpServer()).post('/imports').set('Authorization', `Bearer ${secretariat}`).send({ text }).expect(200);
      expect(preview.body).toMatchObject({ confirmed: false, import: null, directiveId: 'kh-bcd-khcn-dmst-cds-tb-3-2025', preview: { directive: { symbol: '03-TB/BCĐ' } } });
      // Already imported as demo data by the first start: confirming records nothing and says so.
      const confirmed = await request(app.app.getHttpServer())
        .post('/imports')
        .set('Authorization', `Bearer ${secretariat}`)
        .set('Content-Type', 'text/plain')
        .query({ confirm: 'true' })
        .send(text)
        .expect(200);
      expect(confirmed.body).toMatchObject({ confirmed: true, import: { recorded: 0, unchanged: 9, refused: [] } });
    } finally {
      await app.close();
    }
  });

  it('422 NoticeNotImportable for a text that is no notice', async () => {
    const app = await createChidaoApp({
      config: loadConfig({ CHIDAO_DATA_DIR: dataDir, PORT: '0', CHIDAO_DEMO: 'off', ...(database === undefined ? {} : { DATABASE_URL: database.url }) }, process.cwd()),
      logger: false,
    });
    try {
      const secretariat = developmentTokens(app.tokens).find((entry) => entry.role === 'secretariat')?.token ?? '';
      const response = await request(app.app.getHttpServer()).post('/imports').set('Authorization', `Bearer ${secretariat}`).send({ text: 'Xin chào', confirm: true }).expect(422);
      expect(response.body).toMatchObject({ error: 'NoticeNotImportable', message: { vi: expect.any(String), en: expect.any(String) } });
    } finally {
      await app.close();
    }
  });
});
