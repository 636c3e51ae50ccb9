import { z } from 'zod';
import { DocumentRefSchema } from './document-ref';
import { InstantSchema, LocalDateSchema } from './local-date';

/** Who may act (DESIGN.md, Access). `agency` users are bound to one agency id. */
export const RoleSchema = z.enum(['secretariat', 'agency', 'auditor', 'analyst', 'admin']);
export type Role = z.infer<typeof RoleSchema>;

const id = (what: string) =>
  z.string().trim().min(1, { message: `Thiếu ${what} / ${what} is required` }).max(200);

const AGENCY_REQUIRED = 'Cán bộ cơ quan phải gắn với một cơ quan / an agency officer must carry an agencyId';

/**
 * The person behind a command or event: user id, role and, for agency officers, their agency. A
 * union on `role` rather than a refinement, so it parses on zod's fast path: it runs for every event read.
 */
export const ActorSchema = z.discriminatedUnion('role', [
  z
    .object({
      userId: id('userId'),
      role: z.literal('agency'),
      agencyId: z.string({ error: AGENCY_REQUIRED }).trim().min(1, { message: AGENCY_REQUIRED }).max(200),
    })
    .strict(),
  z.object({ userId: id('userId'), role: RoleSchema.exclude(['agency']), agencyId: id('agencyId').optional() }).strict(),
]);
export type Actor = z.infer<typeof ActorSchema>;

/**
 * The SHA-256 (hex) of the request that carried a command sent with an idempotency key, kept with its
 * events: a retry under the same key is recognised as the same request, another request under it is not.
 */
const REQUEST_DIGEST = z.string().regex(/^[0-9a-f]{64}$/, { message: 'requestDigest phải là SHA-256 dạng hex / requestDigest must be a hex SHA-256' });

/**
 * What every command carries besides its data. `occurredOn` is the business date — the date on the
 * paper — which is often earlier than the day a clerk enters it; time comes in as data, never from a clock.
 */
export const CommandMetadataSchema = z
  .object({
    commandId: id('commandId'),
    actor: ActorSchema,
    occurredOn: LocalDateSchema,
    sourceDocument: DocumentRefSchema.optional(),
    correlationId: id('correlationId').optional(),
    causationId: id('causationId').optional(),
    requestDigest: REQUEST_DIGEST.optional(),
  })
  .strict();
export type CommandMetadata = z.infer<typeof CommandMetadataSchema>;

/**
 * What every stored event carries besides its data. Two time axes: `occurredOn` (true on the paper
 * from this date) and `recordedAt` (known to the system from this instant). `previousHash`/`hash` are
 * the hash chain, filled in by the event store.
 */
export const EventMetadataSchema = z
  .object({
    commandId: id('commandId'),
    actor: ActorSchema,
    occurredOn: LocalDateSchema,
    recordedAt: InstantSchema,
    sourceDocument: DocumentRefSchema.optional(),
    correlationId: id('correlationId'),
    causationId: id('causationId').nullable(),
    requestDigest: REQUEST_DIGEST.optional(),
    schemaVersion: z.number().int().min(1),
    previousHash: z.string().nullable().optional(),
    hash: z.string().optional(),
  })
  .strict();
export type EventMetadata = z.infer<typeof EventMetadataSchema>;

/** An event as stored: its type and data plus metadata. */
export type RecordedEvent<Event extends { readonly type: string }> = Event & { readonly metadata: EventMetadata };

/**
 * Event metadata for events decided from a command: the server supplies `recordedAt` (its clock lives
 * outside the domain) and the schema version of each event type.
 */
export const eventMetadataFor = (
  command: CommandMetadata,
  recordedAt: string,
  schemaVersion: number,
): EventMetadata => ({
  commandId: command.commandId,
  actor: command.actor,
  occurredOn: command.occurredOn,
  recordedAt,
  ...(command.sourceDocument === undefined ? {} : { sourceDocument: command.sourceDocument }),
  correlationId: command.correlationId ?? command.commandId,
  causationId: command.causationId ?? null,
  ...(command.requestDigest === undefined ? {} : { requestDigest: command.requestDigest }),
  schemaVersion,
});
