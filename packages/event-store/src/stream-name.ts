/*
 * Stream names. A directive's events live in `directive-<directiveId>`, each of its tasks in
 * `task-<directiveId>/<taskId>`: the shared prefix is what lets every backend read a directive —
 * its stream and its tasks' streams — without scanning anything else (EventStoreDB with a stream-name
 * prefix filter, PostgreSQL with an indexed directive column).
 */

/** Longest stream name accepted. */
export const MAX_STREAM_NAME_LENGTH = 300;

const DIRECTIVE_PREFIX = 'directive-';
const TASK_PREFIX = 'task-';

/** Why a stream name is refused, or undefined when it is fine. */
export const streamNameProblem = (stream: unknown): string | undefined => {
  if (typeof stream !== 'string') return 'tên luồng phải là chuỗi / the stream name must be a string';
  if (stream.length === 0) return 'tên luồng rỗng / the stream name is empty';
  if (stream.length > MAX_STREAM_NAME_LENGTH)
    return `tên luồng dài ${stream.length} ký tự, tối đa ${MAX_STREAM_NAME_LENGTH} / the stream name has ${stream.length} characters, at most ${MAX_STREAM_NAME_LENGTH}`;
  if (/[\u0000-\u001f\u007f]/.test(stream)) return 'tên luồng chứa ký tự điều khiển / the stream name contains control characters';
  if (stream.startsWith('$')) return 'tên luồng không được bắt đầu bằng "$" / stream names starting with "$" are reserved';
  if (stream !== stream.normalize('NFC')) return 'tên luồng phải ở dạng Unicode NFC / the stream name must be Unicode NFC';
  return undefined;
};

const checkDirectiveId = (directiveId: string): string => {
  if (directiveId.length === 0 || directiveId.includes('/')) {
    throw new RangeError(`a directive id must be non-empty and contain no "/": ${JSON.stringify(directiveId)}`);
  }
  return directiveId;
};

/** The stream of a directive. */
export const directiveStream = (directiveId: string): string => `${DIRECTIVE_PREFIX}${checkDirectiveId(directiveId)}`;

/** The stream of one task of a directive. */
export const taskStream = (directiveId: string, taskId: string): string => `${TASK_PREFIX}${checkDirectiveId(directiveId)}/${taskId}`;

/** The directive a stream belongs to by name, or null for a stream outside the convention. */
export const directiveIdOfStream = (stream: string): string | null => {
  if (stream.startsWith(DIRECTIVE_PREFIX)) {
    const id = stream.slice(DIRECTIVE_PREFIX.length);
    return id.length > 0 && !id.includes('/') ? id : null;
  }
  if (stream.startsWith(TASK_PREFIX)) {
    const slash = stream.indexOf('/', TASK_PREFIX.length);
    return slash > TASK_PREFIX.length && slash < stream.length - 1 ? stream.slice(TASK_PREFIX.length, slash) : null;
  }
  return null;
};

/** The stream-name prefixes that select exactly one directive's streams (the directive stream is matched exactly). */
export const directiveStreamPrefixes = (directiveId: string): { readonly exact: string; readonly taskPrefix: string } => ({
  exact: directiveStream(directiveId),
  taskPrefix: `${TASK_PREFIX}${checkDirectiveId(directiveId)}/`,
});
