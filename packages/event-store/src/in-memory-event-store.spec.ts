import { createEventStore } from './event-store';
import { createInMemoryBackend, type InMemoryBackend } from './in-memory-backend';
import { eventStoreContract } from './testing';
import type { EventStoreBackend } from './types';

/*
 * The in-memory backend runs the same contract as the database adapters. `reset` swaps in an empty
 * backend behind the one store the suite opened.
 */
let backend: InMemoryBackend = createInMemoryBackend();

const current: EventStoreBackend = {
  append: (request) => backend.append(request),
  readStream: (stream, options) => backend.readStream(stream, options),
  readAll: (after, limit) => backend.readAll(after, limit),
  readDirective: (directiveId) => backend.readDirective(directiveId),
  readCommand: (commandId) => backend.readCommand(commandId),
  streamHeads: (scope) => backend.streamHeads(scope),
  writeAnchor: (build) => backend.writeAnchor(build),
  readAnchors: () => backend.readAnchors(),
  waitForAppend: (timeoutMs, signal) => backend.waitForAppend(timeoutMs, signal),
  close: () => backend.close(),
};

eventStoreContract('in-memory', {
  tampering: true,
  open: async () => ({
    store: createEventStore(current, { pollIntervalMs: 50 }),
    tamper: {
      changeData: (stream, revision, data) => backend.tamper.changeData(stream, revision, data),
      deleteEvent: (stream, revision) => backend.tamper.deleteEvent(stream, revision),
      deleteStream: (stream) => backend.tamper.deleteStream(stream),
      swapEvents: (stream, a, b) => backend.tamper.swapEvents(stream, a, b),
    },
  }),
  reset: async () => {
    backend = createInMemoryBackend();
  },
  close: async () => undefined,
});
