import { dateDeadline, eventDeadline, noDeadline, periodDeadline, recurringDeadline, scheduleEvent } from './deadline';
import { describeDeadline, formatVietnameseDate, romanQuarter, vietnameseWeekday } from './deadline.format';
import type { Deadline, PeriodDeadline, RecurringDeadline } from './deadline.schema';

describe('deadline words (nguyên văn thời hạn)', () => {
  describe('formatVietnameseDate', () => {
    it('writes 2026-03-06 as 06/03/2026, the way Vietnamese documents do', () => {
      expect(formatVietnameseDate('2026-03-06')).toBe('06/03/2026');
      expect(formatVietnameseDate('2024-12-31')).toBe('31/12/2024');
    });

    it('throws a RangeError on a day that does not exist', () => {
      expect(() => formatVietnameseDate('2026-02-30')).toThrow(RangeError);
    });
  });

  describe('romanQuarter', () => {
    it.each([
      [1, 'I'],
      [2, 'II'],
      [3, 'III'],
      [4, 'IV'],
    ])('writes quarter %i as %s', (quarter, roman) => {
      expect(romanQuarter(quarter)).toBe(roman);
    });

    it.each([0, 5, 1.5])('throws a RangeError for %p, which is no quarter', (quarter) => {
      expect(() => romanQuarter(quarter)).toThrow(RangeError);
    });
  });

  describe('vietnameseWeekday', () => {
    it('names 1 "thứ Hai", 5 "thứ Sáu" and 7 "Chủ nhật"', () => {
      expect([1, 5, 7].map(vietnameseWeekday)).toEqual(['thứ Hai', 'thứ Sáu', 'Chủ nhật']);
    });

    it('throws a RangeError for 0 and 8', () => {
      expect(() => vietnameseWeekday(0)).toThrow(RangeError);
      expect(() => vietnameseWeekday(8)).toThrow(RangeError);
    });
  });

  describe('describeDeadline', () => {
    const meeting = { kind: 'meeting', description: 'phiên họp thứ 7', session: 7 } as const;

    it.each<[string, Deadline]>([
      ['trước ngày 20/03/2026', dateDeadline('2026-03-20', 'before', 'trước ngày 20/3/2026')],
      ['chậm nhất ngày 06/03/2026', dateDeadline('2026-03-06', 'by', 'chậm nhất ngày 06/3/2026')],
      ['trong tháng 4/2026', periodDeadline('month', 2026, 4, 'trong tháng 4')],
      ['trong quý II/2026', periodDeadline('quarter', 2026, 2, 'quý 2 năm 2026')],
      ['6 tháng đầu năm 2026', periodDeadline('half', 2026, 1, 'sáu tháng đầu năm')],
      ['6 tháng cuối năm 2026', periodDeadline('half', 2026, 2, 'sáu tháng cuối năm')],
      ['trong năm 2026', periodDeadline('year', 2026, undefined, 'năm 2026')],
      ['tại phiên họp thứ 7 (chưa có ngày)', eventDeadline(meeting, 'báo cáo tại phiên họp thứ 7')],
      ['tại phiên họp thứ 7 (ngày 15/05/2026)', scheduleEvent(eventDeadline(meeting, 'phiên họp thứ 7'), '2026-05-15')],
      ['khi Bộ Tài chính có ý kiến (chưa có ngày)', eventDeadline({ kind: 'other', description: 'Bộ Tài chính có ý kiến' }, 'x')],
      ['trước ngày 25 hằng tháng', recurringDeadline({ frequency: 'monthly', day: 25 }, 'ngày 25 hàng tháng')],
      ['định kỳ hằng tháng', recurringDeadline({ frequency: 'monthly' }, 'hàng tháng')],
      ['định kỳ hằng quý', recurringDeadline({ frequency: 'quarterly' }, 'hàng quý')],
      ['trước ngày 20 tháng cuối mỗi quý', recurringDeadline({ frequency: 'quarterly', day: 20 }, 'x')],
      ['định kỳ hằng năm', recurringDeadline({ frequency: 'yearly' }, 'hằng năm')],
      ['trước ngày 15/12 hằng năm', recurringDeadline({ frequency: 'yearly', month: 12, day: 15 }, 'x')],
      ['trước ngày 20/12 hằng năm', recurringDeadline({ frequency: 'yearly', day: 20 }, 'x')],
      ['trong tháng 6 hằng năm', recurringDeadline({ frequency: 'yearly', month: 6 }, 'x')],
      ['định kỳ hằng tuần', recurringDeadline({ frequency: 'weekly' }, 'hằng tuần')],
      ['trước thứ Sáu hằng tuần', recurringDeadline({ frequency: 'weekly', weekday: 5 }, 'thứ Sáu hằng tuần')],
      [
        'trước ngày 25 hằng tháng từ ngày 01/04/2026 đến ngày 31/12/2026',
        recurringDeadline({ frequency: 'monthly', day: 25, startsOn: '2026-04-01', endsOn: '2026-12-31' }, 'x'),
      ],
      ['thường xuyên', noDeadline('continuous', 'thường xuyên theo dõi')],
      ['kịp thời', noDeadline('prompt', 'báo cáo kịp thời')],
      ['không có thời hạn', noDeadline('unspecified', '(không ghi)')],
    ])('says "%s" for the normalised deadline, whatever the document wrote', (words, deadline) => {
      expect(describeDeadline(deadline)).toBe(words);
    });

    it('throws rather than guess for a kind, a unit or a frequency no schema knows', () => {
      // The union is closed for the compiler; these casts stand for data that was never parsed.
      expect(() => describeDeadline({ kind: 'soon', text: 'sớm' } as unknown as Deadline)).toThrow();
      expect(() => describeDeadline({ kind: 'period', text: 'x', unit: 'decade', year: 2026 } as unknown as PeriodDeadline)).toThrow();
      expect(() => describeDeadline({ kind: 'recurring', text: 'x', frequency: 'daily' } as unknown as RecurringDeadline)).toThrow();
    });
  });
});
