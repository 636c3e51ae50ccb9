import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ConfigError, loadConfig, storeKindOf } from './config';
import { DEV_SECRET_FILE, resolveJwtSecret } from './jwt-secret';

describe('loadConfig', () => {
  it('defaults to the embedded store in ./data, port 3000, the demo data on', () => {
    const config = loadConfig({}, '/srv/chidao');
    expect(config).toMatchObject({ port: 3000, dataDir: '/srv/chidao/data', demo: true, production: false, readYourWritesTimeoutMs: 5000, streamCacheSize: 10_000 });
    expect(storeKindOf(config)).toBe('pglite');
  });

  it('reads PORT, CHIDAO_DATA_DIR and CHIDAO_DEMO', () => {
    expect(loadConfig({ PORT: '8080', CHIDAO_DATA_DIR: '/var/lib/chidao', CHIDAO_DEMO: 'off' }, '/x')).toMatchObject({ port: 8080, dataDir: '/var/lib/chidao', demo: false });
  });

  it('keeps events in EventStoreDB when EVENTSTORE_URL is set, else in PostgreSQL with DATABASE_URL', () => {
    expect(storeKindOf(loadConfig({ DATABASE_URL: 'postgres://db/x' }, '/x'))).toBe('postgres');
    expect(storeKindOf(loadConfig({ DATABASE_URL: 'postgres://db/x', EVENTSTORE_URL: 'esdb://es:2113' }, '/x'))).toBe('eventstoredb');
  });

  it('refuses a port that is not one', () => {
    expect(() => loadConfig({ PORT: 'http' }, '/x')).toThrow(ConfigError);
  });

  it('reads the stream cache size, 0 turning it off, and refuses one that is not a size', () => {
    expect(loadConfig({ CHIDAO_STREAM_CACHE: '0' }, '/x').streamCacheSize).toBe(0);
    expect(loadConfig({ CHIDAO_STREAM_CACHE: '500' }, '/x').streamCacheSize).toBe(500);
    for (const bad of ['-1', 'many', '1.5']) expect(() => loadConfig({ CHIDAO_STREAM_CACHE: bad }, '/x')).toThrow('CHIDAO_STREAM_CACHE must be an integer from 0 to 1000000');
  });
});

describe('resolveJwtSecret', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'chidao-secret-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('uses JWT_SECRET when set', async () => {
    await expect(resolveJwtSecret({ jwtSecret: 'a-secret-long-enough', production: true, dataDir })).resolves.toEqual({ secret: 'a-secret-long-enough', source: 'env' });
  });

  it('refuses to start in production without JWT_SECRET', async () => {
    await expect(resolveJwtSecret({ jwtSecret: undefined, production: true, dataDir })).rejects.toThrow(ConfigError);
  });

  it('generates a development secret once and keeps it in the data folder', async () => {
    const first = await resolveJwtSecret({ jwtSecret: undefined, production: false, dataDir });
    const second = await resolveJwtSecret({ jwtSecret: undefined, production: false, dataDir });
    expect(first.source).toBe('generated');
    expect(second).toEqual({ secret: first.secret, source: 'file' });
    expect((await readFile(path.join(dataDir, DEV_SECRET_FILE), 'utf8')).trim()).toBe(first.secret);
  });
});
