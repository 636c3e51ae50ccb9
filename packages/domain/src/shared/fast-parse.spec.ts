import fc from 'fast-check';
import { z } from 'zod';
import { aSecretariat, aTaskAssigned } from '../../test/support/fixtures';
import { arbitraryOf, brokenFrom, valuesFor } from '../../test/support/schema-arbitrary';
import { PeriodDeadlineSchema } from '../deadline/deadline.schema';
import { DOMAIN_EVENT_TYPES, DomainEventSchema, parseRecordedEvent, RecordedDomainEventSchema, type DomainEvent } from '../events';
import { compileFastParser, NOT_FAST, type FastParser } from './fast-parse';
import { LocalDateSchema } from './local-date';
import { EventMetadataSchema } from './metadata';

/*
 * The fast parser must be zod, only faster: for every value, the same success or failure and, on
 * success, the same output — keys, their order, `undefined` kept where zod keeps it, trimmed text,
 * defaults. Each property below draws valid values from a schema's constraints, breaks them one place
 * at a time (wrong types, missing and extra keys, padded text, boundary lengths, impossible dates,
 * nulls) and throws in arbitrary values, and compares the two parsers on all of them.
 */

/** Keys in order, `undefined` kept and marked, arrays element by element: what toEqual and JSON.stringify each miss. */
const layout = (value: unknown): unknown => {
  if (Array.isArray(value)) return Array.from({ length: value.length }, (_, index) => (index in value ? layout(value[index]) : '<hole>'));
  if (typeof value === 'object' && value !== null) return Object.entries(value).map(([key, item]) => [key, layout(item)]);
  return value === undefined ? '<undefined>' : value;
};

/** Fails the test unless the fast parser and zod agree on `value`. */
const expectAgreement = <Schema extends z.ZodType>(parser: FastParser<z.output<Schema>>, schema: Schema, value: unknown): void => {
  const expected = schema.safeParse(value);
  const actual = parser(value);
  expect({ success: actual !== NOT_FAST, value }).toEqual({ success: expected.success, value });
  if (expected.success && actual !== NOT_FAST) {
    expect(JSON.stringify(actual)).toBe(JSON.stringify(expected.data));
    expect(layout(actual)).toEqual(layout(expected.data));
  }
};

const agreesOnEverything = (schema: z.ZodType, numRuns = 300): void => {
  const parser = compileFastParser(schema);
  fc.assert(
    fc.property(valuesFor(schema), (value) => expectAgreement(parser, schema, value)),
    { numRuns },
  );
};

type Tree = { readonly name: string; readonly children: readonly Tree[] };
const Tree: z.ZodType<Tree> = z.object({
  name: z.string().trim().min(1),
  get children() {
    return z.array(Tree).max(3);
  },
});

