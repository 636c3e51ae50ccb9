import * as fc from 'fast-check';
import {
  AGENCY_CATALOGUE,
  AgencyCatalogueSchema,
  AgencySchema,
  agencyById,
  agencyOnDate,
  findAgencyKeyCollisions,
  isAgencyValidOn,
  normalizeAgencyText,
  resolveAgency,
  type Agency,
  type AgencyCatalogue,
  type AgencyResolution,
} from './index';

const IN_2023 = '2023-07-10';
const IN_2024 = '2024-06-30';
const NOTICE_03_TB_BCD = '2025-04-04';
const NOTICE_PHIEN_6 = '2026-02-27';

/** A minimal valid agency for hand-built catalogues; override what the test is about. */
const anAgency = (fields: Partial<Agency> & Pick<Agency, 'id' | 'name'>): Agency => ({
  shortNames: [],
  aliases: [],
  level: 'province',
  sector: 'state',
  kind: 'department',
  ...fields,
});

const aCatalogue = (agencies: readonly Agency[]): AgencyCatalogue => ({ homeProvince: 'Khánh Hòa', agencies });

const idOf = (resolution: AgencyResolution): string => {
  if (resolution._tag !== 'Resolved') throw new Error(`expected Resolved, got ${JSON.stringify(resolution)}`);
  return resolution.agency.id;
};

/** A day on which the agency existed, to check its spellings without tripping over its dates. */
const aDayWhenValid = (agency: Agency): string => agency.validTo ?? agency.validFrom ?? NOTICE_PHIEN_6;

describe('resolveAgency: spellings of Sở Khoa học và Công nghệ', () => {
  it.each([
    'Sở KH-CN',
    'Sở KH&CN',
    'Sở KHCN',
    'SKHCN',
    'Sở Khoa học và Công nghệ',
    'sở khoa học và công nghệ',
    'SO KHOA HOC VA CONG NGHE',
    'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
    'Sở Khoa học và Công nghệ tỉnh Khánh Hòa',
    'Sở Khoa học và Công nghệ tỉnh Khánh Hoà',
    'Sở KH và CN',
    'Sở KH – CN',
    'Sở KH.CN',
    'Sở  KH &  CN',
    'Sở Khoa học Công nghệ',
    'Sở KH&CN tỉnh',
    'Sở KH&CN Khánh Hòa',
    'Sở\n\nKHCN',
    'Giao Sở Khoa học và Công nghệ',
    'Sở Khoa học và Công nghệ'.normalize('NFD'),
  ])('resolves %j to the Department of Science and Technology', (text) => {
    expect(idOf(resolveAgency(text, NOTICE_PHIEN_6))).toBe('khanh-hoa.so-khcn');
  });
});

