import * as E from 'fp-ts/Either';
import { specFor } from '../../test/support/given';
import { DIRECTIVE_ID, UBND_TINH, aDirectiveRegistered, anOfficerOf, on, KHCN } from '../../test/support/fixtures';
import { fold } from '../shared/decider';
import type { RegisterDirective } from './directive.commands';
import { directiveDecider, directiveNaturalKey } from './directive.decider';
import type { DirectiveEvent } from './directive.events';

const { given } = specFor(directiveDecider);

const registerCommand = (data: Partial<RegisterDirective['data']> = {}, occurredOn = '2026-02-27'): RegisterDirective => {
  const { naturalKey: _key, registeredOn: _on, kind: _kind, ...fields } = aDirectiveRegistered().data;
  return { type: 'RegisterDirective', data: { ...fields, ...data }, metadata: on(occurredOn) };
};

const bcd = {
  directiveId: 'kh-bcd-03-2025',
  symbol: 'Số 03 -TB/BCĐ',
  issuer: { name: 'Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Khánh Hòa' },
  issuedOn: '2025-04-04',
  meeting: { heldOn: '2025-03-27', session: 2 },
  subject: 'Kết luận của Ban Chỉ đạo tại phiên họp lần thứ hai',
  references: [{ symbol: '48-NQ/TU', issuedOn: '2025-02-20' }],
};

describe('RegisterDirective (đăng ký văn bản)', () => {
  it('records the draft notice with its kind read from the symbol and a key from its meeting date', () => {
    given([]).when(registerCommand()).then([aDirectiveRegistered()]);
  });

  it('normalises a Party symbol with stray spaces and keys it by symbol, issuer and year', () => {
    const result = directiveDecider.decide(registerCommand(bcd, '2025-04-04'), directiveDecider.initialState());
    expect(result).toEqual(
      E.right([
        {
          type: 'DirectiveRegistered',
          data: expect.objectContaining({ symbol: '03-TB/BCĐ', kind: 'TB', registeredOn: '2025-04-04', naturalKey: expect.stringContaining('|2025') }),
        },
      ]),
    );
  });

  it('is a no-op when the same directive is registered again', () => {
    given([aDirectiveRegistered()]).when(registerCommand()).thenNothingHappens();
  });

  it('returns Left(DirectiveAlreadyRegistered) when the id already holds another directive', () => {
    given([aDirectiveRegistered()])
      .when(registerCommand({ symbol: '101/TB-UBND', issuedOn: '2026-03-02' }))
      .thenFails('DirectiveAlreadyRegistered', { directiveId: DIRECTIVE_ID });
  });

  it('returns Left(InvalidDocumentSymbol) for a symbol that is not one', () => {
    given([]).when(registerCommand({ symbol: 'TB-UBND' })).thenFails('InvalidDocumentSymbol', { symbol: 'TB-UBND' });
  });

  it('returns Left(RoleNotPermitted) for an agency officer', () => {
    given([]).when({ ...registerCommand(), metadata: on('2026-02-27', anOfficerOf(KHCN)) }).thenFails('RoleNotPermitted');
  });
});

describe('directiveNaturalKey', () => {
  it('treats 03-TB/BCĐ and 3-TB/BCĐ of the same issuer and year as one directive', () => {
    const a = directiveNaturalKey({ ...bcd, symbol: '03-TB/BCĐ' });
    const b = directiveNaturalKey({ ...bcd, symbol: '3-TB/BCĐ', issuer: { name: 'BAN CHỈ ĐẠO VỀ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ TỈNH KHÁNH HÒA' } });
    expect(a).toEqual(b);
  });

  it('takes the year from the symbol when it has one, and separates years otherwise', () => {
    expect(directiveNaturalKey({ symbol: '23/2018/QĐ-TTg', issuer: { name: 'Thủ tướng Chính phủ' } })).toEqual(E.right(expect.stringContaining('|2018')));
    expect(directiveNaturalKey({ symbol: '100/TB-UBND', issuer: { name: 'UBND tỉnh', agencyId: UBND_TINH } })).toEqual(E.right(expect.stringContaining('|undated')));
    expect(directiveNaturalKey({ symbol: '/TB-UBND', issuer: { name: 'UBND tỉnh' } })).toEqual(E.right(expect.stringContaining('|undated')));
  });
});