/** One schema of each kind the compiler handles itself, and of some it hands to zod. */
const ZOO: readonly (readonly [string, z.ZodType])[] = [
  ['a strict object of trimmed, bounded text, integers and booleans', z.object({ id: z.string().trim().min(1).max(5), n: z.number().int().min(1).max(9), flag: z.boolean() }).strict()],
  ['an object that strips unknown keys', z.object({ a: z.string(), b: z.number().optional() })],
  ['an object that passes unknown keys through', z.object({ a: z.string() }).passthrough()],
  ['an object with a catchall schema', z.object({ a: z.string() }).catchall(z.number().int())],
  ['optional, nullable and both', z.object({ o: z.string().optional(), n: z.string().nullable(), on: z.string().nullable().optional(), oo: z.string().optional().optional(), refined: z.string().optional().refine((v) => v !== undefined).optional() }).strict()],
  ['defaults, fixed and computed', z.object({ d: z.string().default('x'), list: z.array(z.number()).default(() => []), od: z.string().min(2).default('yy').optional(), emptied: z.string().transform((): string | undefined => undefined).default('d') })],
  ['an array with length bounds', z.array(z.string().trim().min(1)).min(1).max(3)],
  ['an array of exact length', z.array(z.boolean()).length(2)],
  ['an array of optional elements', z.array(z.string().optional())],
  ['a union, tried in order', z.union([z.string().trim().min(2), z.number().positive(), z.object({ a: z.string() }).strict()])],
  ['a union of one', z.union([z.string().max(3)])],
  ['a union whose options overlap', z.union([z.string().trim().min(2), z.string(), z.number()])],
  [
    'a discriminated union',
    z.discriminatedUnion('k', [z.object({ k: z.literal('a'), x: z.string() }).strict(), z.object({ k: z.enum(['b', 'c']), y: z.number().lt(5).optional() })]),
  ],
  [
    'a discriminated union with a fallback',
    z.discriminatedUnion('k', [z.object({ k: z.literal('a').catch('a') }), z.object({ k: z.literal('b'), n: z.number() })], { unionFallback: true } as never),
  ],
  ['literals and enums', z.object({ l: z.literal(['one', 2, null, false]), e: z.enum(['x', 'y']), n: z.nativeEnum({ A: 1, B: 'b' }) })],
  ['string formats', z.object({ at: z.iso.datetime({ offset: true }), day: z.iso.date(), re: z.string().regex(/^[a-z]+$/g), lower: z.string().lowercase() })],
  ['checks zod runs itself', z.object({ url: z.url(), starts: z.string().startsWith('a'), n: z.number().multipleOf(2), i32: z.int32() })],
  ['refinements', z.object({ date: LocalDateSchema, even: z.number().refine((n) => n % 2 === 0), whole: z.string().refine((s) => s.length % 2) })],
  ['a superRefine', PeriodDeadlineSchema],
  ['a check with its own when', z.string().check(z.minLength(3, { when: (payload: { value: unknown }) => typeof payload.value === 'string' && payload.value.length !== 2 } as never))],
  ['overwrites other than trim', z.string().toLowerCase().trim().min(2)],
  ['an overwrite to another type', z.string().overwrite((s) => (s.length > 3 ? (s.length as unknown as string) : s)).max(5)],
  ['transforms and pipes', z.object({ t: z.string().transform((s) => s.length), p: z.string().pipe(z.string().trim().min(2)), c: z.string().pipe(z.transform((s) => s.toUpperCase())) })],
  ['a codec', z.codec(z.string(), z.number(), { decode: (s) => s.length, encode: (n) => 'x'.repeat(n) })],
  ['readonly', z.object({ a: z.array(z.string()) }).readonly()],
  ['null, undefined, any, unknown, never', z.object({ n: z.null(), u: z.undefined(), a: z.any(), k: z.unknown(), v: z.never().optional() })],
  ['custom schemas', z.object({ c: z.custom<string>((v) => typeof v === 'string' && v.startsWith('c')) })],
  ['coercion, records and other schemas left to zod', z.object({ s: z.coerce.string(), n: z.coerce.number(), b: z.coerce.boolean(), r: z.record(z.string(), z.number()), d: z.date() })],
  ['a recursive schema', Tree],
];