describe('resolveAgency: every body named in notice phiên 6 (27/02/2026), as the notice spells it', () => {
  it.each([
    ['Sở Khoa học và Công nghệ', 'khanh-hoa.so-khcn'],
    ['Sở KHCN', 'khanh-hoa.so-khcn'],
    ['Công an tỉnh', 'khanh-hoa.cong-an'],
    ['Sở Nội vụ', 'khanh-hoa.so-noi-vu'],
    ['Sở Tài chính', 'khanh-hoa.so-tai-chinh'],
    ['Sở Nông nghiệp và Môi trường', 'khanh-hoa.so-nnmt'],
    ['Sở Xây dựng', 'khanh-hoa.so-xay-dung'],
    ['Sở Công thương', 'khanh-hoa.so-cong-thuong'],
    ['Quỹ Đầu tư phát triển tỉnh', 'khanh-hoa.quy-dau-tu-phat-trien'],
    ['Văn phòng Tỉnh ủy', 'khanh-hoa.van-phong-tinh-uy'],
    ['Văn phòng UBND tỉnh', 'khanh-hoa.van-phong-ubnd'],
    ['VPUB', 'khanh-hoa.van-phong-ubnd'],
    ['UBND tỉnh', 'khanh-hoa.ubnd'],
    ['Ủy ban nhân dân tỉnh', 'khanh-hoa.ubnd'],
    ['HĐND tỉnh', 'khanh-hoa.hdnd'],
    ['Tỉnh ủy', 'khanh-hoa.tinh-uy'],
    ['Thường trực Tỉnh ủy', 'khanh-hoa.thuong-truc-tinh-uy'],
    ['Ban quản lý dự án phát triển', 'khanh-hoa.ban-qlda-phat-trien'],
    [
      'Ban chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Khánh Hòa',
      'khanh-hoa.bcd-khcn-dmst-cds',
    ],
    ['Ban Chỉ đạo tỉnh', 'khanh-hoa.bcd-khcn-dmst-cds'],
    ['Tổ giúp việc', 'khanh-hoa.to-giup-viec-bcd-khcn-dmst-cds'],
    ['Viettel', 'khanh-hoa.viettel'],
    ['Mobifone', 'khanh-hoa.mobifone'],
    ['VNPT', 'khanh-hoa.vnpt'],
    ['FPT tỉnh Khánh Hòa', 'khanh-hoa.fpt'],
    ['Giao Sở Tài chính', 'khanh-hoa.so-tai-chinh'],
    ['Giao Sở Nông nghiệp và Môi trường', 'khanh-hoa.so-nnmt'],
    ['Thường trực Tỉnh ủy (báo cáo)', 'khanh-hoa.thuong-truc-tinh-uy'],
  ])('resolves %j to %s', (text, id) => {
    expect(idOf(resolveAgency(text, NOTICE_PHIEN_6))).toBe(id);
  });
});

describe('resolveAgency: every body named in notice 03-TB/BCĐ (04/4/2025), as the notice spells it', () => {
  it.each([
    [
      'Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Khánh Hòa',
      'khanh-hoa.bcd-khcn-dmst-cds',
    ],
    [
      'Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh',
      'khanh-hoa.bcd-khcn-dmst-cds',
    ],
    ['Tỉnh ủy Khánh Hòa', 'khanh-hoa.tinh-uy'],
    ['Tỉnh ủy', 'khanh-hoa.tinh-uy'],
    ['Sở Khoa học và Công nghệ', 'khanh-hoa.so-khcn'],
    ['Ban Tuyên giáo và Dân vận Tỉnh ủy', 'khanh-hoa.ban-tuyen-giao-dan-van-tinh-uy'],
    ['Giao Ban Tuyên giáo và Dân vận Tỉnh ủy', 'khanh-hoa.ban-tuyen-giao-dan-van-tinh-uy'],
    ['Ban Tuyên giáo và Dân vận Trung ương', 'trung-uong.ban-tuyen-giao-dan-van'],
    ['Hội đồng Khoa học các cơ quan đảng Trung ương', 'trung-uong.hoi-dong-khoa-hoc-co-quan-dang'],
    ['Hội đồng khoa học các Ban đảng Trung ương', 'trung-uong.hoi-dong-khoa-hoc-co-quan-dang'],
    ['Ban Thường vụ Tỉnh ủy', 'khanh-hoa.ban-thuong-vu-tinh-uy'],
    ['Ban Tổ chức Tỉnh ủy', 'khanh-hoa.ban-to-chuc-tinh-uy'],
    ['Đảng ủy UBND tỉnh', 'khanh-hoa.dang-uy-ubnd'],
    ['Giao Đảng ủy UBND tỉnh', 'khanh-hoa.dang-uy-ubnd'],
    ['UBND tỉnh', 'khanh-hoa.ubnd'],
    ['Văn phòng UBND tỉnh', 'khanh-hoa.van-phong-ubnd'],
    ['Văn phòng Tỉnh ủy', 'khanh-hoa.van-phong-tinh-uy'],
    ['Bộ Chính trị', 'trung-uong.bo-chinh-tri'],
    ['Ban Chấp hành Trung ương Đảng', 'trung-uong.ban-chap-hanh'],
  ])('resolves %j to %s', (text, id) => {
    expect(idOf(resolveAgency(text, NOTICE_03_TB_BCD))).toBe(id);
  });
});

