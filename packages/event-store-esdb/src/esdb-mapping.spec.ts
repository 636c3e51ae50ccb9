import { makePosition } from '@chidao/event-store';
import { aProgressReport } from '@chidao/event-store/testing';
import { END, NO_STREAM, START, StreamDeletedError, StreamNotFoundError, UnavailableError, WrongExpectedVersionError, EVENT_TYPE, STREAM_NAME } from '@eventstore/db-client';
import fc from 'fast-check';
import {
  CHAIN_KEY,
  actualRevisionOf,
  directiveFilter,
  eventIdFor,
  exactExpectedRevision,
  fromEsdbPosition,
  hasChain,
  isEventIdFor,
  isStreamDeleted,
  isStreamNotFound,
  isWrongExpectedVersion,
  liveFilter,
  namespaceProblem,
  packMetadata,
  parseAnchor,
  parseCommandRecord,
  portStreamOf,
  readRevision,
  revisionFromEsdb,
  streamNames,
  toEsdbPosition,
  unpackMetadata,
  uuidV5,
} from './esdb-mapping';

describe('positions', () => {
  it('maps an $all position to a chidao position and back', () => {
    const position = { commit: 123_456_789_012n, prepare: 123_456_789_000n };
    expect(fromEsdbPosition(position)).toBe('00000000123456789012:00000000123456789000');
    expect(toEsdbPosition(fromEsdbPosition(position))).toEqual(position);
  });

  it('orders chidao positions as $all orders its positions: by commit, then prepare', () => {
    const position = fc.record({ commit: fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }), prepare: fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }) });
    fc.assert(
      fc.property(position, position, (a, b) => {
        const esdbOrder = a.commit === b.commit ? Math.sign(Number(a.prepare - b.prepare)) : Math.sign(Number(a.commit - b.commit));
        const [x, y] = [fromEsdbPosition(a), fromEsdbPosition(b)];
        expect(x < y ? -1 : x > y ? 1 : 0).toBe(esdbOrder);
        expect(toEsdbPosition(x)).toEqual(a);
      }),
    );
  });
});

describe('revisions', () => {
  it('expects exactly the revision read, or no stream', () => {
    expect(exactExpectedRevision(null)).toBe(NO_STREAM);
    expect(exactExpectedRevision(0)).toBe(0n);
    expect(exactExpectedRevision(41)).toBe(41n);
  });

  it('starts a read at the given revision, else the first event forwards and the last backwards', () => {
    expect(readRevision('forwards', undefined)).toBe(START);
    expect(readRevision('backwards', undefined)).toBe(END);
    expect(readRevision('forwards', 3)).toBe(3n);
    expect(readRevision('backwards', 0)).toBe(0n);
  });

  it('reads EventStoreDB revisions as numbers, and no stream as null', () => {
    expect(revisionFromEsdb(7n)).toBe(7);
    expect(revisionFromEsdb(-1n)).toBeNull();
    expect(revisionFromEsdb('no_stream')).toBeNull();
    expect(revisionFromEsdb(undefined)).toBeNull();
  });
});

