import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import { z } from 'zod';

/**
 * Which convention a symbol follows. The State's (Nghị định 30/2020/NĐ-CP) puts the number before a
 * slash and joins kind and issuer with a hyphen: `100/TB-UBND`, `23/2018/QĐ-TTg`. The Party's
 * (Hướng dẫn 36-HD/VPTW) does the reverse: `03-TB/BCĐ`, `57-NQ/TW`.
 */
export type DocumentSymbolFormat = 'state' | 'party';

/** A document symbol (*số ký hiệu văn bản*) taken apart, with its canonical text. */
export type DocumentSymbol = {
  /** State (`100/TB-UBND`) or Party (`03-TB/BCĐ`) convention. */
  readonly format: DocumentSymbolFormat;
  /** The number as an integer; null for a draft ("Số: /TB-UBND") that has not been numbered yet. */
  readonly number: number | null;
  /** The number's digits as written (`'03'`): notices cite it this way, so the canonical text keeps it. */
  readonly numberText: string | null;
  /** The year of a legal normative document (`23/2018/QĐ-TTg`); null when the symbol carries none. */
  readonly year: number | null;
  /** Document kind code (TB, QĐ, NQ, KL, …); `CV` for a công văn, which writes no code in the State format. */
  readonly kind: string;
  /** Issuer code after the kind, with any drafting-unit suffix: `UBND`, `TTg`, `BCĐ`, `UBND-KT`. */
  readonly issuer: string;
  /** Canonical text, the same as `formatDocumentSymbol` gives: `100/TB-UBND`, `03-TB/BCĐ`. */
  readonly normalized: string;
};

/** Why a text is not a document symbol: a stable code callers can switch on. */
export type DocumentSymbolErrorReason =
  | 'empty'
  | 'no-slash'
  | 'bad-number'
  | 'bad-year'
  | 'missing-issuer'
  | 'unknown-shape';

/** A text that is not a document symbol, returned as data, never thrown. */
export type DocumentSymbolError = {
  readonly _tag: 'InvalidDocumentSymbol';
  readonly text: string;
  readonly reason: DocumentSymbolErrorReason;
  readonly message: string;
};

/**
 * Kind codes in their canonical spelling, from the appendices of Nghị định 30/2020/NĐ-CP, the law on
 * legal normative documents (NĐ, TT, TTLT…) and Hướng dẫn 36-HD/VPTW (KL, CV…). In the State format
 * only these are read as a kind: anything else before the first hyphen is an issuer (a công văn).
 */
export const DOCUMENT_KIND_CODES = [
  'NQ', 'QĐ', 'CT', 'QC', 'QyĐ', 'TB', 'HD', 'CTr', 'KH', 'PA', 'ĐA', 'DA', 'BC', 'BB', 'TTr', 'HĐ', 'CĐ',
  'BGN', 'BTT', 'GUQ', 'GM', 'GGT', 'GNP', 'PG', 'PC', 'PB', 'NĐ', 'TT', 'TTLT', 'NQLT', 'L', 'KL', 'CV',
] as const;

/** The kind a công văn gets: the State format writes no code for it, the Party format writes `CV`. */
export const CONG_VAN_KIND = 'CV';

const MESSAGES: { readonly [Reason in DocumentSymbolErrorReason]: string } = {
  empty: 'Thiếu số ký hiệu văn bản / the document symbol is empty',
  'no-slash': 'Số ký hiệu không hợp lệ: thiếu dấu "/" / not a document symbol: it has no slash',
  'bad-number':
    'Số ký hiệu không hợp lệ: số văn bản phải là số nguyên dương / not a document symbol: the number must be a positive whole number',
  'bad-year':
    'Số ký hiệu không hợp lệ: năm ban hành phải có 4 chữ số (1900–2099) / not a document symbol: the year must be four digits, 1900–2099',
  'missing-issuer':
    'Số ký hiệu không hợp lệ: thiếu tên viết tắt cơ quan ban hành / not a document symbol: the issuer code is missing',
  'unknown-shape': 'Số ký hiệu không hợp lệ / not a document symbol',
};

const KIND_BY_UPPER: ReadonlyMap<string, string> = new Map(DOCUMENT_KIND_CODES.map((code) => [code.toUpperCase(), code]));

// Issuer codes whose official spelling is mixed case; everything else is written in capitals.
const MIXED_CASE_ISSUERS: ReadonlyMap<string, string> = new Map([['TTG', 'TTg']]);

