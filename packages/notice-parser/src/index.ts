/**
 * @chidao/notice-parser — reads the text of a Vietnamese notice of conclusions (*thông báo kết luận*)
 * into a directive and its tasks, with the character span of every field, and turns the result into
 * chidao's domain commands. Pure: no I/O, no clock; depends only on @chidao/domain, zod and fp-ts.
 */

export type {
  ParseNoticeOptions,
  ParseWarning,
  ParsedAgency,
  ParsedDirective,
  ParsedExtension,
  ParsedNotice,
  ParsedPerson,
  ParsedReference,
  ParsedReminder,
  ParsedTask,
  Span,
  Spanned,
} from './types';
export { parseNotice } from './parse-notice';

export type { ImportJson, ImportJsonAgency, ImportJsonDeadline, ImportJsonTask } from './import-json';
export { toImportJson } from './import-json';

export type { AssignTaskData, ImportCommands, ImportCommandsOptions, NoticeNotImportable, TaskImport } from './import-commands';
export { isNoticeNotImportable, toImportCommands } from './import-commands';

export { directiveIdOf } from './directive-id';
