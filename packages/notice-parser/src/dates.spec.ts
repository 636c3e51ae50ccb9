import { addMonths, addWorkingDays, datePartsOf, localDateOf, resolveDate, vietnameseDate, weekdayOf } from './dates';

describe('datePartsOf', () => {
  it('reads dates in figures and in words, with or without a year', () => {
    expect(datePartsOf('06/3/2026')).toEqual({ day: 6, month: 3, year: 2026 });
    expect(datePartsOf('04 tháng 4 năm 2025')).toEqual({ day: 4, month: 4, year: 2025 });
    expect(datePartsOf('20/3')).toEqual({ day: 20, month: 3, year: null });
    expect(datePartsOf('ngày')).toBeUndefined();
  });

  it('refuses impossible days', () => {
    expect(localDateOf({ day: 30, month: 2, year: 2026 })).toBeUndefined();
  });
});

describe('resolveDate', () => {
  it('keeps a written year', () => {
    expect(resolveDate({ day: 6, month: 3, year: 2026 }, {}, 'future')).toEqual({ date: '2026-03-06', yearInferred: false });
    expect(resolveDate({ day: 31, month: 4, year: 2026 }, {}, 'future')).toBeUndefined();
  });

  it('gives a year-less deadline the notice’s year, or the next one when it would lie well in the past', () => {
    expect(resolveDate({ day: 20, month: 3, year: null }, { date: '2026-02-27' }, 'future')).toEqual({ date: '2026-03-20', yearInferred: true });
    expect(resolveDate({ day: 15, month: 1, year: null }, { date: '2025-12-22' }, 'future')).toEqual({ date: '2026-01-15', yearInferred: true });
    expect(resolveDate({ day: 29, month: 2, year: null }, { date: '2027-12-20' }, 'future')).toBeUndefined();
  });

  it('gives a year-less meeting date the previous year when it would lie after the notice', () => {
    expect(resolveDate({ day: 28, month: 12, year: null }, { date: '2026-01-05' }, 'past')).toEqual({ date: '2025-12-28', yearInferred: true });
    expect(resolveDate({ day: 19, month: 12, year: null }, { date: '2025-12-22' }, 'past')).toEqual({ date: '2025-12-19', yearInferred: true });
    expect(resolveDate({ day: 29, month: 2, year: null }, { date: '2025-01-05' }, 'past')).toBeUndefined();
  });

  it('uses the year alone when only the year is known, and gives up without one', () => {
    expect(resolveDate({ day: 20, month: 5, year: null }, { year: 2026 }, 'future')).toEqual({ date: '2026-05-20', yearInferred: true });
    expect(resolveDate({ day: 30, month: 2, year: null }, { year: 2026 }, 'future')).toBeUndefined();
    expect(resolveDate({ day: 20, month: 5, year: null }, {}, 'future')).toBeUndefined();
  });
});

describe('calendar arithmetic', () => {
  it('counts working days over a weekend', () => {
    expect(weekdayOf('2026-03-06')).toBe(5);
    expect(weekdayOf('2026-03-08')).toBe(7);
    expect(addWorkingDays('2026-03-06', 1)).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-02', 5)).toBe('2026-03-09');
  });

  it('adds months, clamped to the month’s last day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(vietnameseDate('2026-03-06')).toBe('06/03/2026');
  });
});
