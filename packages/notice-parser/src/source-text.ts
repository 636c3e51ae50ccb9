import type { Span } from './types';

/**
 * The text the extractors read, and the way back to the input. Notices arrive as Word or PDF copies:
 * decomposed Unicode (macOS), markdown emphasis around deadlines (`**chậm nhất ngày 06/3/2026**`),
 * Windows line ends, non-breaking spaces, the look-alike Ð for Đ. The view is NFC with all of that
 * blanked to spaces, so one regular expression fits every spelling; `offsets` maps each view index
 * back to the input, so every span the parser reports is an offset into the string exactly as given.
 */
export type SourceText = {
  readonly source: string;
  readonly text: string;
  /** `offsets[i]`: where view character `i` starts in the source; `offsets[text.length] === source.length`. */
  readonly offsets: readonly number[];
};

/** One line of the view: its text without the line break, and where it starts. */
export type Line = { readonly start: number; readonly end: number; readonly text: string };

// A base character with its combining marks, or marks with no base: NFC works on such runs.
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;

// Same-length substitutions, so a character of the view is always a character of the source.
const BLANKED = /[*\r\t\u00a0\u2007\u202f\u200b-\u200d\u2060\ufeff]/g;
const D_CAPITAL = /[\u00d0\u0189]/g;
const D_SMALL = /[\u00f0\u0256]/g;

const cleanCluster = (cluster: string): string =>
  cluster.normalize('NFC').replace(BLANKED, ' ').replace(D_CAPITAL, 'Đ').replace(D_SMALL, 'đ');

/** Builds the view of a notice's text. */
export const sourceTextOf = (source: string): SourceText => {
  let text = '';
  const offsets: number[] = [];
  for (const match of source.matchAll(CLUSTER)) {
    const cleaned = cleanCluster(match[0]);
    for (let i = 0; i < cleaned.length; i += 1) offsets.push(match.index);
    text += cleaned;
  }
  offsets.push(source.length);
  return { source, text, offsets };
};

/** The source span of a view range. */
export const toSourceSpan = (src: SourceText, start: number, end: number): Span => ({
  start: src.offsets[start] ?? src.source.length,
  end: src.offsets[end] ?? src.source.length,
});

/** The view range `[start, end)` without the white space at either end. */
export const trimRange = (src: SourceText, start: number, end: number): { start: number; end: number } => {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(src.text[s] ?? '')) s += 1;
  while (e > s && /\s/.test(src.text[e - 1] ?? '')) e -= 1;
  return { start: s, end: e };
};

/** The trimmed source span of a view range. */
export const sourceSpanOf = (src: SourceText, start: number, end: number): Span => {
  const trimmed = trimRange(src, start, end);
  return toSourceSpan(src, trimmed.start, trimmed.end);
};

/** Words of a view range with white space (line breaks, blanked emphasis) collapsed to single spaces. */
export const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * The words of a view range as a reader sees them: emphasis markers dropped rather than blanked (so
 * "(***gia hạn lần 2***)" reads "(gia hạn lần 2)"), white space collapsed.
 */
export const wordsOf = (src: SourceText, start: number, end: number): string => {
  let words = '';
  for (let i = start; i < end; i += 1) {
    if (src.source[src.offsets[i] ?? -1] !== '*') words += src.text[i] ?? '';
  }
  return collapse(words);
};

/** The lines of the view, with their offsets; a line's text keeps its leading and trailing blanks. */
export const linesOf = (src: SourceText): readonly Line[] => {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= src.text.length; i += 1) {
    if (i === src.text.length || src.text[i] === '\n') {
      lines.push({ start, end: i, text: src.text.slice(start, i) });
      start = i + 1;
    }
  }
  return lines;
};
