import { contextFor } from '../test/support/context';
import { deadlinesIn } from './deadlines';

const read = (text: string, dates: Parameters<typeof contextFor>[1] = { issuedOn: '2026-03-02' }) => {
  const { ctx, warnings } = contextFor(text, dates);
  const found = deadlinesIn(ctx, 0, ctx.src.text.length);
  return { deadlines: found.map((match) => match.deadline), spans: found.map((match) => text.slice(ctx.src.offsets[match.start], ctx.src.offsets[match.end])), warnings };
};

describe('date deadlines', () => {
  it.each([
    ['báo cáo UBND tỉnh **chậm nhất ngày 06/3/2026**.', '2026-03-06', 'by', 'chậm nhất ngày 06/3/2026'],
    ['trình UBND tỉnh trước ngày 20/3/2026', '2026-03-20', 'before', 'trước ngày 20/3/2026'],
    ['(gia hạn đến ngày 15/3/2026)', '2026-03-15', 'by', 'đến ngày 15/3/2026'],
    ['thời hạn hoàn thành: 30/6/2026', '2026-06-30', 'by', 'thời hạn hoàn thành: 30/6/2026'],
    ['hoàn thành trong ngày 10/3/2026', '2026-03-10', 'by', 'hoàn thành trong ngày 10/3/2026'],
    ['xong trong ngày 10/3/2026', '2026-03-10', 'by', 'xong trong ngày 10/3/2026'],
    ['họp trong ngày 10/3/2026', '2026-03-10', 'by', 'trong ngày 10/3/2026'],
    ['trước ngày 04 tháng 4 năm 2026', '2026-04-04', 'before', 'trước ngày 04 tháng 4 năm 2026'],
  ])('reads "%s"', (text, date, qualifier, words) => {
    const { deadlines, spans } = read(text);
    expect(deadlines).toEqual([{ kind: 'date', date, qualifier, text: words }]);
    expect(spans).toEqual([text.includes('**') ? `${words}` : words]);
  });

  it('completes a year-less date with the notice’s year and says so', () => {
    const { deadlines, warnings } = read('báo cáo trước ngày 20/3.', { meetingOn: '2026-02-27' });
    expect(deadlines).toEqual([{ kind: 'date', date: '2026-03-20', qualifier: 'before', text: 'trước ngày 20/3' }]);
    expect(warnings.map((w) => w.code)).toEqual(['year-inferred']);
  });

  it('gives up on a year-less date when the notice has no year, with a warning', () => {
    const { deadlines, warnings } = read('báo cáo trước ngày 20/3.', {});
    expect(deadlines).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['date-year-unknown']);
  });

  it('warns about an impossible date instead of inventing one', () => {
    const { deadlines, warnings } = read('hoàn thành trước ngày 31/4/2026');
    expect(deadlines).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['date-invalid']);
  });

  it.each([
    'Kế hoạch chào mừng Ngày Khoa học và Công nghệ Việt Nam (18/5/2026)',
    'bảo đảm tỷ lệ 3% tổng chi ngân sách hằng năm',
    'Chiến lược Chuyển đổi số giai đoạn 2026-2030',
    'Chiến lược dữ liệu tỉnh đến năm 2030',
    'báo cáo kết quả 6 tháng đầu năm 2026',
    'tại Thông báo số 100/TB-UBND ngày 13/02/2026',
    'Tỷ lệ giải ngân tính đến ngày 10/3/2026, lũy kế đến ngày 10/3/2026, từ ngày 01/01/2026 đến ngày 10/3/2026',
  ])('reads no deadline in "%s"', (text) => {
    expect(read(text).deadlines).toEqual([]);
  });
});

describe('period deadlines', () => {
  it.each([
    ['báo cáo UBND tỉnh **trong tháng 4/2026**', { unit: 'month', year: 2026, index: 4 }],
    ['trình trong quý II/2026', { unit: 'quarter', year: 2026, index: 2 }],
    ['hoàn thành trong quý 3 năm 2026', { unit: 'quarter', year: 2026, index: 3 }],
    ['hoàn thành trong 6 tháng cuối năm 2026', { unit: 'half', year: 2026, index: 2 }],
    ['hoàn thành trong năm 2026', { unit: 'year', year: 2026 }],
    ['hoàn thành đến hết năm 2027', { unit: 'year', year: 2027 }],
    ['chậm nhất trong tháng 12 năm 2026', { unit: 'month', year: 2026, index: 12 }],
  ])('reads "%s"', (text, fields) => {
    expect(read(text).deadlines).toEqual([expect.objectContaining({ kind: 'period', ...fields })]);
  });

  it('takes the notice’s year for "trong tháng 6", with a warning', () => {
    const { deadlines, warnings } = read('hoàn thành trong tháng 6.');
    expect(deadlines).toEqual([expect.objectContaining({ kind: 'period', unit: 'month', year: 2026, index: 6 })]);
    expect(warnings.map((w) => w.code)).toEqual(['year-inferred']);
    expect(read('hoàn thành trong quý IV.', {}).warnings.map((w) => w.code)).toEqual(['date-year-unknown']);
  });
});

