import type { z } from 'zod';
import { validationFailed } from './api-error';
import { fieldIssues } from './zod-issues';

/** Parses a request's query or path parameters with a zod schema; 400 naming each bad parameter. */
export const parseWith = <Schema extends z.ZodType>(schema: Schema, input: unknown, where: 'query' | 'path' | 'body'): z.output<Schema> => {
  const parsed = schema.safeParse(input ?? {}, { reportInput: true });
  if (!parsed.success) throw validationFailed(fieldIssues(parsed.error), where);
  return parsed.data;
};
