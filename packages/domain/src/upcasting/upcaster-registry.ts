import * as E from 'fp-ts/Either';
import { CURRENT_SCHEMA_VERSIONS, parseRecordedEvent, type RecordedDomainEvent } from '../events';

/** An event as it lies in a store, in whatever schema version it was written. */
export type StoredEvent = {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: { readonly schemaVersion: number } & { readonly [key: string]: unknown };
};

/** Turns the data of one event type from `fromVersion` into `fromVersion + 1`. Pure. */
export type Upcaster = {
  readonly type: string;
  readonly fromVersion: number;
  readonly upcast: (data: unknown) => unknown;
};

/** Why a stored event could not be read as a current one. */
export type UpcastError =
  | { readonly _tag: 'UnknownEventType'; readonly type: string }
  | { readonly _tag: 'MissingUpcaster'; readonly type: string; readonly fromVersion: number }
  | { readonly _tag: 'FutureSchemaVersion'; readonly type: string; readonly version: number; readonly current: number }
  | {
      readonly _tag: 'InvalidEvent';
      readonly type: string;
      readonly version: number;
      readonly issues: readonly { readonly path: string; readonly message: string }[];
    };

/** Reads stored events of any known version as events of the current version. */
export type UpcasterRegistry = {
  /** The event with its data upcast to the current version and `metadata.schemaVersion` set to it; not validated. */
  readonly upcast: (event: StoredEvent) => E.Either<UpcastError, StoredEvent>;
  /** Upcasts, then validates type, data and metadata against the current schemas. */
  readonly read: (event: StoredEvent) => E.Either<UpcastError, RecordedDomainEvent>;
};

/**
 * Builds a registry from upcasters, one per event type and version step. Throws at construction on a
 * duplicate step — a programming error that must not wait for the first old event to surface.
 */
export const createUpcasterRegistry = (
  upcasters: readonly Upcaster[],
  currentVersions: { readonly [type: string]: number } = CURRENT_SCHEMA_VERSIONS,
): UpcasterRegistry => {
  const steps = new Map<string, Upcaster>();
  for (const upcaster of upcasters) {
    const key = `${upcaster.type}@${upcaster.fromVersion}`;
    if (steps.has(key)) throw new RangeError(`two upcasters for ${upcaster.type} from version ${upcaster.fromVersion}`);
    steps.set(key, upcaster);
  }

  const upcast = (event: StoredEvent): E.Either<UpcastError, StoredEvent> => {
    const current = currentVersions[event.type];
    if (current === undefined) return E.left({ _tag: 'UnknownEventType', type: event.type });
    const version = event.metadata.schemaVersion;
    if (version === current) return E.right(event);
    if (version > current) return E.left({ _tag: 'FutureSchemaVersion', type: event.type, version, current });
    let data = event.data;
    for (let from = version; from < current; from += 1) {
      const step = steps.get(`${event.type}@${from}`);
      if (step === undefined) return E.left({ _tag: 'MissingUpcaster', type: event.type, fromVersion: from });
      data = step.upcast(data);
    }
    return E.right({ ...event, data, metadata: { ...event.metadata, schemaVersion: current } });
  };

  // Plain code rather than pipe/chain: it runs for every event read, and most are already current, so
  // they go straight to the parse with no Either, closure or copy in between.
  const read = (event: StoredEvent): E.Either<UpcastError, RecordedDomainEvent> => {
    let upcasted: StoredEvent = event;
    const current = currentVersions[event.type];
    if (current === undefined || event.metadata.schemaVersion !== current) {
      const result = upcast(event);
      if (E.isLeft(result)) return result;
      upcasted = result.right;
    }
    const parsed = parseRecordedEvent(upcasted);
    if (parsed.success) return E.right(parsed.data);
    return E.left({
      _tag: 'InvalidEvent',
      type: event.type,
      version: event.metadata.schemaVersion,
      issues: parsed.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    });
  };
  return { upcast, read };
};
