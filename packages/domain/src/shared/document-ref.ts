import { z } from 'zod';
import { LocalDateSchema } from './local-date';

/**
 * A reference to a document (*văn bản*) that caused or supports an event: "Thông báo số 100/TB-UBND
 * ngày 13/02/2026". `symbol` is the *số ký hiệu* as normalised by `normalizeDocumentSymbol`.
 */
export const DocumentRefSchema = z
  .object({
    symbol: z.string().trim().min(1, { message: 'Thiếu số ký hiệu văn bản / the document symbol is required' }),
    issuedOn: LocalDateSchema.optional(),
    issuer: z.string().trim().min(1).optional(),
    title: z.string().trim().min(1).optional(),
  })
  .strict();
export type DocumentRef = z.infer<typeof DocumentRefSchema>;