describe('resolveAgency: bodies named in the news items', () => {
  it.each([
    ['Sở KH&CN', IN_2023, 'khanh-hoa.so-khcn'],
    ['Ban Thường vụ Tỉnh ủy', IN_2023, 'khanh-hoa.ban-thuong-vu-tinh-uy'],
    ['Sở KH-CN', '2026-03-20', 'khanh-hoa.so-khcn'],
    ['Tổ giúp việc Nghị quyết số 57', '2026-03-20', 'khanh-hoa.to-giup-viec-bcd-khcn-dmst-cds'],
    ['Công ty TNHH Nhà nước Một thành viên Yến sào Khánh Hòa', '2026-03-20', 'khanh-hoa.yen-sao'],
    ['Viettel', '2026-03-20', 'khanh-hoa.viettel'],
    ['Tập đoàn Viettel', '2026-03-20', 'doanh-nghiep.viettel'],
    ['Chính phủ', NOTICE_03_TB_BCD, 'trung-uong.chinh-phu'],
    ['Ủy ban MTTQ Việt Nam tỉnh', NOTICE_03_TB_BCD, 'khanh-hoa.ubmttq'],
    [
      'Ban Chỉ đạo tỉnh về phát triển khoa học, công nghệ (KHCN), đổi mới sáng tạo (ĐMST) và chuyển đổi số (CĐS)',
      NOTICE_03_TB_BCD,
      'khanh-hoa.bcd-khcn-dmst-cds',
    ],
  ])('resolves %j on %s to %s', (text, onDate, id) => {
    expect(idOf(resolveAgency(text, onDate))).toBe(id);
  });

  it('does not read another province’s department as Khánh Hòa’s ("Sở Khoa học và Công nghệ tỉnh Quảng Trị")', () => {
    expect(resolveAgency('Sở Khoa học và Công nghệ tỉnh Quảng Trị', NOTICE_03_TB_BCD)._tag).toBe('UnknownAgency');
  });
});

