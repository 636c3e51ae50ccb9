/*
 * Request counts and durations in Prometheus text format, labelled by method, route pattern (not the
 * raw path, so ids do not explode the series) and status.
 */

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

type Series = { count: number; sum: number; readonly buckets: number[] };

/** Counts and times HTTP requests. */
export type HttpMetrics = {
  readonly record: (method: string, route: string, status: number, seconds: number) => void;
  /** The metrics in Prometheus text exposition format. */
  readonly text: () => string;
};

const label = (value: string): string => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** An empty registry. */
export const createHttpMetrics = (): HttpMetrics => {
  const series = new Map<string, Series>();
  return {
    record: (method, route, status, seconds) => {
      const key = JSON.stringify([method, route, String(status)]);
      let entry = series.get(key);
      if (entry === undefined) {
        entry = { count: 0, sum: 0, buckets: BUCKETS.map(() => 0) };
        series.set(key, entry);
      }
      entry.count += 1;
      entry.sum += seconds;
      BUCKETS.forEach((bound, index) => {
        if (seconds <= bound) entry.buckets[index] = (entry.buckets[index] ?? 0) + 1;
      });
    },
    text: () => {
      const lines = [
        '# HELP chidao_http_requests_total HTTP requests answered, by method, route and status.',
        '# TYPE chidao_http_requests_total counter',
      ];
      const histogram = [
        '# HELP chidao_http_request_duration_seconds Time to answer HTTP requests.',
        '# TYPE chidao_http_request_duration_seconds histogram',
      ];
      for (const [key, entry] of [...series.entries()].sort(([a], [b]) => a.localeCompare(b))) {
        const [method, route, status] = JSON.parse(key) as [string, string, string];
        const labels = `method="${label(method)}",route="${label(route)}",status="${label(status)}"`;
        lines.push(`chidao_http_requests_total{${labels}} ${entry.count}`);
        BUCKETS.forEach((bound, index) => histogram.push(`chidao_http_request_duration_seconds_bucket{${labels},le="${bound}"} ${entry.buckets[index] ?? 0}`));
        histogram.push(`chidao_http_request_duration_seconds_bucket{${labels},le="+Inf"} ${entry.count}`);
        histogram.push(`chidao_http_request_duration_seconds_sum{${labels}} ${entry.sum.toFixed(6)}`);
        histogram.push(`chidao_http_request_duration_seconds_count{${labels}} ${entry.count}`);
      }
      return `${[...lines, ...histogram].join('\n')}\n`;
    },
  };
};

type TimedRequest = { readonly method: string; readonly route?: { readonly path?: unknown } };
type TimedResponse = { readonly statusCode: number; readonly on: (event: 'finish', listener: () => void) => unknown };

/** Express middleware that records every request when its answer is sent. */
export const metricsMiddleware =
  (metrics: HttpMetrics) =>
  (request: TimedRequest, response: TimedResponse, next: () => void): void => {
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const route = typeof request.route?.path === 'string' ? request.route.path : 'unmatched';
      metrics.record(request.method, route, response.statusCode, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
