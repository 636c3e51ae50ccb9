import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { ConfigError, type AppConfig } from './config';

/** The file in the data folder that keeps the generated development secret. */
export const DEV_SECRET_FILE = 'chidao-dev-jwt-secret';

/** The secret and where it came from, for the start banner. */
export type JwtSecret = { readonly secret: string; readonly source: 'env' | 'generated' | 'file' };

/**
 * `JWT_SECRET` when set. In production it must be. In development one is generated once and kept in
 * the data folder, so the tokens printed at start keep working after a restart. Call it after the
 * store is open: PGlite must be the one to create its folder.
 */
export const resolveJwtSecret = async (config: Pick<AppConfig, 'jwtSecret' | 'production' | 'dataDir'>): Promise<JwtSecret> => {
  if (config.jwtSecret !== undefined) {
    if (config.jwtSecret.length < 16) throw new ConfigError('JWT_SECRET quá ngắn (tối thiểu 16 ký tự)', 'JWT_SECRET is too short (16 characters at least)');
    return { secret: config.jwtSecret, source: 'env' };
  }
  if (config.production) throw new ConfigError('Thiếu JWT_SECRET khi chạy production', 'JWT_SECRET is required when NODE_ENV=production');
  const file = path.join(config.dataDir, DEV_SECRET_FILE);
  try {
    const kept = (await readFile(file, 'utf8')).trim();
    if (kept.length >= 16) return { secret: kept, source: 'file' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32).toString('hex');
  await mkdir(config.dataDir, { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return { secret, source: 'generated' };
};
