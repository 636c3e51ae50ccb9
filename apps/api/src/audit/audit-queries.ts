import { InstantSchema, LocalDateSchema } from '@chidao/domain';
import { z } from 'zod';
import { FormatSchema } from '../queries/query-schemas';

/** `?asOf=` (business date) and `?knownAt=` (instant) of the state endpoints. */
export const StateQuerySchema = z
  .object({
    asOf: LocalDateSchema.optional(),
    knownAt: InstantSchema.optional(),
  })
  .strict();

/** `?format=` of the history endpoints. */
export const HistoryQuerySchema = z.object({ format: FormatSchema.optional() }).strict();

/** No query parameters. */
export const NoQuerySchema = z.object({}).strict();
