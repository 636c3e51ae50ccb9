import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { aSecretariat, aTaskAssigned, KHCN, UBND_TINH } from '../../test/support/fixtures';
import { arbitraryOf, brokenFrom } from '../../test/support/schema-arbitrary';
import { CURRENT_SCHEMA_VERSIONS, DomainEventSchema, parseRecordedEvent } from '../events';
import { domainUpcasters } from './domain-upcasters';
import { createUpcasterRegistry, type StoredEvent } from './upcaster-registry';

const metadata = (schemaVersion: number) => ({
  commandId: 'import-2024-0001',
  actor: aSecretariat,
  occurredOn: '2026-02-27',
  recordedAt: '2026-03-02T02:00:00Z',
  correlationId: 'import-2024',
  causationId: null,
  schemaVersion,
});

/** TaskAssigned as the first spreadsheet import wrote it, schema version 1. */
const v1: StoredEvent = {
  type: 'TaskAssigned',
  data: {
    taskId: 'kh-1c',
    directiveId: 'kh-ubnd-2026-02-27-phien-6',
    clause: '1.c',
    content: 'Rà soát đánh giá kết quả hợp tác',
    leadAgencyId: KHCN,
    cooperatingAgencyIds: [UBND_TINH],
    dueDate: '2026-03-20',
    deadlineText: 'trước ngày 20/3/2026',
    assignedOn: '2026-02-27',
  },
  metadata: metadata(1),
};

describe('upcasting: events carry a schema version and are read as the current one', () => {
  it('reads a v1 TaskAssigned as the current version', () => {
    const read = domainUpcasters.read(v1);
    expect(read).toEqual(
      E.right({
        type: 'TaskAssigned',
        data: {
          taskId: 'kh-1c',
          directiveId: 'kh-ubnd-2026-02-27-phien-6',
          clause: '1.c',
          content: 'Rà soát đánh giá kết quả hợp tác',
          lead: KHCN,
          cooperating: [UBND_TINH],
          priority: false,
          deadline: { kind: 'date', date: '2026-03-20', qualifier: 'by', text: 'trước ngày 20/3/2026' },
          assignedOn: '2026-02-27',
        },
        metadata: metadata(CURRENT_SCHEMA_VERSIONS.TaskAssigned),
      }),
    );
  });

  it('gives a v1 event without a due date an open-ended deadline and default words', () => {
    const { dueDate: _d, deadlineText: _t, cooperatingAgencyIds: _c, ...data } = v1.data as Record<string, unknown>;
    const read = domainUpcasters.read({ ...v1, data });
    expect(E.isRight(read) && read.right.type === 'TaskAssigned' && read.right.data.deadline).toEqual({ kind: 'none', reason: 'unspecified', text: 'không ghi thời hạn' });
    const { deadlineText: _u, ...dated } = v1.data as Record<string, unknown>;
    const withDate = domainUpcasters.read({ ...v1, data: dated });
    expect(E.isRight(withDate) && withDate.right.type === 'TaskAssigned' && withDate.right.data.deadline.text).toBe('đến ngày 20/03/2026');
  });

  it('reads a current event unchanged', () => {
    expect(domainUpcasters.read({ ...aTaskAssigned(), metadata: metadata(2) })).toEqual(E.right({ ...aTaskAssigned(), metadata: metadata(2) }));
  });

  it('returns Left(UnknownEventType), Left(FutureSchemaVersion) and Left(InvalidEvent) with the issues', () => {
    expect(domainUpcasters.read({ ...v1, type: 'TaskTeleported' })).toEqual(E.left({ _tag: 'UnknownEventType', type: 'TaskTeleported' }));
    expect(domainUpcasters.read({ ...v1, metadata: metadata(3) })).toEqual(E.left({ _tag: 'FutureSchemaVersion', type: 'TaskAssigned', version: 3, current: 2 }));
    const invalid = domainUpcasters.read({ ...v1, data: { ...(v1.data as object), dueDate: '2026-02-30' } });
    expect(invalid).toMatchObject({ _tag: 'Left', left: { _tag: 'InvalidEvent', type: 'TaskAssigned', version: 1 } });
    expect(E.isLeft(invalid) && invalid.left._tag === 'InvalidEvent' && invalid.left.issues[0]?.path).toBe('data.deadline.date');
  });

  it('returns Left(MissingUpcaster) when a version step has no upcaster', () => {
    const registry = createUpcasterRegistry([]);
    expect(registry.upcast(v1)).toEqual(E.left({ _tag: 'MissingUpcaster', type: 'TaskAssigned', fromVersion: 1 }));
  });

  it('chains upcasters step by step and refuses two for the same step', () => {
    const registry = createUpcasterRegistry(
      [
        { type: 'Note', fromVersion: 1, upcast: (data) => ({ ...(data as object), b: 2 }) },
        { type: 'Note', fromVersion: 2, upcast: (data) => ({ ...(data as object), c: 3 }) },
      ],
      { Note: 3 },
    );
    expect(registry.upcast({ type: 'Note', data: { a: 1 }, metadata: { schemaVersion: 1 } })).toEqual(
      E.right({ type: 'Note', data: { a: 1, b: 2, c: 3 }, metadata: { schemaVersion: 3 } }),
    );
    const step = { type: 'Note', fromVersion: 1, upcast: (data: unknown) => data };
    expect(() => createUpcasterRegistry([step, step])).toThrow('two upcasters for Note from version 1');
  });

  it('upcasts a current event to itself, and reads an event with a missing step as Left(MissingUpcaster)', () => {
    const current = { ...aTaskAssigned(), metadata: metadata(2) };
    expect(domainUpcasters.upcast(current)).toEqual(E.right(current));
    expect(createUpcasterRegistry([]).read(v1)).toEqual(E.left({ _tag: 'MissingUpcaster', type: 'TaskAssigned', fromVersion: 1 }));
  });

  it('reads every stored event as upcast-then-parse did, whatever its type, version, data and metadata', () => {
    // `read` as it was written first: upcast, then chain into the parse.
    const readByChain = (event: StoredEvent) =>
      pipe(
        domainUpcasters.upcast(event),
        E.chain((upcasted) => {
          const parsed = parseRecordedEvent(upcasted);
          return parsed.success
            ? E.right(parsed.data)
            : E.left({
                _tag: 'InvalidEvent' as const,
                type: event.type,
                version: event.metadata.schemaVersion,
                issues: parsed.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
              });
        }),
      );
    const event = fc.oneof(...DomainEventSchema.options.map((schema) => arbitraryOf(schema)), fc.constant(v1));
    const stored = fc
      .tuple(fc.oneof(event, brokenFrom(event)), fc.integer({ min: 0, max: 3 }), fc.constantFrom('TaskTeleported', 'toString', undefined))
      .map(([value, schemaVersion, otherType]): StoredEvent => {
        const { type, data } = (typeof value === 'object' && value !== null ? value : {}) as { type?: unknown; data?: unknown };
        return { type: typeof type === 'string' ? type : (otherType ?? 'TaskAssigned'), data, metadata: metadata(schemaVersion) };
      });
    // A v1 TaskAssigned whose data is not an object makes the v1 upcaster throw, on both paths alike.
    const outcome = (read: () => unknown): unknown => {
      try {
        return read();
      } catch (error) {
        return { threw: String(error) };
      }
    };
    fc.assert(
      fc.property(stored, (value) => {
        expect(outcome(() => domainUpcasters.read(value))).toEqual(outcome(() => readByChain(value)));
      }),
      { numRuns: 500 },
    );
  });
});
