/*
 * The runner's figures in the Prometheus text exposition format (version 0.0.4), for /metrics.
 */

/** What the runner counts while it runs (since this process started). */
export type RunnerCounters = {
  /** Events applied per projection. */
  readonly applied: Map<string, number>;
  batches: number;
  errors: number;
  batchSeconds: number;
  rebuilds: number;
  running: boolean;
};

const escapeLabel = (value: string): string => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** One metric: its HELP and TYPE lines and a sample per label set (`''` for none). */
export const metric = (name: string, type: 'gauge' | 'counter', help: string, samples: readonly (readonly [labels: string, value: number])[]): string[] => [
  `# HELP ${name} ${help}`,
  `# TYPE ${name} ${type}`,
  ...samples.map(([labels, value]) => `${name}${labels} ${Number.isFinite(value) ? value : 0}`),
];

/** The exposition text of the runner's lag, checkpoints and counters. */
export const prometheusText = (
  lag: { readonly events: number; readonly seconds: number },
  checkpoints: ReadonlyMap<string, string | null>,
  counters: RunnerCounters,
  lagScanLimit: number,
): string => {
  const projections = [...checkpoints.keys()].sort();
  const lines = [
    ...metric('chidao_projection_lag_events', 'gauge', `Events in the store not yet applied to every projection (counted up to ${lagScanLimit}).`, [['', lag.events]]),
    ...metric('chidao_projection_lag_seconds', 'gauge', 'Seconds since the oldest event not yet applied was recorded (0 when caught up).', [['', lag.seconds]]),
    ...metric(
      'chidao_projection_checkpoint_info',
      'gauge',
      'The last global position applied to each projection (label position; empty before the first event).',
      projections.map((name) => [`{projection="${escapeLabel(name)}",position="${escapeLabel(checkpoints.get(name) ?? '')}"}`, 1] as const),
    ),
    ...metric(
      'chidao_projection_events_applied_total',
      'counter',
      'Events applied to each projection by this process.',
      projections.map((name) => [`{projection="${escapeLabel(name)}"}`, counters.applied.get(name) ?? 0] as const),
    ),
    ...metric('chidao_projection_batches_total', 'counter', 'Batches committed by this process.', [['', counters.batches]]),
    ...metric('chidao_projection_batch_seconds_total', 'counter', 'Seconds spent applying committed batches.', [['', counters.batchSeconds]]),
    ...metric('chidao_projection_errors_total', 'counter', 'Batches that failed and were rolled back (then retried).', [['', counters.errors]]),
    ...metric('chidao_projection_rebuilds_total', 'counter', 'Rebuilds completed by this process.', [['', counters.rebuilds]]),
    ...metric('chidao_projection_runner_up', 'gauge', '1 while the projection runner is running.', [['', counters.running ? 1 : 0]]),
  ];
  return `${lines.join('\n')}\n`;
};