describe('AmendDirective / CorrectDirectiveRecord', () => {
  const amendingDocument = { symbol: '120/TB-UBND', issuedOn: '2026-03-02' };

  it('records an amendment that gives the draft its number, and re-keys it', () => {
    const amend = { type: 'AmendDirective' as const, data: { directiveId: DIRECTIVE_ID, changes: { symbol: '120 / TB-UBND', issuedOn: '2026-03-02' }, amendingDocument }, metadata: on('2026-03-02') };
    const amended: DirectiveEvent = {
      type: 'DirectiveAmended',
      data: { directiveId: DIRECTIVE_ID, changes: { symbol: '120/TB-UBND', issuedOn: '2026-03-02' }, amendingDocument, amendedOn: '2026-03-02' },
    };
    given([aDirectiveRegistered()]).when(amend).then([amended]);
    const state = fold(directiveDecider, [aDirectiveRegistered(), amended]);
    expect(state.status === 'registered' && [state.directive.symbol, state.directive.amendments, state.directive.naturalKey]).toEqual([
      '120/TB-UBND',
      1,
      `120/TB-UBND|${UBND_TINH}|2026`,
    ]);
  });

  it('records a correction with its reason', () => {
    const correct = { type: 'CorrectDirectiveRecord' as const, data: { directiveId: DIRECTIVE_ID, changes: { subject: 'Kết luận phiên họp thứ 6' }, reason: 'Gõ sai' }, metadata: on('2026-03-01') };
    given([aDirectiveRegistered()])
      .when(correct)
      .then([{ type: 'DirectiveRecordCorrected', data: { directiveId: DIRECTIVE_ID, changes: { subject: 'Kết luận phiên họp thứ 6' }, reason: 'Gõ sai', correctedOn: '2026-03-01' } }]);
    const state = fold(directiveDecider, [aDirectiveRegistered(), { type: 'DirectiveRecordCorrected', data: { directiveId: DIRECTIVE_ID, changes: { subject: 'S' }, reason: 'r', correctedOn: '2026-03-01' } }]);
    expect(state.status === 'registered' && state.directive.corrections).toBe(1);
  });

  it('returns Left(DirectiveNotFound), Left(NothingToChange) and Left(InvalidDocumentSymbol)', () => {
    const correct = (changes: object) => ({ type: 'CorrectDirectiveRecord' as const, data: { directiveId: DIRECTIVE_ID, changes, reason: 'x' }, metadata: on('2026-03-01') });
    given([]).when(correct({ subject: 'S' })).thenFails('DirectiveNotFound', { directiveId: DIRECTIVE_ID });
    given([aDirectiveRegistered()]).when(correct({ symbol: '/TB-UBND' })).thenFails('NothingToChange');
    given([aDirectiveRegistered()]).when(correct({ symbol: 'nonsense' })).thenFails('InvalidDocumentSymbol');
  });

  it('re-keys the directive when a correction changes its meeting date', () => {
    const corrected: DirectiveEvent = {
      type: 'DirectiveRecordCorrected',
      data: { directiveId: DIRECTIVE_ID, changes: { meeting: { heldOn: '2026-02-26', session: 6 } }, reason: 'Sai ngày họp', correctedOn: '2026-03-01' },
    };
    const state = fold(directiveDecider, [aDirectiveRegistered(), corrected]);
    expect(state.status === 'registered' && state.directive.naturalKey).toBe(`draft|/TB-UBND|${UBND_TINH}|2026-02-26`);
  });

  it('ignores amendments and corrections of a directive never registered (evolve is total)', () => {
    const state = fold(directiveDecider, [
      { type: 'DirectiveAmended', data: { directiveId: 'x', changes: {}, amendingDocument, amendedOn: '2026-03-02' } },
      { type: 'DirectiveRecordCorrected', data: { directiveId: 'x', changes: {}, reason: 'r', correctedOn: '2026-03-02' } },
    ]);
    expect(state.status).toBe('unregistered');
  });
});
