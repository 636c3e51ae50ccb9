import { AGENCY_CATALOGUE } from '@chidao/domain';
import { aNotice } from '../test/support/notices';
import { parseNotice } from './parse-notice';
import type { ParsedNotice } from './types';

const table = (parsed: ParsedNotice) =>
  parsed.tasks.map((task) => ({
    clause: task.clause,
    lead: task.lead === null ? null : (task.lead.agency?.id ?? `?${task.lead.text}`),
    cooperating: task.cooperating.map((agency) => agency.agency?.id ?? `?${agency.text}`),
    ...(task.cooperatingNote === undefined ? {} : { note: task.cooperatingNote }),
    reportTo: task.reportTo?.agency?.id ?? null,
    deadline: task.deadline.value.text,
  }));
const codes = (parsed: ParsedNotice) => parsed.warnings.map((warning) => warning.code);

describe('parseNotice: assignment forms', () => {
  it('reads "Giao X chủ trì, phối hợp với Y …"', () => {
    expect(table(parseNotice(aNotice('1. Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng và các cơ quan liên quan rà soát vốn; báo cáo UBND tỉnh trước ngày 20/3/2026.')))).toEqual([
      { clause: '1', lead: 'khanh-hoa.so-tai-chinh', cooperating: ['khanh-hoa.so-xay-dung'], note: 'các cơ quan liên quan', reportTo: 'khanh-hoa.ubnd', deadline: 'trước ngày 20/3/2026' },
    ]);
  });

  it('reads "Giao X:" with bullets, plus bullets directly under the number, and a sub-item that names its own lead', () => {
    const text = aNotice(
      [
        '2. Giao Sở Khoa học và Công nghệ:',
        '+ Xây dựng Kho dữ liệu dùng chung; hoàn thành trong quý II/2026;',
        '+ Phối hợp với Công an tỉnh bảo đảm an toàn thông tin; thực hiện thường xuyên;',
        '+ Sở Nội vụ hướng dẫn số hóa hồ sơ; hoàn thành trong năm 2026.',
      ].join('\n'),
    );
    expect(table(parseNotice(text))).toEqual([
      { clause: '2.1', lead: 'khanh-hoa.so-khcn', cooperating: [], reportTo: null, deadline: 'trong quý II/2026' },
      { clause: '2.2', lead: 'khanh-hoa.so-khcn', cooperating: ['khanh-hoa.cong-an'], reportTo: null, deadline: 'thường xuyên' },
      { clause: '2.3', lead: 'khanh-hoa.so-noi-vu', cooperating: [], reportTo: null, deadline: 'trong năm 2026' },
    ]);
  });

  it('reads "X, Y theo chức năng, nhiệm vụ được giao …" as one task per lead', () => {
    const parsed = parseNotice(aNotice('3. Sở Tài chính, Sở Xây dựng và Công an tỉnh theo chức năng, nhiệm vụ được giao phối hợp thực hiện; báo cáo kết quả về Sở Tài chính trước ngày 25 hằng tháng.'));
    expect(table(parsed).map((task) => [task.clause, task.lead, task.reportTo])).toEqual([
      ['3.1', 'khanh-hoa.so-tai-chinh', 'khanh-hoa.so-tai-chinh'],
      ['3.2', 'khanh-hoa.so-xay-dung', 'khanh-hoa.so-tai-chinh'],
      ['3.3', 'khanh-hoa.cong-an', 'khanh-hoa.so-tai-chinh'],
    ]);
  });

  it('reads "X nghiên cứu, đề xuất …" and "X giao Y …"', () => {
    const parsed = parseNotice(aNotice('1. Công an tỉnh nghiên cứu, đề xuất phương án.\n2. UBND tỉnh giao Sở Xây dựng rà soát quy hoạch.'));
    expect(table(parsed).map((task) => task.lead)).toEqual(['khanh-hoa.cong-an', 'khanh-hoa.so-xay-dung']);
  });

  it('keeps a task whose lead is only "các cơ quan, đơn vị", with no lead and a warning', () => {
    const parsed = parseNotice(aNotice('5. Các cơ quan, đơn vị, địa phương thực hiện nghiêm.'));
    expect(table(parsed)).toEqual([{ clause: '5', lead: null, cooperating: [], reportTo: null, deadline: 'không có thời hạn' }]);
    expect(parsed.warnings.find((w) => w.code === 'lead-group')?.message).toMatch(/^Khoản 5 chỉ giao cho "Các cơ quan, đơn vị, địa phương".* \/ clause 5/u);
  });

  it('warns when a clause names no lead at all', () => {
    expect(codes(parseNotice(aNotice('1. Đẩy nhanh tiến độ giải ngân.')))).toContain('lead-missing');
  });

  it('keeps an unknown lead as text, never the nearest known body', () => {
    const parsed = parseNotice(aNotice('1. Sở Y tế chủ trì triển khai hồ sơ sức khỏe điện tử.'));
    expect(parsed.tasks[0]?.lead).toMatchObject({ text: 'Sở Y tế', agency: null });
    expect(parsed.warnings.find((w) => w.code === 'agency-unknown')?.message).toBe(
      'Không có "Sở Y tế" trong danh mục cơ quan; cần chọn tay / "Sở Y tế" is not in the agency catalogue; choose it by hand',
    );
  });

  it('resolves names with the catalogue it is given', () => {
    const catalogue = { ...AGENCY_CATALOGUE, agencies: AGENCY_CATALOGUE.agencies.filter((agency) => agency.id !== 'khanh-hoa.so-tai-chinh') };
    const parsed = parseNotice(aNotice('1. Sở Tài chính rà soát kinh phí.'), { catalogue });
    expect(parsed.tasks[0]?.lead).toMatchObject({ text: 'Sở Tài chính', agency: null });
  });
});

