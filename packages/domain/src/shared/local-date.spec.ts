import fc from 'fast-check';
import {
  InstantSchema,
  LocalDateSchema,
  addDays,
  compareDates,
  compareInstants,
  daysBetween,
  daysInMonth,
  earlierOf,
  endOfHalf,
  endOfMonth,
  endOfQuarter,
  endOfYear,
  isLeapYear,
  isLocalDate,
  isoWeekday,
  laterOf,
  localDate,
  localDateParts,
  vietnamDateOf,
} from './local-date';

// Any day from 1900 to 2199, drawn as a day count so that every generated value is a real date.
const aLocalDate = fc.integer({ min: 0, max: 109_572 }).map((days) => addDays('1900-01-01', days));

describe('local dates (ngày)', () => {
  describe('localDateParts and isLocalDate', () => {
    it('splits a real day into year, month and day', () => {
      expect(localDateParts('2026-03-20')).toEqual({ year: 2026, month: 3, day: 20 });
    });

    it.each(['2026-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-3-20', '20/03/2026', ''])(
      'rejects %p, which is not a calendar day written YYYY-MM-DD',
      (text) => {
        expect(localDateParts(text)).toBeUndefined();
        expect(isLocalDate(text)).toBe(false);
      },
    );

    it('accepts 29 February in the leap years 2024, 2028 and 2000', () => {
      expect(['2024-02-29', '2028-02-29', '2000-02-29'].every(isLocalDate)).toBe(true);
    });

    it('rejects 29 February 2100, a century that is not a leap year', () => {
      expect(isLocalDate('2100-02-29')).toBe(false);
    });

    it('reads a date character by character exactly as the pattern ^(\\d{4})-(\\d{2})-(\\d{2})$ and a calendar read it', () => {
      // The definition the character reader replaced, kept as the reference.
      const byPattern = (text: string) => {
        const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
        if (!match) return undefined;
        const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
        const last = month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
        return month < 1 || month > 12 || day < 1 || day > last ? undefined : { year, month, day };
      };
      const dateLike = fc
        .tuple(fc.integer({ min: 0, max: 9_999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
        .map(([year, month, day]) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
      const text = fc.oneof(
        dateLike,
        fc.tuple(dateLike, fc.nat(9), fc.constantFrom('/', ' ', 'a', '٣', '１', '\n', '')).map(([date, at, char]) => date.slice(0, at) + char + date.slice(at + 1)),
        fc.string({ maxLength: 12 }),
      );
      fc.assert(
        fc.property(text, (candidate) => {
          expect(localDateParts(candidate)).toEqual(byPattern(candidate));
          expect(isLocalDate(candidate)).toBe(byPattern(candidate) !== undefined);
        }),
        { numRuns: 2_000 },
      );
    });
  });

  describe('LocalDateSchema', () => {
    it('parses a real day', () => {
      expect(LocalDateSchema.parse('2026-03-20')).toBe('2026-03-20');
    });

    it('fails on 2026-02-30 with a bilingual message', () => {
      const result = LocalDateSchema.safeParse('2026-02-30');
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/Ngày không hợp lệ.*not a calendar date/);
    });
  });

  describe('InstantSchema', () => {
    it('accepts an instant with Z or with an offset', () => {
      expect(InstantSchema.safeParse('2026-03-02T08:15:00Z').success).toBe(true);
      expect(InstantSchema.safeParse('2026-03-02T15:15:00+07:00').success).toBe(true);
    });

    it('rejects a date-time without an offset, and a bare date', () => {
      expect(InstantSchema.safeParse('2026-03-02T08:15:00').success).toBe(false);
      expect(InstantSchema.safeParse('2026-03-02').success).toBe(false);
    });
  });

  describe('leap years and month lengths', () => {
    it.each([
      [2024, true],
      [2026, false],
      [2100, false],
      [2000, true],
      [1900, false],
    ])('says %i is a leap year: %p', (year, leap) => {
      expect(isLeapYear(year)).toBe(leap);
    });

    it.each([
      [2024, 2, 29],
      [2026, 2, 28],
      [2100, 2, 28],
      [2000, 2, 29],
      [2026, 1, 31],
      [2026, 4, 30],
      [2026, 6, 30],
      [2026, 9, 30],
      [2026, 11, 30],
      [2026, 12, 31],
    ])('gives %i-%i %i days', (year, month, days) => {
      expect(daysInMonth(year, month)).toBe(days);
    });
  });

  describe('localDate', () => {
    it('pads the parts to YYYY-MM-DD', () => {
      expect(localDate(2026, 3, 6)).toBe('2026-03-06');
      expect(localDate(987, 1, 1)).toBe('0987-01-01');
    });
  });

  describe('addDays', () => {
    it.each([
      ['2026-03-20', 1, '2026-03-21'],
      ['2026-01-31', 1, '2026-02-01'],
      ['2026-12-31', 1, '2027-01-01'],
      ['2027-01-01', -1, '2026-12-31'],
      ['2024-02-28', 1, '2024-02-29'],
      ['2024-02-29', 1, '2024-03-01'],
      ['2026-02-28', 1, '2026-03-01'],
      ['2100-02-28', 1, '2100-03-01'],
      ['2000-02-28', 1, '2000-02-29'],
      ['2026-03-01', -1, '2026-02-28'],
      ['2026-03-20', 0, '2026-03-20'],
      ['2026-01-01', 365, '2027-01-01'],
      ['2024-01-01', 366, '2025-01-01'],
    ])('moves %s by %i days to %s', (date, days, expected) => {
      expect(addDays(date, days)).toBe(expected);
    });

    it('throws a RangeError on a date that does not exist', () => {
      expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    });

    it('comes back to the same day after going n days forward and n back', () => {
      fc.assert(
        fc.property(aLocalDate, fc.integer({ min: -40_000, max: 40_000 }), (date, days) => {
          expect(addDays(addDays(date, days), -days)).toBe(date);
        }),
      );
    });

    it('moves by exactly the days daysBetween counts', () => {
      fc.assert(
        fc.property(aLocalDate, fc.integer({ min: -40_000, max: 40_000 }), (date, days) => {
          expect(daysBetween(date, addDays(date, days))).toBe(days);
        }),
      );
    });
  });

  describe('daysBetween', () => {
    it('counts whole days, positive when the second date is later', () => {
      expect(daysBetween('2026-03-01', '2026-03-20')).toBe(19);
      expect(daysBetween('2026-03-20', '2026-03-01')).toBe(-19);
      expect(daysBetween('2026-03-20', '2026-03-20')).toBe(0);
    });

    it('counts 29 days through February 2024 and 28 through February 2026', () => {
      expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
      expect(daysBetween('2026-02-01', '2026-03-01')).toBe(28);
    });

    it('counts 366 days in 2000 and 365 in 2100', () => {
      expect(daysBetween('2000-01-01', '2001-01-01')).toBe(366);
      expect(daysBetween('2100-01-01', '2101-01-01')).toBe(365);
    });
  });

  describe('ordering', () => {
    it('compares dates as negative, zero or positive', () => {
      expect(compareDates('2026-03-19', '2026-03-20')).toBe(-1);
      expect(compareDates('2026-03-20', '2026-03-20')).toBe(0);
      expect(compareDates('2026-12-01', '2026-03-20')).toBe(1);
    });

    it('picks the later and the earlier of two dates', () => {
      expect(laterOf('2026-03-19', '2026-03-20')).toBe('2026-03-20');
      expect(laterOf('2026-03-20', '2026-03-19')).toBe('2026-03-20');
      expect(earlierOf('2026-03-19', '2026-03-20')).toBe('2026-03-19');
      expect(earlierOf('2026-03-20', '2026-03-19')).toBe('2026-03-19');
    });

    it('orders instants on the time line whatever their offsets', () => {
      expect(compareInstants('2026-03-02T08:00:00Z', '2026-03-02T14:00:00+07:00')).toBeGreaterThan(0);
      expect(compareInstants('2026-03-02T07:00:00Z', '2026-03-02T14:00:00+07:00')).toBe(0);
      expect(compareInstants('2026-03-02T06:00:00Z', '2026-03-02T14:00:00+07:00')).toBeLessThan(0);
    });
  });

  describe('ends of periods', () => {
    it.each([
      [2026, 4, '2026-04-30'],
      [2026, 2, '2026-02-28'],
      [2024, 2, '2024-02-29'],
      [2100, 2, '2100-02-28'],
      [2000, 2, '2000-02-29'],
      [2026, 12, '2026-12-31'],
    ])('ends month %i-%i on %s', (year, month, end) => {
      expect(endOfMonth(year, month)).toBe(end);
    });

    it.each([
      [1, '2026-03-31'],
      [2, '2026-06-30'],
      [3, '2026-09-30'],
      [4, '2026-12-31'],
    ])('ends quarter %i of 2026 on %s', (quarter, end) => {
      expect(endOfQuarter(2026, quarter)).toBe(end);
    });

    it('ends the first half on 30/6 and the second on 31/12', () => {
      expect(endOfHalf(2026, 1)).toBe('2026-06-30');
      expect(endOfHalf(2026, 2)).toBe('2026-12-31');
    });

    it('ends a year on 31/12', () => {
      expect(endOfYear(2100)).toBe('2100-12-31');
    });
  });

  describe('isoWeekday', () => {
    it.each([
      ['2026-03-16', 1],
      ['2026-03-20', 5],
      ['2026-03-21', 6],
      ['2026-03-22', 7],
      ['2024-02-29', 4],
      ['2000-01-01', 6],
    ])('says %s is weekday %i (1 = thứ Hai … 7 = Chủ nhật)', (date, weekday) => {
      expect(isoWeekday(date)).toBe(weekday);
    });

    it('moves on by one every day, from 7 back to 1', () => {
      fc.assert(
        fc.property(aLocalDate, (date) => {
          expect(isoWeekday(addDays(date, 1))).toBe((isoWeekday(date) % 7) + 1);
        }),
      );
    });
  });

  describe('vietnamDateOf', () => {
    it('returns 2026-03-20 for 2026-03-19T17:30:00Z, already past midnight in Việt Nam', () => {
      expect(vietnamDateOf('2026-03-19T17:30:00Z')).toBe('2026-03-20');
    });

    it('returns 2026-03-19 for 2026-03-19T16:59:59Z, a second before midnight in Việt Nam', () => {
      expect(vietnamDateOf('2026-03-19T16:59:59Z')).toBe('2026-03-19');
    });

    it('reads an instant written with its own offset', () => {
      expect(vietnamDateOf('2026-03-20T00:30:00+07:00')).toBe('2026-03-20');
      expect(vietnamDateOf('2026-12-31T20:00:00-05:00')).toBe('2027-01-01');
    });
  });
});