describe('compileFastParser: the same result as zod for every value', () => {
  it.each(ZOO)('%s', (_name, schema) => agreesOnEverything(schema));

  it.each(DOMAIN_EVENT_TYPES)('%s, valid and broken', (type) => {
    const schema = DomainEventSchema.options.find((option) => option.shape.type.value === type) as z.ZodType;
    agreesOnEverything(schema, 150);
  });

  it('event metadata, valid and broken', () => agreesOnEverything(EventMetadataSchema, 500));

  it('puts keys in the order of the schema, whatever the order of the input', () => {
    const parser = compileFastParser(z.object({ a: z.string(), b: z.string().optional(), c: z.string() }));
    expect(Object.keys(parser({ c: '3', b: undefined, a: '1', z: 0 }) as object)).toEqual(['a', 'b', 'c']);
    expect(Object.keys(parser({ c: '3', a: '1' }) as object)).toEqual(['a', 'c']);
  });

  it('refuses an unknown key in a strict object even when its value is undefined, and ignores inherited keys', () => {
    const schema = z.object({ a: z.string() }).strict();
    const parser = compileFastParser(schema);
    expect(parser({ a: 'x', b: undefined })).toBe(NOT_FAST);
    const inheriting = Object.assign(Object.create({ inherited: 1 }) as object, { a: 'x' });
    expect(parser(inheriting)).toEqual({ a: 'x' });
    expectAgreement(parser, schema, inheriting);
  });

  it('computes a default afresh for every value, as zod does', () => {
    const parser = compileFastParser(z.object({ list: z.array(z.string()).default(() => []) }));
    const [first, second] = [parser({}), parser({})] as { list: string[] }[];
    expect(first?.list).toEqual([]);
    expect(first?.list).not.toBe(second?.list);
  });

  it('freezes a readonly value', () => {
    expect(Object.isFrozen(compileFastParser(z.object({ a: z.string() }).readonly())({ a: 'x' }))).toBe(true);
  });

  it('throws as zod does when a refinement is asynchronous', () => {
    const schema = z.string().refine(async () => true);
    expect(() => schema.safeParse('x')).toThrow(z.core.$ZodAsyncError);
    expect(() => compileFastParser(schema)('x')).toThrow(z.core.$ZodAsyncError);
    const checked = z.string().superRefine(async () => undefined);
    expect(() => compileFastParser(checked)('x')).toThrow(z.core.$ZodAsyncError);
  });

  it('lists what it hands to zod: whole subtrees it does not know, and checks it does not run itself', () => {
    const parser = compileFastParser(
      z.object({ t: z.string().transform((s) => s.length), r: z.record(z.string(), z.number()), m: z.number().multipleOf(3), p: PeriodDeadlineSchema }),
    );
    expect(parser.delegated).toEqual(['$.t> (transform)', '$.r (record)']);
    expect(parser.zodChecks).toEqual(['$.m (multiple_of)', '$.p (custom)']);
    expect(compileFastParser(z.object({ a: z.string().trim().min(1) })).delegated).toEqual([]);
  });

  it('leaves to zod a discriminated union zod cannot build, so both throw the same error', () => {
    const duplicate = z.discriminatedUnion('k', [z.object({ k: z.literal('a') }), z.object({ k: z.literal('a'), n: z.number() })]);
    const unnamed = z.discriminatedUnion('k', [z.object({ k: z.string() })]);
    const nested = z.discriminatedUnion('k', [z.discriminatedUnion('j', [z.object({ j: z.string() })])]);
    for (const schema of [duplicate, unnamed, nested]) {
      const parser = compileFastParser(schema);
      expect(parser.delegated).toEqual(['$ (union)']);
      expect(() => schema.safeParse({ k: 'a' })).toThrow();
      expect(() => parser({ k: 'a' })).toThrow();
    }
  });

  it('hands the whole schema to zod when zod is a version it was not checked against', () => {
    const schema = z.object({ a: z.string().trim() });
    const internals = (schema as unknown as { _zod: object })._zod;
    const newer = Object.create(schema, { _zod: { value: { ...internals, version: { major: 4, minor: 2, patch: 0 } } } }) as typeof schema;
    const parser = compileFastParser(newer);
    expect(parser.delegated).toEqual(['$ (object)']);
    expect(parser({ a: ' x ' })).toEqual({ a: 'x' });
    expect(parser({ a: 1 })).toBe(NOT_FAST);
  });
});

describe('the domain schemas take the fast path', () => {
  const SCHEMAS = DomainEventSchema.options;

  it('compiles every event type and the metadata without handing a subtree to zod; only the period deadline check runs through zod', () => {
    // PeriodDeadlineSchema's superRefine (the index must fit the unit) is a plain zod check, not a
    // schema: zod's own check function runs it on the value the fast path parsed, without a second parse.
    const period = /deadline\|period|requestedDeadline\|period|from\|period|to\|period/;
    for (const schema of [...SCHEMAS, EventMetadataSchema]) {
      const parser = compileFastParser(schema);
      expect(parser.delegated).toEqual([]);
      for (const check of parser.zodChecks) expect(check).toMatch(period);
    }
    expect(SCHEMAS.map((schema) => compileFastParser(schema).zodChecks.length).filter((count) => count > 0)).toHaveLength(3);
  });

  it('has events of exactly a type and a data, which parseRecordedEvent joins to the metadata in one literal', () => {
    for (const schema of SCHEMAS) expect(Object.keys(schema.shape)).toEqual(['type', 'data']);
  });

  const valid = (schema: z.ZodType): unknown[] => fc.sample(arbitraryOf(schema).filter((value) => schema.safeParse(value).success), { numRuns: 5, seed: 2026 });
  const metadata = {
    commandId: 'cmd-1',
    actor: aSecretariat,
    occurredOn: '2026-02-27',
    recordedAt: '2026-03-02T02:00:00Z',
    correlationId: 'cmd-1',
    causationId: null,
    schemaVersion: 1,
  };

  it.each(DOMAIN_EVENT_TYPES)('reads a valid %s without calling zod, and an invalid one with it', (type) => {
    const schema = SCHEMAS.find((option) => option.shape.type.value === type) as (typeof SCHEMAS)[number];
    const events = valid(schema) as DomainEvent[];
    expect(events).toHaveLength(5);
    const eventParse = jest.spyOn(schema, 'safeParse');
    const metadataParse = jest.spyOn(EventMetadataSchema, 'safeParse');
    try {
      for (const event of events) expect(parseRecordedEvent({ ...event, metadata }).success).toBe(true);
      expect(eventParse).not.toHaveBeenCalled();
      expect(metadataParse).not.toHaveBeenCalled();
      const [first] = events as [DomainEvent];
      expect(parseRecordedEvent({ ...first, metadata: { ...metadata, schemaVersion: 0 } }).success).toBe(false);
      expect(eventParse).toHaveBeenCalledTimes(1);
      expect(metadataParse).toHaveBeenCalledTimes(1);
    } finally {
      eventParse.mockRestore();
      metadataParse.mockRestore();
    }
  });
});