describe('event deadlines', () => {
  it('reads a meeting with its body and session', () => {
    expect(read('Công an tỉnh báo cáo tại cuộc họp Tổ giúp việc phiên họp thứ 7.').deadlines).toEqual([
      {
        kind: 'event',
        text: 'tại cuộc họp Tổ giúp việc phiên họp thứ 7',
        event: { kind: 'meeting', description: 'cuộc họp Tổ giúp việc phiên họp thứ 7', body: 'Tổ giúp việc', session: 7 },
      },
    ]);
    expect(read('báo cáo tại phiên họp lần thứ hai của Ban Chỉ đạo tỉnh, để chỉ đạo').deadlines).toEqual([
      expect.objectContaining({ event: expect.objectContaining({ session: 2, body: 'Ban Chỉ đạo tỉnh' }) }),
    ]);
  });

  it('does not read "tại cuộc họp" as a deadline when nothing is to be reported there', () => {
    expect(read('Tiếp thu các ý kiến góp ý tại cuộc họp để hoàn thiện hồ sơ').deadlines).toEqual([]);
  });
});

describe('recurring deadlines', () => {
  it.each([
    ['báo cáo trước ngày 25 hằng tháng', { frequency: 'monthly', day: 25 }],
    ['Định kỳ hằng quý báo cáo', { frequency: 'quarterly' }],
    ['định kỳ hàng tháng rà soát', { frequency: 'monthly' }],
    ['báo cáo định kỳ hằng tháng, trước ngày 20.', { frequency: 'monthly', day: 20 }],
    ['báo cáo trước ngày 15 tháng cuối mỗi quý', { frequency: 'quarterly', day: 15 }],
    ['báo cáo trước ngày 15/12 hằng năm', { frequency: 'yearly', day: 15, month: 12 }],
    ['báo cáo trước thứ Sáu hằng tuần', { frequency: 'weekly', weekday: 5 }],
    ['giao ban vào Chủ nhật mỗi tuần', { frequency: 'weekly', weekday: 7 }],
    ['định kỳ hằng tuần', { frequency: 'weekly' }],
    ['báo cáo hằng năm', { frequency: 'yearly' }],
  ])('reads "%s"', (text, fields) => {
    expect(read(text).deadlines).toEqual([expect.objectContaining({ kind: 'recurring', ...fields })]);
  });
});

describe('relative deadlines', () => {
  it('counts from the issue date', () => {
    expect(read('trong 15 ngày kể từ ngày ký Thông báo này').deadlines).toEqual([
      { kind: 'date', date: '2026-03-17', qualifier: 'by', text: 'trong 15 ngày kể từ ngày ký Thông báo này' },
    ]);
    expect(read('trong 02 tháng kể từ ngày ban hành').deadlines).toEqual([expect.objectContaining({ date: '2026-05-02' })]);
    expect(read('trong hai tuần kể từ ngày ký').deadlines).toEqual([expect.objectContaining({ date: '2026-03-16' })]);
    expect(read('trong 10 (mười) ngày kể từ ngày ký').deadlines).toEqual([expect.objectContaining({ date: '2026-03-12' })]);
  });

  it('counts from the meeting date when it says so', () => {
    expect(read('trong 10 ngày kể từ ngày họp', { issuedOn: '2026-03-02', meetingOn: '2026-02-27' }).deadlines).toEqual([
      expect.objectContaining({ date: '2026-03-09' }),
    ]);
  });

  it('counts working days Monday to Friday and warns that holidays are not deducted', () => {
    const { deadlines, warnings } = read('trong 05 ngày làm việc kể từ ngày ký');
    expect(deadlines).toEqual([expect.objectContaining({ date: '2026-03-09' })]);
    expect(warnings.map((w) => w.code)).toEqual(['working-days-approximate']);
  });

  it('keeps the deadline as an event with no date, and warns, when the issue date is unknown', () => {
    const { deadlines, warnings } = read('trình UBND tỉnh trong 10 ngày kể từ ngày ký Thông báo.', { meetingOn: '2026-05-08' });
    expect(deadlines).toEqual([
      {
        kind: 'event',
        text: 'trong 10 ngày kể từ ngày ký Thông báo',
        event: { kind: 'other', description: 'trong 10 ngày kể từ ngày ký Thông báo' },
      },
    ]);
    expect(warnings.map((w) => w.code)).toEqual(['relative-deadline-unresolved']);
  });

  it('keeps a deadline counted from some other event as that event', () => {
    const { deadlines, warnings } = read('trong 30 ngày kể từ ngày Đề án được phê duyệt.');
    expect(deadlines).toEqual([expect.objectContaining({ kind: 'event', event: expect.objectContaining({ kind: 'other' }) })]);
    expect(warnings.map((w) => w.code)).toEqual(['relative-deadline-unresolved']);
  });
});

describe('no deadline', () => {
  it('reads "thường xuyên" as continuous and "kịp thời", "khẩn trương" as prompt', () => {
    expect(read('thực hiện thường xuyên').deadlines).toEqual([{ kind: 'none', reason: 'continuous', text: 'thường xuyên' }]);
    expect(read('kịp thời tham mưu').deadlines).toEqual([{ kind: 'none', reason: 'prompt', text: 'kịp thời' }]);
    expect(read('Khẩn trương xây dựng').deadlines).toEqual([{ kind: 'none', reason: 'prompt', text: 'Khẩn trương' }]);
  });
});

describe('overlapping readings', () => {
  it('reads "trước ngày 25 hằng tháng" as recurring only', () => {
    expect(read('báo cáo trước ngày 25 hằng tháng').deadlines.map((d) => d.kind)).toEqual(['recurring']);
  });

  it('returns the deadlines of a clause in text order', () => {
    expect(read('(thời hạn ngày 28/02/2026 – nhắc việc); báo cáo UBND tỉnh chậm nhất ngày 06/3/2026; thực hiện thường xuyên').spans).toEqual([
      'thời hạn ngày 28/02/2026',
      'chậm nhất ngày 06/3/2026',
      'thường xuyên',
    ]);
  });
});
