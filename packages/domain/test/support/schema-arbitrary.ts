import fc from 'fast-check';
import type { z } from 'zod';
import { addDays, InstantSchema, LocalDateSchema } from '../../src/shared/local-date';

/*
 * Values drawn from a zod schema's own constraints — string lengths at and inside their bounds, text
 * with whitespace for `.trim()` to remove, real and impossible dates, optional keys absent, present
 * or undefined, keys in any order — and the same values broken one place at a time. For properties
 * that compare a parser with zod: most generated values are valid, most broken ones are not.
 */

type Node = {
  readonly _zod: {
    readonly def: {
      readonly type: string;
      readonly checks?: readonly Node[];
      readonly shape?: Readonly<Record<string, Node>>;
      readonly element?: Node;
      readonly options?: readonly Node[];
      readonly innerType?: Node;
      readonly in?: Node;
      readonly minimum?: number;
      readonly maximum?: number;
      readonly length?: number;
      readonly value?: number;
      readonly inclusive?: boolean;
      readonly check?: string;
      readonly tx?: unknown;
    };
    readonly values?: ReadonlySet<unknown>;
  };
};

const nodeOf = (schema: z.ZodType): Node => schema as unknown as Node;

const START = '1990-01-01';
const realDate = fc.integer({ min: 0, max: 80_000 }).map((days) => addDays(START, days));
const impossibleDate = fc.constantFrom('2026-02-30', '2026-02-29', '2100-02-29', '2026-13-01', '2026-04-31', '2026-3-20', '20/03/2026', '２０２６-03-20', '');
const localDate = fc.oneof({ arbitrary: realDate, weight: 8 }, { arbitrary: impossibleDate, weight: 1 });

const instant = fc
  .tuple(
    realDate,
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 59 }),
    fc.constantFrom('', ':07', ':59.123'),
    fc.constantFrom('Z', '+07:00', '-05:30', '', '+24:00', ' '),
  )
  .map(([date, hour, minute, seconds, offset]) => `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}${seconds}${offset}`);

const WHITESPACE = ['', '', '', ' ', '  ', '\t', '\n ', '\u00a0'];
const LETTERS = ['a', 'Z', '7', 'Đ', 'ệ', '/', '-', '.', 'ơ'];

/** A string of exactly `length` code units, none of them whitespace. */
const textOfLength = (length: number): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...LETTERS), fc.string({ maxLength: 6, unit: fc.constantFrom(...LETTERS) })).map(([fill, start]) => (start + fill.repeat(length)).slice(0, length));

const lengthBounds = (node: Node): { min: number; max: number } => {
  let min = 0;
  let max = Number.POSITIVE_INFINITY;
  for (const check of node._zod.def.checks ?? []) {
    const def = check._zod.def;
    if (def.check === 'min_length') min = Math.max(min, def.minimum ?? 0);
    if (def.check === 'max_length') max = Math.min(max, def.maximum ?? max);
    if (def.check === 'length_equals') [min, max] = [def.length ?? 0, def.length ?? 0];
  }
  return { min, max };
};

/** Lengths inside the bounds, at both bounds and just outside them. */
const lengthsWithin = ({ min, max }: { min: number; max: number }, small: number): fc.Arbitrary<number> => {
  const top = Number.isFinite(max) ? max : min + small;
  return fc.oneof(
    { arbitrary: fc.integer({ min, max: Math.min(top, min + small) }), weight: 12 },
    { arbitrary: fc.constantFrom(min, top), weight: 2 },
    { arbitrary: fc.constantFrom(Math.max(0, min - 1), top + 1), weight: 1 },
  );
};

const stringOf = (node: Node): fc.Arbitrary<unknown> => {
  const trims = (node._zod.def.checks ?? []).some((check) => check._zod.def.check === 'overwrite');
  const text = lengthsWithin(lengthBounds(node), 12).chain(textOfLength);
  if (!trims) return text;
  return fc.tuple(fc.constantFrom(...WHITESPACE), text, fc.constantFrom(...WHITESPACE)).map(([before, middle, after]) => before + middle + after);
};

const numberOf = (node: Node): fc.Arbitrary<unknown> => {
  let min = -1_000;
  let max = 1_000;
  for (const check of node._zod.def.checks ?? []) {
    const def = check._zod.def;
    if (def.check === 'greater_than') min = (def.value ?? min) + (def.inclusive === true ? 0 : 1);
    if (def.check === 'less_than') max = (def.value ?? max) - (def.inclusive === true ? 0 : 1);
  }
  return fc.oneof({ arbitrary: fc.integer({ min, max }), weight: 10 }, { arbitrary: fc.constantFrom(min, max, min - 1, max + 1, min + 0.5), weight: 1 });
};

type Presence = 'present' | 'absent' | 'undefined';

