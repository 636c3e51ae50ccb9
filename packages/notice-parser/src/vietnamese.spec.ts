import { fold, isSurname, numberFromWords, romanValue, trailingPersonalName } from './vietnamese';

describe('numberFromWords', () => {
  it.each([
    ['2', 2],
    ['02', 2],
    ['hai', 2],
    ['nhất', 1],
    ['tư', 4],
    ['mười', 10],
    ['mười lăm', 15],
    ['hai mươi', 20],
    ['hai mươi mốt', 21],
    ['ba mươi tư', 34],
  ])('reads "%s" as %i', (text, value) => {
    expect(numberFromWords(text)).toBe(value);
  });

  it.each(['', 'một mươi', 'hai mươi xyz', 'nhiều'])('reads "%s" as no number', (text) => {
    expect(numberFromWords(text)).toBeUndefined();
  });
});

describe('romanValue', () => {
  it('reads section numerals and refuses other letters', () => {
    expect([romanValue('I'), romanValue('IV'), romanValue('IX'), romanValue('XII')]).toEqual([1, 4, 9, 12]);
    expect(romanValue('A')).toBeUndefined();
  });
});

describe('personal names', () => {
  it('finds the name at the end of a title, however the title ends', () => {
    expect(trailingPersonalName('Phó Chủ tịch UBND tỉnh Nguyễn Thanh Hà'.split(' '))).toBe(3);
    expect(trailingPersonalName('Chủ tịch UBND tỉnh Khánh Hòa Lê Minh Tuấn'.split(' '))).toBe(3);
    expect(trailingPersonalName('Tổ trưởng Tổ công tác'.split(' '))).toBeUndefined();
  });

  it('knows the common family names and folds diacritics', () => {
    expect(isSurname('Nghiêm')).toBe(true);
    expect(isSurname('Khánh')).toBe(false);
    expect(fold('Đảng ủy')).toBe('dang uy');
  });
});
