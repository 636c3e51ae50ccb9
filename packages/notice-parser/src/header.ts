import { resolveAgency, type LocalDate } from '@chidao/domain';
import { parsedAgencyOf } from './agencies';
import { spanOf, warningAt, type ParseContext, type Range } from './context';
import { DATE, datePartsOf, localDateOf, resolveDate, type DateContext } from './dates';
import { collapse, trimRange, wordsOf, type Line, type SourceText } from './source-text';
import { SYMBOL, canonicalSymbol, documentSymbolOf } from './symbols';
import type { ParseWarning, ParsedAgency, ParsedPerson, Spanned } from './types';
import { NUMBER_WORD, numberFromWords, trailingPersonalName } from './vietnamese';

/**
 * The directive's own fields, read from where Vietnamese administrative documents put them
 * (Nghị định 30/2020/NĐ-CP for the State, Hướng dẫn 36-HD/VPTW for the Party): the letterhead and
 * symbol top left, place and date top right, the document kind and subject centred under them, the
 * meeting in the opening paragraph, the signature block at the end. Copies flatten the two columns
 * in any order, so each field is searched for, not expected on a given line.
 */

type Warn = (warning: ParseWarning) => void;
type Src = { readonly src: SourceText };

const DOCUMENT_KIND_LINE = /^\s*(?:THÔNG BÁO|KẾT LUẬN|CHỈ THỊ|CÔNG VĂN|QUYẾT ĐỊNH|KẾ HOẠCH|BÁO CÁO|CÔNG ĐIỆN)\s*$/u;

/** Index of the line that names the document kind ("THÔNG BÁO"), or undefined. */
export const documentKindLine = (lines: readonly Line[]): number | undefined => {
  const index = lines.slice(0, 60).findIndex((line) => DOCUMENT_KIND_LINE.test(line.text));
  return index < 0 ? undefined : index;
};

/** The symbol line's match: "Số: /TB-UBND", "Số 03-TB/BCĐ". */
export type SymbolFound = { readonly written: Range; readonly canonical: string | null; readonly issuerCode: Range | null };

const SYMBOL_LINE = new RegExp(String.raw`(?<![\p{L}])S[ốỐ](?![\p{L}])\s*[:.]?[ \t]*(?<symbol>${SYMBOL})`, 'u');

/** The notice's own symbol, searched for in the header. */
export const findSymbol = (ctx: Src, headerEnd: number, warn: Warn): SymbolFound | undefined => {
  const text = ctx.src.text.slice(0, headerEnd);
  const match = SYMBOL_LINE.exec(text);
  const written = match?.groups?.['symbol'];
  if (match === null || written === undefined) {
    warn({ code: 'symbol-missing', message: 'Không tìm thấy số ký hiệu văn bản / no document symbol found' });
    return undefined;
  }
  const start = match.index + match[0].length - written.length;
  const range = trimRange(ctx.src, start, start + written.length);
  const canonical = canonicalSymbol(written) ?? null;
  const symbol = canonical === null ? undefined : documentSymbolOf(canonical);
  if (canonical === null) {
    warn(warningAt(ctx, 'symbol-invalid', `Số ký hiệu "${collapse(written)}" không hợp lệ / "${collapse(written)}" is not a document symbol`, range.start, range.end));
  } else if (symbol?.number === null) {
    warn(
      warningAt(
        ctx,
        'symbol-unnumbered',
        `Văn bản chưa có số (bản dự thảo): "${canonical}" / the notice has no number yet (a draft): "${canonical}"`,
        range.start,
        range.end,
      ),
    );
  }
  // The issuer code is the segment after the kind (State: "TB-UBND") or right after the slash (Party: "TB/BCĐ").
  const slash = written.lastIndexOf('/');
  const segments = [...written.slice(slash + 1).matchAll(/\p{Lu}[\p{L}\d]*/gu)];
  const code = symbol?.format === 'state' && symbol.kind !== 'CV' ? segments[1] : segments[0];
  const issuerCode = code === undefined ? null : { start: start + slash + 1 + code.index, end: start + slash + 1 + code.index + code[0].length };
  return { written: range, canonical, issuerCode };
};