describe('resolveAgency: the 2025 reorganisation', () => {
  it.each([
    ['Sở Thông tin và Truyền thông', 'khanh-hoa.so-tttt', 'khanh-hoa.so-khcn'],
    ['Sở TT&TT', 'khanh-hoa.so-tttt', 'khanh-hoa.so-khcn'],
    ['Sở Tài nguyên và Môi trường', 'khanh-hoa.so-tnmt', 'khanh-hoa.so-nnmt'],
    ['Sở NN&PTNT', 'khanh-hoa.so-nnptnt', 'khanh-hoa.so-nnmt'],
    ['Sở Kế hoạch và Đầu tư', 'khanh-hoa.so-khdt', 'khanh-hoa.so-tai-chinh'],
    ['Sở GTVT', 'khanh-hoa.so-gtvt', 'khanh-hoa.so-xay-dung'],
    ['Sở Lao động – Thương binh và Xã hội', 'khanh-hoa.so-ldtbxh', 'khanh-hoa.so-noi-vu'],
    ['Sở LĐTBXH', 'khanh-hoa.so-ldtbxh', 'khanh-hoa.so-noi-vu'],
    ['Ban Tuyên giáo Tỉnh ủy', 'khanh-hoa.ban-tuyen-giao-tinh-uy', 'khanh-hoa.ban-tuyen-giao-dan-van-tinh-uy'],
    ['Ban Dân vận Tỉnh ủy', 'khanh-hoa.ban-dan-van-tinh-uy', 'khanh-hoa.ban-tuyen-giao-dan-van-tinh-uy'],
    ['Bộ Thông tin và Truyền thông', 'trung-uong.bo-tttt', 'trung-uong.bo-khcn'],
  ])('resolves %j to itself in 2024 and to its successor in 2026', (text, oldId, successorId) => {
    expect(idOf(resolveAgency(text, IN_2024))).toBe(oldId);
    expect(resolveAgency(text, NOTICE_PHIEN_6)).toMatchObject({
      _tag: 'Superseded',
      agency: { id: oldId },
      successor: { id: successorId },
    });
  });

  it('keeps the departments that absorbed another under one id on both sides of the merger', () => {
    for (const text of ['Sở KH&CN', 'Sở Tài chính', 'Sở Nội vụ', 'Sở Xây dựng']) {
      expect(idOf(resolveAgency(text, IN_2024))).toBe(idOf(resolveAgency(text, NOTICE_PHIEN_6)));
    }
  });

  it('treats 28/02/2025 as the last day of Sở TT&TT and 01/03/2025 as the first of Sở NN&MT', () => {
    expect(idOf(resolveAgency('Sở TT&TT', '2025-02-28'))).toBe('khanh-hoa.so-tttt');
    expect(resolveAgency('Sở TT&TT', '2025-03-01')._tag).toBe('Superseded');
    expect(resolveAgency('Sở NN&MT', '2025-02-28')._tag).toBe('NotYetEstablished');
    expect(idOf(resolveAgency('Sở NN&MT', '2025-03-01'))).toBe('khanh-hoa.so-nnmt');
  });

  it('returns NotYetEstablished with both predecessors for Sở Nông nghiệp và Môi trường in 2024', () => {
    const resolution = resolveAgency('Sở Nông nghiệp và Môi trường', IN_2024);
    expect(resolution).toMatchObject({ _tag: 'NotYetEstablished', agency: { id: 'khanh-hoa.so-nnmt' } });
    if (resolution._tag !== 'NotYetEstablished') return;
    expect(resolution.predecessors.map((a) => a.id).sort()).toEqual(['khanh-hoa.so-nnptnt', 'khanh-hoa.so-tnmt']);
    expect(resolution.message).toContain('chỉ có từ ngày 01/03/2025');
    expect(resolution.message).toContain('exists only from 2025-03-01');
    expect(resolution.message).toContain('khanh-hoa.so-tnmt');
  });

  it('returns NotYetEstablished for Ban Tuyên giáo và Dân vận Tỉnh ủy in 2024', () => {
    expect(resolveAgency('Ban Tuyên giáo và Dân vận Tỉnh ủy', IN_2024)).toMatchObject({
      _tag: 'NotYetEstablished',
      predecessors: [{ id: 'khanh-hoa.ban-tuyen-giao-tinh-uy' }, { id: 'khanh-hoa.ban-dan-van-tinh-uy' }],
    });
  });

  it('explains a superseded name in Vietnamese and English', () => {
    const resolution = resolveAgency('Sở TT&TT', NOTICE_PHIEN_6);
    expect(resolution._tag === 'Superseded' && resolution.message).toBe(
      'Sở Thông tin và Truyền thông tỉnh Khánh Hòa đã kết thúc ngày 28/02/2025; vào ngày 27/02/2026 là ' +
        'Sở Khoa học và Công nghệ tỉnh Khánh Hòa / khanh-hoa.so-tttt ended on 2025-02-28; on 2026-02-27 ' +
        'its successor is khanh-hoa.so-khcn',
    );
  });

  it('gives the agency that carries the duty on the date: itself, its successor, or none', () => {
    expect(agencyOnDate(resolveAgency('Sở KH&CN', NOTICE_PHIEN_6))?.id).toBe('khanh-hoa.so-khcn');
    expect(agencyOnDate(resolveAgency('Sở GTVT', NOTICE_PHIEN_6))?.id).toBe('khanh-hoa.so-xay-dung');
    expect(agencyOnDate(resolveAgency('Sở NN&MT', IN_2024))).toBeUndefined();
    expect(agencyOnDate(resolveAgency('Sở Vũ trụ', IN_2024))).toBeUndefined();
  });
});

