import { anchorHash, chainHash, eventDigest } from './hash-chain';
import { directiveIdOfStream } from './stream-name';
import type { Anchor, AnchorHead, BrokenLink, BrokenLinkReason, EventStoreBackend, Position, RawEvent, VerifyResult, VerifyScope } from './types';

/*
 * Verification walks the events of a scope in global order and re-computes every link of every
 * stream's chain; then it compares each stream's recorded head with the last event found, and each
 * anchor's heads with the events found. The first broken link is reported with its place and a
 * reason: `changed` (content or hash altered), `missing` (an event, a tail or a whole stream gone),
 * `inserted` (an event that the chain does not lead to) or `reordered` (events out of their place).
 */

const PAGE = 5_000;

const EXPLAIN: { readonly [R in BrokenLinkReason]: (stream: string, revision: number) => { vi: string; en: string } } = {
  changed: (stream, revision) => ({
    vi: `Sự kiện ${stream}@${revision} đã bị sửa: mã băm không khớp.`,
    en: `Event ${stream}@${revision} was altered: its hash does not match.`,
  }),
  missing: (stream, revision) => ({
    vi: `Thiếu sự kiện ${stream}@${revision}: đã bị xóa.`,
    en: `Event ${stream}@${revision} is missing: it was deleted.`,
  }),
  inserted: (stream, revision) => ({
    vi: `Sự kiện ${stream}@${revision} được chèn thêm ngoài chuỗi băm.`,
    en: `Event ${stream}@${revision} was inserted outside the hash chain.`,
  }),
  reordered: (stream, revision) => ({
    vi: `Thứ tự sự kiện của ${stream} bị đảo tại phiên bản ${revision}.`,
    en: `The events of ${stream} were reordered at revision ${revision}.`,
  }),
};

const broken = (reason: BrokenLinkReason, stream: string, revision: number, position: Position | null): BrokenLink => ({
  reason,
  stream,
  revision,
  position,
  message: EXPLAIN[reason](stream, revision),
});

const recompute = (previousHash: string | null, event: RawEvent, revision: number = event.revision): string =>
  chainHash(previousHash, eventDigest(event, event.stream), revision);

/**
 * Finds the first broken link of one stream's events sorted by revision, and why — used once the
 * walk has seen something wrong, so the classification can look at the whole stream.
 */
export const classifyStream = (events: readonly RawEvent[]): BrokenLink | undefined => {
  const sorted = [...events].sort((a, b) => a.revision - b.revision);
  const hashes = new Map(sorted.map((event) => [event.hash, event]));
  for (let index = 0; index < sorted.length; index += 1) {
    const event = sorted[index]!;
    if (event.revision > index) return broken('missing', event.stream, index, null);
    if (event.revision < index) return broken('inserted', event.stream, event.revision, event.position);
    const previous = index === 0 ? null : sorted[index - 1]!.hash;
    if (event.previousHash !== previous) {
      const pointsForward = event.previousHash !== null && (hashes.get(event.previousHash)?.revision ?? -1) > event.revision;
      if (pointsForward) return broken('reordered', event.stream, event.revision, event.position);
      if (index >= 2 && event.previousHash === sorted[index - 2]!.hash) return broken('inserted', event.stream, event.revision - 1, sorted[index - 1]!.position);
      return broken('changed', event.stream, event.revision, event.position);
    }
    if (recompute(previous, event) !== event.hash) {
      if (sorted[index + 1]?.previousHash === previous && previous !== null) return broken('inserted', event.stream, event.revision, event.position);
      const elsewhere = sorted.some((other) => other.revision !== event.revision && recompute(event.previousHash, event, other.revision) === event.hash);
      return broken(elsewhere ? 'reordered' : 'changed', event.stream, event.revision, event.position);
    }
  }
  return undefined;
};

/** What verification reads of a backend: a live one, or an export bundle's events. */
export type VerifiableBackend = Pick<EventStoreBackend, 'readAnchors' | 'readStream' | 'readDirective' | 'readAll' | 'streamHeads'>;

type StreamState = { revision: number; hash: string | null; position: Position | null };

const inScope = (scope: VerifyScope, stream: string): boolean =>
  scope.kind === 'all' || (scope.kind === 'stream' ? stream === scope.stream : directiveIdOfStream(stream) === scope.directiveId);

/** Pages through the events of a scope in global order. */
export async function* eventsOf(backend: Pick<EventStoreBackend, 'readStream' | 'readDirective' | 'readAll'>, scope: VerifyScope): AsyncGenerator<RawEvent> {
  if (scope.kind === 'stream') {
    yield* await backend.readStream(scope.stream, { direction: 'forwards' });
    return;
  }
  if (scope.kind === 'directive') {
    yield* await backend.readDirective(scope.directiveId);
    return;
  }
  let after: Position | null = null;
  for (;;) {
    const page = await backend.readAll(after, PAGE);
    yield* page;
    if (page.length < PAGE) return;
    after = page.at(-1)!.position;
  }
}

