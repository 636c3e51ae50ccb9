import { collapse, linesOf, sourceSpanOf, sourceTextOf, toSourceSpan, trimRange, wordsOf } from './source-text';

describe('sourceTextOf', () => {
  it('blanks markdown emphasis, carriage returns and non-breaking spaces without moving any offset', () => {
    const src = sourceTextOf('báo cáo **chậm nhất\u00a0ngày 06/3/2026**.\r\n');
    expect(src.text).toBe('báo cáo   chậm nhất ngày 06/3/2026  . \n');
    expect(src.offsets).toHaveLength(src.text.length + 1);
    expect(toSourceSpan(src, 10, 34)).toEqual({ start: 10, end: 34 });
  });

  it('reads decomposed Unicode as composed, and maps every character back to its source', () => {
    const source = 'Sở Khoa học và Công nghệ'.normalize('NFD');
    const src = sourceTextOf(source);
    expect(src.text).toBe('Sở Khoa học và Công nghệ');
    const span = toSourceSpan(src, 3, 11);
    expect(source.slice(span.start, span.end).normalize('NFC')).toBe('Khoa học');
  });

  it('writes the look-alike Ð as Đ', () => {
    expect(sourceTextOf('03-TB/BCÐ').text).toBe('03-TB/BCĐ');
  });
});

describe('ranges and words', () => {
  const src = sourceTextOf('  (***gia hạn lần 2***)  \n\nKHCN');
  it('trims white space and blanked emphasis off a range', () => {
    expect(trimRange(src, 0, 25)).toEqual({ start: 2, end: 23 });
    expect(sourceSpanOf(src, 0, 25)).toEqual({ start: 2, end: 23 });
  });

  it('drops emphasis markers from the words a reader sees', () => {
    expect(wordsOf(src, 2, 23)).toBe('(gia hạn lần 2)');
    expect(collapse(' a \n b ')).toBe('a b');
  });

  it('splits lines and keeps their offsets', () => {
    expect(linesOf(src).map((line) => [line.start, line.text])).toEqual([
      [0, '  (   gia hạn lần 2   )  '],
      [26, ''],
      [27, 'KHCN'],
    ]);
  });
});