describe('parseRecordedEvent', () => {
  const metadata = () => ({
    commandId: 'cmd-1',
    actor: aSecretariat,
    occurredOn: '2026-02-27',
    recordedAt: '2026-03-02T02:00:00Z',
    correlationId: 'cmd-1',
    causationId: null,
    schemaVersion: 2,
  });
  const SCHEMA_BY_TYPE = new Map<string, z.ZodType>(DomainEventSchema.options.map((schema) => [schema.shape.type.value, schema]));

  /** parseRecordedEvent as it was before the fast path: zod alone. */
  const parseWithZodAlone = (value: { readonly type: unknown; readonly data: unknown; readonly metadata: unknown }) => {
    const schema = typeof value.type === 'string' ? SCHEMA_BY_TYPE.get(value.type) : undefined;
    if (schema === undefined) return { success: false, issues: [{ path: ['type'], message: `Loại sự kiện không rõ / unknown event type ${JSON.stringify(value.type)}` }] };
    const event = schema.safeParse({ type: value.type, data: value.data });
    const metadata = EventMetadataSchema.safeParse(value.metadata);
    if (event.success && metadata.success) return { success: true, data: { ...(event.data as DomainEvent), metadata: metadata.data } };
    return {
      success: false,
      issues: [
        ...(event.success ? [] : event.error.issues),
        ...(metadata.success ? [] : metadata.error.issues.map((issue) => ({ ...issue, path: ['metadata', ...issue.path] }))),
      ].map((issue) => ({ path: issue.path, message: issue.message })),
    };
  };

  const anEvent = fc.oneof(...DomainEventSchema.options.map((schema) => arbitraryOf(schema)));
  const stored = fc
    .tuple(
      fc.oneof({ arbitrary: anEvent, weight: 3 }, { arbitrary: brokenFrom(anEvent), weight: 2 }),
      fc.oneof({ arbitrary: arbitraryOf(EventMetadataSchema), weight: 3 }, { arbitrary: brokenFrom(arbitraryOf(EventMetadataSchema)), weight: 2 }),
    )
    .map(([event, metadata]) => {
      const { type, data } = (typeof event === 'object' && event !== null ? event : {}) as { type?: unknown; data?: unknown };
      return { type, data, metadata };
    });

  it('returns what zod alone returned — the event, or the same issues with the same messages — for valid and broken stored events', () => {
    fc.assert(
      fc.property(stored, (value) => {
        const actual = parseRecordedEvent(value);
        const expected = parseWithZodAlone(value);
        expect(actual).toEqual(expected);
        if (actual.success && expected.success) expect(layout(actual.data)).toEqual(layout(expected.data));
      }),
      { numRuns: 1_000 },
    );
  });

  it('gives RecordedDomainEventSchema the same issues', () => {
    const value = { ...aTaskAssigned({ clause: ' ' }), metadata: { ...metadata(), recordedAt: '2026-03-02' } };
    const parsed = RecordedDomainEventSchema.safeParse(value);
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual(
      (parseWithZodAlone(value).issues ?? []).map((issue) => [issue.path.join('.'), issue.message]),
    );
    expect(parsed.error?.issues).toHaveLength(2);
  });

  it('reads a stored TaskAssigned as zod did, trimming its text', () => {
    const event = aTaskAssigned({ clause: ' 1.c ' });
    const value = { ...event, metadata: { ...metadata(), commandId: ' cmd-1 ' } };
    expect(parseRecordedEvent(value)).toEqual(parseWithZodAlone(value));
    expect(parseRecordedEvent(value)).toMatchObject({ success: true, data: { data: { clause: '1.c' }, metadata: { commandId: 'cmd-1' } } });
  });

});
