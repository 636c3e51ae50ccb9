import * as fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { z } from 'zod';
import {
  CONG_VAN_KIND,
  DOCUMENT_KIND_CODES,
  DocumentSymbolSchema,
  documentSymbolKey,
  formatDocumentSymbol,
  isDocumentSymbolError,
  normalizeDocumentSymbol,
  parseDocumentSymbol,
  type DocumentSymbol,
  type DocumentSymbolErrorReason,
} from './index';

const parsed = (text: string): DocumentSymbol => {
  const result = parseDocumentSymbol(text);
  if (E.isLeft(result)) throw new Error(`expected a symbol from ${JSON.stringify(text)}: ${result.left.reason}`);
  return result.right;
};

const reasonOf = (text: string): DocumentSymbolErrorReason | 'parsed' =>
  pipeReason(parseDocumentSymbol(text));
const pipeReason = (result: ReturnType<typeof parseDocumentSymbol>): DocumentSymbolErrorReason | 'parsed' =>
  E.isLeft(result) ? result.left.reason : 'parsed';

const aStateSymbol = (fields: Partial<DocumentSymbol> & Pick<DocumentSymbol, 'kind' | 'issuer' | 'normalized'>): DocumentSymbol => ({
  format: 'state',
  number: null,
  numberText: null,
  year: null,
  ...fields,
});

const aPartySymbol = (fields: Partial<DocumentSymbol> & Pick<DocumentSymbol, 'kind' | 'issuer' | 'normalized'>): DocumentSymbol => ({
  format: 'party',
  number: null,
  numberText: null,
  year: null,
  ...fields,
});

const STATE_EXAMPLES: ReadonlyArray<readonly [string, DocumentSymbol]> = [
  ['100/TB-UBND', aStateSymbol({ number: 100, numberText: '100', kind: 'TB', issuer: 'UBND', normalized: '100/TB-UBND' })],
  [
    '23/2018/QĐ-TTg',
    aStateSymbol({ number: 23, numberText: '23', year: 2018, kind: 'QĐ', issuer: 'TTg', normalized: '23/2018/QĐ-TTg' }),
  ],
  ['246/QĐ-UBND', aStateSymbol({ number: 246, numberText: '246', kind: 'QĐ', issuer: 'UBND', normalized: '246/QĐ-UBND' })],
  ['123/UBND-KT', aStateSymbol({ number: 123, numberText: '123', kind: 'CV', issuer: 'UBND-KT', normalized: '123/UBND-KT' })],
  [
    '01/2025/NĐ-CP',
    aStateSymbol({ number: 1, numberText: '01', year: 2025, kind: 'NĐ', issuer: 'CP', normalized: '01/2025/NĐ-CP' }),
  ],
  ['/TB-UBND', aStateSymbol({ kind: 'TB', issuer: 'UBND', normalized: '/TB-UBND' })],
];

const PARTY_EXAMPLES: ReadonlyArray<readonly [string, DocumentSymbol]> = [
  ['03-TB/BCĐ', aPartySymbol({ number: 3, numberText: '03', kind: 'TB', issuer: 'BCĐ', normalized: '03-TB/BCĐ' })],
  ['57-NQ/TW', aPartySymbol({ number: 57, numberText: '57', kind: 'NQ', issuer: 'TW', normalized: '57-NQ/TW' })],
  ['246-QĐ/TU', aPartySymbol({ number: 246, numberText: '246', kind: 'QĐ', issuer: 'TU', normalized: '246-QĐ/TU' })],
  ['48-NQ/TU', aPartySymbol({ number: 48, numberText: '48', kind: 'NQ', issuer: 'TU', normalized: '48-NQ/TU' })],
  ['02-TB/BCĐ', aPartySymbol({ number: 2, numberText: '02', kind: 'TB', issuer: 'BCĐ', normalized: '02-TB/BCĐ' })],
  ['18-NQ/TW', aPartySymbol({ number: 18, numberText: '18', kind: 'NQ', issuer: 'TW', normalized: '18-NQ/TW' })],
  ['27-TB/BCĐ', aPartySymbol({ number: 27, numberText: '27', kind: 'TB', issuer: 'BCĐ', normalized: '27-TB/BCĐ' })],
  ['35-KL/TW', aPartySymbol({ number: 35, numberText: '35', kind: 'KL', issuer: 'TW', normalized: '35-KL/TW' })],
  ['09-CT/TU', aPartySymbol({ number: 9, numberText: '09', kind: 'CT', issuer: 'TU', normalized: '09-CT/TU' })],
];

