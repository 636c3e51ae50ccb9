import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runImportExample } from '../examples/import-notice';

/*
 * The README shows examples/import-notice.ts and what it prints; both are checked here, so the README
 * cannot drift from code that compiles (ts-jest type-checks the example through this import) and runs.
 */
const PACKAGE = join(__dirname, '..');
const readme = readFileSync(join(PACKAGE, 'README.md'), 'utf8');
const example = readFileSync(join(PACKAGE, 'examples/import-notice.ts'), 'utf8');

const region = (name: string): string => {
  const start = `<!-- #region ${name} -->\n`;
  const end = `<!-- #endregion ${name} -->`;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end, from);
  if (from < 0 || to < 0) throw new Error(`README.md has no region "${name}"`);
  return readme.slice(from + start.length, to);
};

describe('README.md of @chidao/notice-parser', () => {
  it('shows examples/import-notice.ts byte for byte, fenced as ts', () => {
    expect(region('example')).toBe(`\`\`\`ts\n${example}\`\`\`\n`);
  });

  it('shows exactly what the example prints', () => {
    expect(region('example-output')).toBe(`\`\`\`text\n${runImportExample().join('\n')}\n\`\`\`\n`);
  });

  it('imports the notice: one task assigned, the group clause skipped', () => {
    expect(runImportExample().filter((line) => /^kh-|^skipped/.test(line))).toEqual([
      'kh-ubnd-tb-125-2026/1: TaskAssigned',
      'skipped 2: Không có cơ quan chủ trì / no lead agency',
    ]);
  });
});
