import { AGENCY_CATALOGUE, normalizeAgencyText, resolveAgency } from '@chidao/domain';
import { parseNotice, type ParsedAgency, type ParsedNotice, type Span } from '../src';
import { canonicalSymbol } from '../src/symbols';
import { goldenCases, goldenViewOf } from './support/golden';

const cases = goldenCases();
const plain = (text: string): string => text.normalize('NFC').replace(/\*+/g, '').replace(/\s+/g, ' ').trim();
// Values are NFC whatever the input; the input's own code units are compared in NFC.
const sliceOf = (text: string, span: Span): string => text.slice(span.start, span.end).normalize('NFC');

describe('golden notices (test/golden/*.txt against their reviewed *.expected.json)', () => {
  it('finds the two corpus notices and at least five written fixtures, each with an expected file', () => {
    const names = cases.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['khanh-hoa-tb-ubnd-2026-02-27-phien-6', 'khanh-hoa-03-TB-BCD-2025-04-04']));
    expect(names.filter((name) => name.startsWith('fixture-')).length).toBeGreaterThanOrEqual(5);
    expect(cases.filter((c) => c.expected === undefined).map((c) => c.name)).toEqual([]);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s parses exactly to its expected file', (_name, golden) => {
    // toEqual prints a field-by-field diff of what changed.
    expect(goldenViewOf(golden.text, parseNotice(golden.text))).toEqual(golden.expected);
  });

  it('reads the notice of 27/02/2026 as the twelve tasks of issue 4', () => {
    const golden = cases.find((c) => c.name === 'khanh-hoa-tb-ubnd-2026-02-27-phien-6');
    const parsed = parseNotice(golden?.text ?? '');
    expect(parsed.tasks.map((task) => task.clause)).toEqual(['1.a', '1.b', '1.b.2', '1.c', '1.d', '1.e', '1.g', '1.h', '2', '3.1', '3.2', '4']);
    const byClause = new Map(parsed.tasks.map((task) => [task.clause, task]));
    expect(byClause.get('1.b.2')?.extensions.map((e) => [e.value.number, e.value.to])).toEqual([[2, '2026-03-30']]);
    expect(byClause.get('1.e')?.deadline.value).toMatchObject({ kind: 'period', unit: 'month', index: 4, year: 2026 });
    expect(byClause.get('4')?.deadline.value).toMatchObject({ kind: 'event', event: { session: 7 } });
  });
});

/** Asserts that a parsed agency's span is where its name is written. */
const expectAgencySource = (text: string, parsed: ParsedAgency, onDate: string): void => {
  const written = sliceOf(text, parsed.span);
  if (parsed.agency === null) {
    expect(normalizeAgencyText(written)).toContain(normalizeAgencyText(parsed.text).split(' ')[0] ?? '');
    return;
  }
  const resolution = resolveAgency(plain(written), onDate, AGENCY_CATALOGUE);
  const named = resolution._tag === 'Resolved' ? resolution.agency : resolution._tag === 'Superseded' ? resolution.successor : undefined;
  expect(named?.id ?? parsed.text).toBe(parsed.agency.id);
};

const expectSpansPointAtSources = (text: string, parsed: ParsedNotice): void => {
  const { directive } = parsed;
  const onDate = directive.issuedOn?.value ?? directive.meetingOn?.value ?? '2026-01-01';
  if (directive.symbol !== null) expect(canonicalSymbol(sliceOf(text, directive.symbol.span))).toBe(directive.symbol.value);
  if (directive.subject !== null) expect(plain(sliceOf(text, directive.subject.span))).toBe(directive.subject.value);
  if (directive.session !== null) expect(sliceOf(text, directive.session.span)).toMatch(/phiên/iu);
  for (const field of [directive.issuedOn, directive.meetingOn]) {
    if (field === null) continue;
    const [year, month, day] = field.value.split('-').map(Number);
    const numbers = (sliceOf(text, field.span).match(/\d+/g) ?? []).map(Number);
    expect(numbers.slice(0, 2)).toEqual([day, month]);
    if (numbers.length > 2) expect(numbers[2]).toBe(year);
  }
  for (const person of [directive.presidedBy, directive.signedBy]) {
    if (person === null) continue;
    const written = plain(sliceOf(text, person.span));
    expect(written).toContain(person.value.name);
    if (person.value.title !== undefined) expect(written).toContain(person.value.title.split(',')[0]);
  }
  if (directive.issuerAgency !== null) expect(sliceOf(text, directive.issuerAgency.span).length).toBeGreaterThan(0);
  for (const reference of directive.references) {
    expect(plain(sliceOf(text, reference.span)).replace(/\s/g, '')).toContain(reference.value.symbol.replace(/^0+/, '').slice(0, 3));
  }
  for (const task of parsed.tasks) {
    expect(plain(sliceOf(text, task.content.span))).toBe(task.content.value);
    expect(sliceOf(text, task.span)).toContain(sliceOf(text, task.content.span).slice(0, 20));
    for (const agency of [task.lead, task.reportTo, ...task.cooperating]) if (agency !== null) expectAgencySource(text, agency, onDate);
    if (task.cooperatingNoteSpan !== undefined) expect(plain(sliceOf(text, task.cooperatingNoteSpan))).toBe(task.cooperatingNote);
    const deadlineWords = plain(sliceOf(text, task.deadline.span));
    if (task.deadline.span.end > task.deadline.span.start) expect(deadlineWords).toBe(task.deadline.value.text);
    for (const extension of task.extensions) expect(plain(sliceOf(text, extension.span))).toBe(extension.value.text);
    for (const reminder of task.reminders) expect(plain(sliceOf(text, reminder.span))).toContain(reminder.value.symbol);
  }
  for (const warning of parsed.warnings) {
    if (warning.span === undefined) continue;
    expect(warning.span.start).toBeGreaterThanOrEqual(0);
    expect(warning.span.end).toBeLessThanOrEqual(text.length);
    expect(warning.span.end).toBeGreaterThan(warning.span.start);
  }
};

describe('spans', () => {
  it.each(cases.map((c) => [c.name, c] as const))('every field of %s points at the text it was read from', (_name, golden) => {
    expectSpansPointAtSources(golden.text, parseNotice(golden.text));
  });

  it('points into the input exactly as given, also when it is decomposed Unicode with Windows line ends', () => {
    for (const golden of cases) {
      const input = golden.text.normalize('NFD').replace(/\n/g, '\r\n');
      const parsed = parseNotice(input);
      expect(goldenViewOf(input, parsed).tasks.map((task) => [task.clause, task.lead, task.deadline.due])).toEqual(
        golden.expected?.tasks.map((task) => [task.clause, task.lead, task.deadline.due]),
      );
      expectSpansPointAtSources(input, parsed);
    }
  });
});
