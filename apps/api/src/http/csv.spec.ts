import { UTF8_BOM, flatten, toCsv } from './csv';

describe('toCsv', () => {
  it('starts with a byte-order mark and ends lines with CRLF', () => {
    const csv = toCsv([{ a: 1 }, { a: 2 }]);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1)).toBe('a\r\n1\r\n2\r\n');
  });

  it('quotes commas, quotes, semicolons and line breaks, and keeps Vietnamese as it is', () => {
    expect(toCsv([{ text: 'Sở KH&CN, "gấp"\nlần 2' }]).slice(1)).toBe('text\r\n"Sở KH&CN, ""gấp""\nlần 2"\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, but not numbers', () => {
    expect(toCsv([{ text: '=HYPERLINK("x")', n: -3 }]).slice(1)).toBe('text,n\r\n"\'=HYPERLINK(""x"")",-3\r\n');
  });

  it('flattens nested objects into dotted columns and joins arrays', () => {
    expect(flatten({ status: { vi: 'Quá hạn', en: 'Overdue' }, cooperating: ['a', 'b'] })).toEqual({ 'status.vi': 'Quá hạn', 'status.en': 'Overdue', cooperating: ['a', 'b'] });
    expect(toCsv([{ cooperating: ['a', 'b'], empty: null }]).slice(1)).toBe('cooperating,empty\r\n"a; b",\r\n');
  });

  it('takes the columns of every row, in order of first appearance', () => {
    expect(toCsv([{ a: 1 }, { b: 2 }]).slice(1)).toBe('a,b\r\n1,\r\n,2\r\n');
  });
});
