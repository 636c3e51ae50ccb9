/** Small statistics for benchmarks: percentiles of latencies and rates. */

/** The p-th percentile (0–100) of samples, nearest-rank. */
export const percentile = (samples: readonly number[], p: number): number => {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
};

/** Milliseconds since `start` (from `performance.now()`). */
export const since = (start: number): number => performance.now() - start;

/** Formats a rate with thousands separators. */
export const rate = (count: number, ms: number): string => `${Math.round((count * 1000) / ms).toLocaleString('en-US')}/s`;

/** Formats a number with thousands separators. */
export const thousands = (value: number): string => Math.round(value).toLocaleString('en-US');

/** Resident memory of this process in MiB. */
export const residentMiB = (): number => Math.round(process.memoryUsage().rss / 1024 / 1024);

/** Runs `workers` concurrent loops of `perWorker` iterations each; returns elapsed ms. */
export const concurrently = async (workers: number, perWorker: number, body: (worker: number, iteration: number) => Promise<void>): Promise<number> => {
  const start = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let iteration = 0; iteration < perWorker; iteration += 1) await body(worker, iteration);
    }),
  );
  return since(start);
};
