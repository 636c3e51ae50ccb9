import type { Range } from './context';
import { trimRange, type Line, type SourceText } from './source-text';
import { romanValue } from './vietnamese';

/**
 * The clause structure of a notice's body. Markers, by level:
 * 0 Roman headings ("II. NHIỆM VỤ TRỌNG TÂM"), 1 numbers ("1.", "2)"), 2 sub-numbers ("3.1.") and
 * Vietnamese letters ("a)", "đ)"), 3 dashes ("-", "–", "•"), 4 pluses ("+"). A paragraph with no
 * marker continues the clause before it. Lines broken by a page ("Yêu cầu Sở" / "KHCN khẩn trương …")
 * are joined when the first does not end a sentence and the second starts no clause.
 */

export type NodeKind = 'heading' | 'number' | 'subnumber' | 'letter' | 'dash' | 'plus';

/** One paragraph of the body: its view range and its text after the marker. */
export type Paragraph = { readonly range: Range; readonly content: Range };

export type ClauseNode = {
  readonly kind: NodeKind;
  readonly level: number;
  /** The marker as written: "II", "3", "3.1", "đ", "-", "+". */
  readonly marker: string;
  readonly paragraphs: Paragraph[];
  readonly children: ClauseNode[];
  readonly parent: ClauseNode | null;
};

const LEVEL: Readonly<Record<NodeKind, number>> = { heading: 0, number: 1, subnumber: 2, letter: 2, dash: 3, plus: 4 };

const MARKERS: readonly { kind: NodeKind; pattern: RegExp }[] = [
  { kind: 'heading', pattern: /^(?<m>[IVX]{1,5})\s*[.:/]\s+(?=\S)/u },
  { kind: 'subnumber', pattern: /^(?<m>\d{1,2}\.\d{1,2})\.?\s+(?=\S)/u },
  { kind: 'number', pattern: /^(?<m>\d{1,2})\s*[.)]\s+(?=\S)/u },
  { kind: 'letter', pattern: /^(?<m>[a-eg-ik-vxyđ])\s*[).]\s+(?=\S)/u },
  { kind: 'dash', pattern: /^(?<m>[-–—•])\s*(?=\S)/u },
  { kind: 'plus', pattern: /^(?<m>\+)\s*(?=\S)/u },
];

/** The marker a line starts with, if any. */
export const markerOf = (text: string): { kind: NodeKind; marker: string; length: number } | undefined => {
  const trimmed = text.trimStart();
  const indent = text.length - trimmed.length;
  for (const { kind, pattern } of MARKERS) {
    const match = pattern.exec(trimmed);
    const marker = match?.groups?.['m'];
    if (match === null || marker === undefined) continue;
    if (kind === 'heading' && romanValue(marker) === undefined) continue;
    return { kind, marker, length: indent + match[0].length };
  }
  return undefined;
};

const ENDS_SENTENCE = /[.;:!?]\s*$/u;
const isUpperCase = (text: string): boolean => {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.length > 0 && (text.match(/\p{Lu}/gu) ?? []).length / letters.length >= 0.8;
};

/** A closing paragraph: the formula that ends the body ("… biết thực hiện./.", "Văn phòng … thông báo …"). */
const CLOSING = /(?:\.\/\.\s*$)|^(?:Văn phòng .{0,80}?thông báo|Thông báo (?:ý kiến|kết luận)|Trên đây là)/u;
const RECIPIENTS = /^\s*Nơi\s+nhận/u;

/** Whether a line starts the body: a Roman heading or a numbered clause. */
export const startsBody = (line: Line): boolean => {
  const marker = markerOf(line.text);
  return marker !== undefined && (marker.kind === 'heading' || marker.kind === 'number' || marker.kind === 'subnumber');
};

/** The paragraphs of lines `[from, to)`, page breaks mended; stops at "Nơi nhận" or a closing formula. */
export const paragraphsOf = (
  src: SourceText,
  lines: readonly Line[],
  from: number,
  to: number,
): { paragraphs: { range: Range; marker: ReturnType<typeof markerOf> }[]; endLine: number } => {
  const paragraphs: { range: Range; marker: ReturnType<typeof markerOf> }[] = [];
  let index = from;
  for (; index < to; index += 1) {
    const line = lines[index];
    if (line === undefined) break;
    const text = line.text.trim();
    if (text === '' || /^\d{1,3}$/.test(text)) continue;
    if (RECIPIENTS.test(text)) break;
    const marker = markerOf(line.text);
    const previous = paragraphs.at(-1);
    const previousText = previous === undefined ? '' : src.text.slice(previous.range.start, previous.range.end);
    const mends =
      previous !== undefined &&
      marker === undefined &&
      previous.marker?.kind !== 'heading' &&
      !ENDS_SENTENCE.test(previousText) &&
      !isUpperCase(previousText);
    if (mends) {
      previous.range = { start: previous.range.start, end: trimRange(src, line.start, line.end).end };
      continue;
    }
    if (marker === undefined && CLOSING.test(text)) break;
    paragraphs.push({ range: trimRange(src, line.start, line.end), marker });
  }
  return { paragraphs, endLine: index };
};

/** The clause tree of the body's paragraphs; paragraphs before the first marker are not in it. */
export const clauseTree = (src: SourceText, paragraphs: readonly { range: Range; marker: ReturnType<typeof markerOf> }[]): readonly ClauseNode[] => {
  const roots: ClauseNode[] = [];
  const open: ClauseNode[] = [];
  for (const { range, marker } of paragraphs) {
    if (marker === undefined) {
      const current = open.at(-1);
      current?.paragraphs.push({ range, content: range });
      continue;
    }
    const level = LEVEL[marker.kind];
    while ((open.at(-1)?.level ?? -1) >= level) open.pop();
    const parent = open.at(-1) ?? null;
    const content = trimRange(src, range.start + marker.length, range.end);
    const node: ClauseNode = { kind: marker.kind, level, marker: marker.marker, paragraphs: [{ range, content }], children: [], parent };
    (parent === null ? roots : parent.children).push(node);
    open.push(node);
  }
  return roots;
};
