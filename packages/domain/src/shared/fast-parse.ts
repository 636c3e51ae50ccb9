import { z } from 'zod';

/*
 * A fast path for zod schemas on the read path. `compileFastParser` walks a schema's definition once
 * (`schema._zod.def`) and builds plain closures that accept exactly what zod accepts and return exactly
 * the value zod returns — same keys in the same order, trimmed strings, defaults, absent optional keys
 * absent. What the closures do not do is explain a failure: on any failure they return `NOT_FAST` and
 * the caller runs zod, whose issues are the ones it always reported.
 *
 * Each closure mirrors the zod 4.1 code it replaces (node_modules/zod/v4/core/schemas.js, checks.js);
 * the comments name the zod behaviour each branch reproduces. A schema node the compiler does not know
 * is handed whole to zod (`delegated`); a check it does not know is run by zod's own check function on
 * the value parsed so far (`zodChecks`), exactly as zod's `runChecks` runs it. Both stay correct, only
 * slower, and both are listed on the compiled parser so a test can pin which parts are fast.
 */

/** Returned by a fast parser when the value fails, or may fail: parse it with zod to learn why. */
export const NOT_FAST: unique symbol = Symbol('NOT_FAST');

/** A compiled parser: zod's output for a valid value, `NOT_FAST` otherwise. */
export type FastParser<Output> = {
  (value: unknown): Output | typeof NOT_FAST;
  /** Paths of the subtrees handed whole to zod's `safeParse` (transforms, records, lazy schemas, …). */
  readonly delegated: readonly string[];
  /** Paths of the checks run by zod's own check function (`superRefine`, custom formats, …). */
  readonly zodChecks: readonly string[];
};

/** The zod minor versions whose parse semantics the closures below were checked against. */
const VERIFIED_ZOD = { major: 4, minor: 1 } as const;

// The parts of a zod 4 schema's internals (`schema._zod`) the compiler reads.
type Payload = { value: unknown; issues: unknown[] };
type Def = {
  readonly type: string;
  readonly check?: string;
  readonly checks?: readonly ZodNode[];
  readonly coerce?: boolean;
  readonly when?: (payload: Payload) => boolean;
  readonly shape?: Readonly<Record<string, ZodNode>>;
  readonly catchall?: ZodNode;
  readonly element?: ZodNode;
  readonly options?: readonly ZodNode[];
  readonly discriminator?: PropertyKey;
  readonly unionFallback?: boolean;
  readonly innerType?: ZodNode;
  readonly defaultValue?: unknown;
  readonly in?: ZodNode;
  readonly out?: ZodNode;
  readonly tx?: (value: unknown) => unknown;
  readonly fn?: (value: unknown) => unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly length?: number;
  readonly value?: unknown;
  readonly inclusive?: boolean;
  readonly format?: string;
  readonly pattern?: RegExp;
};
type ZodNode = {
  readonly _zod: {
    readonly def: Def;
    readonly traits: ReadonlySet<string>;
    readonly version: { readonly major: number; readonly minor: number };
    readonly values?: ReadonlySet<unknown>;
    readonly optin?: string;
    readonly propValues?: Readonly<Record<PropertyKey, ReadonlySet<unknown>>>;
    readonly check?: (payload: Payload) => unknown;
  };
};

type Parse = (value: unknown) => unknown;

/** One check of a schema, in the order zod runs them; `value` is the value after the checks before it. */
type Step =
  | { readonly kind: 'overwrite'; readonly tx: (value: unknown) => unknown }
  | { readonly kind: 'min_length' | 'max_length' | 'length_equals'; readonly length: number }
  | { readonly kind: 'greater_than' | 'less_than'; readonly bound: unknown; readonly inclusive: boolean }
  | { readonly kind: 'safeint' }
  | { readonly kind: 'pattern'; readonly pattern: RegExp }
  | { readonly kind: 'refine'; readonly fn: (value: unknown) => unknown }
  | { readonly kind: 'zod'; readonly check: (payload: Payload) => unknown; readonly when: ((payload: Payload) => boolean) | undefined };

type Compiler = {
  readonly cache: Map<ZodNode, Parse>;
  readonly delegated: string[];
  readonly zodChecks: string[];
};

