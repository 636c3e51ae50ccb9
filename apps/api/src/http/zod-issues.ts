import type { z } from 'zod';
import type { Bilingual, FieldIssue } from './api-error';

/*
 * zod's issues in Vietnamese and English. The domain's own messages are already bilingual
 * ("Thiếu số ký hiệu văn bản / the document symbol is required") and are split on " / "; zod's generic
 * ones are rewritten from the issue's code and fields.
 */

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'chuỗi',
  number: 'số',
  int: 'số nguyên',
  boolean: 'true/false',
  object: 'đối tượng',
  array: 'mảng',
  date: 'ngày',
  null: 'null',
  undefined: 'không có',
  nan: 'NaN',
};

const vi = (type: string): string => TYPE_NAMES[type] ?? type;

const receivedOf = (input: unknown): string => {
  if (input === undefined) return 'undefined';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
};

/** A domain message "tiếng Việt / English", or undefined when it is not one. */
const splitBilingual = (message: string): Bilingual | undefined => {
  const at = message.indexOf(' / ');
  return at > 0 ? { vi: message.slice(0, at), en: message.slice(at + 3) } : undefined;
};

const sized = (issue: z.core.$ZodIssue & { readonly origin?: string }, small: boolean): Bilingual => {
  const limit = String((issue as { readonly minimum?: unknown; readonly maximum?: unknown })[small ? 'minimum' : 'maximum']);
  switch (issue.origin) {
    case 'string':
      if (small && limit === '1') return { vi: 'không được để trống', en: 'must not be empty' };
      return small
        ? { vi: `cần ít nhất ${limit} ký tự`, en: `must have at least ${limit} characters` }
        : { vi: `tối đa ${limit} ký tự`, en: `must have at most ${limit} characters` };
    case 'array':
    case 'set':
      return small
        ? { vi: `cần ít nhất ${limit} phần tử`, en: `must have at least ${limit} items` }
        : { vi: `tối đa ${limit} phần tử`, en: `must have at most ${limit} items` };
    default:
      return small ? { vi: `phải từ ${limit} trở lên`, en: `must be at least ${limit}` } : { vi: `phải không quá ${limit}`, en: `must be at most ${limit}` };
  }
};

/** One zod issue in both languages. */
export const explainIssue = (issue: z.core.$ZodIssue): Bilingual => {
  const own = splitBilingual(issue.message);
  if (own !== undefined) return own;
  switch (issue.code) {
    case 'invalid_type': {
      const received = receivedOf(issue.input);
      if (received === 'undefined') return { vi: 'bắt buộc, chưa có giá trị', en: 'is required' };
      return {
        vi: `sai kiểu: cần ${vi(issue.expected)}, nhận ${vi(received)}`,
        en: `wrong type: expected ${issue.expected}, received ${received}`,
      };
    }
    case 'unrecognized_keys':
      return {
        vi: `trường không được phép: ${issue.keys.join(', ')}`,
        en: `unknown field${issue.keys.length === 1 ? '' : 's'}: ${issue.keys.join(', ')}`,
      };
    case 'too_small':
      return sized(issue, true);
    case 'too_big':
      return sized(issue, false);
    case 'invalid_value':
      return {
        vi: `giá trị không hợp lệ, cần một trong: ${issue.values.map(String).join(', ')}`,
        en: `invalid value, expected one of: ${issue.values.map(String).join(', ')}`,
      };
    case 'invalid_format':
      return { vi: `sai định dạng (${issue.format})`, en: `invalid format (${issue.format})` };
    case 'invalid_union':
      return { vi: 'không khớp với dạng nào được chấp nhận', en: 'matches none of the accepted shapes' };
    case 'not_multiple_of':
      return { vi: `phải là bội số của ${String(issue.divisor)}`, en: `must be a multiple of ${String(issue.divisor)}` };
    case 'invalid_key':
    case 'invalid_element':
      return { vi: 'khóa hoặc phần tử không hợp lệ', en: 'invalid key or element' };
    case 'custom':
      return { vi: issue.message, en: issue.message };
    default: {
      const other: { readonly message: string } = issue;
      return { vi: other.message, en: other.message };
    }
  }
};

/** The path of an issue as a dotted field name: `deadline.date`, `cooperating.0`. */
export const pathOf = (path: readonly PropertyKey[], prefix: readonly PropertyKey[] = []): string =>
  [...prefix, ...path].map((part) => (typeof part === 'symbol' ? part.toString() : String(part))).join('.');

/**
 * Every issue of a failed parse, one per bad field. An unknown-keys issue is split into one issue per
 * key, so each refused field is named where it is.
 */
export const fieldIssues = (error: z.ZodError, prefix: readonly PropertyKey[] = []): FieldIssue[] =>
  error.issues.flatMap((issue): FieldIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: pathOf([...issue.path, key], prefix),
        code: issue.code,
        message: { vi: 'trường không được phép', en: 'unknown field' },
      }));
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // A discriminated union names the branch that failed; report that branch's issues.
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      if (best.length > 0) {
        return best.map((inner) => ({
          path: pathOf([...issue.path, ...inner.path], prefix),
          code: inner.code,
          message: explainIssue(inner as z.core.$ZodIssue),
        }));
      }
    }
    return [{ path: pathOf(issue.path, prefix), code: issue.code, message: explainIssue(issue) }];
  });
