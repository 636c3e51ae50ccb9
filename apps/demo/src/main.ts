import { isLocalDate } from '@chidao/domain';
import { loadNotice, renderDemo } from './demo';

/*
 * `npm start`: registers the notice of 27/02/2026 with @chidao/domain and prints every task's status
 * as of 20/03/2026, or the date given with `--as-of YYYY-MM-DD`.
 */

const DEFAULT_AS_OF = '2026-03-20';

const asOfArgument = (args: readonly string[]): string => {
  const index = args.indexOf('--as-of');
  if (index === -1) return DEFAULT_AS_OF;
  const value = args[index + 1];
  if (value === undefined || !isLocalDate(value)) {
    process.stderr.write(`Ngày không hợp lệ: "${value ?? ''}" — cần dạng YYYY-MM-DD / --as-of needs a date such as 2026-03-20\n`);
    process.exit(2);
  }
  return value;
};

process.stdout.write(`${renderDemo(loadNotice(), asOfArgument(process.argv.slice(2))).join('\n')}\n`);
