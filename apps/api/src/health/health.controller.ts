import { Controller, Get, Header, Inject, Logger, Res } from '@nestjs/common';
import { Public, Roles } from '../auth/auth.guard';
import type { StreamStateCacheStats } from '@chidao/event-store';
import { COMMANDS, INFRASTRUCTURE, METRICS, RUNNER } from '../app/tokens';
import type { CommandService } from '../commands/command.service';
import type { HttpMetrics } from '../http/http-metrics';
import type { Infrastructure } from '../infrastructure/infrastructure';
import type { ProjectionRunner } from '../read-models';
import { metric } from '../read-models/metrics';

/** The process's memory under the names Prometheus clients use. */
const processText = (): string => {
  const memory = process.memoryUsage();
  return [
    ...metric('process_resident_memory_bytes', 'gauge', 'Resident memory size in bytes.', [['', memory.rss]]),
    ...metric('nodejs_heap_size_used_bytes', 'gauge', 'V8 heap in use, in bytes.', [['', memory.heapUsed]]),
    '',
  ].join('\n');
};

/** The command path's stream state cache under Prometheus names; nothing when it is off. */
const cacheText = (stats: StreamStateCacheStats | null): string => {
  if (stats === null) return '';
  return [
    ...metric('chidao_stream_cache_hits_total', 'counter', 'Commands decided on a cached stream state (no stream read).', [['', stats.hits]]),
    ...metric('chidao_stream_cache_misses_total', 'counter', 'Commands that read their stream.', [['', stats.misses]]),
    ...metric('chidao_stream_cache_stale_total', 'counter', 'Cached states found stale or rechecked on the stored stream.', [['', stats.stale]]),
    ...metric('chidao_stream_cache_streams', 'gauge', 'Streams whose state is cached now.', [['', stats.size]]),
    ...metric('chidao_stream_cache_capacity', 'gauge', 'Most streams the cache keeps (CHIDAO_STREAM_CACHE).', [['', stats.capacity]]),
    '',
  ].join('\n');
};

/** Health and metrics for operators. */
@Controller()
export class HealthController {
  constructor(
    @Inject(RUNNER) private readonly runner: ProjectionRunner,
    @Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure,
    @Inject(METRICS) private readonly metrics: HttpMetrics,
    @Inject(COMMANDS) private readonly commands: CommandService,
  ) {}

  /** Public, for load balancers and probes: no data beyond the store kind and the projection lag. */
  @Get('health')
  @Public()
  async health(@Res({ passthrough: true }) response: { status: (code: number) => unknown }) {
    const base = { store: this.infrastructure.storeKind, readModels: this.infrastructure.readModelKind };
    try {
      const lag = await this.runner.lag();
      return { status: 'ok', ...base, projections: { lagEvents: lag.events, lagSeconds: lag.seconds } };
    } catch (error) {
      // The read-model database does not answer: a probe must see 503, and the public answer says no more.
      Logger.error(error instanceof Error ? error.message : String(error), 'health');
      response.status(503);
      return { status: 'unavailable', ...base };
    }
  }

  /** Prometheus text: the projection runner's metrics, the HTTP request counts and durations, the stream state cache, and the process's memory. */
  @Get('metrics')
  @Roles('admin', 'analyst', 'auditor')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async prometheus() {
    const runnerText = await this.runner.metricsText();
    return `${runnerText.endsWith('\n') ? runnerText : `${runnerText}\n`}${this.metrics.text()}${cacheText(this.commands.cacheStats())}${processText()}`;
  }
}