const EXAMPLES = [...STATE_EXAMPLES, ...PARTY_EXAMPLES];

describe('parseDocumentSymbol', () => {
  it.each(STATE_EXAMPLES)('reads the State symbol %s', (text, expected) => {
    expect(parseDocumentSymbol(text)).toEqual(E.right(expected));
  });

  it.each(PARTY_EXAMPLES)('reads the Party symbol %s', (text, expected) => {
    expect(parseDocumentSymbol(text)).toEqual(E.right(expected));
  });

  it('reads a Party draft that has no number yet', () => {
    expect(parsed('Số     -TB/TU')).toEqual(aPartySymbol({ kind: 'TB', issuer: 'TU', normalized: '-TB/TU' }));
  });

  it('reads a State draft of a legal normative document, which already has its year', () => {
    expect(parsed('Số: /2026/QĐ-UBND')).toEqual(
      aStateSymbol({ year: 2026, kind: 'QĐ', issuer: 'UBND', normalized: '/2026/QĐ-UBND' }),
    );
  });

  it('reads the Party công văn, which writes its CV code', () => {
    expect(parsed('15-CV/TU')).toMatchObject({ format: 'party', kind: 'CV', issuer: 'TU', normalized: '15-CV/TU' });
  });

  it('keeps a drafting-unit suffix after the kind as part of the issuer', () => {
    expect(parsed('12/QĐ-UBND-KT')).toMatchObject({ kind: 'QĐ', issuer: 'UBND-KT', normalized: '12/QĐ-UBND-KT' });
  });

  it('reads a Quốc hội symbol, which has a year and no kind code, as having no kind code', () => {
    expect(parsed('Luật số 56/2024/QH15')).toMatchObject({ year: 2024, kind: 'CV', issuer: 'QH15', normalized: '56/2024/QH15' });
  });

  it('accepts a Party kind code outside the known list, as written', () => {
    expect(parsed('07-xyz/TU')).toMatchObject({ kind: 'XYZ', normalized: '07-XYZ/TU' });
  });

  it.each([
    ['27 -TB/BCĐ', '27-TB/BCĐ'],
    ['100 / TB - UBND', '100/TB-UBND'],
    [' 03-TB /BCĐ ', '03-TB/BCĐ'],
    ['23 / 2018 / QĐ - TTg', '23/2018/QĐ-TTg'],
    ['1 0 0/T B-U B N D', '100/TB-UBND'],
    ['\t100/TB-UBND\n', '100/TB-UBND'],
    ['100/TB-\u00a0UBND', '100/TB-UBND'],
    ['100/TB-\u200bUBND', '100/TB-UBND'],
  ])('ignores stray spaces in %j', (text, normalized) => {
    expect(parsed(text).normalized).toBe(normalized);
  });

  it.each([
    ['Số 03-TB/BCĐ', '03-TB/BCĐ'],
    ['Số: /TB-UBND', '/TB-UBND'],
    ['Số:100/TB-UBND', '100/TB-UBND'],
    ['số 100/TB-UBND', '100/TB-UBND'],
    ['SỐ: 100/TB-UBND', '100/TB-UBND'],
    ['Số : 100/TB-UBND', '100/TB-UBND'],
    ['Số03-TB/BCĐ', '03-TB/BCĐ'],
    ['Thông báo số 100/TB-UBND', '100/TB-UBND'],
    ['Nghị quyết số 57-NQ/TW', '57-NQ/TW'],
    ['Quyết định số 246-QĐ/TU', '246-QĐ/TU'],
    ['Công văn số 123/UBND-KT', '123/UBND-KT'],
    ['Thông báo kết luận số 35-KL/TW', '35-KL/TW'],
    ['Số：100/TB-UBND', '100/TB-UBND'],
  ])('drops the citation words in %j', (text, normalized) => {
    expect(parsed(text).normalized).toBe(normalized);
  });

  it.each([
    ['Thông báo số 02-TB/BCĐ,', '02-TB/BCĐ'],
    ['Nghị quyết số 48-NQ/TU.', '48-NQ/TU'],
    ['100/TB-UBND;', '100/TB-UBND'],
  ])('drops the punctuation that ends a citation in %j', (text, normalized) => {
    expect(parsed(text).normalized).toBe(normalized);
  });

  it('gives the same symbol for decomposed (NFD) and composed (NFC) input', () => {
    const composed = 'Quyết định số 246-QĐ/TU'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(parseDocumentSymbol(decomposed)).toEqual(parseDocumentSymbol(composed));
  });

  it('reads an issuer code with a decomposed letter as its composed spelling', () => {
    expect(parsed('5/UBND-PHÒNG'.normalize('NFD')).issuer).toBe('UBND-PHÒNG');
  });

  it.each([
    ['03-TB/BC\u00D0', '03-TB/BCĐ'],
    ['03-TB/bc\u00F0', '03-TB/BCĐ'],
    ['246/Q\u00D0-UBND', '246/QĐ-UBND'],
    ['01/2025/N\u0189-CP', '01/2025/NĐ-CP'],
    ['03-TB/bc\u0256', '03-TB/BCĐ'],
  ])('reads the look-alike of Đ in %j as Đ', (text, normalized) => {
    expect(parsed(text).normalized).toBe(normalized);
  });

  it.each([
    ['100\u2013TB/BCĐ', '100-TB/BCĐ'],
    ['100/TB\u2014UBND', '100/TB-UBND'],
    ['100/TB\u2212UBND', '100/TB-UBND'],
    ['100/TB\uFF0DUBND', '100/TB-UBND'],
    ['100\u2215TB-UBND', '100/TB-UBND'],
    ['100\uFF0FTB-UBND', '100/TB-UBND'],
  ])('reads a dash or slash look-alike in %j as the ASCII one', (text, normalized) => {
    expect(parsed(text).normalized).toBe(normalized);
  });

  it.each([
    ['tb-ubnd', '100/TB-UBND'],
    ['qđ-ttg', '100/QĐ-TTg'],
    ['QĐ-TTG', '100/QĐ-TTg'],
    ['ttr-ubnd', '100/TTr-UBND'],
    ['qyđ-ubnd', '100/QyĐ-UBND'],
    ['QĐ-TTg', '100/QĐ-TTg'],
    ['ubnd-kt', '100/UBND-KT'],
    ['TB-Ubnd', '100/TB-Ubnd'],
  ])('spells the codes of 100/%s canonically', (codes, normalized) => {
    expect(parsed(`100/${codes}`).normalized).toBe(normalized);
  });

  it('raises a Party symbol typed in lower case to capitals', () => {
    expect(parsed('03-tb/bcđ').normalized).toBe('03-TB/BCĐ');
  });

  it('reads a CV code written in the State format as a công văn and drops it from the canonical text', () => {
    expect(parsed('123/CV-UBND')).toMatchObject({ kind: CONG_VAN_KIND, issuer: 'UBND', normalized: '123/UBND' });
  });

  it.each<readonly [string, DocumentSymbolErrorReason]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['Số:', 'empty'],
    ['abc', 'no-slash'],
    ['TB-UBND', 'no-slash'],
    ['Số 100 TB UBND', 'no-slash'],
    ['12a/TB-UBND', 'bad-number'],
    ['0/TB-UBND', 'bad-number'],
    ['12345678/TB-UBND', 'bad-number'],
    ['12a-TB/BCĐ', 'bad-number'],
    ['Thông báo 100/TB-UBND', 'bad-number'],
    ['23/18/QĐ-TTg', 'bad-year'],
    ['23/1850/QĐ-TTg', 'bad-year'],
    ['100/TB', 'missing-issuer'],
    ['100/TB-', 'missing-issuer'],
    ['100/', 'missing-issuer'],
    ['03-TB/', 'missing-issuer'],
    ['12/BC/UBND', 'unknown-shape'],
    ['1/2018/QĐ/TTg', 'unknown-shape'],
    ['100/-UBND', 'unknown-shape'],
    ['100/TB-UB.ND', 'unknown-shape'],
    ['03-/BCĐ', 'unknown-shape'],
    ['03-TB1/BCĐ', 'unknown-shape'],
    ['03-TB/2025/BCĐ', 'unknown-shape'],
    ['03-TB/BCĐ--TU', 'unknown-shape'],
  ])('returns Left(InvalidDocumentSymbol) for %j because of %s', (text, reason) => {
    expect(reasonOf(text)).toBe(reason);
  });

  it('returns the text as given and a Vietnamese and English message', () => {
    expect(parseDocumentSymbol(' 12a/TB-UBND ')).toEqual(
      E.left({
        _tag: 'InvalidDocumentSymbol',
        text: ' 12a/TB-UBND ',
        reason: 'bad-number',
        message:
          'Số ký hiệu không hợp lệ: số văn bản phải là số nguyên dương / not a document symbol: the number must be a positive whole number',
      }),
    );
  });

  it.each(EXAMPLES)('round-trips %s through format and parse', (_text, symbol) => {
    expect(parseDocumentSymbol(formatDocumentSymbol(symbol))).toEqual(E.right(symbol));
  });
});

