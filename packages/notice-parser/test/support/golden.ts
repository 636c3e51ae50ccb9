import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dueDateOf, type Deadline } from '@chidao/domain';
import type { ParsedAgency, ParsedNotice, Span } from '../../src';

/** Where the golden notices and their reviewed expected results live. */
export const GOLDEN_DIR = join(__dirname, '..', 'golden');

/** One golden case: the notice text and its reviewed expectation. */
export type GoldenCase = { readonly name: string; readonly text: string; readonly expected: GoldenView | undefined };

/** An agency in a golden file: its catalogue id, `{ unresolved: text }` when the catalogue has none, or null. */
export type GoldenAgency = string | { readonly unresolved: string } | null;

/** The reviewed part of a parse: directive fields and the task table, with the source of every warning. */
export type GoldenView = {
  readonly directive: {
    readonly symbol: string | null;
    readonly format: string | null;
    readonly issuer: GoldenAgency;
    readonly issuedOn: string | null;
    readonly issueYear: number | null;
    readonly meetingOn: string | null;
    readonly session: number | null;
    readonly presidedBy: { readonly name: string; readonly title?: string } | null;
    readonly signedBy: { readonly name: string; readonly title?: string } | null;
    readonly subject: string | null;
    readonly references: readonly { readonly symbol: string; readonly issuedOn: string | null; readonly issuer: string | null }[];
  };
  readonly tasks: readonly {
    readonly clause: string;
    readonly lead: GoldenAgency;
    readonly cooperating: readonly GoldenAgency[];
    readonly cooperatingNote: string | null;
    readonly reportTo: GoldenAgency;
    readonly deadline: Readonly<Record<string, unknown>> & { readonly kind: string; readonly due: string | null; readonly text: string };
    readonly extensions: readonly { readonly number: number | null; readonly to: string; readonly document?: { readonly symbol: string; readonly issuedOn?: string } }[];
    readonly reminders: readonly { readonly symbol: string; readonly date: string }[];
    readonly content: string;
  }[];
  /** `code: the source text it points at` (or its message when it has no span). */
  readonly warnings: readonly string[];
};

const agency = (parsed: ParsedAgency | null): GoldenAgency =>
  parsed === null ? null : parsed.agency === null ? { unresolved: parsed.text } : parsed.agency.id;

const deadlineView = (deadline: Deadline): GoldenView['tasks'][number]['deadline'] => {
  const { kind, text, ...rest } = deadline;
  return { kind, due: dueDateOf(deadline) ?? null, text, ...rest };
};

const slice = (text: string, span: Span | undefined): string | undefined =>
  span === undefined ? undefined : text.slice(span.start, span.end).replace(/\s+/g, ' ');

/** The golden view of a parse of `text`. */
export const goldenViewOf = (text: string, parsed: ParsedNotice): GoldenView => {
  const { directive } = parsed;
  return {
    directive: {
      symbol: directive.symbol?.value ?? null,
      format: directive.format,
      issuer: agency(directive.issuerAgency),
      issuedOn: directive.issuedOn?.value ?? null,
      issueYear: directive.issueYear,
      meetingOn: directive.meetingOn?.value ?? null,
      session: directive.session?.value ?? null,
      presidedBy: directive.presidedBy?.value ?? null,
      signedBy: directive.signedBy?.value ?? null,
      subject: directive.subject?.value ?? null,
      references: directive.references.map(({ value }) => ({
        symbol: value.symbol,
        issuedOn: value.issuedOn ?? null,
        issuer: value.issuerId ?? null,
      })),
    },
    tasks: parsed.tasks.map((task) => ({
      clause: task.clause,
      lead: agency(task.lead),
      cooperating: task.cooperating.map(agency),
      cooperatingNote: task.cooperatingNote ?? null,
      reportTo: agency(task.reportTo),
      deadline: deadlineView(task.deadline.value),
      extensions: task.extensions.map(({ value }) => ({
        number: value.number,
        to: value.to,
        ...(value.document === undefined ? {} : { document: value.document }),
      })),
      reminders: task.reminders.map(({ value }) => ({ symbol: value.symbol, date: value.date })),
      content: task.content.value,
    })),
    warnings: parsed.warnings.map((warning) => `${warning.code}: ${slice(text, warning.span) ?? warning.message}`),
  };
};

/** Every golden notice (`<name>.txt`) with its expected file (`<name>.expected.json`), if written. */
export const goldenCases = (): readonly GoldenCase[] =>
  readdirSync(GOLDEN_DIR)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.txt'.length);
      const expectedFile = join(GOLDEN_DIR, `${name}.expected.json`);
      let expected: GoldenView | undefined;
      try {
        expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as GoldenView;
      } catch {
        expected = undefined;
      }
      return { name, text: readFileSync(join(GOLDEN_DIR, file), 'utf8'), expected };
    });

/** The path of a case's expected file. */
export const expectedFileOf = (name: string): string => join(GOLDEN_DIR, `${name}.expected.json`);