/** The place-and-date line: "Khánh Hòa, ngày 04 tháng 4 năm 2025", "Khánh Hòa, ngày 16/3/2026". */
export type IssueDateFound = {
  readonly place: Range | null;
  readonly date: Spanned<LocalDate> | null;
  readonly year: number | null;
};

const PLACE = String.raw`(?<![\p{L}\d/-])(?<place>\p{Lu}\p{Ll}*(?:[ \t]+\p{Lu}\p{Ll}*){0,4})[ \t]*,[ \t]*`;
const DATE_IN_WORDS = new RegExp(
  String.raw`(?:${PLACE})?ngày[ \t]*(?<day>\d{1,2})?[ \t]*tháng[ \t]*(?<month>\d{1,2})?[ \t]*năm[ \t]*(?<year>\d{4})?`,
  'u',
);
const DATE_IN_FIGURES = new RegExp(String.raw`${PLACE}(?:ngày[ \t]+)?(?<date>${DATE})`, 'u');

/** The issue date in the header; a blank day or month (a draft) gives only the year, with a warning. */
export const findIssueDate = (ctx: Src, start: number, headerEnd: number, warn: Warn): IssueDateFound => {
  const text = ctx.src.text.slice(0, headerEnd);
  const inWords = new RegExp(DATE_IN_WORDS.source, 'gu');
  inWords.lastIndex = start;
  const words = inWords.exec(text);
  const figuresPattern = new RegExp(DATE_IN_FIGURES.source, 'gu');
  figuresPattern.lastIndex = start;
  const figures = figuresPattern.exec(text);
  const placeOf = (match: RegExpExecArray): Range | null => {
    const place = match.groups?.['place'];
    return place === undefined ? null : { start: match.index, end: match.index + place.length };
  };
  if (words !== null && (figures === null || words.index <= figures.index)) {
    const { day, month, year } = words.groups ?? {};
    const range = trimRange(ctx.src, words.index + (words.groups?.['place'] === undefined ? 0 : words[0].indexOf('ngày')), words.index + words[0].length);
    const complete = day !== undefined && month !== undefined && year !== undefined;
    const date = complete ? localDateOf({ day: Number(day), month: Number(month), year: Number(year) }) : undefined;
    if (date === undefined) {
      warn(
        warningAt(
          ctx,
          'issue-date-incomplete',
          `Ngày ban hành chưa điền đủ: "${collapse(ctx.src.text.slice(range.start, range.end))}" / the issue date is not filled in`,
          range.start,
          range.end,
        ),
      );
    }
    return {
      place: placeOf(words),
      date: date === undefined ? null : { value: date, span: spanOf(ctx, range) },
      year: year === undefined ? null : Number(year),
    };
  }
  if (figures !== null) {
    const written = figures.groups?.['date'] ?? '';
    const parts = datePartsOf(written);
    const dateStart = figures.index + figures[0].length - written.length;
    const date = parts?.year === null || parts === undefined ? undefined : localDateOf({ ...parts, year: parts.year });
    const range = { start: dateStart, end: dateStart + written.length };
    if (date !== undefined) return { place: placeOf(figures), date: { value: date, span: spanOf(ctx, range) }, year: Number(date.slice(0, 4)) };
  }
  warn({ code: 'issue-date-missing', message: 'Không tìm thấy ngày ban hành / no issue date found' });
  return { place: null, date: null, year: null };
};