describe('resolveAgency: text that names no single agency', () => {
  it.each([
    ['Sở Vũ trụ', 'a department that does not exist'],
    ['các cơ quan, đơn vị', 'a class of bodies'],
    ['Các Sở, ban, ngành', 'a class of bodies'],
    ['UBND cấp xã', 'every commune, not one agency'],
    ['UBND', 'a people’s committee of any tier'],
    ['Chủ tịch UBND tỉnh', 'an office-holder, not an agency'],
    ['Trung ương', 'the centre as a whole'],
    ['Hội đồng khoa học các cơ quan đảng tỉnh Khánh Hòa', 'a body the notice only proposes'],
    ['Quỹ phát triển khoa học và công nghệ', 'a body the notice only proposes'],
    ['Viễn thông', 'a word, not the VNPT unit whose name contains it'],
  ])('returns UnknownAgency for %j (%s)', (text) => {
    expect(resolveAgency(text, NOTICE_PHIEN_6)).toEqual({
      _tag: 'UnknownAgency',
      text,
      message: `Không rõ cơ quan "${text}" / unknown agency "${text}"`,
    });
  });

  it.each(['', '   ', ' – ; '])('returns UnknownAgency with "no agency named" for %j', (text) => {
    expect(resolveAgency(text, NOTICE_PHIEN_6)).toEqual({
      _tag: 'UnknownAgency',
      text,
      message: 'Chưa ghi tên cơ quan / no agency named',
    });
  });
});

describe('findAgencyKeyCollisions', () => {
  it('finds no key shared by two agencies in the shipped catalogue, qualifiers dropped included', () => {
    expect(findAgencyKeyCollisions()).toEqual([]);
    expect(findAgencyKeyCollisions(AGENCY_CATALOGUE)).toEqual([]);
  });

  it('reports a spelling that two agencies share', () => {
    const catalogue = aCatalogue([
      anAgency({ id: 'khanh-hoa.so-khcn', name: 'Sở Khoa học và Công nghệ tỉnh Khánh Hòa', shortNames: ['Sở KH&CN'] }),
      anAgency({ id: 'quang-tri.so-khcn', name: 'Sở Khoa học và Công nghệ tỉnh Quảng Trị', shortNames: ['Sở KH-CN'] }),
    ]);
    expect(findAgencyKeyCollisions(catalogue)).toEqual([
      { key: 'so kh cn', agencyIds: ['khanh-hoa.so-khcn', 'quang-tri.so-khcn'] },
      { key: 'sokhcn', agencyIds: ['khanh-hoa.so-khcn', 'quang-tri.so-khcn'] },
    ]);
  });

  it('reports a qualified spelling that would fall onto another agency once "tỉnh" is dropped', () => {
    const catalogue = aCatalogue([
      anAgency({ id: 'a.cong-an-tinh', name: 'Công an tỉnh' }),
      anAgency({ id: 'b.cong-an', name: 'Công an' }),
    ]);
    expect(findAgencyKeyCollisions(catalogue).map((c) => c.key)).toContain('cong an');
  });
});