// Seven digits is far above any register's yearly count and keeps the integer exact.
const NUMBER_PATTERN = /^\d{1,7}$/;
const YEAR_PATTERN = /^(?:19|20)\d\d$/;
const DIGITS_PATTERN = /^\d+$/;
const CODE_PATTERN = /^[\p{L}\p{N}]+$/u;
const KIND_PATTERN = /^\p{L}+$/u;

// Words before "số" ("Thông báo số", "Số:") are the citation's wording, not part of the symbol.
// The look-ahead stops "số" from matching the start of a longer word.
const PREFIX_PATTERN = /^(?:\p{L}+\s+)*?số(?!\p{L})\s*[:.]?/iu;
// Fonts and keyboards substitute these for Đ/đ, hyphen, slash and colon; they look identical on paper.
const CAPITAL_D_LOOKALIKES = /[\u00D0\u0189]/g;
const SMALL_D_LOOKALIKES = /[\u00F0\u0256]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SLASHES = /[\u2044\u2215\uFF0F]/g;
const FULLWIDTH_COLON = /\uFF1A/g;
const INVISIBLES = /[\u200B-\u200D\u2060]/g;
const TRAILING_PUNCTUATION = /[\s.,;:]+$/;

const invalid = (text: string, reason: DocumentSymbolErrorReason): E.Either<DocumentSymbolError, never> =>
  E.left({ _tag: 'InvalidDocumentSymbol', text, reason, message: MESSAGES[reason] });

/** True when `value` is a {@link DocumentSymbolError}; works across package boundaries, unlike `instanceof`. */
export const isDocumentSymbolError = (value: unknown): value is DocumentSymbolError =>
  typeof value === 'object' &&
  value !== null &&
  (value as { _tag?: unknown })._tag === 'InvalidDocumentSymbol' &&
  typeof (value as { reason?: unknown }).reason === 'string' &&
  Object.hasOwn(MESSAGES, (value as { reason: string }).reason);

const clean = (text: string): string =>
  text
    .normalize('NFC')
    .replace(CAPITAL_D_LOOKALIKES, 'Đ')
    .replace(SMALL_D_LOOKALIKES, 'đ')
    .replace(DASHES, '-')
    .replace(SLASHES, '/')
    .replace(FULLWIDTH_COLON, ':')
    .replace(INVISIBLES, '')
    .trim()
    .replace(PREFIX_PATTERN, '')
    .replace(TRAILING_PUNCTUATION, '')
    .replace(/\s+/g, '');

// A segment written all in lower case was typed carelessly, so it is raised to capitals; one with any
// capital letter is kept as written, because issuers such as the Prime Minister (TTg) use mixed case.
const canonicalCode = (segment: string): string =>
  MIXED_CASE_ISSUERS.get(segment.toUpperCase()) ??
  (segment === segment.toLowerCase() ? segment.toUpperCase() : segment);

const knownKind = (segment: string): string | undefined => KIND_BY_UPPER.get(segment.toUpperCase());

type NumberPart = { readonly number: number | null; readonly numberText: string | null };

const parseNumber = (text: string, written: string): E.Either<DocumentSymbolError, NumberPart> => {
  if (written === '') return E.right({ number: null, numberText: null });
  if (!NUMBER_PATTERN.test(written) || Number(written) === 0) return invalid(text, 'bad-number');
  return E.right({ number: Number(written), numberText: written });
};

const parseIssuer = (text: string, segments: readonly string[]): E.Either<DocumentSymbolError, string> => {
  if (segments.length === 0 || (segments.length === 1 && segments[0] === '')) return invalid(text, 'missing-issuer');
  if (!segments.every((segment) => CODE_PATTERN.test(segment))) return invalid(text, 'unknown-shape');
  return E.right(segments.map(canonicalCode).join('-'));
};

const build = (fields: Omit<DocumentSymbol, 'normalized'>): DocumentSymbol => ({
  ...fields,
  normalized: formatDocumentSymbol(fields),
});

const parseParty = (text: string, head: string, rest: string): E.Either<DocumentSymbolError, DocumentSymbol> => {
  const dash = head.indexOf('-');
  const kindText = head.slice(dash + 1);
  return pipe(
    parseNumber(text, head.slice(0, dash)),
    E.chain((number) => {
      // Party symbols never carry a year, so a second slash has no meaning.
      if (!KIND_PATTERN.test(kindText) || rest.includes('/')) return invalid(text, 'unknown-shape');
      return pipe(
        parseIssuer(text, rest.split('-')),
        E.map((issuer) =>
          build({ format: 'party', ...number, year: null, kind: knownKind(kindText) ?? canonicalCode(kindText), issuer }),
        ),
      );
    }),
  );
};

