import { goldenCases } from './golden';

/** The text of a golden notice by name; throws in a test when the file is missing. */
export const noticeText = (name: string): string => {
  const found = goldenCases().find((golden) => golden.name === name);
  if (found === undefined) throw new Error(`no golden notice ${name}`);
  return found.text;
};

/** A minimal notice around a body, for tests of one clause form. */
export const aNotice = (body: string, header: { readonly symbol?: string; readonly date?: string } = {}): string =>
  [
    'ỦY BAN NHÂN DÂN',
    'TỈNH KHÁNH HÒA',
    `Số: ${header.symbol ?? '50/TB-UBND'}`,
    header.date ?? 'Khánh Hòa, ngày 02 tháng 3 năm 2026',
    '',
    'THÔNG BÁO',
    'Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về chuyển đổi số',
    '',
    'Ngày 27/02/2026, Chủ tịch UBND tỉnh Lê Minh Tuấn chủ trì cuộc họp. Chủ tịch UBND tỉnh kết luận như sau:',
    '',
    body,
    '',
    'Nơi nhận:',
    '- Lưu: VT.',
    '',
    'TL. CHỦ TỊCH',
    'CHÁNH VĂN PHÒNG',
    '',
    'Phạm Thị Lan',
  ].join('\n');
