import { Controller, Get, Header, Inject, Logger, Res } from '@nestjs/common';
import { Public, Roles } from '../auth/auth.guard';
import { INFRASTRUCTURE, METRICS, RUNNER } from '../app/tokens';
import type { HttpMetrics } from '../http/http-metrics';
import type { Infrastructure } from '../infrastructure/infrastructure';
import type { ProjectionRunner } from '../read-models';

/** The process's memory under the names Prometheus clients use. */
const processText = (): string => {
  const memory = process.memoryUsage();
  return [
    '# HELP process_resident_memory_bytes Resident memory size in bytes.',
    '# TYPE process_resident_memory_bytes gauge',
    `process_resident_memory_bytes ${memory.rss}`,
    '# HELP nodejs_heap_size_used_bytes V8 heap in use, in bytes.',
    '# TYPE nodejs_heap_size_used_bytes gauge',
    `nodejs_heap_size_used_bytes ${memory.heapUsed}`,
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

  /** Prometheus text: the projection runner's metrics, the HTTP request counts and durations, and the process's memory. */
  @Get('metrics')
  @Roles('admin', 'analyst', 'auditor')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async prometheus() {
    const runnerText = await this.runner.metricsText();
    return `${runnerText.endsWith('\n') ? runnerText : `${runnerText}\n`}${this.metrics.text()}${processText()}`;
  }
}
