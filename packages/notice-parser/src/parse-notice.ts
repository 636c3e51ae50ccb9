import { AGENCY_CATALOGUE, type LocalDate } from '@chidao/domain';
import { warningCollector, type ParseContext, type Range } from './context';
import type { DateContext } from './dates';
import {
  documentKindLine,
  findIssueDate,
  findIssuer,
  findMeetingDate,
  findPresidedBy,
  findSession,
  findSignedBy,
  findSubject,
  findSymbol,
} from './header';
import { linesOf, sourceTextOf, trimRange } from './source-text';
import { clauseTree, markerOf, paragraphsOf, startsBody } from './structure';
import { documentSymbolOf, referencesIn } from './symbols';
import { tasksOf } from './tasks';
import type { ParseNoticeOptions, ParsedNotice, ParseWarning } from './types';

// Without a kind line ("THÔNG BÁO"), the header is taken to be the first lines.
const HEADER_LINES_WITHOUT_KIND = 12;

const byPosition = (a: ParseWarning, b: ParseWarning): number => (a.span?.start ?? -1) - (b.span?.start ?? -1);

/**
 * Reads the text of a notice of conclusions (*thông báo kết luận*) into its directive, its tasks and
 * the warnings a reviewer must look at. Pure: no I/O, clock or randomness, and it never throws — what
 * it cannot read is a warning, never a guess. Every field carries the span of the input it came from.
 */
export const parseNotice = (text: string, options: ParseNoticeOptions = {}): ParsedNotice => {
  const src = sourceTextOf(text);
  const lines = linesOf(src);
  const { warnings, warn } = warningCollector();
  const base = { src };

  const kindLine = documentKindLine(lines);
  const headerEnd =
    kindLine === undefined ? (lines[Math.min(HEADER_LINES_WITHOUT_KIND, lines.length - 1)]?.end ?? src.text.length) : (lines[kindLine]?.start ?? 0);
  const symbol = findSymbol(base, headerEnd, warn);
  const issue = findIssueDate(base, 0, headerEnd, warn);
  const subject = findSubject(base, lines, kindLine, warn);

  const firstClause = lines.findIndex((line, index) => index >= subject.endLine && startsBody(line));
  const firstMarker = lines.findIndex((line, index) => index >= subject.endLine && markerOf(line.text) !== undefined);
  const bodyLine = firstClause >= 0 ? firstClause : firstMarker >= 0 ? firstMarker : lines.length;
  const intro: Range[] = lines
    .slice(subject.endLine, bodyLine)
    .map((line) => trimRange(src, line.start, line.end))
    .filter((range) => range.end > range.start);

  const issueDates: DateContext = {
    ...(issue.date === null ? {} : { date: issue.date.value }),
    ...(issue.year === null ? {} : { year: issue.year }),
  };
  const meeting = findMeetingDate(base, intro, issueDates, warn);
  const session = findSession(base, [...(subject.range === null ? [] : [subject.range]), ...intro]);

  const datedOn: LocalDate | undefined = issue.date?.value ?? meeting.date?.value;
  const year = issue.year ?? (meeting.date === null ? undefined : Number(meeting.date.value.slice(0, 4)));
  let agencyDate: LocalDate | null = datedOn ?? null;
  if (agencyDate === null && year !== undefined) {
    agencyDate = `${year}-12-31`;
    warn({
      code: 'agency-date-approximate',
      message: `Văn bản chỉ ghi năm ${year}: cơ quan được đối chiếu với danh mục vào ngày 31/12/${year} / only the year is known: agencies are judged on ${agencyDate}`,
    });
  }
  const ctx: ParseContext = {
    src,
    catalogue: options.catalogue ?? AGENCY_CATALOGUE,
    agencyDate,
    dates: { ...(datedOn === undefined ? {} : { date: datedOn }), ...(year === undefined ? {} : { year }) },
    issuedOn: issue.date?.value ?? null,
    meetingOn: meeting.date?.value ?? null,
    warn,
  };

  const issuer = findIssuer(ctx, lines, headerEnd, symbol, issue.place);
  const presidedBy = findPresidedBy(base, meeting.paragraph ?? intro[0] ?? null, subject.subject, subject.range);
  const signature = findSignedBy(base, lines, bodyLine);
  const body = paragraphsOf(src, lines, bodyLine, signature?.startLine ?? lines.length);
  const tasks = tasksOf(ctx, clauseTree(src, body.paragraphs));
  if (tasks.length === 0) warn({ code: 'no-tasks', message: 'Không tìm thấy nhiệm vụ nào / no tasks found' });
  const signedBy = signature?.signedBy ?? null;
  if (signedBy === null) warn({ code: 'signer-missing', message: 'Không tìm thấy người ký / no signer found' });
  const canonical = symbol?.canonical ?? null;

  return {
    directive: {
      symbol: symbol === undefined || canonical === null ? null : { value: canonical, span: { start: src.offsets[symbol.written.start] ?? 0, end: src.offsets[symbol.written.end] ?? 0 } },
      format: canonical === null ? null : (documentSymbolOf(canonical)?.format ?? null),
      issuer: issuer.issuer,
      issuerAgency: issuer.agency,
      issuedOn: issue.date,
      issueYear: issue.year,
      meetingOn: meeting.date,
      session,
      presidedBy,
      signedBy,
      subject: subject.subject,
      references: referencesIn(ctx, 0, src.text.length, canonical),
    },
    tasks,
    warnings: [...warnings].sort(byPosition),
  };
};
