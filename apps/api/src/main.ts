import 'reflect-metadata';
import { ConfigError, loadConfig, storeKindOf } from './config/config';
import { DOCS_PATH, createChidaoApp, developmentTokens, type ChidaoApp } from './app/create-app';

/*
 * `npm start`: the API on the store the environment names (the embedded PGlite folder ./data by
 * default), with the demo data loaded once, then the URL, the docs URL and — in development — a
 * token for each role. Runs under tsx, with no build step.
 */

const print = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

const main = async (): Promise<void> => {
  const config = loadConfig(process.env, process.cwd());
  const started: ChidaoApp = await createChidaoApp({ config });
  try {
    await started.app.listen(config.port, config.host);
  } catch (error) {
    await started.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new ConfigError(`Cổng ${config.port} đang được dùng; đặt PORT khác`, `port ${config.port} is in use; set another PORT`);
    }
    throw error;
  }
  const address = started.app.getHttpServer().address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const url = `http://localhost:${port}`;

  print('chidao API');
  print(`  Kho dữ liệu / store:     ${started.infrastructure.where} [${storeKindOf(config)}]`);
  if (started.demo !== null) {
    const recorded = started.demo.notices.reduce((sum, tally) => sum + tally.recorded, started.demo.news.recorded);
    const refused = [...started.demo.notices.flatMap((tally) => tally.refused), ...started.demo.news.refused];
    print(
      recorded === 0
        ? '  Dữ liệu mẫu / demo data: đã có từ trước, không ghi thêm / already loaded, nothing recorded'
        : `  Dữ liệu mẫu / demo data: đã ghi ${recorded} lệnh / recorded ${recorded} commands`,
    );
    for (const refusal of refused) print(`    ✗ ${refusal.command}: ${refusal.message.vi} / ${refusal.message.en}`);
  }
  print(`  API:                     ${url}`);
  print(`  Tài liệu / docs:         ${url}/${DOCS_PATH}  (OpenAPI JSON: ${url}/${DOCS_PATH}-json)`);
  if (!config.production) {
    print();
    print(
      `Token phát triển / development tokens (${started.secret.source === 'env' ? 'JWT_SECRET' : `khóa lưu trong / secret kept in ${config.dataDir}`}):`,
    );
    for (const { label, token } of developmentTokens(started.tokens)) {
      print(`  ${label}`);
      print(`    ${token}`);
    }
    print();
    print(`Ví dụ / example:  curl -H "Authorization: Bearer <token>" ${url}/tasks`);
  }

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    print(`\n${signal}: đang dừng / stopping…`);
    started.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
};

main().catch((error: unknown) => {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
