import type { Agency, AgencyCatalogue, Deadline, DocumentSymbolFormat, LocalDate } from '@chidao/domain';

/** A range of UTF-16 code units in the input, `start` inclusive, `end` exclusive: `text.slice(start, end)`. */
export type Span = { readonly start: number; readonly end: number };

/** A value read from the text and the span it was read from. */
export type Spanned<T> = { readonly value: T; readonly span: Span };

/**
 * An agency as the notice names it (*cơ quan*). `agency` is the catalogue entry that carries the duty
 * on the notice's date — the named body, or its successor when it had merged away — and null when the
 * name is unknown, ambiguous or not valid on that date; a warning then says which.
 */
export type ParsedAgency = { readonly text: string; readonly span: Span; readonly agency: Agency | null };

/**
 * Something a reviewer must look at. `code` is stable (see README, "Warnings"); `message` is
 * "Vietnamese / English"; `span`, when present, is where in the text the problem is.
 */
export type ParseWarning = { readonly code: string; readonly message: string; readonly span?: Span };

/** A named official (*người chủ trì*, *người ký*) and their title as written. */
export type ParsedPerson = { readonly name: string; readonly title?: string };

/** A document the notice cites (*căn cứ*, *văn bản liên quan*). */
export type ParsedReference = {
  /** The symbol in canonical form (`normalizeDocumentSymbol`). */
  readonly symbol: string;
  readonly issuedOn?: LocalDate;
  /** The issuing body as written after "của", when the catalogue knows it. */
  readonly issuer?: string;
  /** The catalogue id of that body. */
  readonly issuerId?: string;
  /** The kind of document as written: "Quyết định", "Thông báo"… */
  readonly kind?: string;
};

/** The directive (*văn bản chỉ đạo*): the notice itself. Every field is null when the text does not give it. */
export type ParsedDirective = {
  /** Document symbol as it should be recorded: `03-TB/BCĐ`, `125/TB-UBND`, `/TB-UBND` for an unnumbered draft. */
  readonly symbol: Spanned<string> | null;
  readonly format: DocumentSymbolFormat | null;
  /** The issuing body in the words that identify it (a header line, or derived from the symbol: see README). */
  readonly issuer: Spanned<string> | null;
  /** The issuing body resolved through the catalogue. */
  readonly issuerAgency: ParsedAgency | null;
  readonly issuedOn: Spanned<LocalDate> | null;
  /** The year of the issue date when only the year is filled in ("ngày tháng năm 2026"). */
  readonly issueYear: number | null;
  readonly meetingOn: Spanned<LocalDate> | null;
  readonly session: Spanned<number> | null;
  readonly presidedBy: Spanned<ParsedPerson> | null;
  readonly signedBy: Spanned<ParsedPerson> | null;
  /** *Trích yếu*: the lines under the document kind ("THÔNG BÁO"). */
  readonly subject: Spanned<string> | null;
  readonly references: readonly Spanned<ParsedReference>[];
};

/** An extension (*gia hạn lần n*) stated in the text. */
export type ParsedExtension = {
  /** *Lần n*; null when the text says "gia hạn" without a number. */
  readonly number: number | null;
  /** The deadline it extends to. */
  readonly to: LocalDate;
  /** The document that granted it, when the text names one ("đã gia hạn lần 1 tại Thông báo số …"). */
  readonly document?: { readonly symbol: string; readonly issuedOn?: LocalDate };
  /** The deadline it sets, in the notice's words. */
  readonly deadline: Deadline;
  /** The words of the extension as written. */
  readonly text: string;
};

/** A reminder (*nhắc việc, đôn đốc*) stated in the text, with the document it cites. */
export type ParsedReminder = {
  readonly symbol: string;
  readonly date: LocalDate;
  /** The words of the reminder as written. */
  readonly text: string;
};

/**
 * One task (*nhiệm vụ*): one lead agency, one clause. `clause` numbering (README, "Clause numbers"):
 * `1`, `1.a` for numbered and lettered clauses; `3.1`, `3.2` for the bullets of clause 3; `1.b.2` for a
 * further task stated in its own paragraph under 1.b; `5.1`, `5.2` when clause 5 names several leads.
 */
export type ParsedTask = {
  readonly clause: string;
  /** The clause's text, marker included. */
  readonly span: Span;
  /** The task's words, markup removed and white space collapsed. */
  readonly content: Spanned<string>;
  /** Null when no agency can lead it (only "các cơ quan, đơn vị", or an unknown name); a warning says why. */
  readonly lead: ParsedAgency | null;
  readonly cooperating: readonly ParsedAgency[];
  /** Co-operating bodies named only as a group: "các cơ quan liên quan". */
  readonly cooperatingNote?: string;
  /** Where the note is written (in the clause, or in the header it was inherited from). */
  readonly cooperatingNoteSpan?: Span;
  /** Whom to report to: "báo cáo UBND tỉnh", "báo cáo … về Sở X". */
  readonly reportTo: ParsedAgency | null;
  /** The deadline in force; kind 'none' with reason 'unspecified' and an empty span when the text gives none. */
  readonly deadline: Spanned<Deadline>;
  /** The deadline in force before the first stated extension, when the text gives it. */
  readonly originalDeadline?: Spanned<Deadline>;
  /** Other deadlines the clause mentions but that are not the task's (e.g. an earlier notice's "thời hạn"). */
  readonly otherDeadlines: readonly Spanned<Deadline>[];
  readonly extensions: readonly Spanned<ParsedExtension>[];
  readonly reminders: readonly Spanned<ParsedReminder>[];
};

/** What `parseNotice` returns: never throws, and whatever it could not read is a warning. */
export type ParsedNotice = {
  readonly directive: ParsedDirective;
  readonly tasks: readonly ParsedTask[];
  readonly warnings: readonly ParseWarning[];
};

/** Options of `parseNotice`. */
export type ParseNoticeOptions = {
  /** The agency catalogue to resolve names with; the domain's `AGENCY_CATALOGUE` by default. */
  readonly catalogue?: AgencyCatalogue;
};
