import { verifyBundle, type VerifyResult, type VerifyScope } from '@chidao/event-store';
import * as path from 'node:path';
import { CliError, usageError, type CliIo } from '../io';
import { openStore } from '../open-store';

export type VerifyArgs = { readonly directive?: string; readonly bundle?: string; readonly json: boolean };

/** `--bundle <file>`: verifies an export bundle (the API's audit export) offline, without any store. */
const verifyBundleFile = async (io: CliIo, file: string, json: boolean): Promise<number> => {
  let text: string;
  try {
    text = await io.readFile(path.resolve(io.cwd, file));
  } catch (error) {
    throw new CliError(`Không đọc được tệp "${file}" / cannot read file "${file}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let bundle: unknown;
  try {
    bundle = JSON.parse(text);
  } catch (error) {
    throw new CliError(`Tệp "${file}" không phải JSON / "${file}" is not JSON: ${(error as Error).message}`);
  }
  let result: VerifyResult;
  try {
    result = await verifyBundle(bundle);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const scope = (bundle as { scope: VerifyScope }).scope;
  const where = `gói xuất / bundle ${file}`;
  if (json) io.out(JSON.stringify({ bundle: file, scope, ...result }, null, 2));
  else for (const line of render(result, scope.kind === 'directive' ? scope.directiveId : undefined, where)) io.out(line);
  return result.ok ? 0 : 1;
};

/**
 * `chidao verify [--directive X | --bundle F]`: walks the hash chains and anchors of one directive or
 * of the whole store, or of an export bundle offline. Exit 0 when every link holds, 1 at the first
 * broken one, which it names.
 */
export const verifyCommand = async (io: CliIo, args: VerifyArgs): Promise<number> => {
  if (args.bundle !== undefined) {
    if (args.directive !== undefined) throw usageError('--bundle và --directive không dùng cùng nhau', '--bundle and --directive cannot be combined');
    return verifyBundleFile(io, args.bundle, args.json);
  }
  const { store, where } = await openStore(io.env, io.cwd);
  try {
    const scope: VerifyScope = args.directive === undefined ? { kind: 'all' } : { kind: 'directive', directiveId: args.directive };
    const result = await store.verify(scope);
    if (args.json) io.out(JSON.stringify({ store: where, scope, ...result }, null, 2));
    else for (const line of render(result, args.directive, where)) io.out(line);
    return result.ok ? 0 : 1;
  } finally {
    await store.close();
  }
};

const render = (result: VerifyResult, directive: string | undefined, where: string): string[] => {
  const scope = directive === undefined ? 'toàn bộ kho / the whole store' : `văn bản ${directive} / directive ${directive}`;
  const counted = `${result.streams} luồng, ${result.events} sự kiện, ${result.anchors} mốc neo / ${result.streams} streams, ${result.events} events, ${result.anchors} anchors`;
  if (result.ok) return [`Kiểm tra ${scope} trong ${where}`, `✓ Toàn vẹn / intact: ${counted}`];
  return [
    `Kiểm tra ${scope} trong ${where}`,
    `✗ Chuỗi băm bị phá vỡ / the hash chain is broken (${result.reason})`,
    `  Luồng / stream: ${result.stream}, phiên bản / revision ${result.revision}${result.position === null ? '' : `, vị trí / position ${result.position}`}`,
    `  ${result.message.vi}`,
    `  ${result.message.en}`,
    `  Đã kiểm tra / checked: ${counted}`,
  ];
};
