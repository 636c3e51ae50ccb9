/*
 * Writes the parser's current output as the expected file of every golden notice: run it after a
 * deliberate change, then read `git diff packages/notice-parser/test/golden` line by line against the
 * notices before committing — an expected file is a reviewed statement of what the text says, not a
 * snapshot to accept. `npx tsx packages/notice-parser/scripts/update-golden.ts [name…]`
 */
import { writeFileSync } from 'node:fs';
import { parseNotice } from '../src';
import { expectedFileOf, goldenCases, goldenViewOf } from '../test/support/golden';

const only = process.argv.slice(2);
for (const { name, text } of goldenCases()) {
  if (only.length > 0 && !only.includes(name)) continue;
  writeFileSync(expectedFileOf(name), `${JSON.stringify(goldenViewOf(text, parseNotice(text)), null, 2)}\n`);
  process.stdout.write(`wrote ${name}.expected.json\n`);
}
