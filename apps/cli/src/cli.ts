import { parseArgs, type ParseArgsConfig } from 'node:util';
import { historyCommand } from './commands/history';
import { importCommand } from './commands/import';
import { statusCommand } from './commands/status';
import { verifyCommand } from './commands/verify';
import { CliError, usageError, type CliIo } from './io';

export { nodeIo } from './io';
export type { CliIo } from './io';

export const HELP = `chidao — theo dõi nhiệm vụ trong văn bản chỉ đạo / tasks of Vietnamese directives as event streams

Cách dùng / usage:
  chidao import <tệp/file> [--dry-run] [--json] [--yes] [--user U]
      Đọc thông báo kết luận, xem trước rồi ghi văn bản và nhiệm vụ vào kho.
      Parse a notice of conclusions, preview it, then record its directive and tasks.
  chidao history <mã văn bản | mã nhiệm vụ> [--as-of YYYY-MM-DD] [--known-at THỜI-ĐIỂM] [--json]
      Lịch sử đầy đủ; đúng đến ngày D, theo dữ liệu hệ thống có lúc T.
      Full history; what was true on date D, as the system knew it at instant T.
  chidao verify [--directive <mã văn bản> | --bundle <tệp/file>] [--json]
      Kiểm tra chuỗi băm và mốc neo, trong kho hoặc gói xuất (mã thoát 1 nếu bị sửa).
      Verify hash chains and anchors, in the store or an export bundle offline (exit 1 if altered).
  chidao status [--agency <mã hoặc tên cơ quan>] [--as-of YYYY-MM-DD] [--json]
      Tình trạng từng nhiệm vụ tính đến ngày D. Each task's status as of date D.

Kho / store: EVENTSTORE_URL (EventStoreDB), DATABASE_URL (PostgreSQL), mặc định / default: PGlite ./data (CHIDAO_DATA_DIR).`;

type Spec = { readonly positionals: number; readonly options: NonNullable<ParseArgsConfig['options']>; readonly usage: string };

const json = { type: 'boolean' } as const;
const SPECS: Readonly<Record<string, Spec>> = {
  import: {
    positionals: 1,
    options: { 'dry-run': { type: 'boolean' }, json, yes: { type: 'boolean', short: 'y' }, user: { type: 'string' } },
    usage: 'chidao import <tệp/file> [--dry-run] [--json] [--yes]',
  },
  history: { positionals: 1, options: { 'as-of': { type: 'string' }, 'known-at': { type: 'string' }, json }, usage: 'chidao history <mã/id> [--as-of D] [--known-at T]' },
  verify: { positionals: 0, options: { directive: { type: 'string' }, bundle: { type: 'string' }, json }, usage: 'chidao verify [--directive X | --bundle F]' },
  status: { positionals: 0, options: { agency: { type: 'string' }, 'as-of': { type: 'string' }, json }, usage: 'chidao status [--agency X] [--as-of D]' },
};

type Parsed = { readonly positionals: readonly string[]; readonly values: Readonly<Record<string, string | boolean | undefined>> };

const parse = (command: string, spec: Spec, argv: readonly string[]): Parsed => {
  let parsed: Parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: spec.options, allowPositionals: true, strict: true }) as Parsed;
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message);
    const missing = /Option '([^']+)[^']*' argument missing/.exec(message);
    const vi = unknown ? `Tùy chọn không có: ${unknown[1]}` : missing ? `Tùy chọn ${missing[1]} cần một giá trị` : 'Tham số không hợp lệ';
    throw usageError(`${vi} (cách dùng: ${spec.usage})`, message);
  }
  if (parsed.positionals.length !== spec.positionals) {
    throw usageError(
      spec.positionals === 0
        ? `"chidao ${command}" không nhận tham số ${parsed.positionals.map((p) => `"${p}"`).join(', ')} (cách dùng: ${spec.usage})`
        : `"chidao ${command}" cần đúng ${spec.positionals} tham số, nhận ${parsed.positionals.length} (cách dùng: ${spec.usage})`,
      spec.positionals === 0 ? `"chidao ${command}" takes no arguments` : `"chidao ${command}" takes exactly ${spec.positionals} argument, got ${parsed.positionals.length}`,
    );
  }
  return parsed;
};

const str = (value: string | boolean | undefined): string | undefined => (typeof value === 'string' ? value : undefined);
const optional = <Key extends string>(key: Key, value: string | undefined): { [K in Key]?: string } =>
  (value === undefined ? {} : { [key]: value }) as { [K in Key]?: string };

/**
 * Runs one `chidao` command and returns its exit code: 0 done, 1 refused or failed (an unreadable
 * file, a broken hash chain, a refused command), 2 bad usage. Errors are printed in Vietnamese with
 * English alongside; nothing is written when the arguments are wrong.
 */
export const runCli = async (argv: readonly string[], io: CliIo): Promise<number> => {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.out(HELP);
    return command === undefined ? 2 : 0;
  }
  const spec = SPECS[command];
  try {
    if (spec === undefined) throw usageError(`Lệnh không có: "${command}" (chạy "chidao help")`, `unknown command "${command}" (run "chidao help")`);
    const { positionals, values } = parse(command, spec, rest);
    const asJson = values['json'] === true;
    switch (command) {
      case 'import':
        return await importCommand(io, {
          file: positionals[0]!,
          dryRun: values['dry-run'] === true,
          json: asJson,
          yes: values['yes'] === true,
          ...optional('user', str(values['user'])),
        });
      case 'history':
        return await historyCommand(io, {
          target: positionals[0]!,
          json: asJson,
          ...optional('asOf', str(values['as-of'])),
          ...optional('knownAt', str(values['known-at'])),
        });
      case 'verify':
        return await verifyCommand(io, { json: asJson, ...optional('directive', str(values['directive'])), ...optional('bundle', str(values['bundle'])) });
      default:
        return await statusCommand(io, { json: asJson, ...optional('agency', str(values['agency'])), ...optional('asOf', str(values['as-of'])) });
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`Lỗi / error: ${error.message}`);
      return error.exitCode;
    }
    throw error;
  }
};