describe('parseNotice: structure', () => {
  it('numbers bullets, letters and further paragraphs as the README says', () => {
    const text = aNotice(
      [
        '1. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các cơ quan liên quan:',
        'a) Tham mưu ban hành Kế hoạch; trình UBND tỉnh trước ngày 20/3/2026.',
        'Gia hạn thời gian trình Đề án đến ngày 30/4/2026 (gia hạn lần 1).',
        'đ) Tổ chức tập huấn:',
        '- Cho cán bộ cấp tỉnh trong tháng 4/2026;',
        '- Cho cán bộ cấp xã trong tháng 5/2026.',
      ].join('\n'),
    );
    expect(parseNotice(text).tasks.map((task) => [task.clause, task.deadline.value.text])).toEqual([
      ['1.a', 'trước ngày 20/3/2026'],
      ['1.a.2', 'đến ngày 30/4/2026'],
      ['1.đ.1', 'trong tháng 4/2026'],
      ['1.đ.2', 'trong tháng 5/2026'],
    ]);
  });

  it('reads only the headings that assign, and prefixes clause numbers that restart under each heading', () => {
    const text = aNotice(
      ['I. KẾT QUẢ ĐẠT ĐƯỢC', '1. Sở Y tế đã hoàn thành.', 'II. NHIỆM VỤ', '1. Sở Tài chính rà soát.', 'III. TỔ CHỨC THỰC HIỆN', '1. Sở Nội vụ theo dõi.'].join('\n'),
    );
    const parsed = parseNotice(text);
    expect(parsed.tasks.map((task) => task.clause)).toEqual(['II.1', 'III.1']);
    expect(codes(parsed)).not.toContain('agency-unknown');
  });

  it('reads a body of bullets without numbers', () => {
    expect(parseNotice(aNotice('- Sở Tài chính rà soát.\n- Sở Xây dựng kiểm tra.')).tasks.map((task) => task.clause)).toEqual(['1', '2']);
  });

  it('chooses the deadline the clause ends on and keeps the others, with a warning', () => {
    const parsed = parseNotice(aNotice('1. Sở Tài chính xây dựng Đề án (thời hạn ngày 28/02/2026); báo cáo UBND tỉnh chậm nhất ngày 06/3/2026.'));
    expect(parsed.tasks[0]?.deadline.value.text).toBe('chậm nhất ngày 06/3/2026');
    expect(parsed.tasks[0]?.otherDeadlines.map((d) => d.value.text)).toEqual(['thời hạn ngày 28/02/2026']);
    expect(codes(parsed)).toContain('several-deadlines');
  });

  it('keeps the deadline before the first extension when the text gives it', () => {
    const [task] = parseNotice(aNotice('1. Sở Tài chính hoàn thành trước ngày 31/3/2026; nay gia hạn lần 1 đến ngày 30/4/2026.')).tasks;
    expect([task?.originalDeadline?.value.text, task?.deadline.value.text]).toEqual(['trước ngày 31/3/2026', 'gia hạn lần 1 đến ngày 30/4/2026']);
  });

  it('inherits a header’s deadline and report recipient', () => {
    const parsed = parseNotice(aNotice('1. Giao Sở Tài chính thực hiện các nội dung sau, báo cáo UBND tỉnh trong tháng 4/2026:\n- Rà soát vốn;\n- Điều chuyển vốn.'));
    expect(table(parsed).map((task) => [task.clause, task.reportTo, task.deadline])).toEqual([
      ['1.1', 'khanh-hoa.ubnd', 'trong tháng 4/2026'],
      ['1.2', 'khanh-hoa.ubnd', 'trong tháng 4/2026'],
    ]);
  });
});

describe('parseNotice: never fails', () => {
  it.each(['', 'THÔNG BÁO', '1.', '***', 'Số: /\n\n1. a) - +', '\u0301\u0301 Số 1-/'])('returns warnings, not an exception, for %j', (text) => {
    const parsed = parseNotice(text);
    expect(parsed.warnings.length).toBeGreaterThan(0);
  });

  it('says when it found no tasks, and judges agencies on the last day of the year when only the year is known', () => {
    expect(codes(parseNotice('Số: 1/TB-UBND\nKhánh Hòa, ngày 02/3/2026\n\nTHÔNG BÁO\nKết luận'))).toContain('no-tasks');
    const yearOnly = parseNotice('Số: /TB-UBND\nKhánh Hòa, ngày tháng năm 2026\n\nTHÔNG BÁO\nKết luận\n\n1. Sở Tài chính rà soát.');
    expect(codes(yearOnly)).toContain('agency-date-approximate');
    expect(yearOnly.tasks[0]?.lead?.agency?.id).toBe('khanh-hoa.so-tai-chinh');
  });

  it('is deterministic', () => {
    const text = aNotice('1. Sở Tài chính rà soát; báo cáo trong 15 ngày kể từ ngày ký.');
    expect(parseNotice(text)).toEqual(parseNotice(text));
  });
});
