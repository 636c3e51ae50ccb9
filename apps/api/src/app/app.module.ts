import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import type { Instant } from '@chidao/domain';
import { AuditController } from '../audit/audit.controller';
import { AuthGuard } from '../auth/auth.guard';
import type { TokenService } from '../auth/jwt';
import { CommandsController } from '../commands/commands.controller';
import type { CommandService } from '../commands/command.service';
import type { AppConfig } from '../config/config';
import { HealthController } from '../health/health.controller';
import { ErrorFilter } from '../http/error.filter';
import type { HttpMetrics } from '../http/http-metrics';
import { ImportsController } from '../imports/imports.controller';
import type { Infrastructure } from '../infrastructure/infrastructure';
import { QueriesController } from '../queries/queries.controller';
import type { ProjectionRunner } from '../read-models';
import { CLOCK, COMMANDS, CONFIG, INFRASTRUCTURE, METRICS, READ_DB, RUNNER, STORE, TOKENS } from './tokens';

/** Everything the Nest module is built from: opened and started before Nest is, so tests can pass their own. */
export type AppDependencies = {
  readonly config: AppConfig;
  readonly infrastructure: Infrastructure;
  readonly runner: ProjectionRunner;
  readonly tokens: TokenService;
  readonly commands: CommandService;
  readonly metrics: HttpMetrics;
  readonly now: () => Instant;
};

/** The one module of the app: controllers per feature, dependencies as values under tokens. */
@Module({})
export class AppModule {
  static with(dependencies: AppDependencies): DynamicModule {
    return {
      module: AppModule,
      controllers: [CommandsController, QueriesController, AuditController, ImportsController, HealthController],
      providers: [
        { provide: CONFIG, useValue: dependencies.config },
        { provide: INFRASTRUCTURE, useValue: dependencies.infrastructure },
        { provide: STORE, useValue: dependencies.infrastructure.store },
        { provide: READ_DB, useValue: dependencies.infrastructure.db },
        { provide: RUNNER, useValue: dependencies.runner },
        { provide: TOKENS, useValue: dependencies.tokens },
        { provide: COMMANDS, useValue: dependencies.commands },
        { provide: METRICS, useValue: dependencies.metrics },
        { provide: CLOCK, useValue: dependencies.now },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
    };
  }
}
