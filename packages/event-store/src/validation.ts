import { CURRENT_SCHEMA_VERSIONS, parseRecordedEvent, type DomainEventType } from '@chidao/domain';
import { InvalidAppendError, InvalidReadError, type InputIssue } from './errors';
import { isPosition } from './position';
import { streamNameProblem } from './stream-name';
import type { ExpectedRevision, NewEvent, NewEventMetadata, Position } from './types';

/** Most events one append may carry. */
export const MAX_EVENTS_PER_APPEND = 10_000;

const isRevision = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

/** The expected revision, or the issue that refuses it. */
const expectedRevisionIssue = (value: unknown): InputIssue | undefined => {
  if (value === 'any' || value === 'no_stream' || value === 'stream_exists') return undefined;
  if (isRevision(value) && value >= -1) return undefined;
  return {
    path: 'expectedRevision',
    message: `phải là "any", "no_stream", "stream_exists" hoặc số nguyên ≥ -1, nhận ${JSON.stringify(value)} / must be "any", "no_stream", "stream_exists" or an integer ≥ -1, got ${JSON.stringify(value)}`,
  };
};

/** The validated input of an append: events parsed against the current domain schemas. */
export type ValidAppend = {
  readonly stream: string;
  readonly expectedRevision: ExpectedRevision;
  readonly commandId: string;
  readonly events: readonly { readonly type: string; readonly data: unknown; readonly metadata: NewEventMetadata }[];
};

/**
 * Checks everything about an append before anything is written: stream name, expected revision, and
 * each event against the domain schema of its type at the current schema version, all with one
 * command id. Throws `InvalidAppendError` listing every problem found.
 */
export const validateAppend = (stream: unknown, events: unknown, expectedRevision: unknown): ValidAppend => {
  const issues: InputIssue[] = [];
  const streamProblem = streamNameProblem(stream);
  if (streamProblem !== undefined) issues.push({ path: 'stream', message: streamProblem });
  const revisionIssue = expectedRevisionIssue(expectedRevision);
  if (revisionIssue !== undefined) issues.push(revisionIssue);
  const parsed: { type: string; data: unknown; metadata: NewEventMetadata }[] = [];
  if (!Array.isArray(events) || events.length === 0) {
    issues.push({ path: 'events', message: 'không có sự kiện nào để ghi / there are no events to append' });
  } else if (events.length > MAX_EVENTS_PER_APPEND) {
    issues.push({ path: 'events', message: `tối đa ${MAX_EVENTS_PER_APPEND} sự kiện mỗi lần ghi / at most ${MAX_EVENTS_PER_APPEND} events per append` });
  } else {
    (events as readonly NewEvent[]).forEach((event, index) => {
      const at = `events[${index}]`;
      const metadata = (event as { metadata?: Record<string, unknown> } | null)?.metadata;
      if (metadata !== undefined && metadata !== null && ('hash' in metadata || 'previousHash' in metadata)) {
        issues.push({ path: `${at}.metadata`, message: 'hash và previousHash do kho tính / hash and previousHash are computed by the store' });
        return;
      }
      const type = (event as { type?: unknown } | null)?.type;
      if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(CURRENT_SCHEMA_VERSIONS, type)) {
        issues.push({ path: `${at}.type`, message: `loại sự kiện không rõ / unknown event type ${JSON.stringify(type)}` });
        return;
      }
      const result = parseRecordedEvent(event);
      if (!result.success) {
        for (const issue of result.issues) issues.push({ path: [at, ...issue.path.map(String)].join('.'), message: issue.message });
        return;
      }
      const current = CURRENT_SCHEMA_VERSIONS[result.data.type as DomainEventType];
      if (result.data.metadata.schemaVersion !== current) {
        issues.push({
          path: `${at}.metadata.schemaVersion`,
          message: `sự kiện mới phải ở phiên bản ${current} / new ${result.data.type} events must be schema version ${current}`,
        });
        return;
      }
      parsed.push({ type: result.data.type, data: result.data.data, metadata: result.data.metadata as NewEventMetadata });
    });
    const commandIds = new Set(parsed.map((event) => event.metadata.commandId));
    if (commandIds.size > 1) issues.push({ path: 'events', message: 'mọi sự kiện của một lần ghi phải cùng commandId / all events of one append must share one commandId' });
  }
  if (issues.length > 0) throw new InvalidAppendError(issues);
  return { stream: stream as string, expectedRevision: expectedRevision as ExpectedRevision, commandId: parsed[0]!.metadata.commandId, events: parsed };
};

/** Checks a stream name and read options; throws `InvalidReadError`. */
export const validateRead = (checks: {
  readonly stream?: unknown;
  readonly fromRevision?: unknown;
  readonly limit?: unknown;
  readonly after?: unknown;
  readonly direction?: unknown;
}): void => {
  const issues: InputIssue[] = [];
  if ('stream' in checks) {
    const problem = streamNameProblem(checks.stream);
    if (problem !== undefined) issues.push({ path: 'stream', message: problem });
  }
  if (checks.fromRevision !== undefined && !(isRevision(checks.fromRevision) && checks.fromRevision >= 0)) {
    issues.push({ path: 'fromRevision', message: 'phải là số nguyên ≥ 0 / must be an integer ≥ 0' });
  }
  if (checks.limit !== undefined && !(isRevision(checks.limit) && checks.limit >= 1)) {
    issues.push({ path: 'limit', message: 'phải là số nguyên ≥ 1 / must be an integer ≥ 1' });
  }
  if (checks.after !== undefined && checks.after !== null && !isPosition(checks.after)) {
    issues.push({ path: 'after', message: 'không phải vị trí hợp lệ / not a position' });
  }
  if (checks.direction !== undefined && checks.direction !== 'forwards' && checks.direction !== 'backwards') {
    issues.push({ path: 'direction', message: 'phải là "forwards" hoặc "backwards" / must be "forwards" or "backwards"' });
  }
  if (issues.length > 0) throw new InvalidReadError(issues);
};

/** Positions are compared as strings; a null `after` means the very start. */
export const afterOrStart = (after: Position | null | undefined): Position | null => after ?? null;
