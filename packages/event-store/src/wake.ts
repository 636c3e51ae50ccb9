/**
 * Waits until one of `waiters` is woken, `timeoutMs` passes (the polling fallback) or `signal`
 * aborts — the shape of every backend's `waitForAppend`. Wake all by calling each function in `waiters`.
 */
export const waitForWake = (waiters: Set<() => void>, timeoutMs: number, signal: AbortSignal): Promise<void> =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      waiters.delete(done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    waiters.add(done);
    signal.addEventListener('abort', done, { once: true });
  });