describe('formatDocumentSymbol', () => {
  it.each(EXAMPLES)('writes %s back as its canonical text', (_text, symbol) => {
    expect(formatDocumentSymbol(symbol)).toBe(symbol.normalized);
  });

  it('writes the integer when a hand-built symbol has no number text', () => {
    expect(formatDocumentSymbol({ format: 'party', number: 3, numberText: null, year: null, kind: 'TB', issuer: 'BCĐ' })).toBe(
      '3-TB/BCĐ',
    );
  });
});

describe('normalizeDocumentSymbol', () => {
  it('returns the canonical text of a symbol', () => {
    expect(normalizeDocumentSymbol('Thông báo số 27 -TB/BCĐ')).toEqual(E.right('27-TB/BCĐ'));
  });

  it('returns Left(InvalidDocumentSymbol) for a text that is not a symbol', () => {
    expect(normalizeDocumentSymbol('TB-UBND')).toMatchObject(E.left({ _tag: 'InvalidDocumentSymbol', reason: 'no-slash' }));
  });
});

describe('documentSymbolKey', () => {
  const keyOf = (text: string): string => documentSymbolKey(parsed(text));

  it('gives one key to a number written with and without a leading zero', () => {
    expect(keyOf('03-TB/BCĐ')).toBe(keyOf('3-TB/BCĐ'));
    expect(keyOf('01/2025/NĐ-CP')).toBe(keyOf('1/2025/NĐ-CP'));
  });

  it('ignores letter case', () => {
    expect(keyOf('100/TB-Ubnd')).toBe(keyOf('100/TB-UBND'));
  });

  it('tells apart different numbers, years, kinds, issuers and conventions', () => {
    const keys = ['3-TB/BCĐ', '4-TB/BCĐ', '3-KL/BCĐ', '3-TB/TU', '3/TB-BCĐ', '3/2025/TB-BCĐ', '3/2026/TB-BCĐ'].map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives a draft its unnumbered text', () => {
    expect(keyOf('Số: /TB-UBND')).toBe('/TB-UBND');
  });
});

