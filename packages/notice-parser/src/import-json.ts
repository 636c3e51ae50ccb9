import { AGENCY_CATALOGUE, agencyById, dueDateOf, type AgencyCatalogue, type Deadline, type LocalDate } from '@chidao/domain';
import type { ParsedAgency, ParsedNotice, ParsedPerson, Span } from './types';

/** An agency in the import JSON: its catalogue id and full canonical name. */
export type ImportJsonAgency = { readonly id: string; readonly name: string };

/** A deadline in the import JSON: kind, due date (null when it has none), the notice's words, and its normalised fields. */
export type ImportJsonDeadline = { readonly kind: Deadline['kind']; readonly due: LocalDate | null; readonly text: string } & Readonly<
  Record<string, unknown>
>;

/** One task row of the import JSON. */
export type ImportJsonTask = {
  readonly clause: string;
  readonly lead: ImportJsonAgency | null;
  /** The lead as written, also when it could not be resolved. */
  readonly leadText: string | null;
  readonly cooperating: readonly ImportJsonAgency[];
  readonly cooperatingNote: string | null;
  /** Names of co-operating bodies the catalogue could not resolve (each also has a warning). */
  readonly cooperatingUnresolved: readonly string[];
  readonly reportTo: ImportJsonAgency | null;
  readonly deadline: ImportJsonDeadline;
  readonly extensions: readonly {
    readonly number: number | null;
    readonly to: LocalDate;
    readonly document?: { readonly symbol: string; readonly issuedOn?: LocalDate };
  }[];
  readonly reminders: readonly { readonly symbol: string; readonly date: LocalDate }[];
  readonly content: string;
};

/** The shape `chidao import <file> --dry-run --json` prints (issue 4). */
export type ImportJson = {
  readonly directive: {
    readonly symbol: string | null;
    readonly format: 'state' | 'party' | null;
    readonly issuer: ImportJsonAgency | null;
    readonly issuerText: string | null;
    readonly issuedOn: LocalDate | null;
    readonly issueYear: number | null;
    readonly meetingOn: LocalDate | null;
    readonly session: number | null;
    readonly presidedBy: ParsedPerson | null;
    readonly signedBy: ParsedPerson | null;
    readonly subject: string | null;
    readonly references: readonly { readonly symbol: string; readonly issuedOn: LocalDate | null; readonly issuer: string | null }[];
  };
  readonly tasks: readonly ImportJsonTask[];
  readonly warnings: readonly { readonly code: string; readonly message: string; readonly span: Span | null }[];
};

const agencyJson = (parsed: ParsedAgency | null): ImportJsonAgency | null =>
  parsed?.agency == null ? null : { id: parsed.agency.id, name: parsed.agency.name };

const deadlineJson = (deadline: Deadline): ImportJsonDeadline => {
  const { kind, text, ...fields } = deadline;
  return { kind, due: dueDateOf(deadline) ?? null, text, ...fields };
};

/**
 * The parse result as plain JSON, the shape of the CLI's `--json` output: ISO dates, agencies as
 * `{ id, name }` with the catalogue's full name, `null` for what the notice does not give.
 */
export const toImportJson = (parsed: ParsedNotice, options: { readonly catalogue?: AgencyCatalogue } = {}): ImportJson => {
  const catalogue = options.catalogue ?? AGENCY_CATALOGUE;
  const { directive } = parsed;
  return {
    directive: {
      symbol: directive.symbol?.value ?? null,
      format: directive.format,
      issuer: agencyJson(directive.issuerAgency),
      issuerText: directive.issuer?.value ?? null,
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
        issuer: (value.issuerId === undefined ? undefined : agencyById(value.issuerId, catalogue)?.name) ?? value.issuer ?? null,
      })),
    },
    tasks: parsed.tasks.map((task) => ({
      clause: task.clause,
      lead: agencyJson(task.lead),
      leadText: task.lead?.text ?? null,
      cooperating: task.cooperating.flatMap((agency) => agencyJson(agency) ?? []),
      cooperatingNote: task.cooperatingNote ?? null,
      cooperatingUnresolved: task.cooperating.filter((agency) => agency.agency === null).map((agency) => agency.text),
      reportTo: agencyJson(task.reportTo),
      deadline: deadlineJson(task.deadline.value),
      extensions: task.extensions.map(({ value }) => ({
        number: value.number,
        to: value.to,
        ...(value.document === undefined ? {} : { document: value.document }),
      })),
      reminders: task.reminders.map(({ value }) => ({ symbol: value.symbol, date: value.date })),
      content: task.content.value,
    })),
    warnings: parsed.warnings.map((warning) => ({ code: warning.code, message: warning.message, span: warning.span ?? null })),
  };
};
