/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, `undefined` members dropped, strings
 * in Unicode NFC as stored. The same value always encodes to the same bytes, whatever the key order a
 * database hands back (PostgreSQL's jsonb reorders keys), so hashes over it can be recomputed anywhere.
 * Written as plain loops: it runs for every event appended and verified.
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError(`cannot encode ${value} canonically`);
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) out += ',';
      const item: unknown = value[i];
      out += item === undefined ? 'null' : canonicalJson(item);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = sortedKeys(record);
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += encodedKey(key) + canonicalJson(member);
  }
  return `${out}}`;
};

/** Keys in code-unit order. Events' objects have a handful of keys: insertion sort beats `Array.prototype.sort` there. */
const sortedKeys = (record: Record<string, unknown>): string[] => {
  const keys = Object.keys(record);
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i += 1) {
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j -= 1;
    }
    keys[j + 1] = key;
  }
  return keys;
};

/** `"key":` for a key; the few names events use are encoded once (bounded, so odd data cannot grow it for ever). */
const KEY_CACHE = new Map<string, string>();
const KEY_CACHE_LIMIT = 10_000;
const encodedKey = (key: string): string => {
  let encoded = KEY_CACHE.get(key);
  if (encoded === undefined) {
    encoded = `${JSON.stringify(key)}:`;
    if (KEY_CACHE.size < KEY_CACHE_LIMIT) KEY_CACHE.set(key, encoded);
  }
  return encoded;
};