describe('resolveAgency: ambiguity', () => {
  const twoProvinces = aCatalogue([
    anAgency({ id: 'khanh-hoa.so-khcn', name: 'Sở Khoa học và Công nghệ tỉnh Khánh Hòa', shortNames: ['Sở KH&CN'] }),
    anAgency({ id: 'quang-tri.so-khcn', name: 'Sở Khoa học và Công nghệ tỉnh Quảng Trị', shortNames: ['Sở KH&CN'] }),
  ]);

  it('returns Ambiguous with every candidate when a spelling fits two agencies', () => {
    const resolution = resolveAgency('Sở KHCN', NOTICE_PHIEN_6, twoProvinces);
    expect(resolution).toMatchObject({
      _tag: 'Ambiguous',
      text: 'Sở KHCN',
      candidates: [{ id: 'khanh-hoa.so-khcn' }, { id: 'quang-tri.so-khcn' }],
    });
    expect(resolution._tag === 'Ambiguous' && resolution.message).toBe(
      '"Sở KHCN" khớp với nhiều cơ quan: Sở Khoa học và Công nghệ tỉnh Khánh Hòa; Sở Khoa học và Công nghệ tỉnh Quảng Trị' +
        ' / "Sở KHCN" matches several agencies: khanh-hoa.so-khcn, quang-tri.so-khcn',
    );
  });

  it('still resolves the fully qualified name in that catalogue', () => {
    expect(idOf(resolveAgency('Sở Khoa học và Công nghệ tỉnh Quảng Trị', NOTICE_PHIEN_6, twoProvinces))).toBe(
      'quang-tri.so-khcn',
    );
  });
});

describe('resolveAgency: successor chains in hand-built catalogues', () => {
  it('follows a chain of mergers to the body that exists on the date', () => {
    const catalogue = aCatalogue([
      anAgency({ id: 'x.a', name: 'Sở A', validTo: '2020-12-31', successorId: 'x.b' }),
      anAgency({ id: 'x.b', name: 'Sở B', validFrom: '2021-01-01', validTo: '2024-12-31', successorId: 'x.c' }),
      anAgency({ id: 'x.c', name: 'Sở C', validFrom: '2025-01-01' }),
    ]);
    expect(resolveAgency('Sở A', '2025-06-01', catalogue)).toMatchObject({ _tag: 'Superseded', successor: { id: 'x.c' } });
    expect(resolveAgency('Sở C', '2019-06-01', catalogue)).toMatchObject({
      _tag: 'NotYetEstablished',
      predecessors: [{ id: 'x.a' }],
    });
  });

  it('returns Dissolved when the body ended without a successor', () => {
    const catalogue = aCatalogue([anAgency({ id: 'x.a', name: 'Sở A', validTo: '2020-12-31' })]);
    expect(resolveAgency('Sở A', '2021-01-01', catalogue)).toEqual({
      _tag: 'Dissolved',
      agency: catalogue.agencies[0],
      message: 'Sở A đã kết thúc ngày 31/12/2020, không có cơ quan kế thừa vào ngày 01/01/2021 / x.a ended on 2020-12-31 and has no successor on 2021-01-01',
    });
  });

  it('returns Dissolved when the named successor is missing or not yet established (catalogues that fail the schema)', () => {
    const missing = aCatalogue([anAgency({ id: 'x.a', name: 'Sở A', validTo: '2020-12-31', successorId: 'x.gone' })]);
    const gap = aCatalogue([
      anAgency({ id: 'x.a', name: 'Sở A', validTo: '2020-12-31', successorId: 'x.b' }),
      anAgency({ id: 'x.b', name: 'Sở B', validFrom: '2022-01-01' }),
    ]);
    expect(resolveAgency('Sở A', '2021-06-01', missing)._tag).toBe('Dissolved');
    expect(resolveAgency('Sở A', '2021-06-01', gap)._tag).toBe('Dissolved');
    expect(AgencyCatalogueSchema.safeParse(gap).success).toBe(false);
  });

  it('stops on a successor cycle instead of looping forever', () => {
    const cycle = aCatalogue([
      anAgency({ id: 'x.a', name: 'Sở A', validTo: '2020-12-31', successorId: 'x.b' }),
      anAgency({ id: 'x.b', name: 'Sở B', validTo: '2020-12-31', successorId: 'x.a' }),
    ]);
    expect(resolveAgency('Sở A', '2021-06-01', cycle)._tag).toBe('Dissolved');
    expect(resolveAgency('Sở B', '2019-06-01', cycle)._tag).toBe('Resolved');
    const datedCycle = aCatalogue([
      anAgency({ id: 'x.a', name: 'Sở A', validFrom: '2021-01-01', validTo: '2021-12-31', successorId: 'x.b' }),
      anAgency({ id: 'x.b', name: 'Sở B', validFrom: '2022-01-01', validTo: '2022-12-31', successorId: 'x.a' }),
    ]);
    expect(resolveAgency('Sở A', '2019-06-01', datedCycle)).toMatchObject({ _tag: 'NotYetEstablished', predecessors: [] });
  });
});