describe('isDocumentSymbolError', () => {
  it('recognises the error a failed parse returns', () => {
    const result = parseDocumentSymbol('abc');
    expect(E.isLeft(result) && isDocumentSymbolError(result.left)).toBe(true);
  });

  it.each([null, undefined, 'InvalidDocumentSymbol', {}, { _tag: 'InvalidDocumentSymbol' }, { _tag: 'InvalidDocumentSymbol', reason: 'toString' }, { _tag: 'Other', reason: 'empty' }])(
    'rejects %j',
    (value) => {
      expect(isDocumentSymbolError(value)).toBe(false);
    },
  );
});

describe('DocumentSymbolSchema', () => {
  it('transforms a symbol to its canonical text', () => {
    expect(DocumentSymbolSchema.parse('Số 03 -TB/BC\u00D0')).toBe('03-TB/BCĐ');
  });

  it('reports the reason and bilingual message as a zod issue', () => {
    const result = DocumentSymbolSchema.safeParse('TB-UBND');
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        code: 'custom',
        message: 'Số ký hiệu không hợp lệ: thiếu dấu "/" / not a document symbol: it has no slash',
        params: { reason: 'no-slash' },
      }),
    ]);
  });

  it('works inside another schema, with the path of the field', () => {
    const RefSchema = z.object({ symbol: DocumentSymbolSchema });
    expect(RefSchema.parse({ symbol: '100 / tb - ubnd' })).toEqual({ symbol: '100/TB-UBND' });
    expect(RefSchema.safeParse({ symbol: '' }).error?.issues[0]?.path).toEqual(['symbol']);
  });

  it('rejects a value that is not a string', () => {
    expect(DocumentSymbolSchema.safeParse(100).success).toBe(false);
  });
});

