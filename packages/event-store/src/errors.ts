import type { ExpectedRevision } from './types';

/*
 * Errors of the store carry a stable `code` and have an `isX` guard, so they are recognised across
 * package copies without `instanceof` (after Castore). Messages are Vietnamese with English alongside.
 */

/** The stable codes of event-store errors. */
export type EventStoreErrorCode = 'WRONG_EXPECTED_REVISION' | 'INVALID_APPEND' | 'INVALID_READ' | 'CORRUPT_EVENT';

/** Base of every event-store error. */
export class EventStoreError extends Error {
  constructor(
    readonly code: EventStoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EventStoreError';
  }
}

const describe = (revision: ExpectedRevision | number | null): string =>
  revision === null ? 'không có luồng / no stream' : String(revision);

/** The stream was not at the revision the caller expected: someone else appended first. */
export class WrongExpectedRevisionError extends EventStoreError {
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** The stream's revision when the append was refused; null when the stream does not exist. */
    readonly actual: number | null,
  ) {
    super(
      'WRONG_EXPECTED_REVISION',
      `Xung đột ghi luồng "${stream}": mong đợi phiên bản ${describe(expected)}, thực tế ${describe(actual)} / ` +
        `conflict on stream "${stream}": expected revision ${describe(expected)}, actual ${describe(actual)}`,
    );
    this.name = 'WrongExpectedRevisionError';
  }
}

/** One reason an append or read was refused, naming the field. */
export type InputIssue = { readonly path: string; readonly message: string };

/** An append was refused before anything was written: a bad stream name, revision or event. */
export class InvalidAppendError extends EventStoreError {
  constructor(readonly issues: readonly InputIssue[]) {
    super('INVALID_APPEND', `Dữ liệu ghi không hợp lệ / invalid append: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'InvalidAppendError';
  }
}

/** A read was refused: a bad stream name, revision, limit or position. */
export class InvalidReadError extends EventStoreError {
  constructor(readonly issues: readonly InputIssue[]) {
    super('INVALID_READ', `Yêu cầu đọc không hợp lệ / invalid read: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'InvalidReadError';
  }
}

/** A stored event could not be read as a current domain event (unknown type, failed schema, missing upcaster). */
export class CorruptEventError extends EventStoreError {
  constructor(
    readonly stream: string,
    readonly revision: number,
    readonly reason: string,
  ) {
    super('CORRUPT_EVENT', `Sự kiện ${stream}@${revision} không đọc được / unreadable event ${stream}@${revision}: ${reason}`);
    this.name = 'CorruptEventError';
  }
}

const hasCode = (error: unknown, code: EventStoreErrorCode): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;

/** True for a `WrongExpectedRevisionError`, from any copy of this package. */
export const isWrongExpectedRevision = (error: unknown): error is WrongExpectedRevisionError => hasCode(error, 'WRONG_EXPECTED_REVISION');
/** True for an `InvalidAppendError`. */
export const isInvalidAppend = (error: unknown): error is InvalidAppendError => hasCode(error, 'INVALID_APPEND');
/** True for an `InvalidReadError`. */
export const isInvalidRead = (error: unknown): error is InvalidReadError => hasCode(error, 'INVALID_READ');
/** True for a `CorruptEventError`. */
export const isCorruptEvent = (error: unknown): error is CorruptEventError => hasCode(error, 'CORRUPT_EVENT');
