import { CURRENT_SCHEMA_VERSIONS } from '@chidao/domain';
import { comparePositions } from './position';
import { directiveIdOfStream } from './stream-name';
import type { Anchor, AnchorHead, EventStoreBackend, Position, RawEvent, VerifyResult, VerifyScope } from './types';
import { eventsOf, verifyStore, type VerifiableBackend } from './verify';

/*
 * An export bundle is what an auditor takes away: the raw events of a scope exactly as stored (before
 * upcasting — the hash chain covers the stored form), each stream's recorded head, every anchor and
 * the schema versions the events were read with. `verifyBundle` runs the same verification as
 * `verify` on it, offline, with no database: `chidao verify --bundle <file>`.
 */

/** The format tag of a bundle; a reader refuses any other. */
export const EXPORT_FORMAT = 'chidao-export/1';

export type ExportBundle = {
  readonly format: typeof EXPORT_FORMAT;
  readonly scope: VerifyScope;
  /** The schema version of each event type when the bundle was written. */
  readonly schemaVersions: Readonly<Record<string, number>>;
  /** The scope's events as stored, in global order. */
  readonly events: readonly RawEvent[];
  /** Each stream's recorded head (last revision and hash). */
  readonly heads: readonly AnchorHead[];
  readonly anchors: readonly Anchor[];
};

/** Reads a scope's bundle from a backend; the events reach every head it reports, so the bundle is consistent. */
export const exportBundle = async (backend: EventStoreBackend, scope: VerifyScope): Promise<ExportBundle> => {
  const events: RawEvent[] = [];
  for await (const event of eventsOf(backend, scope)) events.push(event);
  const heads = await backend.streamHeads(scope);
  // Appends committed during the walk: read each stream on up to the head reported.
  const last = new Map<string, number>();
  for (const event of events) last.set(event.stream, event.revision);
  for (const head of heads) {
    const from = (last.get(head.stream) ?? -1) + 1;
    if (head.revision < from) continue;
    const later = await backend.readStream(head.stream, { direction: 'forwards', fromRevision: from });
    events.push(...later.filter((event) => event.revision <= head.revision));
  }
  events.sort((a, b) => comparePositions(a.position, b.position));
  return { format: EXPORT_FORMAT, scope, schemaVersions: { ...CURRENT_SCHEMA_VERSIONS }, events, heads, anchors: await backend.readAnchors() };
};

/** A read-only backend over a bundle's arrays: what verification needs, nothing more. */
export const bundleBackend = (bundle: ExportBundle): VerifiableBackend => {
  const byStream = new Map<string, RawEvent[]>();
  for (const event of bundle.events) {
    const list = byStream.get(event.stream);
    if (list === undefined) byStream.set(event.stream, [event]);
    else list.push(event);
  }
  const inScope = (scope: VerifyScope, stream: string) =>
    scope.kind === 'all' || (scope.kind === 'stream' ? stream === scope.stream : directiveIdOfStream(stream) === scope.directiveId);
  return {
    readAnchors: async () => bundle.anchors,
    readStream: async (stream, options) => {
      const events = [...(byStream.get(stream) ?? [])].sort((a, b) => a.revision - b.revision);
      const from = options.fromRevision ?? 0;
      const selected = events.filter((event) => event.revision >= from);
      return options.direction === 'backwards' ? selected.reverse() : selected;
    },
    readDirective: async (directiveId) => bundle.events.filter((event) => directiveIdOfStream(event.stream) === directiveId),
    readAll: async (after: Position | null, limit: number) =>
      bundle.events.filter((event) => after === null || comparePositions(event.position, after) > 0).slice(0, limit),
    streamHeads: async (scope) => bundle.heads.filter((head) => inScope(scope, head.stream)),
  };
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Why a value is not a bundle, or undefined when its shape is right. */
const bundleProblem = (value: unknown): string | undefined => {
  if (!isRecord(value)) return 'không phải đối tượng JSON / not a JSON object';
  if (value['format'] !== EXPORT_FORMAT) return `định dạng phải là "${EXPORT_FORMAT}" / format must be "${EXPORT_FORMAT}", got ${JSON.stringify(value['format'])}`;
  const scope = value['scope'];
  if (!isRecord(scope) || !['all', 'stream', 'directive'].includes(scope['kind'] as string)) return 'thiếu hoặc sai "scope" / "scope" missing or invalid';
  for (const key of ['events', 'heads', 'anchors']) if (!Array.isArray(value[key])) return `thiếu mảng "${key}" / "${key}" must be an array`;
  const events = value['events'] as unknown[];
  const index = events.findIndex(
    (event) => !isRecord(event) || typeof event['stream'] !== 'string' || typeof event['revision'] !== 'number' || typeof event['position'] !== 'string' || typeof event['hash'] !== 'string',
  );
  if (index >= 0) return `sự kiện thứ ${index} thiếu stream/revision/position/hash / event ${index} lacks stream, revision, position or hash`;
  return undefined;
};

/** Verifies a bundle offline. Throws a `TypeError` naming what is wrong when the value is not a bundle. */
export const verifyBundle = async (value: unknown): Promise<VerifyResult> => {
  const problem = bundleProblem(value);
  if (problem !== undefined) throw new TypeError(`Gói xuất không hợp lệ / invalid export bundle: ${problem}`);
  const bundle = value as ExportBundle;
  return verifyStore(bundleBackend(bundle), bundle.scope);
};