describe('agencyById', () => {
  it('returns the catalogue entry for a known id', () => {
    expect(agencyById('khanh-hoa.so-khcn')?.name).toBe('Sở Khoa học và Công nghệ tỉnh Khánh Hòa');
  });

  it('returns undefined for an unknown id', () => {
    expect(agencyById('khanh-hoa.so-vu-tru')).toBeUndefined();
  });

  it('looks in the catalogue it is given', () => {
    const catalogue = aCatalogue([anAgency({ id: 'x.a', name: 'Sở A' })]);
    expect(agencyById('x.a', catalogue)?.name).toBe('Sở A');
    expect(agencyById('x.a', catalogue)?.name).toBe('Sở A');
    expect(agencyById('khanh-hoa.so-khcn', catalogue)).toBeUndefined();
  });
});

describe('normalizeAgencyText', () => {
  it.each([
    ['Sở KH&CN', 'so kh cn'],
    ['Sở KH–CN.', 'so kh cn'],
    ['  Ủy  ban,\n nhân dân ', 'uy ban nhan dan'],
    ['Uỷ ban', 'uy ban'],
    ['Đảng ủy', 'dang uy'],
    ['\u00D0ảng ủy', 'dang uy'],
    ['Hoà', 'hoa'],
    ['Sở\u00A0Nội vụ', 'so noi vu'],
    ['ＳＯ ＫＨＣＮ', 'so khcn'],
    ['Công an tỉnh'.normalize('NFD'), 'cong an tinh'],
  ])('normalises %j to %j', (text, key) => {
    expect(normalizeAgencyText(text)).toBe(key);
  });

  it('is idempotent for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const once = normalizeAgencyText(text);
        expect(normalizeAgencyText(once)).toBe(once);
      }),
    );
  });
});

