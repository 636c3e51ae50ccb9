import { AGENCY_CATALOGUE } from '@chidao/domain';
import { contextFor } from '../test/support/context';
import { agencyAt, agencyListAt, groupAt, knownAgencyAt, parsedAgencyOf, startsPredicate, unknownAgencyAt } from './agencies';

const at = (text: string, dates: Parameters<typeof contextFor>[1] = { issuedOn: '2026-03-02' }) => contextFor(text, dates);

describe('knownAgencyAt', () => {
  it('takes the longest run of words the catalogue knows', () => {
    const { ctx } = at('Sở Khoa học và Công nghệ và các các cơ quan liên quan:');
    const mention = knownAgencyAt(ctx, 0, ctx.src.text.length);
    expect(ctx.src.text.slice(mention?.start, mention?.end)).toBe('Sở Khoa học và Công nghệ');
  });

  it('reads a name with commas inside, across line breaks', () => {
    const { ctx } = at('Ban Chỉ đạo về phát triển khoa học, công nghệ,\nđổi mới sáng tạo và chuyển đổi số tỉnh chú trọng');
    const mention = knownAgencyAt(ctx, 0, ctx.src.text.length);
    expect(mention?.resolution).toMatchObject({ _tag: 'Resolved', agency: { id: 'khanh-hoa.bcd-khcn-dmst-cds' } });
  });

  it('never ends a name on "và"', () => {
    const { ctx } = at('Ban Chấp hành Trung ương Đảng và các chỉ đạo');
    const mention = knownAgencyAt(ctx, 0, ctx.src.text.length);
    expect(ctx.src.text.slice(mention?.start, mention?.end)).toBe('Ban Chấp hành Trung ương Đảng');
  });

  it('finds nothing at a lower-case word or an unknown name', () => {
    const { ctx } = at('các cơ quan; Sở Y tế');
    expect(knownAgencyAt(ctx, 0, ctx.src.text.length)).toBeUndefined();
    expect(knownAgencyAt(ctx, 13, ctx.src.text.length)).toBeUndefined();
  });
});

describe('unknownAgencyAt', () => {
  it('keeps a capitalised name that starts like an agency’s, up to its predicate', () => {
    const { ctx } = at('Sở Y tế phối hợp với');
    expect(unknownAgencyAt(ctx, 0, ctx.src.text.length)).toEqual({ start: 0, end: 7 });
    const radio = at('Đài Phát thanh và Truyền hình Khánh Hòa chủ trì');
    expect(radio.ctx.src.text.slice(0, unknownAgencyAt(radio.ctx, 0, radio.ctx.src.text.length)?.end)).toBe(
      'Đài Phát thanh và Truyền hình Khánh Hòa',
    );
    const commune = at('UBND xã Vĩnh Lương, Sở X');
    expect(commune.ctx.src.text.slice(0, unknownAgencyAt(commune.ctx, 0, commune.ctx.src.text.length)?.end)).toBe('UBND xã Vĩnh Lương');
  });

  it.each(['Tổ chức tập huấn', 'Báo cáo UBND tỉnh', 'Bộ phận một cửa', 'Ban hành Kế hoạch', 'Hội nghị sơ kết'])('does not take "%s" for a name', (text) => {
    const { ctx } = at(text);
    expect(unknownAgencyAt(ctx, 0, ctx.src.text.length)).toBeUndefined();
  });

  it('splits "Sở Y tế và Sở Tài chính" into two', () => {
    const { ctx } = at('Sở Y tế và Sở Tài chính');
    expect(unknownAgencyAt(ctx, 0, ctx.src.text.length)).toEqual({ start: 0, end: 7 });
  });
});

describe('groups and lists', () => {
  it('reads a group up to its predicate or "liên quan"', () => {
    for (const [text, group] of [
      ['các cơ quan, đơn vị, địa phương theo chức năng', 'các cơ quan, đơn vị, địa phương'],
      ['các các cơ quan liên quan tiếp tục', 'các các cơ quan liên quan'],
      ['Các thành viên Ban Chỉ đạo tỉnh chú trọng', 'Các thành viên Ban Chỉ đạo tỉnh'],
      ['UBND các xã, phường có dự án đẩy nhanh', 'UBND các xã, phường có dự án'],
    ] as const) {
      const { ctx } = at(text);
      const range = groupAt(ctx, 0, ctx.src.text.length);
      expect(ctx.src.text.slice(range?.start, range?.end)).toBe(group);
    }
    expect(groupAt(at('Sở Tài chính').ctx, 0, 12)).toBeUndefined();
  });

  it('reads agencies separated by commas and "và", ending with a group', () => {
    const { ctx, warnings } = at('Sở Xây dựng, Sở Khoa học và Công nghệ, Sở Y tế và các cơ quan liên quan:');
    const list = agencyListAt(ctx, 0, ctx.src.text.length);
    expect(list.agencies.map((a) => a.agency?.id ?? `?${a.text}`)).toEqual(['khanh-hoa.so-xay-dung', 'khanh-hoa.so-khcn', '?Sở Y tế']);
    expect(ctx.src.text.slice(list.group?.start, list.group?.end)).toBe('các cơ quan liên quan');
    expect(warnings.map((w) => w.code)).toEqual(['agency-unknown']);
  });

  it('stops at the predicate', () => {
    const { ctx } = at('Sở Tài chính chủ trì, phối hợp');
    expect(agencyListAt(ctx, 0, ctx.src.text.length).end).toBe(12);
    expect(startsPredicate('chủ trì, phối hợp', 0)).toBe(true);
    expect(agencyAt(ctx, 13, ctx.src.text.length)).toBeUndefined();
  });
});

describe('parsedAgencyOf', () => {
  it('gives the successor of a merged body, with a warning', () => {
    const { ctx, warnings } = at('Sở Thông tin và Truyền thông', { issuedOn: '2026-05-08' });
    const mention = knownAgencyAt(ctx, 0, ctx.src.text.length);
    expect(mention === undefined ? undefined : parsedAgencyOf(ctx, mention).agency?.id).toBe('khanh-hoa.so-khcn');
    expect(warnings.map((w) => w.code)).toEqual(['agency-superseded']);
  });

  it('resolves nothing for a body named before it existed, with a warning', () => {
    const { ctx, warnings } = at('Sở Nông nghiệp và Môi trường', { issuedOn: '2024-06-01' });
    const mention = knownAgencyAt(ctx, 0, ctx.src.text.length);
    expect(mention === undefined ? undefined : parsedAgencyOf(ctx, mention).agency).toBeNull();
    expect(warnings.map((w) => w.code)).toEqual(['agency-not-yet-established']);
  });

  it('resolves nothing when the notice has no date at all', () => {
    const { ctx, warnings } = at('Sở Tài chính', {});
    const mention = knownAgencyAt(ctx, 0, ctx.src.text.length);
    expect(mention === undefined ? undefined : parsedAgencyOf(ctx, mention).agency).toBeNull();
    expect(warnings.map((w) => w.code)).toEqual(['agency-undated']);
  });

  it('uses the catalogue it is given', () => {
    const catalogue = { ...AGENCY_CATALOGUE, agencies: AGENCY_CATALOGUE.agencies.filter((a) => a.id !== 'khanh-hoa.so-tai-chinh') };
    const { ctx } = at('Sở Tài chính chủ trì', { issuedOn: '2026-03-02', catalogue });
    expect(knownAgencyAt(ctx, 0, ctx.src.text.length)).toBeUndefined();
  });
});