const checkAnchors = (anchors: readonly Anchor[]): BrokenLink | undefined => {
  let previous: Anchor | null = null;
  for (const anchor of anchors) {
    const expectedPrevious: string | null = previous?.hash ?? null;
    const sequenceOk = anchor.sequence === (previous === null ? 0 : previous.sequence + 1);
    if (!sequenceOk) return broken(anchor.sequence > (previous?.sequence ?? -1) + 1 ? 'missing' : 'reordered', '$anchors', anchor.sequence, anchor.position);
    if (anchor.previousHash !== expectedPrevious || anchorHash(anchor.previousHash, anchor.sequence, anchor.position, anchor.heads) !== anchor.hash) {
      return broken('changed', '$anchors', anchor.sequence, anchor.position);
    }
    previous = anchor;
  }
  return undefined;
};

/** Verifies one scope of a backend; see the module comment. */
export const verifyStore = async (backend: VerifiableBackend, scope: VerifyScope): Promise<VerifyResult> => {
  const anchors = await backend.readAnchors();
  const anchored = new Map<string, { head: AnchorHead; anchor: Anchor }>();
  for (const anchor of anchors) {
    for (const head of anchor.heads) if (inScope(scope, head.stream)) anchored.set(`${head.stream}@${head.revision}`, { head, anchor });
  }
  const found = new Map<string, string>();
  const streams = new Map<string, StreamState>();
  let events = 0;
  const counts = () => ({ streams: streams.size, events, anchors: anchors.length });
  const fail = async (link: BrokenLink): Promise<VerifyResult> => ({ ok: false, ...counts(), ...link });
  const classify = async (stream: string, at: RawEvent): Promise<VerifyResult> => {
    const whole = await backend.readStream(stream, { direction: 'forwards' });
    return fail(classifyStream(whole) ?? broken('reordered', stream, at.revision, at.position));
  };

  const anchorProblem = checkAnchors(anchors);
  if (anchorProblem !== undefined) return fail(anchorProblem);

  for await (const event of eventsOf(backend, scope)) {
    events += 1;
    const state = streams.get(event.stream) ?? { revision: -1, hash: null, position: null };
    if (event.revision !== state.revision + 1 || event.previousHash !== state.hash || recompute(state.hash, event) !== event.hash) {
      return classify(event.stream, event);
    }
    streams.set(event.stream, { revision: event.revision, hash: event.hash, position: event.position });
    const key = `${event.stream}@${event.revision}`;
    if (anchored.has(key)) found.set(key, event.hash);
  }

  // The walk stops at the backend's read horizon; heads read afterwards may be ahead of it because of
  // appends committed meanwhile. Such a stream is read on from where the walk left it and checked
  // before anything is called missing.
  const heads = await backend.streamHeads(scope);
  const recorded = new Set<string>();
  for (const head of heads) {
    recorded.add(head.stream);
    let state = streams.get(head.stream) ?? { revision: -1, hash: null, position: null };
    if (head.revision > state.revision) {
      const later = await backend.readStream(head.stream, { direction: 'forwards', fromRevision: state.revision + 1 });
      for (const event of later) {
        if (event.revision > head.revision) break;
        if (event.revision !== state.revision + 1 || event.previousHash !== state.hash || recompute(state.hash, event) !== event.hash) {
          return classify(event.stream, event);
        }
        events += 1;
        state = { revision: event.revision, hash: event.hash, position: event.position };
        const key = `${event.stream}@${event.revision}`;
        if (anchored.has(key)) found.set(key, event.hash);
      }
      if (state.revision >= 0) streams.set(head.stream, state);
    }
    if (state.revision === -1) return fail(broken('missing', head.stream, 0, null));
    if (head.revision > state.revision) return fail(broken('missing', head.stream, state.revision + 1, null));
    if (head.revision < state.revision) return fail(broken('inserted', head.stream, head.revision + 1, state.position));
    if (head.hash !== state.hash) return fail(broken('changed', head.stream, state.revision, state.position));
  }
  for (const [stream, state] of streams) {
    if (!recorded.has(stream)) return fail(broken('inserted', stream, 0, state.position));
  }
  for (const [key, { head }] of anchored) {
    const hash = found.get(key);
    if (hash === undefined) return fail(broken('missing', head.stream, streams.has(head.stream) ? head.revision : 0, null));
    if (hash !== head.hash) return fail(broken('changed', head.stream, head.revision, null));
  }
  return { ok: true, ...counts() };
};
