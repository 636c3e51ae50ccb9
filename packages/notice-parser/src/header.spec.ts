import { parseNotice } from './parse-notice';

const header = (lines: readonly string[]) => parseNotice([...lines, '', 'THÔNG BÁO', 'Kết luận của Chủ tịch UBND tỉnh', '', '1. Sở Tài chính rà soát.'].join('\n'));
const codes = (text: string) => parseNotice(text).warnings.map((w) => w.code);

describe('the document symbol', () => {
  it.each([
    ['Số: 100/TB-UBND', '100/TB-UBND', 'state'],
    ['Số 03-TB/BCĐ', '03-TB/BCĐ', 'party'],
    ['Số  45 - KL/ TU', '45-KL/TU', 'party'],
    ['Số: 12 /2026/ QĐ-UBND', '12/2026/QĐ-UBND', 'state'],
    ['Số: 88/UBND-KT', '88/UBND-KT', 'state'],
    ['Số:    /TB-UBND', '/TB-UBND', 'state'],
  ])('reads "%s" as %s', (line, symbol, format) => {
    const { directive } = header(['ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA', line, 'Khánh Hòa, ngày 02 tháng 3 năm 2026']);
    expect([directive.symbol?.value, directive.format]).toEqual([symbol, format]);
  });

  it('warns about a draft, a missing symbol and an invalid one', () => {
    expect(codes('Số: /TB-UBND\nKhánh Hòa, ngày 02/3/2026\n\nTHÔNG BÁO\nKết luận')).toContain('symbol-unnumbered');
    expect(codes('Khánh Hòa, ngày 02/3/2026\n\nTHÔNG BÁO\nKết luận')).toContain('symbol-missing');
    expect(codes('Số: 0/TB-UBND\nKhánh Hòa, ngày 02/3/2026\n\nTHÔNG BÁO\nKết luận')).toContain('symbol-invalid');
  });
});

describe('the issue date', () => {
  it.each([
    ['Khánh Hòa, ngày 04 tháng 4 năm 2025', '2025-04-04'],
    ['Khánh Hòa, ngày 04/4/2025', '2025-04-04'],
    ['Khánh Hòa, 04/4/2025', '2025-04-04'],
    ['Nha Trang, ngày 4 tháng 04 năm 2025', '2025-04-04'],
  ])('reads "%s"', (line, date) => {
    expect(header(['Số: 100/TB-UBND', line]).directive.issuedOn?.value).toBe(date);
  });

  it('keeps the year of a blank date and warns; warns when there is none', () => {
    const draft = parseNotice('Số: /TB-UBND Khánh Hòa, ngày tháng năm 2026\n\nTHÔNG BÁO\nKết luận');
    expect([draft.directive.issuedOn, draft.directive.issueYear]).toEqual([null, 2026]);
    expect(draft.warnings.map((w) => w.code)).toContain('issue-date-incomplete');
    expect(codes('Số: 1/TB-UBND\n\nTHÔNG BÁO\nKết luận')).toContain('issue-date-missing');
    expect(codes('Số: 1/TB-UBND\nKhánh Hòa, ngày 31/02/2026\n\nTHÔNG BÁO\nKết luận')).toContain('issue-date-missing');
  });
});

