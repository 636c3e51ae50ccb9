import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runEmbeddingExample } from '../examples/embedding';

/*
 * The README shows examples/embedding.ts and what it prints. Both are checked here, so the README cannot
 * drift from code that compiles (ts-jest type-checks the example through this import) and runs.
 * To update the README, paste the file (or its output) between the markers, inside the fence.
 */

const PACKAGE = join(__dirname, '..');
const readme = readFileSync(join(PACKAGE, 'README.md'), 'utf8');
const example = readFileSync(join(PACKAGE, 'examples/embedding.ts'), 'utf8');

/** The text between `<!-- #region name -->` and `<!-- #endregion name -->`, each on its own line. */
const region = (name: string): string => {
  const start = `<!-- #region ${name} -->\n`;
  const end = `<!-- #endregion ${name} -->`;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end, from);
  if (from < 0 || to < 0) throw new Error(`README.md has no region "${name}"`);
  return readme.slice(from + start.length, to);
};

describe('README.md of @chidao/domain', () => {
  it('shows examples/embedding.ts byte for byte in its embedding region, fenced as ts', () => {
    expect(region('embedding')).toBe(`\`\`\`ts\n${example}\`\`\`\n`);
  });

  it('shows exactly what the example prints', () => {
    expect(region('embedding-output')).toBe(`\`\`\`text\n${runEmbeddingExample().join('\n')}\n\`\`\`\n`);
  });
});

describe('the embedding example', () => {
  const lines = runEmbeddingExample();

  it('resolves the agencies of the notice, and Sở TT&TT to its 2025 successor', () => {
    expect(lines.slice(0, 3)).toEqual([
      '"UBND tỉnh" → Resolved: khanh-hoa.ubnd',
      '"Sở KH&CN" → Resolved: khanh-hoa.so-khcn',
      '"Sở Thông tin và Truyền thông" → Superseded: khanh-hoa.so-khcn',
    ]);
  });

  it('records the directive, the task, one extension, the completion and its confirmation', () => {
    expect(lines.filter((line) => line.startsWith('✔'))).toEqual([
      '✔ RegisterDirective → DirectiveRegistered',
      '✔ AssignTask → TaskAssigned',
      '✔ ExtendTaskDeadline → TaskDeadlineExtended',
      '✔ ReportTaskCompletion → TaskCompletionReported',
      '✔ ConfirmTaskCompletion → TaskCompletionConfirmed',
    ]);
  });

  it('explains the refused extension in Vietnamese and English', () => {
    expect(lines.filter((line) => line.startsWith('✘'))).toEqual([
      '✘ ExtendTaskDeadline refused: DeadlineNotLater — Thời hạn mới (15/03/2026) phải sau thời hạn hiện tại (20/03/2026).' +
        ' / The new deadline (15/03/2026) must be later than the current one (20/03/2026).',
    ]);
  });

  it('prints the status on each date, against the current and the original deadline', () => {
    expect(lines).toEqual(
      expect.arrayContaining([
        '16/03/2026: Đang thực hiện trong hạn [dang_thuc_hien_trong_han], due 20/03/2026, 4 days left (sắp đến hạn)',
        '23/03/2026: Đang thực hiện trong hạn [dang_thuc_hien_trong_han], due 31/03/2026, 8 days left;' +
          ' against the original deadline: Đang thực hiện quá hạn, 3 days late',
        '23/03/2026: Đang thực hiện quá hạn [dang_thuc_hien_qua_han], due 20/03/2026, 3 days late' +
          ' (as known at 23/03 17:00, before the extension was entered)',
        '28/03/2026: Chờ xác nhận hoàn thành [cho_xac_nhan], due 31/03/2026',
        '31/03/2026: Hoàn thành đúng hạn [hoan_thanh_dung_han], due 31/03/2026; against the original deadline: Hoàn thành quá hạn, 7 days late',
      ]),
    );
  });
});