describe('event ids', () => {
  it('computes RFC 9562 version 5 UUIDs', () => {
    // The RFC's example: the DNS namespace and "www.example.com".
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('derives the same id for the same command and index, and different ids otherwise', () => {
    expect(eventIdFor('cmd-1', 0)).toBe(eventIdFor('cmd-1', 0));
    expect(eventIdFor('cmd-1', 0)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const ids = new Set(['cmd-1', 'cmd-2', 'cmd-10', 'cmd-1\u00000'].flatMap((command) => [0, 1, 2].map((index) => eventIdFor(command, index))));
    expect(ids.size).toBe(12);
  });

  it('recognises an id read back whatever its letter case', () => {
    expect(isEventIdFor(eventIdFor('c', 1).toUpperCase(), 'c', 1)).toBe(true);
    expect(isEventIdFor(eventIdFor('c', 1), 'c', 0)).toBe(false);
  });
});

describe('metadata', () => {
  const metadata = aProgressReport('t', 1, { commandId: 'c-1', causationId: 'c-0' }).metadata;

  it('stores the chain under $chidao and gives back the metadata exactly as written', () => {
    const packed = packMetadata(metadata, { previousHash: null, hash: 'ab'.repeat(32) });
    expect(packed[CHAIN_KEY]).toEqual({ previousHash: null, hash: 'ab'.repeat(32) });
    const wire = JSON.parse(JSON.stringify(packed));
    expect(unpackMetadata(wire)).toEqual({ metadata, chain: { previousHash: null, hash: 'ab'.repeat(32) } });
    expect(Object.keys(unpackMetadata(wire).metadata)).not.toContain(CHAIN_KEY);
  });

  it('reads an event without a chain — not written by chidao — as having none', () => {
    expect(unpackMetadata(undefined)).toEqual({ metadata: {}, chain: null });
    expect(unpackMetadata(new Uint8Array([1, 2]))).toEqual({ metadata: {}, chain: null });
    expect(unpackMetadata({ ...metadata })).toEqual({ metadata, chain: null });
    expect(unpackMetadata({ ...metadata, [CHAIN_KEY]: { hash: 42 } }).chain).toBeNull();
    expect(hasChain({ [CHAIN_KEY]: { previousHash: 'x', hash: 'y' } })).toBe(true);
    expect(hasChain({ [CHAIN_KEY]: 'y' })).toBe(false);
  });
});

describe('stream names', () => {
  it('prefixes the namespace and strips it again; names outside it are not this store’s', () => {
    const names = streamNames('run-1/');
    expect(names.toEsdb('task-kh/1.a')).toBe('run-1/task-kh/1.a');
    expect(names.fromEsdb('run-1/task-kh/1.a')).toBe('task-kh/1.a');
    expect(names.fromEsdb('run-2/task-kh/1.a')).toBeNull();
    expect(names.commandStream('c-1')).toBe('run-1/chidao-command-c-1');
    expect(names.anchorStream).toBe('run-1/chidao-anchors');
    expect(streamNames().toEsdb('directive-kh')).toBe('directive-kh');
  });

  it('refuses a namespace EventStoreDB reserves or that is not plain text', () => {
    expect(namespaceProblem('$system/')).toMatch(/"\$"/);
    expect(namespaceProblem('a\nb')).toMatch(/control/);
    expect(namespaceProblem('tenant-1/')).toBeUndefined();
    expect(() => streamNames('$x')).toThrow(RangeError);
  });

  it('keeps from $all only this store’s events', () => {
    const names = streamNames('ns/');
    const chained = { [CHAIN_KEY]: { previousHash: null, hash: 'h' } };
    const keeps = (streamId: string, type = 'TaskAssigned', metadata: unknown = undefined) => portStreamOf(names, { streamId, type, metadata });
    expect(keeps('ns/task-kh/1.a')).toBe('task-kh/1.a');
    expect(keeps('ns/directive-kh')).toBe('directive-kh');
    expect(keeps('ns/task-kh/1.a', '$>')).toBeNull();
    expect(keeps('$ce-task')).toBeNull();
    expect(keeps('ns/chidao-command-c1', 'ChidaoCommandRecorded')).toBeNull();
    expect(keeps('ns/chidao-anchors', 'ChidaoAnchor')).toBeNull();
    expect(keeps('other/task-kh/1.a')).toBeNull();
    expect(keeps('ns/orders-1', 'OrderPlaced')).toBeNull();
    expect(keeps('ns/my-stream', 'TaskAssigned', chained)).toBe('my-stream');
    expect(portStreamOf(streamNames(), { streamId: 'chidao-test-1/task-kh/1', type: 'TaskAssigned' })).toBeNull();
  });
});

describe('filters', () => {
  it('selects a directive with two prefixes and checks its own stream exactly', () => {
    const filter = directiveFilter(streamNames('ns/'), 'kh');
    expect(filter.prefixes).toEqual(['ns/directive-kh', 'ns/task-kh/']);
    expect(filter.belongs('ns/directive-kh')).toBe(true);
    expect(filter.belongs('ns/task-kh/1.a')).toBe(true);
    expect(filter.belongs('ns/directive-kh2')).toBe(false);
    expect(filter.belongs('ns/task-kh2/1.a')).toBe(false);
    expect(filter.belongs('directive-kh')).toBe(false);
  });

  it('wakes readers on the namespace’s streams, or on every non-system event without one', () => {
    expect(liveFilter(streamNames('ns/'))).toMatchObject({ filterOn: STREAM_NAME, prefixes: ['ns/'] });
    expect(liveFilter(streamNames())).toMatchObject({ filterOn: EVENT_TYPE, regex: '^[^$].*' });
  });
});

describe('errors', () => {
  it('recognises the client’s errors by type and reads the actual revision of a conflict', () => {
    const conflict = new WrongExpectedVersionError(undefined, { streamName: 's', expected: 0n, current: 3n });
    expect(isWrongExpectedVersion(conflict)).toBe(true);
    expect(actualRevisionOf(conflict)).toBe(3);
    expect(actualRevisionOf(new WrongExpectedVersionError(undefined, { streamName: 's', expected: 'stream_exists', current: 'no_stream' }))).toBeNull();
    expect(isWrongExpectedVersion({ type: 'wrong-expected-version' })).toBe(true);
    expect(isWrongExpectedVersion(new UnavailableError())).toBe(false);
    expect(isStreamNotFound(new StreamNotFoundError(undefined, 's'))).toBe(true);
    expect(isStreamDeleted(StreamDeletedError.fromStreamName('s'))).toBe(true);
    expect(isStreamNotFound(new Error('stream not found'))).toBe(false);
  });
});

describe('bookkeeping events', () => {
  it('reads command records and refuses anything else', () => {
    expect(parseCommandRecord({ stream: 'task-kh/1', firstRevision: 0, count: 2 })).toEqual({ stream: 'task-kh/1', firstRevision: 0, count: 2 });
    expect(parseCommandRecord({ stream: 'task-kh/1', firstRevision: -1, count: 2 })).toBeNull();
    expect(parseCommandRecord({ stream: 'task-kh/1', firstRevision: 0, count: 0 })).toBeNull();
    expect(parseCommandRecord('task-kh/1@0')).toBeNull();
  });

  it('reads anchors and refuses anything else', () => {
    const anchor = { sequence: 0, position: makePosition(1, 2), heads: [{ stream: 's', revision: 1, hash: 'h' }], previousHash: null, hash: 'a' };
    expect(parseAnchor(JSON.parse(JSON.stringify(anchor)))).toEqual(anchor);
    expect(parseAnchor({ ...anchor, heads: [{ stream: 's', revision: '1', hash: 'h' }] })).toBeNull();
    expect(parseAnchor({ ...anchor, hash: undefined })).toBeNull();
  });
});
