import fc from 'fast-check';
import { addDays, daysBetween, daysInMonth, isoWeekday, localDateParts, type LocalDate } from '../shared/local-date';
import { recurringDeadline, type RecurrenceRule } from './deadline';
import { nextOccurrence, occurrencesOf, type Occurrence } from './deadline.recurrence';
import type { RecurringDeadline } from './deadline.schema';

const aRecurrence = (rule: RecurrenceRule): RecurringDeadline => recurringDeadline(rule);
const dueDates = (occurrences: readonly Occurrence[]): readonly LocalDate[] => occurrences.map((o) => o.dueOn);

/**
 * The obvious, slow model the arithmetic is checked against: is `date` a due day of the rule? Written
 * from the schema's comments, day by day, sharing no code with deadline.recurrence.ts.
 */
const isDueDay = (deadline: RecurringDeadline, date: LocalDate): boolean => {
  const parts = localDateParts(date);
  if (!parts) return false;
  const { year, month, day } = parts;
  const last = daysInMonth(year, month);
  const wanted = Math.min(deadline.day ?? last, last);
  switch (deadline.frequency) {
    case 'weekly':
      return isoWeekday(date) === (deadline.weekday ?? 7);
    case 'monthly':
      return day === wanted;
    case 'quarterly':
      return month % 3 === 0 && day === wanted;
    case 'yearly':
      return month === (deadline.month ?? 12) && day === wanted;
  }
};

const dueDaysByWalking = (deadline: RecurringDeadline, from: LocalDate, until: LocalDate): readonly LocalDate[] => {
  const days: LocalDate[] = [];
  for (let date = from; date <= until; date = addDays(date, 1)) if (isDueDay(deadline, date)) days.push(date);
  return days;
};

// Days from 1999 to 2031, so that the slow model stays quick and leap years 2000, 2024 and 2028 are in reach.
const aDate = fc.integer({ min: 0, max: 12_000 }).map((days) => addDays('1999-01-01', days));
const aRule: fc.Arbitrary<RecurrenceRule> = fc.record(
  {
    frequency: fc.constantFrom('weekly', 'monthly', 'quarterly', 'yearly'),
    day: fc.integer({ min: 1, max: 31 }),
    month: fc.integer({ min: 1, max: 12 }),
    weekday: fc.integer({ min: 1, max: 7 }),
    startsOn: aDate,
    endsOn: aDate,
  },
  { requiredKeys: ['frequency'] },
);

