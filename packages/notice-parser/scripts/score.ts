/*
 * Field-level precision and recall of the notice parser over every golden file
 * (`npm run parser:score`). A field counts as extracted when the parser gives a value (not null, not
 * an empty list), as expected when the reviewed expected file has one, and as correct when both are
 * there and equal. Precision = correct / extracted, recall = correct / expected. Tasks are matched by
 * clause number: a task the parser invents counts against precision, one it misses against recall.
 * Always exits 0: it measures, the golden spec judges.
 */
import { isDeepStrictEqual } from 'node:util';
import { parseNotice } from '../src';
import { goldenCases, goldenViewOf, type GoldenView } from '../test/support/golden';

type Tally = { extracted: number; expected: number; correct: number };
type Task = GoldenView['tasks'][number];

const DIRECTIVE_FIELDS = ['symbol', 'issuer', 'issuedOn', 'meetingOn', 'session', 'presidedBy', 'signedBy', 'subject'] as const;
const TASK_FIELDS: Readonly<Record<string, (task: Task) => unknown>> = {
  clause: (task) => task.clause,
  lead: (task) => task.lead,
  cooperating: (task) => task.cooperating,
  reportTo: (task) => task.reportTo,
  'deadline.kind': (task) => task.deadline.kind,
  'deadline.due': (task) => task.deadline.due,
  extensions: (task) => task.extensions,
  reminders: (task) => task.reminders,
};

const present = (value: unknown): boolean => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);

const newTally = (): Tally => ({ extracted: 0, expected: 0, correct: 0 });

const count = (tallies: Map<string, Tally>, field: string, got: unknown, want: unknown): void => {
  const tally = tallies.get(field) ?? newTally();
  const extracted = present(got);
  const expected = present(want);
  if (extracted) tally.extracted += 1;
  if (expected) tally.expected += 1;
  if (extracted && expected && isDeepStrictEqual(got, want)) tally.correct += 1;
  tallies.set(field, tally);
};

const scoreCase = (got: GoldenView, want: GoldenView): Map<string, Tally> => {
  const tallies = new Map<string, Tally>();
  for (const field of DIRECTIVE_FIELDS) count(tallies, `directive.${field}`, got.directive[field], want.directive[field]);
  const references = new Set([...got.directive.references, ...want.directive.references].map((reference) => reference.symbol));
  for (const symbol of references) {
    const find = (view: GoldenView) => view.directive.references.find((reference) => reference.symbol === symbol) ?? null;
    count(tallies, 'directive.references', find(got), find(want));
  }
  const clauses = [...new Set([...got.tasks, ...want.tasks].map((task) => task.clause))];
  for (const clause of clauses) {
    const gotTask = got.tasks.find((task) => task.clause === clause);
    const wantTask = want.tasks.find((task) => task.clause === clause);
    for (const [field, read] of Object.entries(TASK_FIELDS)) {
      count(tallies, `task.${field}`, gotTask === undefined ? null : read(gotTask), wantTask === undefined ? null : read(wantTask));
    }
  }
  return tallies;
};

const sum = (tallies: Iterable<Tally>): Tally => {
  const total = newTally();
  for (const tally of tallies) {
    total.extracted += tally.extracted;
    total.expected += tally.expected;
    total.correct += tally.correct;
  }
  return total;
};

const ratio = (part: number, whole: number): string => (whole === 0 ? '     —' : `${((100 * part) / whole).toFixed(1).padStart(5)}%`);

const row = (name: string, tally: Tally): string =>
  `${name.padEnd(48)} ${String(tally.expected).padStart(8)} ${String(tally.extracted).padStart(9)} ${String(tally.correct).padStart(7)}   ${ratio(tally.correct, tally.extracted).padStart(9)}   ${ratio(tally.correct, tally.expected).padStart(6)}`;

const header = (first: string): string =>
  `${first.padEnd(48)} ${'expected'.padStart(8)} ${'extracted'.padStart(9)} ${'correct'.padStart(7)}   precision   recall`;
const rule = '-'.repeat(header('').length);

const lines: string[] = [];
const byField = new Map<string, Tally>();
const byFile: [string, Tally][] = [];
const unreviewed: string[] = [];
for (const golden of goldenCases()) {
  if (golden.expected === undefined) {
    unreviewed.push(golden.name);
    continue;
  }
  const tallies = scoreCase(goldenViewOf(golden.text, parseNotice(golden.text)), golden.expected);
  byFile.push([golden.name, sum(tallies.values())]);
  for (const [field, tally] of tallies) byField.set(field, sum([byField.get(field) ?? newTally(), tally]));
}

lines.push('Notice parser — field-level precision and recall over the golden files', '', header('golden file'), rule);
for (const [name, tally] of byFile) lines.push(row(name, tally));
lines.push(rule, row('all files', sum(byFile.map(([, tally]) => tally))), '', header('field (all files)'), rule);
for (const [field, tally] of [...byField.entries()].sort(([a], [b]) => a.localeCompare(b))) lines.push(row(field, tally));
if (unreviewed.length > 0) lines.push('', `Not scored (no expected file yet): ${unreviewed.join(', ')}`);
process.stdout.write(`${lines.join('\n')}\n`);