const parseYear = (text: string, written: string | undefined): E.Either<DocumentSymbolError, number | null> => {
  if (written === undefined) return E.right(null);
  if (YEAR_PATTERN.test(written)) return E.right(Number(written));
  return invalid(text, DIGITS_PATTERN.test(written) ? 'bad-year' : 'unknown-shape');
};

const parseState = (text: string, head: string, rest: string): E.Either<DocumentSymbolError, DocumentSymbol> => {
  const slash = rest.indexOf('/');
  const yearText = slash < 0 ? undefined : rest.slice(0, slash);
  const tail = rest.slice(slash + 1);
  if (tail.includes('/')) return invalid(text, 'unknown-shape');
  const dash = tail.indexOf('-');
  const kind = knownKind(dash < 0 ? tail : tail.slice(0, dash));
  return pipe(
    parseNumber(text, head),
    E.chain((number) =>
      pipe(
        parseYear(text, yearText),
        E.chain((year) =>
          pipe(
            // A công văn writes no kind: its first code is already the issuer ("123/UBND-KT").
            parseIssuer(text, kind === undefined ? tail.split('-') : tail.split('-').slice(1)),
            E.map((issuer) => build({ format: 'state', ...number, year, kind: kind ?? CONG_VAN_KIND, issuer })),
          ),
        ),
      ),
    ),
  );
};

/**
 * Reads a document symbol in either convention. Tolerated, because clerks and scanned notices
 * produce them: stray or missing spaces, a leading "Số:", "Thông báo số"…, decomposed Unicode, the
 * look-alikes Ð/ð for Đ/đ, en and em dashes for hyphens, trailing punctuation, and codes typed in
 * lower case. Kind codes take their canonical spelling (`ttr` → `TTr`); an issuer code typed all in
 * lower case is raised to capitals, one with any capital is kept as written (`TTg`).
 */
export const parseDocumentSymbol = (text: string): E.Either<DocumentSymbolError, DocumentSymbol> => {
  const compact = clean(text);
  if (compact === '') return invalid(text, 'empty');
  const slash = compact.indexOf('/');
  if (slash < 0) return invalid(text, 'no-slash');
  const head = compact.slice(0, slash);
  const rest = compact.slice(slash + 1);
  // The hyphen comes before the slash only in the Party convention ("03-TB/BCĐ").
  return head.includes('-') ? parseParty(text, head, rest) : parseState(text, head, rest);
};

/** The canonical text of a symbol in its own convention: `100/TB-UBND`, `23/2018/QĐ-TTg`, `/TB-UBND`, `03-TB/BCĐ`. */
export const formatDocumentSymbol = (symbol: Omit<DocumentSymbol, 'normalized'>): string => {
  const number = symbol.numberText ?? (symbol.number === null ? '' : String(symbol.number));
  if (symbol.format === 'party') return `${number}-${symbol.kind}/${symbol.issuer}`;
  const year = symbol.year === null ? '' : `${symbol.year}/`;
  const kind = symbol.kind === CONG_VAN_KIND ? '' : `${symbol.kind}-`;
  return `${number}/${year}${kind}${symbol.issuer}`;
};

/** The canonical text of a written symbol, or why it is not one. */
export const normalizeDocumentSymbol = (text: string): E.Either<DocumentSymbolError, string> =>
  pipe(
    parseDocumentSymbol(text),
    E.map((symbol) => symbol.normalized),
  );

/**
 * An equality key for natural keys: `03-TB/BCĐ` and `3-TB/BCĐ` are one document, and letter case
 * never tells two documents apart. Every unnumbered draft of one kind and issuer shares a key, so a
 * draft must not be registered by it.
 */
export const documentSymbolKey = (symbol: Omit<DocumentSymbol, 'normalized'>): string =>
  formatDocumentSymbol({ ...symbol, numberText: symbol.number === null ? null : String(symbol.number) }).toUpperCase();

/** Zod schema of a symbol string that yields its canonical text, so other schemas can embed a symbol. */
export const DocumentSymbolSchema = z.string().transform((text, ctx) =>
  pipe(
    normalizeDocumentSymbol(text),
    E.getOrElseW((error) => {
      ctx.addIssue({ code: 'custom', message: error.message, input: text, params: { reason: error.reason } });
      return z.NEVER;
    }),
  ),
);