/** The subject (*trích yếu*): the block of lines under the document kind. */
export const findSubject = (
  ctx: Src,
  lines: readonly Line[],
  kindLine: number | undefined,
  warn: Warn,
): { subject: Spanned<string> | null; range: Range | null; endLine: number } => {
  if (kindLine === undefined) {
    warn({ code: 'subject-missing', message: 'Không tìm thấy trích yếu (dòng "THÔNG BÁO") / no subject found (no "THÔNG BÁO" line)' });
    return { subject: null, range: null, endLine: 0 };
  }
  let first = kindLine + 1;
  while (first < lines.length && (lines[first]?.text.trim() ?? '') === '') first += 1;
  let last = first;
  while (last < lines.length && (lines[last]?.text.trim() ?? '') !== '') last += 1;
  const block = lines.slice(first, last);
  const opening = block[0]?.text.trim() ?? '';
  if (block.length === 0 || /^(?:Ngày|Căn cứ|Sau khi|Sáng|Chiều|Tối|Hôm nay|Thực hiện|Vừa qua)\s/u.test(opening) || block.length > 8) {
    warn({ code: 'subject-missing', message: 'Không tìm thấy trích yếu / no subject found' });
    return { subject: null, range: null, endLine: kindLine + 1 };
  }
  const range = trimRange(ctx.src, block[0]?.start ?? 0, block.at(-1)?.end ?? 0);
  return { subject: { value: wordsOf(ctx.src, range.start, range.end), span: spanOf(ctx, range) }, range, endLine: last };
};

const MEETING_WORDS = /họp|hội nghị|làm việc|chủ trì/iu;
const MEETING_DATE = new RegExp(String.raw`(?<![\p{L}])(?:(?:Sáng|Chiều|Tối|Trưa|Vào)\s+)?[Nn]gày\s+(?<date>${DATE})`, 'gu');

/** The meeting date: the first date in the opening paragraph that speaks of a meeting. */
export const findMeetingDate = (
  ctx: Src,
  intro: readonly Range[],
  dates: DateContext,
  warn: Warn,
): { date: Spanned<LocalDate> | null; paragraph: Range | null } => {
  const ordered = [...intro.filter((p) => MEETING_WORDS.test(ctx.src.text.slice(p.start, p.end))), ...intro];
  for (const paragraph of ordered) {
    const text = ctx.src.text.slice(0, paragraph.end);
    MEETING_DATE.lastIndex = paragraph.start;
    const match = MEETING_DATE.exec(text);
    const written = match?.groups?.['date'];
    if (match === null || written === undefined) continue;
    const parts = datePartsOf(written);
    const resolved = parts === undefined ? undefined : resolveDate(parts, dates, 'past');
    const start = match.index + match[0].length - written.length;
    if (resolved === undefined) continue;
    if (resolved.yearInferred) {
      warn(
        warningAt(
          ctx,
          'year-inferred',
          `Ngày họp "${written}" không ghi năm, hiểu là ${resolved.date} / the meeting date "${written}" has no year: read as ${resolved.date}`,
          start,
          start + written.length,
        ),
      );
    }
    return { date: { value: resolved.date, span: spanOf(ctx, { start, end: start + written.length }) }, paragraph };
  }
  warn({ code: 'meeting-date-missing', message: 'Không tìm thấy ngày họp / no meeting date found' });
  return { date: null, paragraph: null };
};

const SESSION = new RegExp(
  String.raw`(?:phiên(?:\s+họp)?(?:\s+(?:thường\s+kỳ|thường\s+lệ|định\s+kỳ|mở\s+rộng))?|họp\s+phiên)\s+(?:lần\s+)?thứ\s+(?<n>${NUMBER_WORD})(?![\p{L}\d])`,
  'iu',
);

/** The session number of the meeting ("phiên họp thứ 6", "phiên họp lần thứ hai"), from the subject or the intro. */
export const findSession = (ctx: Src, ranges: readonly Range[]): Spanned<number> | null => {
  for (const range of ranges) {
    const text = ctx.src.text.slice(range.start, range.end);
    const match = SESSION.exec(text);
    const written = match?.groups?.['n'];
    const value = written === undefined ? undefined : numberFromWords(written);
    if (match === null || value === undefined) continue;
    const start = range.start + match.index;
    return { value, span: spanOf(ctx, { start, end: start + match[0].length }) };
  }
  return null;
};