describe('document symbol properties', () => {
  // Issuer codes that are not kind codes, so a công văn's first code is never read as a kind.
  const ISSUERS = ['UBND', 'TTg', 'BCĐ', 'TW', 'TU', 'CP', 'KT', 'VP', 'SKHCN', 'HĐND', 'QH15', 'VPTU'] as const;
  const PREFIXES = ['', 'Số ', 'Số:', 'số ', 'Thông báo số ', 'Nghị quyết số ', 'Quyết định số '] as const;
  const SPACES = ['', '', '', ' ', '  ', '\t', '\u00a0'] as const;

  const numberArb = fc.option(
    fc.tuple(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 0, max: 2 })).map(([n, zeros]) => ({
      number: n,
      numberText: '0'.repeat(zeros) + String(n),
    })),
    { nil: null },
  );

  const symbolArb: fc.Arbitrary<Omit<DocumentSymbol, 'normalized'>> = fc
    .record({
      format: fc.constantFrom('state' as const, 'party' as const),
      numbered: numberArb,
      year: fc.option(fc.integer({ min: 1945, max: 2099 }), { nil: null }),
      kind: fc.constantFrom(...DOCUMENT_KIND_CODES),
      issuer: fc.array(fc.constantFrom(...ISSUERS), { minLength: 1, maxLength: 3 }).map((codes) => codes.join('-')),
    })
    .map(({ format, numbered, year, kind, issuer }) => ({
      format,
      number: numbered?.number ?? null,
      numberText: numbered?.numberText ?? null,
      year: format === 'party' ? null : year,
      kind,
      issuer,
    }));

  const withSpaces = (text: string, spaces: readonly string[]): string =>
    [...text].map((char, index) => (spaces[index] ?? '') + char).join('') + (spaces[text.length] ?? '');

  it('parses the formatted text of any symbol back to the same fields', () => {
    fc.assert(
      fc.property(symbolArb, (fields) => {
        const text = formatDocumentSymbol(fields);
        expect(parseDocumentSymbol(text)).toEqual(E.right({ ...fields, normalized: text }));
      }),
    );
  });

  it('gives the same result whatever spaces are inserted, after any citation words, in either Unicode form', () => {
    fc.assert(
      fc.property(
        symbolArb.chain((fields) => {
          const text = formatDocumentSymbol(fields);
          return fc.record({
            text: fc.constant(text),
            prefix: fc.constantFrom(...PREFIXES),
            spaces: fc.array(fc.constantFrom(...SPACES), { minLength: text.length + 1, maxLength: text.length + 1 }),
            form: fc.constantFrom('NFC' as const, 'NFD' as const),
          });
        }),
        ({ text, prefix, spaces, form }) => {
          const noisy = (prefix + withSpaces(text, spaces)).normalize(form);
          expect(normalizeDocumentSymbol(noisy)).toEqual(normalizeDocumentSymbol(text));
          expect(E.map(documentSymbolKey)(parseDocumentSymbol(noisy))).toEqual(E.map(documentSymbolKey)(parseDocumentSymbol(text)));
        },
      ),
    );
  });

  it('keys a symbol the same with or without leading zeros', () => {
    fc.assert(
      fc.property(symbolArb, fc.integer({ min: 1, max: 3 }), (fields, zeros) => {
        fc.pre(fields.numberText !== null);
        const padded = { ...fields, numberText: '0'.repeat(zeros) + String(fields.number) };
        expect(documentSymbolKey(padded)).toBe(documentSymbolKey(fields));
      }),
    );
  });
});
