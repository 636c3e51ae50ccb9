import { z } from 'zod';
import { DocumentRefSchema } from '../shared/document-ref';
import { CommandMetadataSchema } from '../shared/metadata';
import { DirectiveChangesSchema, DirectiveFieldsSchema } from './directive.events';

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * Register a directive. `kind` may be left out: it is read from the symbol (`100/TB-UBND` is a TB).
 * Registering the same directive again — same symbol, issuer and year — is a no-op.
 */
export const RegisterDirectiveSchema = z
  .object({
    type: z.literal('RegisterDirective'),
    data: DirectiveFieldsSchema.extend({
      directiveId: text(200),
      kind: text(20).optional(),
      references: DirectiveFieldsSchema.shape.references.default([]),
    }).strict(),
    metadata: CommandMetadataSchema,
  })
  .strict();
export type RegisterDirective = z.infer<typeof RegisterDirectiveSchema>;

/** Amend a directive on the strength of a later document. */
export const AmendDirectiveSchema = z
  .object({
    type: z.literal('AmendDirective'),
    data: z.object({ directiveId: text(200), changes: DirectiveChangesSchema, amendingDocument: DocumentRefSchema }).strict(),
    metadata: CommandMetadataSchema,
  })
  .strict();
export type AmendDirective = z.infer<typeof AmendDirectiveSchema>;

/** Correct a data-entry mistake in a directive, with the reason. */
export const CorrectDirectiveRecordSchema = z
  .object({
    type: z.literal('CorrectDirectiveRecord'),
    data: z.object({ directiveId: text(200), changes: DirectiveChangesSchema, reason: text(2_000) }).strict(),
    metadata: CommandMetadataSchema,
  })
  .strict();
export type CorrectDirectiveRecord = z.infer<typeof CorrectDirectiveRecordSchema>;

/** Every directive command, discriminated on `type`. */
export const DirectiveCommandSchema = z.discriminatedUnion('type', [
  RegisterDirectiveSchema,
  AmendDirectiveSchema,
  CorrectDirectiveRecordSchema,
]);
export type DirectiveCommand = z.infer<typeof DirectiveCommandSchema>;
export type DirectiveCommandType = DirectiveCommand['type'];