const NAME = String.raw`\p{Lu}\p{Ll}*(?:[ \t]+\p{Lu}\p{Ll}*){1,3}`;
const COMRADE = String.raw`(?:(?:đồng\s+chí|ông|bà)\s+)?`;
const PRESIDED_UNDER = new RegExp(String.raw`dưới\s+sự\s+chủ\s+trì\s+của\s+${COMRADE}(?<name>${NAME})\s*,\s*(?<title>[^.;]+)`, 'du');
const PRESIDED_BY = new RegExp(String.raw`do\s+${COMRADE}(?<name>${NAME})\s*,\s*(?<title>[^.;]+?)\s*,?\s*chủ\s+trì`, 'du');
const PRESIDES = /\s(?:đã\s+)?chủ\s+trì(?![\p{L}])/u;
const CONCLUSION_OF = /^(?:Thông báo\s+)?(?:ý kiến\s+)?kết luận của\s+(?:đồng chí\s+)?(?<who>.+?)\s+tại\s/iu;

const person = (name: string, title: string | undefined): ParsedPerson =>
  title === undefined || collapse(title) === '' ? { name: collapse(name) } : { name: collapse(name), title: collapse(title) };

/** "Phó Chủ tịch UBND tỉnh Nguyễn Thanh Hà" → title and name, when the words end in a personal name. */
const titleAndName = (words: string): ParsedPerson | undefined => {
  const parts = collapse(words).split(' ');
  const length = trailingPersonalName(parts);
  if (length === undefined) return undefined;
  return person(parts.slice(parts.length - length).join(' '), parts.slice(0, parts.length - length).join(' ') || undefined);
};

/** Who presided over the meeting. */
export const findPresidedBy = (ctx: Src, paragraph: Range | null, subject: Spanned<string> | null, subjectRange: Range | null): Spanned<ParsedPerson> | null => {
  if (paragraph !== null) {
    const text = ctx.src.text.slice(paragraph.start, paragraph.end);
    for (const pattern of [PRESIDED_UNDER, PRESIDED_BY]) {
      const match = pattern.exec(text);
      const name = match?.indices?.groups?.['name'];
      const title = match?.indices?.groups?.['title'];
      if (match !== null && name !== undefined) {
        const range = { start: paragraph.start + name[0], end: paragraph.start + (title ?? name)[1] };
        return { value: person(match.groups?.['name'] ?? '', match.groups?.['title']), span: spanOf(ctx, trimRange(ctx.src, range.start, range.end)) };
      }
    }
    // "Ngày 31/3/2026, …, Phó Chủ tịch UBND tỉnh Trần Hòa Nam, Tổ trưởng Tổ công tác chủ trì": the
    // comma-separated part that ends in a personal name, and the titles after it.
    const presides = PRESIDES.exec(text);
    if (presides !== null) {
      const sentenceStart = Math.max(...['.', ';', ':'].map((mark) => text.lastIndexOf(mark, presides.index))) + 1;
      const parts: Range[] = [];
      let cursor = sentenceStart;
      for (let comma = text.indexOf(',', cursor); comma >= 0 && comma < presides.index; comma = text.indexOf(',', cursor)) {
        parts.push({ start: cursor, end: comma });
        cursor = comma + 1;
      }
      parts.push({ start: cursor, end: presides.index });
      for (let index = parts.length - 1; index >= 0; index -= 1) {
        const part = parts[index];
        const parsed = part === undefined ? undefined : titleAndName(text.slice(part.start, part.end).replace(/^\s*(?:đồng\s+chí|ông|bà)\s+/u, ''));
        if (part === undefined || parsed === undefined) continue;
        const titles = [parsed.title, ...parts.slice(index + 1).map((p) => collapse(text.slice(p.start, p.end)))].filter(
          (title): title is string => title !== undefined && title !== '',
        );
        const range = trimRange(ctx.src, paragraph.start + part.start, paragraph.start + (parts.at(-1)?.end ?? part.end));
        return { value: person(parsed.name, titles.length === 0 ? undefined : titles.join(', ')), span: spanOf(ctx, range) };
      }
    }
  }
  if (subject !== null && subjectRange !== null) {
    const text = ctx.src.text.slice(subjectRange.start, subjectRange.end);
    const match = CONCLUSION_OF.exec(text);
    const who = match?.groups?.['who'];
    const parsed = who === undefined ? undefined : titleAndName(who);
    if (match !== null && who !== undefined && parsed !== undefined) {
      const start = subjectRange.start + match[0].indexOf(who);
      return { value: parsed, span: spanOf(ctx, trimRange(ctx.src, start, start + who.length)) };
    }
  }
  return null;
};