const isObject = (value: unknown): value is Record<PropertyKey, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const { propertyIsEnumerable } = Object.prototype;

const hasLength = (value: unknown): value is { readonly length: number } =>
  value !== null && value !== undefined && (value as { readonly length?: unknown }).length !== undefined;

/**
 * The `when` zod gives length checks when none is passed: run when the value has a length. Recognised by
 * its source text, so a caller's own `when` is not mistaken for it.
 */
const DEFAULT_LENGTH_WHEN = new Set(
  [z.string().min(1), z.string().max(1), z.string().length(1)].map((schema) => {
    const check = (schema as unknown as ZodNode)._zod.def.checks?.[0];
    return String(check?._zod.def.when);
  }),
);

/** zod's `.trim()`: an overwrite whose `tx` is `(input) => input.trim()`, recognised by its source text (it has no free variables). */
const TRIM_SOURCE = String((z.string().trim() as unknown as ZodNode)._zod.def.checks?.[0]?._zod.def.tx);

/** Checks zod implements as `pattern.test(value)` alone (checks.js `$ZodCheckStringFormat`, `$ZodCheckRegex`). */
const PATTERN_CHECKS = ['$ZodCheckRegex', '$ZodISODateTime', '$ZodISODate', '$ZodISOTime', '$ZodEmail', '$ZodUUID', '$ZodGUID', '$ZodCheckLowerCase', '$ZodCheckUpperCase'];

const zodCheck = (check: ZodNode, path: string, compiler: Compiler): Step => {
  compiler.zodChecks.push(`${path} (${check._zod.def.check ?? 'check'})`);
  return { kind: 'zod', check: check._zod.check ?? (() => undefined), when: check._zod.def.when };
};

/** The check a zod check class performs, for the classes the compiler runs itself; the others run through zod. */
const stepOf = (check: ZodNode, path: string, compiler: Compiler): Step => {
  const def = check._zod.def;
  const is = (trait: string): boolean => check._zod.traits.has(trait);
  const lengthCheck = is('$ZodCheckMinLength') || is('$ZodCheckMaxLength') || is('$ZodCheckLengthEquals');
  if (def.when !== undefined && !(lengthCheck && DEFAULT_LENGTH_WHEN.has(String(def.when)))) return zodCheck(check, path, compiler);
  if (is('$ZodCheckOverwrite') && def.tx !== undefined) return { kind: 'overwrite', tx: def.tx };
  if (is('$ZodCheckMinLength') && def.minimum !== undefined) return { kind: 'min_length', length: def.minimum };
  if (is('$ZodCheckMaxLength') && def.maximum !== undefined) return { kind: 'max_length', length: def.maximum };
  if (is('$ZodCheckLengthEquals') && def.length !== undefined) return { kind: 'length_equals', length: def.length };
  if (is('$ZodCheckGreaterThan')) return { kind: 'greater_than', bound: def.value, inclusive: def.inclusive === true };
  if (is('$ZodCheckLessThan')) return { kind: 'less_than', bound: def.value, inclusive: def.inclusive === true };
  // Integer formats test Number.isInteger, then the safe range, then the format's own range: for
  // `safeint` (`.int()`) the three come down to Number.isSafeInteger.
  if (is('$ZodCheckNumberFormat') && def.format === 'safeint') return { kind: 'safeint' };
  if (PATTERN_CHECKS.some(is) && def.pattern instanceof RegExp) return { kind: 'pattern', pattern: def.pattern };
  // `.refine(fn)` is a $ZodCustom that fails when fn's result is falsy; `superRefine` and `.check(fn)`
  // are plain checks that push their own issues, so they run through zod.
  if (is('$ZodCustom') && def.fn !== undefined) return { kind: 'refine', fn: def.fn };
  return zodCheck(check, path, compiler);
};

