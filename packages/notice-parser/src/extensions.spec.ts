import { contextFor } from '../test/support/context';
import { deadlinesIn } from './deadlines';
import { extensionsIn, remindersIn } from './extensions';

const extensionsOf = (text: string, dates: Parameters<typeof contextFor>[1] = { meetingOn: '2026-02-27', year: 2026 }) => {
  const { ctx, warnings } = contextFor(text, dates);
  const range = { start: 0, end: ctx.src.text.length };
  const found = extensionsIn(ctx, range, deadlinesIn(ctx, range.start, range.end));
  return {
    extensions: found.map((match) => match.extension.value),
    spans: found.map((match) => text.slice(match.extension.span.start, match.extension.span.end)),
    deadlines: found.map((match) => match.deadline.value),
    warnings: warnings.map((warning) => warning.code),
  };
};

describe('extensionsIn', () => {
  it('reads "gia hạn lần 2 đến ngày 15/3/2026" inside emphasis', () => {
    const { extensions, spans, deadlines } = extensionsOf('Chiến lược dữ liệu (***gia hạn lần 2 đến ngày 15/3/2026***); đồng thời');
    expect(extensions).toEqual([
      {
        number: 2,
        to: '2026-03-15',
        deadline: { kind: 'date', date: '2026-03-15', qualifier: 'by', text: 'gia hạn lần 2 đến ngày 15/3/2026' },
        text: 'gia hạn lần 2 đến ngày 15/3/2026',
      },
    ]);
    expect(spans).toEqual(['gia hạn lần 2 đến ngày 15/3/2026']);
    expect(deadlines).toEqual([extensions[0]?.deadline]);
  });

  it('reads "đến ngày 30/3/2026 (gia hạn lần 2)" once, not also as the verb "Gia hạn" that opens the sentence', () => {
    const { extensions, spans } = extensionsOf('Gia hạn thời gian trình Chiến lược **đến ngày 30/3/2026 (gia hạn lần 2)**. Yêu cầu Sở KHCN thực hiện.');
    expect(extensions.map((e) => [e.number, e.to])).toEqual([[2, '2026-03-30']]);
    expect(spans).toEqual(['đến ngày 30/3/2026 (gia hạn lần 2)']);
  });

  it('reads an earlier extension with the document that granted it, dated by the deadline it annotates', () => {
    const { extensions, spans } = extensionsOf(
      'hoàn thành trước ngày 30/4/2026 (đã gia hạn lần 1 tại Thông báo số 180/TB-UBND ngày 20/4/2026); nay gia hạn lần thứ hai đến ngày 15/5/2026.',
    );
    expect(extensions.map(({ number, to, document }) => ({ number, to, document }))).toEqual([
      { number: 1, to: '2026-04-30', document: { symbol: '180/TB-UBND', issuedOn: '2026-04-20' } },
      { number: 2, to: '2026-05-15', document: undefined },
    ]);
    expect(spans[0]).toBe('trước ngày 30/4/2026 (đã gia hạn lần 1 tại Thông báo số 180/TB-UBND ngày 20/4/2026)');
  });

  it('keeps "gia hạn … đến ngày X" without a number, with a warning', () => {
    const { extensions, warnings } = extensionsOf('Gia hạn thời gian hoàn thành Đề án đến ngày 30/4/2026.');
    expect(extensions.map((e) => [e.number, e.to, e.deadline.text])).toEqual([[null, '2026-04-30', 'đến ngày 30/4/2026']]);
    expect(warnings).toEqual(['extension-number-missing']);
  });

  it('ignores the word without a number or a date, and warns about a numbered extension with no date', () => {
    expect(extensionsOf('Đây là lần gia hạn cuối cùng.').extensions).toEqual([]);
    const { extensions, warnings } = extensionsOf('Đề án đã gia hạn lần 3.');
    expect(extensions).toEqual([]);
    expect(warnings).toEqual(['extension-without-date']);
  });
});

describe('remindersIn', () => {
  const remindersOf = (text: string) => {
    const { ctx, warnings } = contextFor(text, { meetingOn: '2026-05-08' });
    return { reminders: remindersIn(ctx, { start: 0, end: ctx.src.text.length }).map((r) => r.value), warnings: warnings.map((w) => w.code) };
  };

  it('reads the cited document and its date', () => {
    expect(remindersOf('(***thời hạn ngày 28/02/2026 – nhắc việc đã giao tại Thông báo số 100/TB-UBND ngày 13/02/2026***)').reminders).toEqual([
      { symbol: '100/TB-UBND', date: '2026-02-13', text: 'nhắc việc đã giao tại Thông báo số 100/TB-UBND ngày 13/02/2026' },
    ]);
  });

  it('reads one reminder per document cited', () => {
    expect(
      remindersOf('(đôn đốc lần 2 theo Công văn số 55/UBND-KT ngày 02/4/2026 và Thông báo số 180/TB-UBND ngày 20/4/2026)').reminders,
    ).toEqual([
      { symbol: '55/UBND-KT', date: '2026-04-02', text: 'đôn đốc lần 2 theo Công văn số 55/UBND-KT ngày 02/4/2026' },
      { symbol: '180/TB-UBND', date: '2026-04-20', text: 'đôn đốc lần 2 theo Thông báo số 180/TB-UBND ngày 20/4/2026' },
    ]);
  });

  it('warns about a reminder whose document has no date', () => {
    expect(remindersOf('nhắc việc đã giao tại Thông báo số 100/TB-UBND.')).toEqual({ reminders: [], warnings: ['reminder-incomplete'] });
  });
});