const SIGNATURE_NAME = /^\s*(\p{Lu}\p{Ll}*(?:[ \t]+\p{Lu}\p{Ll}*){1,4})\s*$/u;
const AUTHORITY = /^\s*(?:(?:TM|TL|KT|TUQ|TT)\s*[.:]|(?:T\/M|T\/L|K\/T)[.:]?\s)/u;
const SIGNED = /^\s*\(?\s*(?:đã\s+ký|Đã\s+ký|ký\s+tên|đã ký và đóng dấu)\s*\)?\s*$/iu;

const isUpperCaseLine = (text: string): boolean => {
  const letters = text.match(/\p{L}/gu) ?? [];
  const upper = text.match(/\p{Lu}/gu) ?? [];
  return letters.length > 0 && upper.length / letters.length >= 0.8;
};

/**
 * The signer: the last line that is a personal name, and the title lines above it. `startLine` is
 * where the signature block begins, so the body ends there even without "Nơi nhận".
 */
export const findSignedBy = (
  ctx: Src,
  lines: readonly Line[],
  fromLine: number,
): { readonly signedBy: Spanned<ParsedPerson>; readonly startLine: number } | null => {
  for (let index = lines.length - 1; index >= fromLine; index -= 1) {
    const line = lines[index];
    if (line === undefined || line.text.trim() === '') continue;
    const match = SIGNATURE_NAME.exec(line.text);
    if (match === null || isUpperCaseLine(line.text)) {
      if (SIGNED.test(line.text)) continue;
      return null;
    }
    const block: Line[] = [];
    for (let above = index - 1; above >= fromLine; above -= 1) {
      const candidate = lines[above];
      if (candidate === undefined) break;
      const text = candidate.text.trim();
      if (text === '' && block.length === 0) continue;
      if (text === '' || SIGNED.test(text)) {
        if (block.length > 0) break;
        continue;
      }
      if (!(isUpperCaseLine(text) || /^kiêm$/iu.test(text)) || text.startsWith('-') || /^Nơi nhận/iu.test(text)) break;
      block.unshift(candidate);
    }
    const lastAuthority = block.map((l) => AUTHORITY.test(l.text)).lastIndexOf(true);
    const titleLines = block.slice(lastAuthority + 1);
    const nameRange = trimRange(ctx.src, line.start, line.end);
    const titleRange = titleLines.length === 0 ? null : trimRange(ctx.src, titleLines[0]?.start ?? 0, titleLines.at(-1)?.end ?? 0);
    const title = titleLines.length === 0 ? undefined : collapse(titleLines.map((l) => l.text).join(' '));
    return {
      signedBy: { value: person(match[1] ?? '', title), span: spanOf(ctx, { start: titleRange?.start ?? nameRange.start, end: nameRange.end }) },
      startLine: lines.indexOf(block[0] ?? line),
    };
  }
  return null;
};

const MOTTO = /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc|ĐẢNG CỘNG SẢN VIỆT NAM/gu;

/** The letterhead lines above the symbol, without the national motto and the Party's name. */
const letterheadLines = (ctx: Src, lines: readonly Line[], endOffset: number): readonly Range[] => {
  const found: Range[] = [];
  for (const line of lines) {
    if (line.start >= endOffset) break;
    const end = Math.min(line.end, endOffset);
    let cursor = line.start;
    const text = ctx.src.text.slice(0, end);
    MOTTO.lastIndex = line.start;
    const pieces: Range[] = [];
    for (let match = MOTTO.exec(text); match !== null; match = MOTTO.exec(text)) {
      pieces.push({ start: cursor, end: match.index });
      cursor = match.index + match[0].length;
    }
    pieces.push({ start: cursor, end });
    for (const piece of pieces) {
      const range = trimRange(ctx.src, piece.start, piece.end);
      const words = ctx.src.text.slice(range.start, range.end);
      if (/\p{L}/u.test(words) && isUpperCaseLine(words) && !/^S[ỐốỐ]\s*[:.]?\s*\d*\s*[-/]/u.test(words)) found.push(range);
    }
  }
  return found;
};

