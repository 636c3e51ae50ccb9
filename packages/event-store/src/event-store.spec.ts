import { CURRENT_SCHEMA_VERSIONS, taskDecider, type TaskCommand } from '@chidao/domain';
import fc from 'fast-check';
import { canonicalJson } from './canonical';
import { handleCommand } from './command-handler';
import { isCorruptEvent, isWrongExpectedRevision, WrongExpectedRevisionError } from './errors';
import { createEventStore } from './event-store';
import { anchorHash, buildAnchor, chainHash, eventDigest } from './hash-chain';
import { createInMemoryBackend } from './in-memory-backend';
import { comparePositions, isPosition, makePosition, positionParts } from './position';
import { directiveIdOfStream, directiveStream, directiveStreamPrefixes, streamNameProblem, taskStream } from './stream-name';
import { aMetadata, aProgressReport, aTaskAssigned } from './testing';
import type { EventStore, RawEvent } from './types';
import { classifyStream } from './verify';

describe('canonical JSON', () => {
  it('sorts keys at every depth, drops undefined members and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined }], c: 'Sở KH&CN' } })).toBe('{"a":{"c":"Sở KH&CN","d":[3,{"z":1}]},"b":1}');
    expect(canonicalJson([undefined, null, true])).toBe('[null,null,true]');
  });

  it('refuses numbers JSON cannot carry', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow('cannot encode NaN');
  });

  it('encodes any JSON value exactly as a plain sort-and-stringify does, keys with quotes, digits and accents included', () => {
    // Sort, then join: a rebuilt object would put integer-like keys first again.
    const reference = (value: unknown): string => {
      if (value === null || typeof value !== 'object') return JSON.stringify(value);
      if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
      const record = value as Record<string, unknown>;
      const members = Object.keys(record)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${reference(record[key])}`);
      return `{${members.join(',')}}`;
    };
    const key = fc.oneof(fc.string(), fc.constantFrom('a"b', '\\', '10', '2', 'ệ', 'Z', '\u0000'));
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(key, tie('value'), { maxKeys: 20 })),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
      }),
      { numRuns: 500 },
    );
  });
});

describe('hash chain', () => {
  it('computes known digests and chain hashes, so an auditor can recompute them with sha256sum', () => {
    // printf '%s' '{"data":{"reportedOn":"2026-03-10","summary":"Báo cáo tiến độ","taskId":"t"},"metadata":{"schemaVersion":1},"stream":"task-kh/t","type":"TaskProgressReported"}' | sha256sum
    const event = { type: 'TaskProgressReported', data: { taskId: 't', summary: 'Báo cáo tiến độ', reportedOn: '2026-03-10' }, metadata: { schemaVersion: 1 } };
    const digest = eventDigest(event, 'task-kh/t');
    expect(digest).toBe('91f0da70496fa06fde817c61d5b6e8a2354b7dadfad79721e3fd1fa308f37914');
    const first = chainHash(null, digest, 0);
    expect(first).toBe('3110d3ac77ea4577c0a895a82fd92865091ae2eb79f5a0b5d28172e90687ec5c');
    expect(chainHash(first, digest, 1)).toBe('4d6105293d963b6e76b0453bdd668f7acd7982521a5114b9f51de627448229d4');
    expect(eventDigest({ ...event, data: { reportedOn: '2026-03-10', summary: 'Báo cáo tiến độ', taskId: 't' } }, 'task-kh/t')).toBe(digest);
    expect(eventDigest(event, 'task-kh/u')).not.toBe(digest);
  });

  it('chains anchors and sorts their heads', () => {
    const heads = [
      { stream: 'b', revision: 1, hash: 'h1' },
      { stream: 'a', revision: 0, hash: 'h0' },
    ];
    const first = buildAnchor(null, makePosition(0, 2), heads);
    expect(first.heads.map((head) => head.stream)).toEqual(['a', 'b']);
    const second = buildAnchor(first, makePosition(0, 3), [{ stream: 'a', revision: 1, hash: 'h2' }]);
    expect([second.sequence, second.previousHash]).toEqual([1, first.hash]);
    expect(anchorHash(first.hash, 1, second.position, second.heads)).toBe(second.hash);
  });
});

describe('positions and stream names', () => {
  it('writes positions that sort as numbers do', () => {
    expect(comparePositions(makePosition(2, 10), makePosition(10, 2))).toBeLessThan(0);
    expect(makePosition(1n, 2)).toBe('00000000000000000001:00000000000000000002');
    expect(positionParts(makePosition(7, 9))).toEqual({ major: 7n, minor: 9n });
    expect([isPosition(makePosition(0, 0)), isPosition('1:2'), isPosition(3)]).toEqual([true, false, false]);
  });

  it('names directive and task streams so one prefix selects a directive', () => {
    expect(directiveStream('kh-2026-02-27')).toBe('directive-kh-2026-02-27');
    expect(taskStream('kh-2026-02-27', 'kh-2026-02-27/1.c')).toBe('task-kh-2026-02-27/kh-2026-02-27/1.c');
    expect(directiveIdOfStream('task-kh-2026-02-27/kh-2026-02-27/1.c')).toBe('kh-2026-02-27');
    expect(directiveIdOfStream('directive-kh-2026-02-27')).toBe('kh-2026-02-27');
    expect([directiveIdOfStream('projection-x'), directiveIdOfStream('task-/x'), directiveIdOfStream('task-abc/'), directiveIdOfStream('directive-a/b')]).toEqual([null, null, null, null]);
    expect(directiveStreamPrefixes('kh')).toEqual({ exact: 'directive-kh', taskPrefix: 'task-kh/' });
    expect(() => directiveStream('a/b')).toThrow('contain no "/"');
  });

  it('refuses stream names that are not strings, have control characters, start with $ or are not NFC', () => {
    expect(streamNameProblem(42)).toMatch(/must be a string/);
    expect(streamNameProblem('task-\u0007')).toMatch(/control characters/);
    expect(streamNameProblem('$all')).toMatch(/reserved/);
    expect(streamNameProblem('task-So\u0309')).toMatch(/NFC/);
    expect(streamNameProblem('task-Sở')).toBeUndefined();
  });
});

describe('classifying a broken stream', () => {
  const chain = (count: number): RawEvent[] => {
    const events: RawEvent[] = [];
    let previousHash: string | null = null;
    for (let revision = 0; revision < count; revision += 1) {
      const base = { stream: 's', revision, position: makePosition(0, revision + 1), type: 'TaskProgressReported', data: { n: revision }, metadata: { schemaVersion: 1 } };
      const hash = chainHash(previousHash, eventDigest(base, 's'), revision);
      events.push({ ...base, previousHash, hash });
      previousHash = hash;
    }
    return events;
  };

  it('finds nothing wrong with an intact chain', () => {
    expect(classifyStream(chain(5))).toBeUndefined();
  });

  it('calls an event inserted when the next one chains past it', () => {
    const events = chain(4);
    const intruder: RawEvent = { ...events[1]!, data: { n: 'forged' }, hash: 'ff'.repeat(32) };
    const shifted = [events[0]!, { ...intruder, revision: 1 }, ...events.slice(1).map((event) => ({ ...event, revision: event.revision + 1 }))];
    expect(classifyStream(shifted)).toMatchObject({ reason: 'inserted', revision: 1 });
  });

  it('calls a duplicated revision inserted and a rewritten previous hash changed', () => {
    const events = chain(3);
    expect(classifyStream([...events, { ...events[2]! }])).toMatchObject({ reason: 'inserted', revision: 2 });
    expect(classifyStream([events[0]!, { ...events[1]!, previousHash: 'aa'.repeat(32) }, events[2]!])).toMatchObject({ reason: 'changed', revision: 1 });
  });

  it('calls an event moved to another revision reordered', () => {
    const events = chain(3);
    expect(classifyStream([events[0]!, { ...events[1]!, revision: 2 }, { ...events[2]!, revision: 1 }].sort((a, b) => a.revision - b.revision))).toMatchObject({ reason: 'reordered' });
  });
});

describe('the store on the in-memory backend', () => {
  let store: EventStore;
  beforeEach(() => {
    store = createEventStore(createInMemoryBackend(), { anchorEvery: 3, pollIntervalMs: 20 });
  });
  afterEach(() => store.close());

  it('reads an event stored in an old schema version as the current one (upcasting on read)', async () => {
    const backend = createInMemoryBackend();
    const old = createEventStore(backend);
    const { lead, cooperating, deadline: _deadline, priority: _priority, ...rest } = aTaskAssigned('kh', 'kh/1.c').data as Record<string, unknown> & { lead: string; cooperating: string[] };
    const v1 = { ...rest, leadAgencyId: lead, cooperatingAgencyIds: cooperating, dueDate: '2026-03-20', deadlineText: 'trước ngày 20/3/2026' };
    await backend.append({
      stream: 'task-kh/kh/1.c',
      directiveId: 'kh',
      expectedRevision: 'no_stream',
      commandId: 'import-v1',
      events: [{ type: 'TaskAssigned', data: v1, metadata: { ...aMetadata('TaskAssigned'), schemaVersion: 1 }, digest: '00'.repeat(32) }],
    });
    const [event] = await old.readStream('task-kh/kh/1.c');
    expect(event).toMatchObject({ type: 'TaskAssigned', data: { lead, deadline: { kind: 'date', date: '2026-03-20' } }, metadata: { schemaVersion: CURRENT_SCHEMA_VERSIONS.TaskAssigned } });
  });

  it('refuses to read an event it cannot upcast, naming it', async () => {
    const backend = createInMemoryBackend();
    await backend.append({
      stream: 'task-kh/x',
      directiveId: 'kh',
      expectedRevision: 'any',
      commandId: 'bad',
      events: [{ type: 'TaskTeleported', data: {}, metadata: { ...aMetadata('TaskAssigned') }, digest: '00'.repeat(32) }],
    });
    const error = await createEventStore(backend).readStream('task-kh/x').catch((e: unknown) => e);
    expect(isCorruptEvent(error)).toBe(true);
    expect((error as Error).message).toContain('task-kh/x@0');
  });

  it('reports an old event whose data an upcaster cannot read as corrupt, not as a TypeError', async () => {
    const backend = createInMemoryBackend();
    await backend.append({
      stream: 'task-kh/v1',
      directiveId: 'kh',
      expectedRevision: 'any',
      commandId: 'v1-not-an-object',
      events: [{ type: 'TaskAssigned', data: 'not an object', metadata: { ...aMetadata('TaskAssigned'), schemaVersion: 1 }, digest: '00'.repeat(32) }],
    });
    const error = await createEventStore(backend).readStream('task-kh/v1').catch((e: unknown) => e);
    expect(isCorruptEvent(error)).toBe(true);
    expect((error as Error).message).toContain('task-kh/v1@0');
  });

  it('writes an anchor on its own every few events', async () => {
    for (let i = 0; i < 3; i += 1) await store.appendToStream(`task-kh/t${i}`, [aProgressReport(`t${i}`, 1)]);
    expect(await store.readAnchors()).toHaveLength(1);
  });

  it('gives the command handler’s conflict through once its retries are spent', async () => {
    const stream = taskStream('kh', 'kh/1.c');
    const flaky: EventStore = {
      ...store,
      appendToStream: async () => {
        throw new WrongExpectedRevisionError(stream, 0, 1);
      },
    };
    const assign = { type: 'AssignTask', data: {}, metadata: { commandId: 'c', actor: { userId: 'u', role: 'secretariat' }, occurredOn: '2026-02-27' } } as unknown as TaskCommand;
    const decider = { ...taskDecider, decide: () => ({ _tag: 'Right', right: [aProgressReport('kh/1.c', 1)] }) } as unknown as typeof taskDecider;
    const error = await handleCommand({ store: flaky, now: () => '2026-03-02T00:00:00Z', maxRetries: 2 }, decider, stream, assign).catch((e: unknown) => e);
    expect(isWrongExpectedRevision(error)).toBe(true);
  });

  it('answers an empty decision without appending', async () => {
    const decider = { ...taskDecider, decide: () => ({ _tag: 'Right', right: [] }) } as unknown as typeof taskDecider;
    const outcome = await handleCommand({ store, now: () => '2026-03-02T00:00:00Z' }, decider, 'task-kh/x', {
      type: 'ResumeTask',
      data: { taskId: 'x' },
      metadata: { commandId: 'noop', actor: { userId: 'u', role: 'secretariat' }, occurredOn: '2026-02-27' },
    });
    expect(outcome).toEqual({ _tag: 'Right', right: { stream: 'task-kh/x', events: [], nextExpectedRevision: -1, position: null, duplicate: false } });
  });

  it('stops subscriptions when the store closes', async () => {
    const subscription = store.subscribe(null, () => undefined);
    await subscription.caughtUp;
    await store.close();
    await expect(subscription.done).resolves.toBeUndefined();
  });

  it('refuses a directive id it cannot read by', async () => {
    await expect(store.readDirective('a/b')).rejects.toThrow('invalid read');
  });
});
