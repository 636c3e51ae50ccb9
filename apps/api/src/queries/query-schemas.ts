import { LocalDateSchema } from '@chidao/domain';
import { isPosition } from '@chidao/event-store';
import { z } from 'zod';
import { DirectiveIdSchema, LocalIdSchema } from '../commands/command-endpoints';

/*
 * Query and path parameters as zod schemas: the controllers parse with them and the OpenAPI document
 * is generated from them. Numbers arrive as text in a query string, so they are parsed from digits.
 */

/** `?format=json|csv`; without it, `Accept: text/csv` asks for CSV. */
export const FormatSchema = z.enum(['json', 'csv']);

/** A whole number in a query string, within bounds. */
export const intParam = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, { message: 'Phải là số nguyên không âm / must be a non-negative integer' })
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/**
 * `?minPosition=`: a global position a command answered with. The query waits (at most 5 s) until
 * the read models have applied it, so a client reads its own writes.
 */
export const MinPositionSchema = z.string().refine(isPosition, {
  message: 'Vị trí không hợp lệ (lấy từ trường position của kết quả lệnh) / not a position (use the position field of a command answer)',
});

/** `:directiveId` in a path. */
export const DirectivePathSchema = z.object({ directiveId: DirectiveIdSchema }).strict();

/** `:directiveId/:localId` in a path: the task `<directiveId>/<localId>`. */
export const TaskPathSchema = z
  .object({ directiveId: DirectiveIdSchema, localId: LocalIdSchema })
  .strict()
  .transform((params) => ({ ...params, taskId: `${params.directiveId}/${params.localId}` }));

/** The parameters every read-model query takes. */
export const READ_PARAMS = {
  format: FormatSchema.optional(),
  minPosition: MinPositionSchema.optional(),
} as const;

/** `?asOf=`: the business date the figures are "tính đến" (as of); default today in Việt Nam. */
export const AsOfSchema = LocalDateSchema;