/** Runs the checks in order on a parsed value: the value they leave, or NOT_FAST on the first issue. */
const runSteps = (steps: readonly Step[], parsed: unknown): unknown => {
  let value = parsed;
  for (const step of steps) {
    switch (step.kind) {
      case 'overwrite':
        value = step.tx(value);
        break;
      case 'min_length':
        if (hasLength(value) && value.length < step.length) return NOT_FAST;
        break;
      case 'max_length':
        if (hasLength(value) && value.length > step.length) return NOT_FAST;
        break;
      case 'length_equals':
        if (hasLength(value) && value.length !== step.length) return NOT_FAST;
        break;
      case 'greater_than':
        if (!(step.inclusive ? (value as number) >= (step.bound as number) : (value as number) > (step.bound as number))) return NOT_FAST;
        break;
      case 'less_than':
        if (!(step.inclusive ? (value as number) <= (step.bound as number) : (value as number) < (step.bound as number))) return NOT_FAST;
        break;
      case 'safeint':
        if (!Number.isSafeInteger(value)) return NOT_FAST;
        break;
      case 'pattern':
        step.pattern.lastIndex = 0;
        if (!step.pattern.test(value as string)) return NOT_FAST;
        break;
      case 'refine': {
        const result = step.fn(value);
        if (result instanceof Promise) throw new z.core.$ZodAsyncError();
        if (!result) return NOT_FAST;
        break;
      }
      case 'zod': {
        const payload: Payload = { value, issues: [] };
        if (step.when !== undefined && !step.when(payload)) break;
        if (step.check(payload) instanceof Promise) throw new z.core.$ZodAsyncError();
        if (payload.issues.length > 0) return NOT_FAST;
        value = payload.value;
        break;
      }
      default:
        return assertNeverStep(step);
    }
  }
  return value;
};

const assertNeverStep = (step: never): never => {
  throw new TypeError(`unknown fast-parse step ${JSON.stringify(step)}`);
};

/** The whole subtree parsed by zod: correct for anything, fast for nothing. */
const delegate = (node: ZodNode, path: string, compiler: Compiler): Parse => {
  compiler.delegated.push(`${path} (${node._zod.def.type})`);
  const schema = node as unknown as z.ZodType;
  return (value) => {
    const result = z.safeParse(schema, value);
    return result.success ? result.data : NOT_FAST;
  };
};

/** `$ZodObject.parse`: shape keys in shape order, `undefined` kept only for keys the input has, then the catchall. */
const compileObject = (def: Def, path: string, compiler: Compiler): Parse => {
  const shape = def.shape ?? {};
  const keys = Object.keys(shape);
  const parsers = keys.map((key) => compileNode(shape[key] as ZodNode, `${path}.${key}`, compiler));
  const catchall = def.catchall;
  const known = new Set(keys);
  const strict = catchall?._zod.def.type === 'never';
  const parseExtra = catchall === undefined || strict ? undefined : compileNode(catchall, `${path}.*`, compiler);
  return (input) => {
    if (!isObject(input)) return NOT_FAST;
    const output: Record<PropertyKey, unknown> = {};
    for (let index = 0; index < keys.length; index += 1) {
      const key = keys[index] as string;
      const value = (parsers[index] as Parse)(input[key]);
      if (value === NOT_FAST) return NOT_FAST;
      if (value !== undefined) output[key] = value;
      else if (key in input) output[key] = undefined;
    }
    if (catchall === undefined) return output;
    // zod goes over Object.keys(input): the own enumerable string keys. for…in lists those and the
    // inherited enumerable ones, without allocating; the inherited ones are skipped.
    for (const key in input) {
      if (known.has(key) || !propertyIsEnumerable.call(input, key)) continue;
      if (parseExtra === undefined) return NOT_FAST;
      const value = parseExtra(input[key]);
      if (value === NOT_FAST) return NOT_FAST;
      if (value !== undefined) output[key] = value;
      else if (key in input) output[key] = undefined;
    }
    return output;
  };
};

/** `$ZodArray.parse`: a new array, every index assigned. */
const compileArray = (def: Def, path: string, compiler: Compiler): Parse => {
  const parseElement = compileNode(def.element as ZodNode, `${path}[]`, compiler);
  return (input) => {
    if (!Array.isArray(input)) return NOT_FAST;
    const output: unknown[] = new Array(input.length);
    for (let index = 0; index < input.length; index += 1) {
      const value = parseElement(input[index]);
      if (value === NOT_FAST) return NOT_FAST;
      output[index] = value;
    }
    return output;
  };
};

/** `$ZodUnion.parse`: the first option that succeeds. */
const compileUnion = (options: readonly ZodNode[], path: string, compiler: Compiler): Parse => {
  const parsers = options.map((option, index) => compileNode(option, `${path}|${index}`, compiler));
  return (input) => {
    for (const parse of parsers) {
      const value = parse(input);
      if (value !== NOT_FAST) return value;
    }
    return NOT_FAST;
  };
};