describe('the shipped catalogue', () => {
  it('passes its own schema: unique ids, successors that exist the day after, parents that exist', () => {
    const result = AgencyCatalogueSchema.safeParse(AGENCY_CATALOGUE);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('resolves every name, short name and alias of every agency to that agency on a day it existed', () => {
    for (const agency of AGENCY_CATALOGUE.agencies) {
      for (const spelling of [agency.name, ...agency.shortNames, ...agency.aliases]) {
        expect([spelling, idOf(resolveAgency(spelling, aDayWhenValid(agency)))]).toEqual([spelling, agency.id]);
      }
    }
  });

  it('resolves every spelling whatever its case, separators and Unicode form', () => {
    const spellings = AGENCY_CATALOGUE.agencies.flatMap((agency) =>
      [agency.name, ...agency.shortNames, ...agency.aliases].map((spelling) => ({ agency, spelling })),
    );
    const separator = fc.constantFrom(' ', '  ', ' - ', ' – ', ', ', '\n', '\u00A0');
    fc.assert(
      fc.property(
        fc.constantFrom(...spellings),
        fc.array(fc.boolean(), { minLength: 200, maxLength: 200 }),
        separator,
        fc.constantFrom<'NFC' | 'NFD'>('NFC', 'NFD'),
        ({ agency, spelling }, upper, sep, form) => {
          const garbled = [...spelling]
            .map((char, i) => (upper[i % upper.length] ? char.toUpperCase() : char.toLowerCase()))
            .join('')
            .split(' ')
            .join(sep)
            .normalize(form);
          expect(idOf(resolveAgency(garbled, aDayWhenValid(agency)))).toBe(agency.id);
        },
      ),
    );
  });

  it('dates the merged and dissolved bodies around 1 March 2025', () => {
    const dated = AGENCY_CATALOGUE.agencies.filter((a) => a.validFrom !== undefined || a.validTo !== undefined);
    for (const agency of dated) {
      expect([agency.id, agency.validFrom ?? agency.validTo]).toEqual([
        agency.id,
        agency.validFrom === undefined ? '2025-02-28' : '2025-03-01',
      ]);
    }
    expect(dated.map((a) => a.id).sort()).toEqual([
      'khanh-hoa.ban-dan-van-tinh-uy',
      'khanh-hoa.ban-tuyen-giao-dan-van-tinh-uy',
      'khanh-hoa.ban-tuyen-giao-tinh-uy',
      'khanh-hoa.so-gtvt',
      'khanh-hoa.so-khdt',
      'khanh-hoa.so-ldtbxh',
      'khanh-hoa.so-nnmt',
      'khanh-hoa.so-nnptnt',
      'khanh-hoa.so-tnmt',
      'khanh-hoa.so-tttt',
      'trung-uong.bo-tttt',
    ]);
  });
});

describe('AgencySchema and AgencyCatalogueSchema', () => {
  it('rejects an id that is not kebab-case ASCII', () => {
    expect(AgencySchema.safeParse(anAgency({ id: 'Khánh Hòa/Sở KHCN', name: 'Sở KH&CN' })).success).toBe(false);
  });

  it('rejects validTo before validFrom, a successor without validTo, and an agency succeeding itself', () => {
    const issuesOf = (agency: Agency): readonly string[] =>
      AgencySchema.safeParse(agency).error?.issues.map((issue) => issue.path.join('.')) ?? [];
    expect(issuesOf(anAgency({ id: 'x.a', name: 'A', validFrom: '2025-03-01', validTo: '2025-02-28' }))).toEqual(['validTo']);
    expect(issuesOf(anAgency({ id: 'x.a', name: 'A', successorId: 'x.b' }))).toEqual(['successorId']);
    expect(issuesOf(anAgency({ id: 'x.a', name: 'A', validTo: '2025-02-28', successorId: 'x.a' }))).toEqual(['successorId']);
  });

  it('rejects duplicate ids, unknown parents and successors that do not exist the day after', () => {
    const catalogue = aCatalogue([
      anAgency({ id: 'x.a', name: 'A', validTo: '2025-02-28', successorId: 'x.b' }),
      anAgency({ id: 'x.a', name: 'A again' }),
      anAgency({ id: 'x.b', name: 'B', validFrom: '2025-03-02', parentId: 'x.nowhere' }),
    ]);
    const paths = AgencyCatalogueSchema.safeParse(catalogue).error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(['agencies.1.id', 'agencies.0.successorId', 'agencies.2.parentId']);
  });

  it('reports an impossible end date as an issue instead of throwing', () => {
    const catalogue = aCatalogue([
      anAgency({ id: 'x.a', name: 'A', validTo: '2025-02-30', successorId: 'x.b' }),
      anAgency({ id: 'x.b', name: 'B' }),
    ]);
    const paths = AgencyCatalogueSchema.safeParse(catalogue).error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(['agencies.0.validTo']);
  });

  it('accepts an agency on its first and last day only', () => {
    const agency = anAgency({ id: 'x.a', name: 'A', validFrom: '2025-03-01', validTo: '2025-06-30' });
    expect([
      isAgencyValidOn(agency, '2025-02-28'),
      isAgencyValidOn(agency, '2025-03-01'),
      isAgencyValidOn(agency, '2025-06-30'),
      isAgencyValidOn(agency, '2025-07-01'),
    ]).toEqual([false, true, true, false]);
  });
});
