import { z } from 'zod';
import { DocumentRefSchema } from '../shared/document-ref';
import { LocalDateSchema } from '../shared/local-date';

/*
 * Directive events. A directive (*văn bản chỉ đạo*) is the document that assigns tasks: usually a
 * *thông báo kết luận* (notice of conclusions) after a meeting.
 */

const text = (max: number) => z.string().trim().min(1).max(max);

/** A named official with their title, e.g. the presiding Vice-Chairman or the signer. */
export const OfficialSchema = z.object({ name: text(200), title: text(300).optional() }).strict();
export type Official = z.infer<typeof OfficialSchema>;

/** The meeting a notice concludes: its date and session number (*phiên họp thứ 6*). */
export const MeetingSchema = z
  .object({ heldOn: LocalDateSchema, session: z.number().int().positive().optional(), title: text(2_000).optional() })
  .strict();
export type Meeting = z.infer<typeof MeetingSchema>;

/** The issuing body (*cơ quan ban hành*): its words, and its catalogue id when resolved. */
export const IssuerSchema = z.object({ name: text(500), agencyId: text(200).optional() }).strict();
export type Issuer = z.infer<typeof IssuerSchema>;

/** The facts of a directive as registered. */
export const DirectiveFieldsSchema = z
  .object({
    symbol: text(100),
    kind: text(20),
    issuer: IssuerSchema,
    issuedOn: LocalDateSchema.optional(),
    signer: OfficialSchema.optional(),
    presidedBy: OfficialSchema.optional(),
    meeting: MeetingSchema.optional(),
    subject: text(5_000),
    references: z.array(DocumentRefSchema).max(200),
  })
  .strict();
export type DirectiveFields = z.infer<typeof DirectiveFieldsSchema>;

/** The fields an amendment or correction may change. */
export const DirectiveChangesSchema = DirectiveFieldsSchema.partial().strict();
export type DirectiveChanges = z.infer<typeof DirectiveChangesSchema>;

/** *Đăng ký văn bản*: the directive enters chidao. */
export const DirectiveRegisteredSchema = z
  .object({
    type: z.literal('DirectiveRegistered'),
    data: DirectiveFieldsSchema.extend({ directiveId: text(200), naturalKey: text(500), registeredOn: LocalDateSchema }).strict(),
  })
  .strict();
export type DirectiveRegistered = z.infer<typeof DirectiveRegisteredSchema>;

/** *Sửa đổi văn bản*: a later document changes the directive (a draft gets its number, a date moves). */
export const DirectiveAmendedSchema = z
  .object({
    type: z.literal('DirectiveAmended'),
    data: z
      .object({
        directiveId: text(200),
        changes: DirectiveChangesSchema,
        amendingDocument: DocumentRefSchema,
        amendedOn: LocalDateSchema,
      })
      .strict(),
  })
  .strict();
export type DirectiveAmended = z.infer<typeof DirectiveAmendedSchema>;

/** *Đính chính*: a data-entry fix with its reason, never an edit. */
export const DirectiveRecordCorrectedSchema = z
  .object({
    type: z.literal('DirectiveRecordCorrected'),
    data: z
      .object({ directiveId: text(200), changes: DirectiveChangesSchema, reason: text(2_000), correctedOn: LocalDateSchema })
      .strict(),
  })
  .strict();
export type DirectiveRecordCorrected = z.infer<typeof DirectiveRecordCorrectedSchema>;

/** Every directive event, discriminated on `type`. */
export const DirectiveEventSchema = z.discriminatedUnion('type', [
  DirectiveRegisteredSchema,
  DirectiveAmendedSchema,
  DirectiveRecordCorrectedSchema,
]);
export type DirectiveEvent = z.infer<typeof DirectiveEventSchema>;
export type DirectiveEventType = DirectiveEvent['type'];