const objectOf = (node: Node, depth: number): fc.Arbitrary<unknown> => {
  const shape = node._zod.def.shape ?? {};
  const fields = Object.entries(shape).map(([key, field]) => {
    const optional = field._zod.def.type === 'optional';
    const presence: fc.Arbitrary<Presence> = optional
      ? fc.constantFrom<Presence>('present', 'present', 'absent', 'absent', 'undefined')
      : fc.constant<Presence>('present');
    return fc.tuple(fc.constant(key), presence, arbitraryOf(optional ? (field._zod.def.innerType as unknown as z.ZodType) : (field as unknown as z.ZodType), depth + 1));
  });
  return fc.tuple(fc.tuple(...fields), fc.boolean()).map(([entries, reversed]) => {
    const present = entries.filter(([, presence]) => presence !== 'absent');
    const ordered = reversed ? [...present].reverse() : present;
    return Object.fromEntries(ordered.map(([key, presence, value]) => [key, presence === 'undefined' ? undefined : value]));
  });
};

/** Levels of nesting after which a recursive schema gets a leaf that may be invalid. */
const MAX_DEPTH = 8;

/** Values for `schema`, mostly valid: see the top of this file. */
export const arbitraryOf = (schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> => {
  if (depth > MAX_DEPTH) return fc.constantFrom(null, [], {});
  if (schema === LocalDateSchema) return localDate;
  if (schema === InstantSchema) return instant;
  const node = nodeOf(schema);
  const def = node._zod.def;
  const inner = (child: Node | undefined): fc.Arbitrary<unknown> => arbitraryOf(child as unknown as z.ZodType, depth + 1);
  switch (def.type) {
    case 'string':
      return stringOf(node);
    case 'number':
      return numberOf(node);
    case 'boolean':
      return fc.boolean();
    case 'literal':
    case 'enum':
      return fc.constantFrom(...(node._zod.values ?? new Set([undefined])));
    case 'object':
      return objectOf(node, depth);
    case 'array': {
      const { min, max } = lengthBounds(node);
      return lengthsWithin({ min, max }, 3).chain((length) => fc.array(inner(def.element), { minLength: length, maxLength: length }));
    }
    case 'union':
      return fc.oneof(...(def.options ?? []).map(inner));
    case 'optional':
      return fc.option(inner(def.innerType), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(inner(def.innerType), { nil: null, freq: 3 });
    case 'default':
    case 'readonly':
      return fc.option(inner(def.innerType), { nil: undefined, freq: 3 });
    case 'pipe':
      return inner(def.in);
    default:
      return fc.anything();
  }
};

/** A value at some place in a tree of objects and arrays, with its parent. */
type Place = { readonly parent: Record<PropertyKey, unknown> | unknown[] | undefined; readonly key: PropertyKey | undefined; readonly value: unknown };

const placesIn = (root: unknown): Place[] => {
  const places: Place[] = [{ parent: undefined, key: undefined, value: root }];
  for (let index = 0; index < places.length; index += 1) {
    const { value } = places[index] as Place;
    if (Array.isArray(value)) value.forEach((item, key) => places.push({ parent: value, key, value: item }));
    else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) places.push({ parent: value as Record<string, unknown>, key, value: item });
  }
  return places;
};

const REPLACEMENTS: readonly unknown[] = [null, undefined, 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '', '   ', ' padded ', 'x'.repeat(201), '2026-02-30', '2026-02-29T00:00:00Z', true, [], {}, 'TaskTeleported'];

type Mutation = { readonly kind: 'replace'; readonly by: unknown } | { readonly kind: 'delete' } | { readonly kind: 'extra'; readonly value: unknown } | { readonly kind: 'pad' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constantFrom(...REPLACEMENTS).map((by): Mutation => ({ kind: 'replace', by })),
  fc.constant<Mutation>({ kind: 'delete' }),
  fc.constantFrom<unknown>('x', undefined).map((value): Mutation => ({ kind: 'extra', value })),
  fc.constant<Mutation>({ kind: 'pad' }),
);

const mutate = (original: unknown, at: number, change: Mutation): unknown => {
  const root = structuredClone(original);
  const places = placesIn(root);
  const { parent, key, value } = places[at % places.length] as Place;
  const set = (next: unknown): unknown => {
    if (parent === undefined || key === undefined) return next;
    (parent as Record<PropertyKey, unknown>)[key] = next;
    return root;
  };
  switch (change.kind) {
    case 'replace':
      return set(change.by);
    case 'pad':
      return set(typeof value === 'string' ? ` ${value}\t` : '  ');
    case 'delete':
      if (parent !== undefined && key !== undefined && !Array.isArray(parent)) delete parent[key];
      return parent === undefined ? undefined : root;
    case 'extra':
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) (value as Record<string, unknown>)['unexpected'] = change.value;
      return root;
  }
};

/** Values of `arbitrary` broken in one place: a wrong type, a missing or extra key, padded text, an impossible date, a null. */
export const brokenFrom = (arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.tuple(arbitrary, fc.nat(), mutation).map(([value, at, change]) => mutate(value, at, change));

/** Valid values, broken ones and anything at all, for comparing a parser with zod. */
export const valuesFor = (schema: z.ZodType): fc.Arbitrary<unknown> =>
  fc.oneof({ arbitrary: arbitraryOf(schema), weight: 5 }, { arbitrary: brokenFrom(arbitraryOf(schema)), weight: 4 }, { arbitrary: fc.anything(), weight: 1 });
