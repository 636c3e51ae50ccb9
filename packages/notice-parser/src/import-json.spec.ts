import { noticeText } from '../test/support/notices';
import { toImportJson } from './import-json';
import { parseNotice } from './parse-notice';

describe('toImportJson', () => {
  const json = toImportJson(parseNotice(noticeText('khanh-hoa-tb-ubnd-2026-02-27-phien-6')));

  it('gives the directive fields the CLI prints', () => {
    expect(json.directive).toMatchObject({
      symbol: '/TB-UBND',
      issuedOn: null,
      meetingOn: '2026-02-27',
      presidedBy: { name: 'Nguyễn Thanh Hà', title: 'Phó Chủ tịch UBND tỉnh' },
      signedBy: { name: 'Nguyễn Xuân Hải', title: 'PHÓ CHÁNH VĂN PHÒNG' },
      issuer: { id: 'khanh-hoa.ubnd', name: 'Ủy ban nhân dân tỉnh Khánh Hòa' },
    });
    expect(json.directive.references).toEqual([
      { symbol: '246-QĐ/TU', issuedOn: '2026-01-30', issuer: 'Tỉnh ủy Khánh Hòa' },
      { symbol: '100/TB-UBND', issuedOn: '2026-02-13', issuer: null },
    ]);
  });

  it('gives each task with agencies as { id, name } and ISO dates, due null when there is no date', () => {
    expect(json.tasks[0]).toEqual({
      clause: '1.a',
      lead: { id: 'khanh-hoa.so-khcn', name: 'Sở Khoa học và Công nghệ tỉnh Khánh Hòa' },
      leadText: 'Sở Khoa học và Công nghệ',
      cooperating: [],
      cooperatingNote: 'các cơ quan liên quan',
      cooperatingUnresolved: [],
      reportTo: null,
      deadline: { kind: 'date', due: '2026-03-15', text: 'gia hạn lần 2 đến ngày 15/3/2026', date: '2026-03-15', qualifier: 'by' },
      extensions: [{ number: 2, to: '2026-03-15' }],
      reminders: [],
      content: expect.stringMatching(/^Tham mưu trình UBND tỉnh ban hành Chiến lược dữ liệu/u),
    });
    expect(json.tasks.at(-1)?.deadline).toMatchObject({ kind: 'event', due: null });
    expect(json.tasks.find((task) => task.clause === '1.b')?.reminders).toEqual([{ symbol: '100/TB-UBND', date: '2026-02-13' }]);
  });

  it('carries the warnings with their spans, and survives JSON', () => {
    expect(json.warnings[0]).toEqual({ code: 'symbol-unnumbered', message: expect.stringContaining(' / '), span: { start: 6, end: 14 } });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('lists co-operating names it could not resolve', () => {
    const text = noticeText('fixture-125-TB-UBND-2026-03-16-headings').replace('phối hợp với Sở Xây dựng rà soát', 'phối hợp với Sở Y tế rà soát');
    expect(toImportJson(parseNotice(text)).tasks[0]).toMatchObject({ cooperating: [], cooperatingUnresolved: ['Sở Y tế'] });
  });
});