describe('the issuer', () => {
  it('resolves the letterhead, also when its lines are flattened beside the motto or the office sits under its committee', () => {
    expect(header(['ỦY BAN NHÂN DÂN     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'TỈNH KHÁNH HÒA     Độc lập - Tự do - Hạnh phúc', 'Số: 1/TB-UBND', 'Khánh Hòa, ngày 02/3/2026']).directive.issuerAgency?.agency?.id).toBe('khanh-hoa.ubnd');
    expect(header(['TỈNH ỦY KHÁNH HÒA', 'BAN TỔ CHỨC', '*', 'Số 12-TB/BTCTU', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Khánh Hòa, ngày 02 tháng 3 năm 2026']).directive.issuerAgency?.agency?.id).toBe(
      'khanh-hoa.ban-to-chuc-tinh-uy',
    );
  });

  it('keeps an unknown letterhead as text with a warning', () => {
    const parsed = header(['SỞ Y TẾ TỈNH KHÁNH HÒA', 'Số: 1/TB-SYT', 'Khánh Hòa, ngày 02/3/2026']);
    expect([parsed.directive.issuer?.value, parsed.directive.issuerAgency?.agency]).toEqual(['SỞ Y TẾ TỈNH KHÁNH HÒA', null]);
    expect(parsed.warnings.map((w) => w.code)).toContain('issuer-unknown');
  });

  it('reads the issuer from the symbol and the place when there is no letterhead, and says so; else warns', () => {
    const parsed = header(['Số: /TB-UBND Khánh Hòa, ngày tháng năm 2026']);
    expect(parsed.directive.issuerAgency?.agency?.id).toBe('khanh-hoa.ubnd');
    expect(parsed.warnings.map((w) => w.code)).toContain('issuer-inferred');
    expect(header(['Số: 1/TB-XYZ', 'Khánh Hòa, ngày 02/3/2026']).warnings.map((w) => w.code)).toContain('issuer-missing');
  });
});

describe('the meeting', () => {
  const intro = (paragraph: string, subject = 'Kết luận của Chủ tịch UBND tỉnh') =>
    parseNotice(['Số: 1/TB-UBND', 'Khánh Hòa, ngày 02/3/2026', '', 'THÔNG BÁO', subject, '', paragraph, '', '1. Sở Tài chính rà soát.'].join('\n')).directive;

  it.each([
    ['Ngày 27/02/2026, Phó Chủ tịch UBND tỉnh Nguyễn Thanh Hà chủ trì cuộc họp (phiên họp thứ 6).', '2026-02-27', 6],
    ['Chiều ngày 27/02, Ban Chỉ đạo đã họp phiên thứ hai.', '2026-02-27', 2],
    ['Ngày 27/02/2026, Ban Chỉ đạo họp phiên họp thường kỳ lần thứ mười hai.', '2026-02-27', 12],
  ])('reads date and session from "%s"', (paragraph, date, session) => {
    const directive = intro(paragraph);
    expect([directive.meetingOn?.value, directive.session?.value]).toEqual([date, session]);
  });

  it.each([
    ['Ngày 27/02/2026, Phó Chủ tịch UBND tỉnh Nguyễn Thanh Hà chủ trì cuộc họp.', 'Nguyễn Thanh Hà', 'Phó Chủ tịch UBND tỉnh'],
    ['Ngày 27/3/2025, Ban Chỉ đạo họp dưới sự chủ trì của đồng chí Nghiêm Xuân Thành, Bí thư Tỉnh ủy, Trưởng Ban Chỉ đạo.', 'Nghiêm Xuân Thành', 'Bí thư Tỉnh ủy, Trưởng Ban Chỉ đạo'],
    ['Ngày 27/02/2026, Hội nghị do đồng chí Lê Minh Tuấn, Chủ tịch UBND tỉnh chủ trì.', 'Lê Minh Tuấn', 'Chủ tịch UBND tỉnh'],
    ['Ngày 31/3/2026, tại Trụ sở, Phó Chủ tịch UBND tỉnh Trần Hòa Nam, Tổ trưởng Tổ công tác chủ trì phiên họp.', 'Trần Hòa Nam', 'Phó Chủ tịch UBND tỉnh, Tổ trưởng Tổ công tác'],
  ])('reads who presided in "%s"', (paragraph, name, title) => {
    expect(intro(paragraph).presidedBy?.value).toEqual({ name, title });
  });

  it('falls back to the subject for who presided, and warns when there is no meeting date', () => {
    const directive = intro('Sau khi nghe báo cáo, kết luận như sau:', 'Kết luận của Phó Chủ tịch UBND tỉnh Nguyễn Thanh Hà tại cuộc họp');
    expect(directive.presidedBy?.value).toEqual({ name: 'Nguyễn Thanh Hà', title: 'Phó Chủ tịch UBND tỉnh' });
    expect(intro('Không có ngày.').meetingOn).toBeNull();
  });
});

describe('the signer', () => {
  const signed = (...block: string[]) =>
    parseNotice(['Số: 1/TB-UBND', 'Khánh Hòa, ngày 02/3/2026', '', 'THÔNG BÁO', 'Kết luận', '', '1. Sở Tài chính rà soát.', '', 'Nơi nhận:', '- Lưu: VT.', '', ...block].join('\n'))
      .directive.signedBy?.value ?? null;

  it('reads the title under the authority lines (TM., T/M, TL., KT.)', () => {
    expect(signed('TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', '', 'Lê Minh Tuấn')).toEqual({ name: 'Lê Minh Tuấn', title: 'CHỦ TỊCH' });
    expect(signed('T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', '', '(Đã ký)', '', 'Trần Quốc Bảo')).toEqual({ name: 'Trần Quốc Bảo', title: 'PHÓ BÍ THƯ' });
    expect(signed('**TL. CHỦ TỊCH', 'KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG**', '', 'Nguyễn Xuân Hải')).toEqual({
      name: 'Nguyễn Xuân Hải',
      title: 'PHÓ CHÁNH VĂN PHÒNG',
    });
    expect(signed('BÍ THƯ', 'kiêm', 'TRƯỞNG BAN CHỈ ĐẠO', '', 'Nghiêm Xuân Thành')).toEqual({ name: 'Nghiêm Xuân Thành', title: 'BÍ THƯ kiêm TRƯỞNG BAN CHỈ ĐẠO' });
    expect(signed('Nguyễn Văn A')).toEqual({ name: 'Nguyễn Văn A' });
  });

  it('finds no signer when the notice ends otherwise', () => {
    expect(signed('- Một dòng danh sách')).toBeNull();
  });
});
