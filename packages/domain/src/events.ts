import { z } from 'zod';
import { DirectiveEventSchema, type DirectiveEvent } from './directive/directive.events';
import { compileFastParser, NOT_FAST, type FastParser } from './shared/fast-parse';
import { EventMetadataSchema, type EventMetadata, type RecordedEvent } from './shared/metadata';
import { TaskEventSchema, type TaskEvent } from './task/task.events';

/** Every event of the domain, task and directive, discriminated on `type`. */
export const DomainEventSchema = z.discriminatedUnion('type', [...TaskEventSchema.options, ...DirectiveEventSchema.options]);
export type DomainEvent = TaskEvent | DirectiveEvent;
export type DomainEventType = DomainEvent['type'];

export type RecordedDomainEvent = RecordedEvent<DomainEvent>;

/**
 * The schema of each event type, for parsing one event without trying the others, with its compiled
 * fast parser (`shared/fast-parse.ts`): the same result as zod for valid events at a fraction of the cost.
 */
const PARSERS_BY_TYPE = new Map<string, { readonly schema: z.ZodType; readonly fast: FastParser<DomainEvent> }>(
  DomainEventSchema.options.map((schema) => [schema.shape.type.value, { schema, fast: compileFastParser(schema) as FastParser<DomainEvent> }]),
);
const parseMetadataFast: FastParser<EventMetadata> = compileFastParser(EventMetadataSchema);

/** One problem found parsing a stored event, by path. */
export type EventIssue = { readonly path: readonly PropertyKey[]; readonly message: string };

/** A stored event read as a current one, or why it could not be. */
type ParsedRecordedEvent =
  | { readonly success: true; readonly data: RecordedDomainEvent }
  | { readonly success: false; readonly issues: readonly EventIssue[] };

/**
 * Parses a stored event — type, data and metadata — against the current schemas. The hot path of
 * every read: it looks the event's schema up by type instead of trying a union, parses the metadata on
 * its own, and takes the compiled fast path; only an event that fails it is parsed again by zod, for
 * zod's issues.
 */
export const parseRecordedEvent = (value: { readonly type: unknown; readonly data: unknown; readonly metadata: unknown }): ParsedRecordedEvent => {
  const parsers = typeof value.type === 'string' ? PARSERS_BY_TYPE.get(value.type) : undefined;
  if (parsers === undefined) return { success: false, issues: [{ path: ['type'], message: `Loại sự kiện không rõ / unknown event type ${JSON.stringify(value.type)}` }] };
  const event = parsers.fast({ type: value.type, data: value.data });
  const metadata = event === NOT_FAST ? NOT_FAST : parseMetadataFast(value.metadata);
  // A literal, not `{ ...event, metadata }`: on Node 20 a spread with an added key costs more than the
  // whole fast parse. Every event schema is `{ type, data }`, so the two say the same.
  if (event !== NOT_FAST && metadata !== NOT_FAST) return { success: true, data: { type: event.type, data: event.data, metadata } as RecordedDomainEvent };
  return parseWithZod(parsers.schema, value);
};

/**
 * The zod path, for events the fast path refused: zod's issues, exactly as before the fast path. Were
 * the fast path ever to refuse an event zod accepts, zod's verdict would stand here.
 */
const parseWithZod = (
  schema: z.ZodType,
  value: { readonly type: unknown; readonly data: unknown; readonly metadata: unknown },
): ParsedRecordedEvent => {
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

/** A stored event: type and data checked against the event's schema, and its metadata. */
export const RecordedDomainEventSchema = z
  .object({ type: z.string(), data: z.unknown(), metadata: z.unknown() })
  .strict()
  .transform((value, ctx): RecordedDomainEvent => {
    const parsed = parseRecordedEvent(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [...issue.path] });
    return z.NEVER;
  });

/**
 * The schema version each event type is written with now. Bump one when its data changes shape and
 * register an upcaster from the old version (see `upcasting/`), so old events still read.
 * TaskAssigned is at 2: version 1 had a bare due date and agency ids under other names.
 */
export const CURRENT_SCHEMA_VERSIONS: { readonly [Type in DomainEventType]: number } = {
  TaskAssigned: 2,
  TaskDeadlineExtended: 1,
  TaskExtensionRequested: 1,
  TaskExtensionRejected: 1,
  TaskProgressReported: 1,
  TaskCompletionReported: 1,
  TaskCompletionConfirmed: 1,
  TaskCompletionReturned: 1,
  TaskReminderIssued: 1,
  TaskReassigned: 1,
  TaskSuspended: 1,
  TaskResumed: 1,
  TaskWithdrawn: 1,
  TaskDeadlineEventScheduled: 1,
  TaskRecordCorrected: 1,
  DirectiveRegistered: 1,
  DirectiveAmended: 1,
  DirectiveRecordCorrected: 1,
};

/** Every event type name. */
export const DOMAIN_EVENT_TYPES = Object.keys(CURRENT_SCHEMA_VERSIONS) as readonly DomainEventType[];

/** True when `type` names a task event (as opposed to a directive event). */
export const isTaskEvent = (event: DomainEvent): event is TaskEvent => event.type.startsWith('Task');