/** `$ZodDiscriminatedUnion.parse`: the option named by the discriminator's value, else the union fallback, else failure. */
const compileDiscriminatedUnion = (node: ZodNode, def: Def, path: string, compiler: Compiler): Parse => {
  const discriminator = def.discriminator as PropertyKey;
  const options = def.options ?? [];
  const byValue = new Map<unknown, Parse>();
  try {
    for (const option of options) {
      const values = option._zod.propValues?.[discriminator];
      if (values === undefined || values.size === 0) return delegate(node, path, compiler);
      for (const value of values) {
        if (byValue.has(value)) return delegate(node, path, compiler);
        byValue.set(value, compileNode(option, `${path}|${String(value)}`, compiler));
      }
    }
  } catch (_error) {
    // zod throws the same error on its first parse; let it.
    return delegate(node, path, compiler);
  }
  const fallback = def.unionFallback === true ? compileUnion(options, path, compiler) : undefined;
  return (input) => {
    if (!isObject(input)) return NOT_FAST;
    const parse = byValue.get(input[discriminator]);
    if (parse !== undefined) return parse(input);
    return fallback === undefined ? NOT_FAST : fallback(input);
  };
};

/** `$ZodOptional.parse`: undefined passes; an inner schema that is itself optional-in runs first and wins unless it fails on undefined. */
const compileOptional = (def: Def, path: string, compiler: Compiler): Parse => {
  const inner = def.innerType as ZodNode;
  const parseInner = compileNode(inner, path, compiler);
  if (inner._zod.optin === 'optional') {
    return (input) => {
      const value = parseInner(input);
      return value === NOT_FAST && input === undefined ? undefined : value;
    };
  }
  return (input) => (input === undefined ? undefined : parseInner(input));
};

/** `$ZodDefault.parse`: the default (read afresh: zod's getter clones it) for undefined in or out. */
const compileDefault = (def: Def, path: string, compiler: Compiler): Parse => {
  const parseInner = compileNode(def.innerType as ZodNode, path, compiler);
  return (input) => {
    if (input === undefined) return def.defaultValue;
    const value = parseInner(input);
    return value === undefined ? def.defaultValue : value;
  };
};

/** The node's own parse, before its checks; undefined when the compiler leaves the node to zod. */
const compileType = (node: ZodNode, path: string, compiler: Compiler): Parse | undefined => {
  const def = node._zod.def;
  switch (def.type) {
    case 'string':
      return def.coerce === true ? undefined : (input) => (typeof input === 'string' ? input : NOT_FAST);
    case 'number':
      return def.coerce === true
        ? undefined
        : (input) => (typeof input === 'number' && !Number.isNaN(input) && Number.isFinite(input) ? input : NOT_FAST);
    case 'boolean':
      return def.coerce === true ? undefined : (input) => (typeof input === 'boolean' ? input : NOT_FAST);
    case 'null':
      return (input) => (input === null ? input : NOT_FAST);
    case 'undefined':
      return (input) => (input === undefined ? input : NOT_FAST);
    case 'any':
    case 'unknown':
    case 'custom':
      return (input) => input;
    case 'never':
      return () => NOT_FAST;
    case 'literal':
    case 'enum': {
      // zod tests membership of the same set, `_zod.values`.
      const values = node._zod.values ?? new Set();
      return (input) => (values.has(input) ? input : NOT_FAST);
    }
    case 'object':
      return compileObject(def, path, compiler);
    case 'array':
      return compileArray(def, path, compiler);
    case 'union':
      return node._zod.traits.has('$ZodDiscriminatedUnion')
        ? compileDiscriminatedUnion(node, def, path, compiler)
        : compileUnion(def.options ?? [], path, compiler);
    case 'optional':
      return compileOptional(def, path, compiler);
    case 'nullable': {
      const parseInner = compileNode(def.innerType as ZodNode, path, compiler);
      return (input) => (input === null ? null : parseInner(input));
    }
    case 'default':
      return compileDefault(def, path, compiler);
    case 'readonly': {
      const parseInner = compileNode(def.innerType as ZodNode, path, compiler);
      return (input) => {
        const value = parseInner(input);
        return value === NOT_FAST ? value : Object.freeze(value);
      };
    }
    case 'pipe': {
      // A codec is a pipe with a transform between its ends; leave it to zod.
      if (node._zod.traits.has('$ZodCodec')) return undefined;
      const parseIn = compileNode(def.in as ZodNode, path, compiler);
      const parseOut = compileNode(def.out as ZodNode, `${path}>`, compiler);
      return (input) => {
        const value = parseIn(input);
        return value === NOT_FAST ? value : parseOut(value);
      };
    }
    default:
      return undefined;
  }
};

