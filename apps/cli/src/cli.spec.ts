import { PGlite } from '@electric-sql/pglite';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { createEventStore } from '@chidao/event-store';
import { createPGliteBackend } from '@chidao/event-store-postgres';
import { runCli, type CliIo } from './cli';

const ROOT = path.resolve(__dirname, '../../..');
const GOLDEN = path.join(ROOT, 'packages/notice-parser/test/golden');
const NOTICE_03 = path.join(GOLDEN, 'khanh-hoa-03-TB-BCD-2025-04-04.txt');
const NOTICE_PHIEN_6 = path.join(GOLDEN, 'khanh-hoa-tb-ubnd-2026-02-27-phien-6.txt');

type Run = { readonly code: number; readonly out: string; readonly err: string };

/** Runs `chidao` in-process on its own embedded store folder, at a fixed clock. */
const cli = (dataDir: string, overrides: Partial<CliIo> = {}) => async (...argv: string[]): Promise<Run> => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    env: { CHIDAO_DATA_DIR: dataDir },
    cwd: ROOT,
    now: () => new Date('2026-03-20T03:00:00.000Z'),
    readFile: (file) => fs.promises.readFile(file, 'utf8'),
    confirm: async () => false,
    interactive: false,
    ...overrides,
  };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
};

// Every command opens the embedded store (PGlite starts in a second or two): generous timeouts.
jest.setTimeout(60_000);

const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'chidao-cli-'));

describe('chidao: arguments', () => {
  const run = cli(path.join(os.tmpdir(), 'chidao-cli-never-opened'));

  it('prints help, and refuses an unknown command or option with exit 2 in Vietnamese and English', async () => {
    expect((await run('help')).out).toContain('chidao import');
    const unknown = await run('frobnicate');
    expect([unknown.code, unknown.err]).toEqual([2, expect.stringContaining('Lệnh không có: "frobnicate"')]);
    expect(unknown.err).toContain('unknown command');
    const option = await run('status', '--colour');
    expect([option.code, option.err]).toEqual([2, expect.stringContaining('Tùy chọn không có: --colour')]);
    const missing = await run('history');
    expect([missing.code, missing.err]).toEqual([2, expect.stringContaining('cần đúng 1 tham số')]);
  });

  it('refuses impossible dates and instants before opening any store', async () => {
    const date = await run('status', '--as-of', '2026-02-30');
    expect([date.code, date.err]).toEqual([2, expect.stringContaining('--as-of "2026-02-30" không phải ngày có thật')]);
    const instant = await run('history', 'kh-1', '--known-at', 'yesterday');
    expect([instant.code, instant.err]).toEqual([2, expect.stringContaining('--known-at "yesterday"')]);
    expect(fs.existsSync(path.join(os.tmpdir(), 'chidao-cli-never-opened'))).toBe(false);
  });

  it('says so when the file cannot be read, with exit 1', async () => {
    const result = await run('import', 'no/such/notice.txt', '--dry-run');
    expect([result.code, result.err]).toEqual([1, expect.stringContaining('Không đọc được tệp "no/such/notice.txt"')]);
    expect(result.err).toContain('ENOENT');
  });
});