// What a symbol's issuer code says about the issuer, completed with the place of issue ("Khánh Hòa").
const ISSUER_CODES: Readonly<Record<string, string>> = {
  UBND: 'UBND tỉnh',
  HĐND: 'HĐND tỉnh',
  TU: 'Tỉnh ủy',
  VPUB: 'Văn phòng UBND tỉnh',
};

/** The issuing body: the letterhead resolved through the catalogue, or else the symbol's issuer code and the place. */
export const findIssuer = (
  ctx: ParseContext,
  lines: readonly Line[],
  headerEnd: number,
  symbol: SymbolFound | undefined,
  place: Range | null,
): { issuer: Spanned<string> | null; agency: ParsedAgency | null } => {
  const letterhead = letterheadLines(ctx, lines, symbol?.written.start ?? headerEnd);
  const judge = (text: string) => resolveAgency(text, ctx.agencyDate ?? '2000-01-01', ctx.catalogue);
  const join = (ranges: readonly Range[]): string => ranges.map((r) => collapse(ctx.src.text.slice(r.start, r.end))).join(' ');
  for (let k = 0; k < letterhead.length; k += 1) {
    const own = letterhead.slice(k);
    const parents = letterhead.slice(0, k);
    for (const candidate of parents.length === 0 ? [join(own)] : [join(own), `${join(own)} ${join(parents)}`]) {
      const resolution = judge(candidate);
      if (resolution._tag === 'UnknownAgency') continue;
      const range = { start: (candidate === join(own) ? own[0] : letterhead[0])?.start ?? 0, end: letterhead.at(-1)?.end ?? 0 };
      const agency = parsedAgencyOf(ctx, { ...range, resolution });
      return { issuer: { value: candidate, span: spanOf(ctx, range) }, agency: { ...agency, text: candidate } };
    }
  }
  if (letterhead.length > 0) {
    const range = { start: letterhead[0]?.start ?? 0, end: letterhead.at(-1)?.end ?? 0 };
    const text = join(letterhead);
    ctx.warn(
      warningAt(
        ctx,
        'issuer-unknown',
        `Cơ quan ban hành "${text}" không có trong danh mục / the issuer "${text}" is not in the agency catalogue`,
        range.start,
        range.end,
      ),
    );
    return { issuer: { value: text, span: spanOf(ctx, range) }, agency: { text, span: spanOf(ctx, range), agency: null } };
  }
  const code = symbol?.issuerCode;
  const codeText = code === null || code === undefined ? undefined : ctx.src.text.slice(code.start, code.end);
  const kind = codeText === undefined ? undefined : ISSUER_CODES[codeText.toUpperCase()];
  if (code !== null && code !== undefined && kind !== undefined && place !== null) {
    const text = `${kind} ${collapse(ctx.src.text.slice(place.start, place.end))}`;
    const resolution = judge(text);
    if (resolution._tag !== 'UnknownAgency') {
      ctx.warn(
        warningAt(
          ctx,
          'issuer-inferred',
          `Văn bản không có tiêu đề cơ quan; cơ quan ban hành suy ra từ ký hiệu "${codeText}" và địa danh: ${text} / no letterhead: the issuer is read from the symbol's code "${codeText}" and the place: ${text}`,
          code.start,
          code.end,
        ),
      );
      const agency = parsedAgencyOf(ctx, { ...code, resolution });
      return { issuer: { value: text, span: spanOf(ctx, code) }, agency: { ...agency, text } };
    }
  }
  ctx.warn({ code: 'issuer-missing', message: 'Không xác định được cơ quan ban hành / the issuing body is not stated' });
  return { issuer: null, agency: null };
};