describe('recurring deadlines (thời hạn định kỳ)', () => {
  describe('occurrencesOf', () => {
    it('returns the 25th of each month for "trước ngày 25 hằng tháng", the first opening on the assignment day', () => {
      const occurrences = occurrencesOf(aRecurrence({ frequency: 'monthly', day: 25 }), '2026-03-10', '2026-06-30');
      expect(occurrences).toEqual([
        { index: 0, opensOn: '2026-03-10', dueOn: '2026-03-25' },
        { index: 1, opensOn: '2026-03-26', dueOn: '2026-04-25' },
        { index: 2, opensOn: '2026-04-26', dueOn: '2026-05-25' },
        { index: 3, opensOn: '2026-05-26', dueOn: '2026-06-25' },
      ]);
    });

    it('starts with next month when the task is assigned after the 25th', () => {
      const [first] = occurrencesOf(aRecurrence({ frequency: 'monthly', day: 25 }), '2026-03-26', '2026-06-30');
      expect(first).toEqual({ index: 0, opensOn: '2026-03-26', dueOn: '2026-04-25' });
    });

    it('counts the assignment day itself when it is the 25th', () => {
      const [first] = occurrencesOf(aRecurrence({ frequency: 'monthly', day: 25 }), '2026-03-25', '2026-06-30');
      expect(first).toEqual({ index: 0, opensOn: '2026-03-25', dueOn: '2026-03-25' });
    });

    it('clamps "ngày 31 hằng tháng" to 30 April and 28 February, then goes back to the 31st', () => {
      const due = dueDates(occurrencesOf(aRecurrence({ frequency: 'monthly', day: 31 }), '2026-01-01', '2026-05-31'));
      expect(due).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']);
    });

    it('clamps day 30 to 29 February in a leap year', () => {
      const due = dueDates(occurrencesOf(aRecurrence({ frequency: 'monthly', day: 30 }), '2024-02-01', '2024-03-31'));
      expect(due).toEqual(['2024-02-29', '2024-03-30']);
    });

    it('falls due on the last day of each month for "định kỳ hằng tháng"', () => {
      const due = dueDates(occurrencesOf(aRecurrence({ frequency: 'monthly' }), '2100-01-15', '2100-04-30'));
      expect(due).toEqual(['2100-01-31', '2100-02-28', '2100-03-31', '2100-04-30']);
    });

    it('falls due on the last day of each quarter for "định kỳ hằng quý"', () => {
      const due = dueDates(occurrencesOf(aRecurrence({ frequency: 'quarterly' }), '2026-01-01', '2026-12-31'));
      expect(due).toEqual(['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']);
    });

    it('falls due on the given day of each quarter\'s last month, clamped to 30 June and 30 September', () => {
      const on20 = dueDates(occurrencesOf(aRecurrence({ frequency: 'quarterly', day: 20 }), '2026-02-10', '2026-12-31'));
      expect(on20).toEqual(['2026-03-20', '2026-06-20', '2026-09-20', '2026-12-20']);
      const on31 = dueDates(occurrencesOf(aRecurrence({ frequency: 'quarterly', day: 31 }), '2026-01-01', '2026-12-31'));
      expect(on31).toEqual(['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']);
    });

    it('falls due on 31/12 each year by default, and on the given month and day otherwise', () => {
      const endOfYear = dueDates(occurrencesOf(aRecurrence({ frequency: 'yearly' }), '2026-03-01', '2028-12-31'));
      expect(endOfYear).toEqual(['2026-12-31', '2027-12-31', '2028-12-31']);
      const onDay = dueDates(occurrencesOf(aRecurrence({ frequency: 'yearly', month: 12, day: 15 }), '2026-12-16', '2028-12-31'));
      expect(onDay).toEqual(['2027-12-15', '2028-12-15']);
    });

    it('falls due on 29 February in leap years and 28 February otherwise for "ngày 29/2 hằng năm"', () => {
      const due = dueDates(occurrencesOf(aRecurrence({ frequency: 'yearly', month: 2, day: 29 }), '2099-01-01', '2101-12-31'));
      expect(due).toEqual(['2099-02-28', '2100-02-28', '2101-02-28']);
      const leap = dueDates(occurrencesOf(aRecurrence({ frequency: 'yearly', month: 2, day: 29 }), '2024-01-01', '2025-12-31'));
      expect(leap).toEqual(['2024-02-29', '2025-02-28']);
    });

    it('reads a yearly month without a day as that month\'s last day, and a day without a month as a day of December', () => {
      const june = dueDates(occurrencesOf(aRecurrence({ frequency: 'yearly', month: 6 }), '2026-01-01', '2027-12-31'));
      expect(june).toEqual(['2026-06-30', '2027-06-30']);
      const december = dueDates(occurrencesOf(aRecurrence({ frequency: 'yearly', day: 20 }), '2026-01-01', '2026-12-31'));
      expect(december).toEqual(['2026-12-20']);
    });

    it('falls due every Friday for weekday 5, the first week opening on the assignment day', () => {
      const occurrences = occurrencesOf(aRecurrence({ frequency: 'weekly', weekday: 5 }), '2026-03-21', '2026-04-10');
      expect(occurrences).toEqual([
        { index: 0, opensOn: '2026-03-21', dueOn: '2026-03-27' },
        { index: 1, opensOn: '2026-03-28', dueOn: '2026-04-03' },
        { index: 2, opensOn: '2026-04-04', dueOn: '2026-04-10' },
      ]);
    });

    it('falls due every Sunday by default, the last day of the ISO week', () => {
      const due = dueDates(occurrencesOf(aRecurrence({ frequency: 'weekly' }), '2026-03-16', '2026-04-05'));
      expect(due).toEqual(['2026-03-22', '2026-03-29', '2026-04-05']);
    });

    it('starts from startsOn rather than the assignment day when the deadline names one', () => {
      const deadline = aRecurrence({ frequency: 'monthly', day: 25, startsOn: '2026-05-01' });
      const [first] = occurrencesOf(deadline, '2026-03-10', '2026-12-31');
      expect(first).toEqual({ index: 0, opensOn: '2026-05-01', dueOn: '2026-05-25' });
    });

    it('stops at endsOn even when the range goes further', () => {
      const deadline = aRecurrence({ frequency: 'monthly', day: 25, endsOn: '2026-06-24' });
      expect(dueDates(occurrencesOf(deadline, '2026-03-10', '2026-12-31'))).toEqual(['2026-03-25', '2026-04-25', '2026-05-25']);
    });

    it('stops at until when endsOn is later', () => {
      const deadline = aRecurrence({ frequency: 'monthly', day: 25, endsOn: '2027-12-31' });
      expect(dueDates(occurrencesOf(deadline, '2026-03-10', '2026-04-25'))).toEqual(['2026-03-25', '2026-04-25']);
    });

    it('returns nothing when the range ends before the start or before the first due date', () => {
      const monthly = aRecurrence({ frequency: 'monthly', day: 25 });
      expect(occurrencesOf(monthly, '2026-03-10', '2026-03-01')).toEqual([]);
      expect(occurrencesOf(monthly, '2026-03-10', '2026-03-24')).toEqual([]);
      expect(occurrencesOf(aRecurrence({ ...monthly, endsOn: '2026-03-01' }), '2026-03-10', '2026-12-31')).toEqual([]);
    });

    it('lists two centuries of weekly occurrences by arithmetic, not by walking the calendar', () => {
      const occurrences = occurrencesOf(aRecurrence({ frequency: 'weekly', weekday: 1 }), '2000-01-01', '2199-12-31');
      expect(occurrences).toHaveLength(Math.floor(daysBetween('2000-01-03', '2199-12-31') / 7) + 1);
      expect(occurrences.at(-1)?.dueOn).toBe('2199-12-30');
    });

    it('throws rather than guess for a frequency no schema knows', () => {
      const daily = { kind: 'recurring', text: 'hằng ngày', frequency: 'daily' } as unknown as RecurringDeadline;
      expect(() => occurrencesOf(daily, '2026-03-01', '2026-03-31')).toThrow();
    });

    it('throws a RangeError when the range is not made of local dates', () => {
      expect(() => occurrencesOf(aRecurrence({ frequency: 'monthly' }), '2026-02-30', '2026-12-31')).toThrow(RangeError);
    });

    describe('for every rule and range', () => {
      const aCase = fc.record({ rule: aRule, anchor: aDate, span: fc.integer({ min: 0, max: 1_200 }) });

      it('lists due dates strictly increasing, each opening the day after the previous one is due', () => {
        fc.assert(
          fc.property(aCase, ({ rule, anchor, span }) => {
            const occurrences = occurrencesOf(aRecurrence(rule), anchor, addDays(anchor, span));
            occurrences.forEach((occurrence, i) => {
              expect(occurrence.index).toBe(i);
              expect(occurrence.opensOn <= occurrence.dueOn).toBe(true);
              const previous = occurrences[i - 1];
              if (previous) {
                expect(occurrence.dueOn > previous.dueOn).toBe(true);
                expect(occurrence.opensOn).toBe(addDays(previous.dueOn, 1));
              }
            });
          }),
        );
      });

      it('keeps every occurrence within [start, until] and endsOn, the first opening on the start', () => {
        fc.assert(
          fc.property(aCase, ({ rule, anchor, span }) => {
            const deadline = aRecurrence(rule);
            const until = addDays(anchor, span);
            const start = deadline.startsOn ?? anchor;
            const occurrences = occurrencesOf(deadline, anchor, until);
            for (const { dueOn } of occurrences) {
              expect(dueOn >= start && dueOn <= until).toBe(true);
              if (deadline.endsOn !== undefined) expect(dueOn <= deadline.endsOn).toBe(true);
            }
            if (occurrences[0]) expect(occurrences[0].opensOn).toBe(start);
          }),
        );
      });

      it('finds exactly the due days a day-by-day walk finds', () => {
        fc.assert(
          fc.property(aCase, ({ rule, anchor, span }) => {
            const deadline = aRecurrence(rule);
            const until = addDays(anchor, span);
            const start = deadline.startsOn ?? anchor;
            const end = deadline.endsOn !== undefined && deadline.endsOn < until ? deadline.endsOn : until;
            expect(dueDates(occurrencesOf(deadline, anchor, until))).toEqual(dueDaysByWalking(deadline, start, end));
          }),
        );
      });

      it('agrees with nextOccurrence: the next one from any day is the first listed due on or after it', () => {
        fc.assert(
          fc.property(aCase, fc.integer({ min: -100, max: 1_300 }), ({ rule, anchor, span }, offset) => {
            const deadline = aRecurrence(rule);
            const date = addDays(anchor, offset);
            const listed = occurrencesOf(deadline, anchor, addDays(anchor, span + 800));
            const expected = listed.find((occurrence) => occurrence.dueOn >= date);
            const next = nextOccurrence(deadline, anchor, date);
            if (expected) expect(next).toEqual(expected);
            if (next === undefined) expect(deadline.endsOn).toBeDefined();
          }),
        );
      });
    });
  });

  describe('nextOccurrence', () => {
    const monthly = aRecurrence({ frequency: 'monthly', day: 25 });

    it('returns the occurrence under way on a day between two due dates', () => {
      expect(nextOccurrence(monthly, '2026-01-10', '2026-05-26')).toEqual({
        index: 5,
        opensOn: '2026-05-26',
        dueOn: '2026-06-25',
      });
    });

    it('returns the occurrence due on the day itself', () => {
      expect(nextOccurrence(monthly, '2026-01-10', '2026-06-25')?.dueOn).toBe('2026-06-25');
    });

    it('returns the first occurrence, opening on the start, for a day before the start', () => {
      expect(nextOccurrence(monthly, '2026-01-10', '2025-06-01')).toEqual({
        index: 0,
        opensOn: '2026-01-10',
        dueOn: '2026-01-25',
      });
    });

    it('finds an occurrence a century away in one step', () => {
      expect(nextOccurrence(monthly, '2026-01-10', '2126-01-26')).toEqual({
        index: 1201,
        opensOn: '2126-01-26',
        dueOn: '2126-02-25',
      });
    });

    it('returns undefined once the recurrence has ended', () => {
      const ended = aRecurrence({ frequency: 'monthly', day: 25, endsOn: '2026-06-30' });
      expect(nextOccurrence(ended, '2026-01-10', '2026-06-26')).toBeUndefined();
      expect(nextOccurrence(ended, '2026-01-10', '2026-06-20')?.dueOn).toBe('2026-06-25');
    });
  });
});