describe('chidao: import, history, status and verify on an embedded store', () => {
  const dataDir = tmpDir();
  const run = cli(dataDir);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('previews a notice as JSON without touching the store', async () => {
    const result = await run('import', NOTICE_03, '--dry-run', '--json');
    expect(result.code).toBe(0);
    const preview = JSON.parse(result.out);
    expect(preview.directive).toMatchObject({ symbol: '03-TB/BCĐ', issuedOn: '2025-04-04', meetingOn: '2025-03-27' });
    expect(preview.tasks.length).toBeGreaterThan(3);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('refuses to record without --yes when nobody can confirm, writing nothing', async () => {
    const result = await run('import', NOTICE_PHIEN_6);
    expect([result.code, result.err]).toEqual([2, expect.stringContaining('Cần --yes')]);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('records a notice once; importing it again changes nothing and says so', async () => {
    const first = await run('import', NOTICE_PHIEN_6, '--yes');
    expect(first.code).toBe(0);
    expect(first.out).toContain('Đã ghi');
    const again = await run('import', NOTICE_PHIEN_6, '--yes');
    expect(again.code).toBe(0);
    expect(again.out).toContain('đã được nhập trước đó, không có gì thay đổi');
    const id = /Mã văn bản \/ directive id: (\S+)/.exec(first.out)?.[1];
    expect(id).toBeDefined();
    const history = JSON.parse((await run('history', id!, '--json')).out);
    expect(history.events.filter((event: { type: string }) => event.type === 'DirectiveRegistered')).toHaveLength(1);
    expect(history.tasks.length).toBeGreaterThanOrEqual(10);
  });

  it('shows a directive’s history and statuses as of a date, and what was known at an instant', async () => {
    const status = JSON.parse((await run('status', '--as-of', '2026-03-20', '--json')).out);
    const byClause = new Map(status.tasks.map((task: { clause: string; status: { code: string } }) => [task.clause, task.status.code]));
    expect(byClause.get('1.b')).toBe('dang_thuc_hien_qua_han'); // "chậm nhất ngày 06/3/2026", nothing reported
    const directiveId = status.tasks[0].directiveId as string;
    const before = JSON.parse((await run('history', directiveId, '--known-at', '2020-01-01', '--json')).out);
    expect(before.events).toEqual([]);
    const text = await run('history', directiveId, '--as-of', '2026-03-20');
    expect(text.code).toBe(0);
    expect(text.out).toContain('Giao nhiệm vụ 1.a');
    expect(text.out).toContain('Tình trạng ngày 20/03/2026');
  });

  it('lists only the tasks an agency leads, by name or id, and refuses an unknown agency', async () => {
    const byName = JSON.parse((await run('status', '--agency', 'Sở Khoa học và Công nghệ', '--as-of', '2026-03-20', '--json')).out);
    expect(byName.tasks.length).toBeGreaterThan(0);
    expect(new Set(byName.tasks.map((task: { lead: { id: string } }) => task.lead.id))).toEqual(new Set([byName.agency.id]));
    const unknown = await run('status', '--agency', 'Sở Du hành Vũ trụ');
    expect(unknown.code).toBe(2);
  });

  it('verifies an export bundle offline, and names the event edited in it', async () => {
    const store = createEventStore(await createPGliteBackend({ dataDir }));
    const bundle = await store.exportBundle({ kind: 'all' });
    await store.close();
    const file = path.join(tmpDir(), 'bundle.json');
    fs.writeFileSync(file, JSON.stringify(bundle));
    const ok = await run('verify', '--bundle', file);
    expect([ok.code, ok.out]).toEqual([0, expect.stringContaining('Toàn vẹn / intact')]);
    const assigned = bundle.events.find((event) => event.type === 'TaskAssigned')!;
    fs.writeFileSync(file, JSON.stringify({ ...bundle, events: bundle.events.map((event) => (event === assigned ? { ...event, data: { ...(event.data as object), lead: 'khanh-hoa.so-tc' } } : event)) }));
    const edited = await run('verify', '--bundle', file, '--json');
    expect([edited.code, JSON.parse(edited.out).reason, JSON.parse(edited.out).stream]).toEqual([1, 'changed', assigned.stream]);
    fs.writeFileSync(file, '{"format": "something else"}');
    const wrong = await run('verify', '--bundle', file);
    expect([wrong.code, wrong.err]).toEqual([1, expect.stringContaining('Gói xuất không hợp lệ / invalid export bundle')]);
  });

  it('verifies the store, and names the event an SQL edit changed', async () => {
    const ok = await run('verify');
    expect([ok.code, ok.out]).toEqual([0, expect.stringContaining('Toàn vẹn / intact')]);
    const db = await PGlite.create({ dataDir });
    await db.exec(`UPDATE chidao.events SET data = jsonb_set(data, '{content}', '"Nội dung bị sửa"') WHERE type = 'TaskAssigned' AND data->>'clause' = '1.c'`);
    await db.close();
    const broken = await run('verify', '--json');
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.out)).toMatchObject({ ok: false, reason: 'changed', stream: expect.stringMatching(/\/1\.c$/) });
  });
});

describe('the chidao bin', () => {
  it('runs from the workspace as a real process', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'apps/cli/bin/chidao.js'), 'import', NOTICE_03, '--dry-run', '--json'], {
      cwd: ROOT,
    });
    expect(JSON.parse(stdout).directive.symbol).toBe('03-TB/BCĐ');
  }, 60_000);
});
