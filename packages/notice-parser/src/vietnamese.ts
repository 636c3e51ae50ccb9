/**
 * Small pieces of Vietnamese the extractors share: number words ("lần thứ hai", "02 nhóm"), the
 * clause lettering (a, b, c, d, đ, e, g, h, i, k… — Vietnamese has no f, j, w, z) and case folding.
 */

/** Lower case without diacritics, đ → d: for comparisons that must not depend on how a word was typed. */
export const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();

const UNITS: Readonly<Record<string, number>> = {
  mot: 1,
  nhat: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  lam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
};

/**
 * A number written in digits or in words, 1–99: "2", "02", "hai", "thứ hai" → 2, "nhất" → 1,
 * "mười lăm" → 15, "hai mươi mốt" → 21. Undefined when the text is not one.
 */
export const numberFromWords = (text: string): number | undefined => {
  const words = fold(text).trim().split(/\s+/);
  if (words.length === 1 && /^\d{1,3}$/.test(words[0] ?? '')) return Number(words[0]);
  const unit = (word: string | undefined): number | undefined => (word === undefined ? undefined : UNITS[word]);
  if (words.length === 1) {
    const [only] = words;
    return only === 'muoi' ? 10 : unit(only);
  }
  if (words[0] === 'muoi' && words.length === 2) {
    const ones = unit(words[1]);
    return ones === undefined ? undefined : 10 + ones;
  }
  const tens = unit(words[0]);
  if (tens === undefined || tens < 2 || (words[1] !== 'muoi' && words[1] !== 'chuc')) return undefined;
  if (words.length === 2) return tens * 10;
  const ones = unit(words[2]);
  return words.length === 3 && ones !== undefined ? tens * 10 + ones : undefined;
};

/** The words a number may be written with, as a regular-expression alternative (digits first). */
export const NUMBER_WORD = String.raw`\d{1,3}|(?:(?:hai|ba|bốn|năm|sáu|bảy|tám|chín)\s+mươi(?:\s+(?:mốt|hai|ba|bốn|tư|lăm|năm|sáu|bảy|tám|chín))?)|(?:mười(?:\s+(?:một|hai|ba|bốn|lăm|năm|sáu|bảy|tám|chín))?)|nhất|một|hai|ba|bốn|tư|năm|sáu|bảy|tám|chín`;

/** Letters of Vietnamese clause lettering, in order. */
export const CLAUSE_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'] as const;

/** Roman numerals of section headings, I–XX. */
export const romanValue = (text: string): number | undefined => {
  const values: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10 };
  let total = 0;
  for (let i = 0; i < text.length; i += 1) {
    const value = values[text[i] ?? ''];
    const next = values[text[i + 1] ?? ''] ?? 0;
    if (value === undefined) return undefined;
    total += value < next ? -value : value;
  }
  return total > 0 && total <= 20 ? total : undefined;
};

// Family names of most Vietnamese people: a personal name starts with one of these.
const SURNAMES = new Set(
  [
    'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô',
    'Dương', 'Lý', 'Đinh', 'Trịnh', 'Đoàn', 'Lâm', 'Mai', 'Trương', 'Lương', 'Cao', 'Tạ', 'Hà', 'Châu',
    'Tô', 'Thái', 'Quách', 'Nghiêm', 'Lưu', 'Kiều', 'Từ', 'Tăng', 'Đào', 'La', 'Hứa', 'Chu', 'Văn',
    'Khổng', 'Tống', 'Triệu', 'Doãn', 'Âu', 'Giang', 'Lạc', 'Mạc', 'Phùng', 'Thân', 'Tôn', 'Vương', 'Ông',
    'Quang', 'Diệp', 'Đàm', 'Lại', 'Lục', 'Nông', 'Ninh', 'Phó', 'Quan', 'Sơn', 'Tiêu', 'Viên', 'Y',
  ].map((name) => name.normalize('NFC')),
);

/** True when the word is a common Vietnamese family name. */
export const isSurname = (word: string): boolean => SURNAMES.has(word.normalize('NFC'));

/** A capitalised word: "Nguyễn", "Hà". */
export const isCapitalised = (word: string): boolean => /^\p{Lu}\p{Ll}*$/u.test(word);

/**
 * The personal name at the end of a run of words, if any: the longest run of two to four capitalised
 * words that starts with a family name. "Phó Chủ tịch UBND tỉnh Nguyễn Thanh Hà" → "Nguyễn Thanh Hà";
 * "… tỉnh Khánh Hòa Nguyễn Thanh Hà" → "Nguyễn Thanh Hà" too, because "Khánh" and "Hòa" are no family names.
 */
export const trailingPersonalName = (words: readonly string[]): number | undefined => {
  let best: number | undefined;
  for (let length = 2; length <= Math.min(4, words.length); length += 1) {
    const run = words.slice(words.length - length);
    if (!run.every(isCapitalised)) break;
    if (isSurname(run[0] ?? '')) best = length;
  }
  return best;
};
