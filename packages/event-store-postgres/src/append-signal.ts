import type { AppendSignal } from './sql-backend';

/*
 * Live subscriptions wait for "something may have been appended" and then read below the horizon.
 * A wake-up carries no data and may be spurious; a missed one costs at most one poll interval.
 */

/** Wakers registered in this process. */
const createWakers = () => {
  const wakers = new Set<() => void>();
  return {
    add: (wake: () => void): (() => void) => {
      wakers.add(wake);
      return () => {
        wakers.delete(wake);
      };
    },
    wakeAll: () => {
      for (const wake of [...wakers]) wake();
    },
  };
};

/** Tracks the wakers one backend registered, so that closing it releases its waiters. */
const trackedBy = (register: (wake: () => void) => () => void) => {
  const own = new Set<() => void>();
  return {
    onAppend: (wake: () => void) => {
      const unregister = register(wake);
      own.add(wake);
      return () => {
        own.delete(wake);
        unregister();
      };
    },
    releaseAll: () => {
      for (const wake of [...own]) wake();
    },
  };
};

const hubs = new WeakMap<object, ReturnType<typeof createWakers>>();

/**
 * The signal of an embedded database that only this process can open (PGlite): every writer is a
 * backend of this process, so one in-process hub per database is complete, and costs no statement —
 * the equivalent of LISTEN/NOTIFY without queueing a NOTIFY behind appends on the single connection.
 */
export const inProcessSignal = (database: object): AppendSignal => {
  let hub = hubs.get(database);
  if (hub === undefined) {
    hub = createWakers();
    hubs.set(database, hub);
  }
  const shared = hub;
  const tracked = trackedBy(shared.add);
  return {
    appended: shared.wakeAll,
    onAppend: tracked.onAppend,
    close: async () => tracked.releaseAll(),
  };
};

/** How a server signal talks to the database. */
export type NotifyTransport = {
  /** Sends one NOTIFY on the channel with `sender` as its payload. */
  readonly notify: (sender: string) => Promise<void>;
  /**
   * Opens a dedicated connection that LISTENs on the channel, calls `onNotify` with the payload of
   * every notification and `onLost` if the connection fails; resolves to a function that closes it.
   */
  readonly listen: (onNotify: (sender: string) => void, onLost: () => void) => Promise<() => Promise<void>>;
};

/**
 * The signal of a database server shared by several processes: wakes this process's waiters at once
 * after its own appends, LISTENs (lazily, on the first wait) for the other processes' NOTIFYs, and
 * NOTIFYs them of its own.
 *
 * The NOTIFY is sent after the append committed, from outside its transaction, and coalesced: at most
 * one in flight and at most one per `intervalMs`. A NOTIFY inside the append's transaction would take
 * PostgreSQL's global notification-queue lock at commit and hold it through the commit's WAL flush,
 * serialising every appending transaction of the cluster behind one lock; and each NOTIFY is a
 * transaction of its own, so one per append would double the commits.
 *
 * Each NOTIFY carries `sender`, an id of this signal: its own notifications come back to its LISTEN
 * connection and are ignored there, because its waiters were woken at the append already.
 */
export const notifySignal = (transport: NotifyTransport, intervalMs: number, sender: string): AppendSignal => {
  const local = createWakers();
  const fromOthers = (from: string) => {
    if (from !== sender) local.wakeAll();
  };
  const tracked = trackedBy(local.add);
  let closed = false;
  let inFlight: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let pending = false;
  let lastSent = 0;
  let connecting: Promise<void> | null = null;
  let stopListening: (() => Promise<void>) | null = null;

  const send = () => {
    timer = null;
    pending = false;
    inFlight = transport
      .notify(sender)
      // A lost NOTIFY only delays other processes until their next poll.
      .catch(() => undefined)
      .finally(() => {
        inFlight = null;
        lastSent = Date.now();
        if (pending) schedule();
      });
  };
  const schedule = () => {
    if (closed) return;
    if (inFlight !== null || timer !== null) {
      pending = true;
      return;
    }
    const wait = lastSent + intervalMs - Date.now();
    if (wait > 0) timer = setTimeout(send, wait);
    else send();
  };

  const lost = () => {
    stopListening = null;
    // Waiters re-read and wait again, which reconnects.
    local.wakeAll();
  };
  const ensureListening = () => {
    if (closed || stopListening !== null || connecting !== null) return;
    connecting = transport
      .listen(fromOthers, lost)
      .then(async (stop) => {
        if (closed) await stop();
        else stopListening = stop;
      })
      // Until a listener connects, waits end at their timeout: the polling fallback.
      .catch(() => undefined)
      .finally(() => {
        connecting = null;
      });
  };

  return {
    appended: () => {
      local.wakeAll();
      schedule();
    },
    onAppend: (wake) => {
      ensureListening();
      return tracked.onAppend(wake);
    },
    close: async () => {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await inFlight;
      await connecting;
      await stopListening?.().catch(() => undefined);
      stopListening = null;
      tracked.releaseAll();
    },
  };
};
