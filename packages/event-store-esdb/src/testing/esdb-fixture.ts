import { randomUUID } from 'node:crypto';
import { createEventStore, type EventStore, type EventStoreBackend, type Position } from '@chidao/event-store';
import type { EventStoreFixture } from '@chidao/event-store/testing';
import { createEventStoreDbBackend, readEndOfAll, type EventStoreDbBackendOptions, type EventStoreDbClient } from '../esdb-backend';

/*
 * Test support. A shared EventStoreDB server cannot be emptied between tests: deleting a stream leaves
 * its events in $all until a scavenge, tombstoning forbids the name forever, and other runs may be using
 * the server. So each test gets a fresh namespace instead: every stream the store writes is prefixed
 * with it, reads of $all keep only its streams, and they start where $all ended when the namespace began
 * (its origin), so they need not wade through earlier runs. To the contract that is an empty store.
 */

/** A namespace no earlier run used. */
export const freshNamespace = (): string => `chidao-test-${randomUUID().slice(0, 13)}/`;

/** A backend and store in a fresh namespace on a client. */
export type Opened = { readonly namespace: string; readonly origin: Position | null; readonly backend: EventStoreBackend; readonly store: EventStore };

/** Opens a backend and store in a fresh namespace (or the given one) on a client it does not own. */
export const openInNamespace = async (
  client: EventStoreDbClient,
  options: EventStoreDbBackendOptions & { readonly namespace?: string } = {},
): Promise<Opened> => {
  const namespace = options.namespace ?? freshNamespace();
  const origin = options.origin !== undefined ? options.origin : await readEndOfAll(client);
  const backend = createEventStoreDbBackend({ client }, { ...options, namespace, origin });
  return { namespace, origin, backend, store: createEventStore(backend, { pollIntervalMs: 50 }) };
};

/** A backend that forwards to whichever backend `current` returns, so one store can outlive resets. */
const forwarding = (current: () => EventStoreBackend): EventStoreBackend => ({
  append: (request) => current().append(request),
  readStream: (stream, options) => current().readStream(stream, options),
  readAll: (after, limit) => current().readAll(after, limit),
  readDirective: (directiveId) => current().readDirective(directiveId),
  readCommand: (commandId) => current().readCommand(commandId),
  streamHeads: (scope) => current().streamHeads(scope),
  writeAnchor: (build) => current().writeAnchor(build),
  readAnchors: () => current().readAnchors(),
  waitForAppend: (timeoutMs, signal) => current().waitForAppend(timeoutMs, signal),
  close: () => current().close(),
});

/**
 * The contract fixture: one client and one store for the suite; `reset` moves the store to a fresh
 * namespace; `openAnother` opens a second client on the current namespace, as another process would.
 */
export const eventStoreDbFixture = (connect: () => EventStoreDbClient): EventStoreFixture => {
  let client: EventStoreDbClient | undefined;
  let current: Opened | undefined;
  const connected = () => {
    client ??= connect();
    return client;
  };
  const backend = () => {
    if (current === undefined) throw new Error('the EventStoreDB fixture is not open');
    return current.backend;
  };
  return {
    tampering: false,
    open: async () => {
      current = await openInNamespace(connected());
      return {
        store: createEventStore(forwarding(backend), { pollIntervalMs: 50 }),
        openAnother: async () => {
          const other = connect();
          const opened = createEventStoreDbBackend({ client: other }, { namespace: current!.namespace, origin: current!.origin });
          return createEventStore({
            ...opened,
            close: async () => {
              await opened.close();
              await other.dispose();
            },
          });
        },
      };
    },
    reset: async () => {
      await current?.backend.close();
      current = await openInNamespace(connected());
    },
    close: async () => {
      await current?.backend.close();
      await client?.dispose();
      current = undefined;
      client = undefined;
    },
  };
};
