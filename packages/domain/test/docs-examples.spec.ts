import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import type { z } from 'zod';
import {
  CURRENT_SCHEMA_VERSIONS,
  DOMAIN_ERROR_TAGS,
  DOMAIN_EVENT_TYPES,
  DeadlineSchema,
  DirectiveCommandSchema,
  DomainEventSchema,
  RecordedDomainEventSchema,
  TaskCommandSchema,
  domainUpcasters,
  type DomainEventType,
} from '../src';

/*
 * docs/domain.md is checked against the code, so the guide cannot drift from it:
 * - every ```json block is valid JSON; one whose "type" names an event parses with DomainEventSchema,
 *   or RecordedDomainEventSchema when it has metadata; one that names a command parses with the command
 *   schemas; a bare deadline ("kind" and "text") parses with DeadlineSchema; any other "type" is a typo;
 * - an event written at an older schema version must read through domainUpcasters, and the block right
 *   after it must show exactly what the upcaster returns;
 * - the event catalogue has a heading and an example for every event type, and the error table a row
 *   for every error tag — and neither has one for a type or tag the code no longer has.
 */

const DOC = 'docs/domain.md';
const markdown = readFileSync(join(__dirname, '../../..', DOC), 'utf8');

type Block = { readonly line: number; readonly text: string; readonly value: unknown };

const blocks: readonly Block[] = [...markdown.matchAll(/^```json\r?\n([\s\S]*?)^```\s*$/gm)].map((match) => {
  const line = markdown.slice(0, match.index).split('\n').length;
  const text = match[1] ?? '';
  try {
    return { line, text, value: JSON.parse(text) as unknown };
  } catch (error) {
    throw new Error(`${DOC}:${line}: the json block is not valid JSON (${String(error)})`);
  }
});

const typeOf = (value: unknown): string | undefined =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
    ? (value as { type: string }).type
    : undefined;

const isEventType = (type: string | undefined): type is DomainEventType => DOMAIN_EVENT_TYPES.includes(type as DomainEventType);
const TASK_COMMAND_TYPES: readonly string[] = TaskCommandSchema.options.map((option) => option.shape.type.value);
const DIRECTIVE_COMMAND_TYPES: readonly string[] = DirectiveCommandSchema.options.map((option) => option.shape.type.value);

const versionOf = (value: unknown): number | undefined => {
  const metadata = (value as { metadata?: { schemaVersion?: unknown } }).metadata;
  return typeof metadata?.schemaVersion === 'number' ? metadata.schemaVersion : undefined;
};

/** Throws with the block's position and every zod issue when the value does not parse. */
const mustParse = (schema: z.ZodType, block: Block, what: string): void => {
  const parsed = schema.safeParse(block.value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`).join('\n');
    throw new Error(`${DOC}:${block.line}: the json block is not a valid ${what}\n${issues}`);
  }
};

const sectionOf = (heading: string): string => {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`${DOC} has no "## ${heading}" section`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
};

describe(`${DOC}`, () => {
  it('has json examples to check', () => {
    expect(blocks.length).toBeGreaterThan(DOMAIN_EVENT_TYPES.length);
  });

  it.each(blocks.map((block) => [`${DOC}:${block.line}`, typeOf(block.value) ?? 'no type', block] as const))(
    'parses the json block at %s (%s) with the schemas',
    (_position, type, block) => {
      if (isEventType(type)) {
        const version = versionOf(block.value);
        if (version !== undefined && version < CURRENT_SCHEMA_VERSIONS[type]) {
          const read = domainUpcasters.read(block.value as Parameters<typeof domainUpcasters.read>[0]);
          if (E.isLeft(read)) throw new Error(`${DOC}:${block.line}: the v${version} ${type} does not upcast: ${JSON.stringify(read.left)}`);
          const next = blocks[blocks.indexOf(block) + 1];
          if (next === undefined) throw new Error(`${DOC}:${block.line}: an old-version example must be followed by its upcast`);
          expect(next.value).toEqual(read.right);
        } else if (typeof block.value === 'object' && block.value !== null && 'metadata' in block.value) {
          mustParse(RecordedDomainEventSchema, block, `recorded ${type} (RecordedDomainEventSchema)`);
        } else {
          mustParse(DomainEventSchema, block, `${type} (DomainEventSchema)`);
        }
      } else if (type !== 'no type' && TASK_COMMAND_TYPES.includes(type)) {
        mustParse(TaskCommandSchema, block, `${type} command (TaskCommandSchema)`);
      } else if (type !== 'no type' && DIRECTIVE_COMMAND_TYPES.includes(type)) {
        mustParse(DirectiveCommandSchema, block, `${type} command (DirectiveCommandSchema)`);
      } else if (type !== 'no type') {
        throw new Error(`${DOC}:${block.line}: "${type}" is neither an event type nor a command type`);
      } else if (typeof block.value === 'object' && block.value !== null && 'kind' in block.value && 'text' in block.value) {
        mustParse(DeadlineSchema, block, 'deadline (DeadlineSchema)');
      }
    },
  );

  it('shows a json example of every event type', () => {
    const shown = new Set(blocks.map((block) => typeOf(block.value)));
    expect(DOMAIN_EVENT_TYPES.filter((type) => !shown.has(type))).toEqual([]);
  });

  it('gives every event type, and nothing else, a heading in the event catalogue', () => {
    const headings = [...sectionOf('Event catalogue').matchAll(/^#### `(\w+)`/gm)].map((match) => match[1]);
    expect([...headings].sort()).toEqual([...DOMAIN_EVENT_TYPES].sort());
  });

  it('explains every error tag, and nothing else, in the errors table', () => {
    const rows = [...sectionOf('Errors').matchAll(/^\| `(\w+)` \|/gm)].map((match) => match[1]);
    expect([...rows].sort()).toEqual([...DOMAIN_ERROR_TAGS].sort());
  });
});
