import { ZodError } from 'zod';
import {
  DEFAULT_DEADLINE_SETTINGS,
  compareDeadlines,
  dateDeadline,
  dueDateOf,
  eventDeadline,
  isExtendable,
  noDeadline,
  periodBoundsOf,
  periodDeadline,
  recurringDeadline,
  scheduleEvent,
  type DeadlineSettings,
} from './deadline';
import * as deadlineFormat from './deadline.format';
import * as deadlineRecurrence from './deadline.recurrence';
import * as deadlineRules from './deadline';
import * as deadlineSchema from './deadline.schema';
import { DeadlineSchema, type Deadline, type PeriodDeadline } from './deadline.schema';
import * as deadlineIndex from './index';

const EXCLUSIVE: DeadlineSettings = { beforeIsInclusive: false };
const aSession = { kind: 'meeting', description: 'phiên họp thứ 7', body: 'Ban Chỉ đạo', session: 7 } as const;

describe('deadlines (thời hạn)', () => {
  describe('the deadline schema', () => {
    const issuesOf = (input: unknown) => {
      const result = DeadlineSchema.safeParse(input);
      expect(result.success).toBe(false);
      return result.error?.issues ?? [];
    };

    it('parses each of the five kinds', () => {
      const deadlines: readonly Deadline[] = [
        { kind: 'date', text: 'trước ngày 20/3/2026', date: '2026-03-20', qualifier: 'before' },
        { kind: 'period', text: 'trong quý II/2026', unit: 'quarter', year: 2026, index: 2 },
        { kind: 'event', text: 'báo cáo tại phiên họp thứ 7', event: aSession },
        { kind: 'recurring', text: 'trước ngày 25 hằng tháng', frequency: 'monthly', day: 25 },
        { kind: 'none', text: 'thường xuyên', reason: 'continuous' },
      ];
      for (const deadline of deadlines) expect(DeadlineSchema.parse(deadline)).toEqual(deadline);
    });

    it('fails on 2026-02-30, a day that does not exist', () => {
      const issues = issuesOf({ kind: 'date', text: 'trước ngày 30/2/2026', date: '2026-02-30', qualifier: 'before' });
      expect(issues[0]?.path).toEqual(['date']);
    });

    it.each([
      ['quarter', 5],
      ['half', 3],
      ['month', 13],
      ['month', 0],
    ])('fails on a %s with index %i, out of range', (unit, index) => {
      const issues = issuesOf({ kind: 'period', text: 'x', unit, year: 2026, index });
      expect(issues[0]?.path).toEqual(['index']);
    });

    it('fails on a year that carries an index', () => {
      const issues = issuesOf({ kind: 'period', text: 'trong năm 2026', unit: 'year', year: 2026, index: 1 });
      expect(issues[0]?.path).toEqual(['index']);
      expect(issues[0]?.message).toMatch(/absent for a year/);
    });

    it('fails on a month without an index', () => {
      const issues = issuesOf({ kind: 'period', text: 'trong tháng', unit: 'month', year: 2026 });
      expect(issues[0]?.message).toMatch(/1–12 for a month/);
    });

    it.each([[undefined], [''], ['   ']])('fails when the words of the document are %p', (text) => {
      const issues = issuesOf({ kind: 'none', reason: 'continuous', ...(text === undefined ? {} : { text }) });
      expect(issues[0]?.path).toEqual(['text']);
    });

    it('keeps the words trimmed', () => {
      expect(DeadlineSchema.parse({ kind: 'none', text: '  kịp thời ', reason: 'prompt' }).text).toBe('kịp thời');
    });

    it('fails on a field no kind defines, an unknown kind, and out-of-range recurrence fields', () => {
      issuesOf({ kind: 'date', text: 'x', date: '2026-03-20', qualifier: 'by', extra: 1 });
      issuesOf({ kind: 'soon', text: 'x' });
      issuesOf({ kind: 'recurring', text: 'x', frequency: 'monthly', day: 32 });
      issuesOf({ kind: 'recurring', text: 'x', frequency: 'weekly', weekday: 0 });
      issuesOf({ kind: 'period', text: 'x', unit: 'year', year: 1944 });
    });
  });

  describe('dueDateOf', () => {
    it('returns 20/03/2026 for "chậm nhất ngày 20/03/2026", whatever the setting', () => {
      const deadline = dateDeadline('2026-03-20', 'by');
      expect(dueDateOf(deadline)).toBe('2026-03-20');
      expect(dueDateOf(deadline, EXCLUSIVE)).toBe('2026-03-20');
    });

    it('returns 20/03/2026 for "trước ngày 20/03/2026" by default, which counts the day itself', () => {
      expect(DEFAULT_DEADLINE_SETTINGS.beforeIsInclusive).toBe(true);
      expect(dueDateOf(dateDeadline('2026-03-20', 'before'))).toBe('2026-03-20');
    });

    it('returns 19/03/2026 for "trước ngày 20/03/2026" when "trước" excludes the day', () => {
      expect(dueDateOf(dateDeadline('2026-03-20', 'before'), EXCLUSIVE)).toBe('2026-03-19');
    });

    it('steps back over the end of February when "trước ngày 01/03" excludes the day', () => {
      expect(dueDateOf(dateDeadline('2024-03-01', 'before'), EXCLUSIVE)).toBe('2024-02-29');
      expect(dueDateOf(dateDeadline('2026-03-01', 'before'), EXCLUSIVE)).toBe('2026-02-28');
      expect(dueDateOf(dateDeadline('2027-01-01', 'before'), EXCLUSIVE)).toBe('2026-12-31');
    });

    it('returns 30/04/2026 for "trong tháng 4/2026"', () => {
      expect(dueDateOf(periodDeadline('month', 2026, 4))).toBe('2026-04-30');
    });

    it.each([
      [2024, '2024-02-29'],
      [2026, '2026-02-28'],
      [2100, '2100-02-28'],
      [2000, '2000-02-29'],
    ])('returns the last day of February %i for "trong tháng 2/%i": %s', (year, due) => {
      expect(dueDateOf(periodDeadline('month', year, 2))).toBe(due);
    });

    it.each([
      [1, '2026-03-31'],
      [2, '2026-06-30'],
      [3, '2026-09-30'],
      [4, '2026-12-31'],
    ])('returns the last day of quarter %i of 2026: %s', (quarter, due) => {
      expect(dueDateOf(periodDeadline('quarter', 2026, quarter))).toBe(due);
    });

    it('returns 30/06/2026 for "6 tháng đầu năm 2026" and 31/12/2026 for "6 tháng cuối năm 2026"', () => {
      expect(dueDateOf(periodDeadline('half', 2026, 1))).toBe('2026-06-30');
      expect(dueDateOf(periodDeadline('half', 2026, 2))).toBe('2026-12-31');
    });

    it('returns 31/12/2026 for "trong năm 2026"', () => {
      expect(dueDateOf(periodDeadline('year', 2026))).toBe('2026-12-31');
    });

    it('returns undefined for an event not yet scheduled, then the meeting day once it is', () => {
      const deadline = eventDeadline(aSession, 'báo cáo tại phiên họp thứ 7');
      expect(dueDateOf(deadline)).toBeUndefined();
      expect(dueDateOf(scheduleEvent(deadline, '2026-05-15'))).toBe('2026-05-15');
    });

    it('returns undefined for a recurring deadline, whose occurrences each have their own due date', () => {
      expect(dueDateOf(recurringDeadline({ frequency: 'monthly', day: 25 }))).toBeUndefined();
    });

    it('returns undefined for "thường xuyên"', () => {
      expect(dueDateOf(noDeadline('continuous'))).toBeUndefined();
    });

    it('throws a RangeError on a period that skipped the schema, rather than inventing a date', () => {
      const unparsed = { kind: 'period', text: 'x', unit: 'quarter', year: 2026, index: 5 } as PeriodDeadline;
      expect(() => dueDateOf(unparsed)).toThrow(RangeError);
      const noIndex = { kind: 'period', text: 'x', unit: 'month', year: 2026 } as PeriodDeadline;
      expect(() => dueDateOf(noIndex)).toThrow(/parse with DeadlineSchema/);
    });
  });

  describe('periodBoundsOf', () => {
    it.each([
      { deadline: periodDeadline('month', 2024, 2), startsOn: '2024-02-01', endsOn: '2024-02-29' },
      { deadline: periodDeadline('quarter', 2026, 2), startsOn: '2026-04-01', endsOn: '2026-06-30' },
      { deadline: periodDeadline('quarter', 2026, 4), startsOn: '2026-10-01', endsOn: '2026-12-31' },
      { deadline: periodDeadline('half', 2026, 1), startsOn: '2026-01-01', endsOn: '2026-06-30' },
      { deadline: periodDeadline('half', 2026, 2), startsOn: '2026-07-01', endsOn: '2026-12-31' },
      { deadline: periodDeadline('year', 2026), startsOn: '2026-01-01', endsOn: '2026-12-31' },
    ])('spans "$deadline.text" from $startsOn to $endsOn', ({ deadline, startsOn, endsOn }) => {
      expect(periodBoundsOf(deadline)).toEqual({ startsOn, endsOn });
    });
  });

  describe('scheduleEvent', () => {
    it('gives the event a date and keeps the words of the document', () => {
      const deadline = eventDeadline(aSession, 'báo cáo tại phiên họp thứ 7');
      const scheduled = scheduleEvent(deadline, '2026-05-15');
      expect(scheduled).toEqual({ ...deadline, scheduledOn: '2026-05-15' });
      expect(deadline.scheduledOn).toBeUndefined();
    });

    it('moves an event that was already scheduled', () => {
      const deadline = scheduleEvent(eventDeadline(aSession), '2026-05-15');
      expect(dueDateOf(scheduleEvent(deadline, '2026-05-22'))).toBe('2026-05-22');
    });
  });

  describe('compareDeadlines', () => {
    const current = dateDeadline('2026-03-20', 'by');

    it('says "later" for a later date, and for a period ending after it', () => {
      expect(compareDeadlines(dateDeadline('2026-04-15', 'by'), current)).toBe('later');
      expect(compareDeadlines(periodDeadline('month', 2026, 4), current)).toBe('later');
    });

    it('says "same" for the same day, however it is worded', () => {
      expect(compareDeadlines(dateDeadline('2026-03-20', 'before'), current)).toBe('same');
      expect(compareDeadlines(periodDeadline('month', 2026, 4), dateDeadline('2026-04-30', 'by'))).toBe('same');
    });

    it('says "earlier" for an earlier date', () => {
      expect(compareDeadlines(dateDeadline('2026-03-19', 'by'), current)).toBe('earlier');
    });

    it('applies the setting: "trước ngày 21/03" is the same as "chậm nhất ngày 20/03" when "trước" excludes the day', () => {
      const candidate = dateDeadline('2026-03-21', 'before');
      expect(compareDeadlines(candidate, current)).toBe('later');
      expect(compareDeadlines(candidate, current, EXCLUSIVE)).toBe('same');
    });

    it('says "incomparable" when either deadline has no due date', () => {
      expect(compareDeadlines(noDeadline('continuous'), current)).toBe('incomparable');
      expect(compareDeadlines(current, recurringDeadline({ frequency: 'monthly' }))).toBe('incomparable');
      expect(compareDeadlines(eventDeadline(aSession), current)).toBe('incomparable');
    });

    it('compares a scheduled event by its date', () => {
      expect(compareDeadlines(scheduleEvent(eventDeadline(aSession), '2026-05-15'), current)).toBe('later');
    });
  });

  describe('isExtendable', () => {
    it.each<{ deadline: Deadline; extendable: boolean }>([
      { deadline: dateDeadline('2026-03-20', 'before'), extendable: true },
      { deadline: periodDeadline('quarter', 2026, 2), extendable: true },
      { deadline: eventDeadline(aSession), extendable: true },
      { deadline: recurringDeadline({ frequency: 'monthly', day: 25 }), extendable: false },
      { deadline: noDeadline('prompt'), extendable: false },
    ])('says whether a $deadline.kind deadline ("$deadline.text") can be extended: $extendable', ({ deadline, extendable }) => {
      expect(isExtendable(deadline)).toBe(extendable);
    });
  });

  describe('deadlines that skipped the schema', () => {
    // The union is closed for the compiler; these casts stand for data that was never parsed.
    const unknownKind = { kind: 'soon', text: 'sớm' } as unknown as Deadline;
    const unknownUnit = { kind: 'period', text: 'x', unit: 'decade', year: 2026 } as unknown as PeriodDeadline;

    it('throw rather than guess for a kind or a unit no schema knows', () => {
      expect(() => dueDateOf(unknownKind)).toThrow();
      expect(() => isExtendable(unknownKind)).toThrow();
      expect(() => periodBoundsOf(unknownUnit)).toThrow();
    });
  });

  describe('the deadline entry point (index.ts)', () => {
    it('exports the schemas and every computation, but not the internal period index check', () => {
      const { periodIndexOf: _internal, ...format } = deadlineFormat;
      const expected = [deadlineSchema, deadlineRules, deadlineRecurrence, format].flatMap((module) => Object.keys(module));
      expect(Object.keys(deadlineIndex).sort()).toEqual([...new Set(expected)].sort());
      expect(_internal).toBeInstanceOf(Function);
    });
  });

  describe('constructors', () => {
    it('word the deadline from its normalised form when no text is given', () => {
      expect(dateDeadline('2026-03-20', 'before')).toEqual({
        kind: 'date',
        text: 'trước ngày 20/03/2026',
        date: '2026-03-20',
        qualifier: 'before',
      });
      expect(periodDeadline('quarter', 2026, 2).text).toBe('trong quý II/2026');
      expect(eventDeadline(aSession).text).toBe('tại phiên họp thứ 7 (chưa có ngày)');
      expect(recurringDeadline({ frequency: 'monthly', day: 25 }).text).toBe('trước ngày 25 hằng tháng');
      expect(noDeadline('continuous').text).toBe('thường xuyên');
    });

    it('keep the words of the document when given, trimmed', () => {
      expect(dateDeadline('2026-03-06', 'by', ' chậm nhất ngày 06/3/2026 ').text).toBe('chậm nhất ngày 06/3/2026');
      expect(periodDeadline('year', 2026, undefined, 'trong năm 2026').text).toBe('trong năm 2026');
    });

    it('build deadlines that the schema parses back unchanged', () => {
      const built: readonly Deadline[] = [
        dateDeadline('2026-03-20', 'before'),
        periodDeadline('year', 2026),
        eventDeadline({ kind: 'other', description: 'Bộ Tài chính có ý kiến' }),
        recurringDeadline({ frequency: 'weekly', weekday: 5, startsOn: '2026-03-02', endsOn: '2026-12-31' }),
        noDeadline('unspecified'),
      ];
      for (const deadline of built) expect(DeadlineSchema.parse(deadline)).toEqual(deadline);
    });

    it('leave out an absent period index rather than writing it as undefined', () => {
      expect(Object.keys(periodDeadline('year', 2026))).not.toContain('index');
    });

    it('throw a ZodError on invalid input: 30/02/2026, quý 5, a year with an index, empty words', () => {
      expect(() => dateDeadline('2026-02-30', 'before')).toThrow(ZodError);
      expect(() => periodDeadline('quarter', 2026, 5)).toThrow(ZodError);
      expect(() => periodDeadline('year', 2026, 1)).toThrow(ZodError);
      expect(() => noDeadline('continuous', '  ')).toThrow(ZodError);
      expect(() => recurringDeadline({ frequency: 'monthly', day: 0 })).toThrow(ZodError);
    });
  });
});