/**
 * A string with its checks fused, for the shape nearly every string in chidao has: an optional leading
 * overwrite (`.trim()`), then length bounds, then other checks. Length checks run only on values with a
 * length, and a string has one, so after the overwrite they come down to one range test.
 */
const compileString = (steps: readonly Step[]): Parse => {
  const first = steps[0];
  const tx = first?.kind === 'overwrite' ? first.tx : undefined;
  const trim = tx !== undefined && String(tx) === TRIM_SOURCE;
  const afterTx = tx === undefined ? steps : steps.slice(1);
  let min = 0;
  let max = Number.POSITIVE_INFINITY;
  let rest = 0;
  for (const step of afterTx) {
    if (step.kind === 'min_length') min = Math.max(min, step.length);
    else if (step.kind === 'max_length') max = Math.min(max, step.length);
    else if (step.kind === 'length_equals') [min, max] = [Math.max(min, step.length), Math.min(max, step.length)];
    else break;
    rest += 1;
  }
  const others = afterTx.slice(rest);
  return (input) => {
    if (typeof input !== 'string') return NOT_FAST;
    const value = trim ? input.trim() : tx === undefined ? input : tx(input);
    // A custom overwrite may return something other than a string: run its checks one by one.
    if (typeof value !== 'string') return runSteps(afterTx, value);
    if (value.length < min || value.length > max) return NOT_FAST;
    return others.length === 0 ? value : runSteps(others, value);
  };
};

/** A schema that is itself a check (string formats, refinements) runs itself first, then `def.checks` (`$ZodType` init). */
const checksOf = (node: ZodNode): readonly ZodNode[] => [...(node._zod.traits.has('$ZodCheck') ? [node] : []), ...(node._zod.def.checks ?? [])];

const buildNode = (node: ZodNode, path: string, compiler: Compiler): Parse => {
  const parseType = compileType(node, path, compiler);
  if (parseType === undefined) return delegate(node, path, compiler);
  const checks = checksOf(node);
  if (checks.length === 0) return parseType;
  const steps = checks.map((check) => stepOf(check, path, compiler));
  if (node._zod.def.type === 'string') return compileString(steps);
  return (input) => {
    const value = parseType(input);
    return value === NOT_FAST ? value : runSteps(steps, value);
  };
};

const compileNode = (node: ZodNode, path: string, compiler: Compiler): Parse => {
  const known = compiler.cache.get(node);
  if (known !== undefined) return known;
  // A recursive schema meets itself while compiling: it gets this forwarder until it is built.
  let built: Parse = () => NOT_FAST;
  compiler.cache.set(node, (value) => built(value));
  built = buildNode(node, path, compiler);
  compiler.cache.set(node, built);
  return built;
};

/**
 * Compiles a zod 4 schema into a parser that returns zod's own output for every value zod accepts and
 * `NOT_FAST` for every value it refuses — then run zod for the issues. Compile once, at module load;
 * the parser holds no state between calls.
 */
export const compileFastParser = <Schema extends z.ZodType>(schema: Schema): FastParser<z.output<Schema>> => {
  const node = schema as unknown as ZodNode;
  const compiler: Compiler = { cache: new Map(), delegated: [], zodChecks: [] };
  const { major, minor } = node._zod.version;
  const parse = major === VERIFIED_ZOD.major && minor === VERIFIED_ZOD.minor ? compileNode(node, '$', compiler) : delegate(node, '$', compiler);
  return Object.assign((value: unknown) => parse(value) as z.output<Schema> | typeof NOT_FAST, {
    delegated: compiler.delegated,
    zodChecks: compiler.zodChecks,
  });
};
