import { NestFactory } from '@nestjs/core';
import { createStreamStateCache } from '@chidao/event-store';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { Instant, Role } from '@chidao/domain';
import type { LoggerService, LogLevel } from '@nestjs/common';
import { createTokenService, type TokenService } from '../auth/jwt';
import type { Principal } from '../auth/principal';
import { createCommandService, type CommandService } from '../commands/command.service';
import { migrateIdempotency, sqlIdempotencyStore } from '../commands/idempotency';
import type { AppConfig } from '../config/config';
import { resolveJwtSecret, type JwtSecret } from '../config/jwt-secret';
import { lastDemoPosition, loadDemoData, type DemoReport } from '../demo/demo-data';
import { installBodyParsing } from '../http/body';
import { createHttpMetrics, metricsMiddleware } from '../http/http-metrics';
import { openInfrastructure, type Infrastructure } from '../infrastructure/infrastructure';
import { buildOpenApiDocument } from '../openapi/openapi';
import { createProjectionRunner, migrateReadModels, type ProjectionRunner } from '../read-models';
import { AppModule } from './app.module';

/** The running app and what it was built on. */
export type ChidaoApp = {
  readonly app: NestExpressApplication;
  readonly infrastructure: Infrastructure;
  readonly runner: ProjectionRunner;
  readonly tokens: TokenService;
  readonly commands: CommandService;
  readonly secret: JwtSecret;
  /** What loading the demo data did; null when it was turned off. */
  readonly demo: DemoReport | null;
  /** Stops Nest, the projection runner and — when this app opened it — the store. */
  readonly close: () => Promise<void>;
};

/** How to build the app. */
export type CreateAppOptions = {
  readonly config: AppConfig;
  /** An opened store and database to run on; opened from `config` when absent, and then closed with the app. */
  readonly infrastructure?: Infrastructure;
  /** The server clock (`recordedAt` of new events, "today" of queries). */
  readonly now?: () => Instant;
  /** Nest's logger, or false for none (tests). */
  readonly logger?: false | LoggerService | LogLevel[];
};

/** Where the API documentation is served. */
export const DOCS_PATH = 'api/docs';

/**
 * Builds the app: opens the store, migrates the read models, starts the projection runner, loads the
 * demo data once through the command service, then starts Nest with the body parser (256 KB), the
 * request metrics and the OpenAPI UI. `app.listen` is the caller's; tests use `app.getHttpServer()`.
 */
export const createChidaoApp = async (options: CreateAppOptions): Promise<ChidaoApp> => {
  const { config } = options;
  const now = options.now ?? (() => new Date().toISOString());
  const owned = options.infrastructure === undefined;
  const infrastructure = options.infrastructure ?? (await openInfrastructure(config));
  let runner: ProjectionRunner | undefined;
  try {
    const secret = await resolveJwtSecret(config);
    const tokens = createTokenService(secret.secret);
    await migrateReadModels(infrastructure.db);
    await migrateIdempotency(infrastructure.db);
    runner = createProjectionRunner({ store: infrastructure.store, db: infrastructure.db, now: () => new Date(now()) });
    await runner.start();
    const cache = config.streamCacheSize > 0 ? createStreamStateCache(config.streamCacheSize) : undefined;
    const commands = createCommandService({ store: infrastructure.store, now, idempotency: sqlIdempotencyStore(infrastructure.db), ...(cache === undefined ? {} : { cache }) });
    const demo = config.demo ? await loadDemoData(commands) : null;
    const demoPosition = demo === null ? null : lastDemoPosition(demo);
    if (demoPosition !== null) await runner.waitForPosition(demoPosition, 30_000);

    const metrics = createHttpMetrics();
    const app = await NestFactory.create<NestExpressApplication>(
      AppModule.with({ config, infrastructure, runner, tokens, commands, metrics, now }),
      { bodyParser: false, logger: options.logger ?? ['error', 'warn'] },
    );
    app.use(metricsMiddleware(metrics));
    installBodyParsing(app);
    app.disable('x-powered-by');
    // ETag is the stream revision (If-Match), set where a revision is known; Express's body hashes would be mistaken for one.
    app.set('etag', false);
    app.set('query parser', 'simple');
    SwaggerModule.setup(DOCS_PATH, app, buildOpenApiDocument() as unknown as OpenAPIObject, {
      jsonDocumentUrl: `${DOCS_PATH}-json`,
      customSiteTitle: 'chidao API',
    });
    await app.init();
    const started = runner;
    return {
      app,
      infrastructure,
      runner: started,
      tokens,
      commands,
      secret,
      demo,
      close: async () => {
        await app.close();
        await started.stop();
        if (owned) await infrastructure.close();
      },
    };
  } catch (error) {
    await runner?.stop();
    if (owned) await infrastructure.close();
    throw error;
  }
};

/** The development principals `npm start` prints a token for, one per role. */
export const DEVELOPMENT_PRINCIPALS: readonly (Principal & { readonly label: string })[] = [
  { label: 'Văn phòng UBND tỉnh / secretariat', sub: 'dev.secretariat', role: 'secretariat', agencyId: 'khanh-hoa.van-phong-ubnd' },
  { label: 'Cán bộ Sở Khoa học và Công nghệ / agency officer', sub: 'dev.agency.so-khcn', role: 'agency', agencyId: 'khanh-hoa.so-khcn' },
  { label: 'Kiểm tra, thanh tra / auditor', sub: 'dev.auditor', role: 'auditor' },
  { label: 'Phân tích / analyst', sub: 'dev.analyst', role: 'analyst' },
  { label: 'Quản trị / admin', sub: 'dev.admin', role: 'admin' },
];

/** A development token for each role. */
export const developmentTokens = (tokens: TokenService): readonly { readonly label: string; readonly role: Role; readonly token: string }[] =>
  DEVELOPMENT_PRINCIPALS.map(({ label, ...principal }) => ({ label, role: principal.role, token: tokens.sign(principal) }));
