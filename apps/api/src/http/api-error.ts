import { HttpException } from '@nestjs/common';

/** A sentence for people: Vietnamese first, English alongside. */
export type Bilingual = { readonly vi: string; readonly en: string };

/** One bad field of a request: where, what zod found, and why in both languages. */
export type FieldIssue = { readonly path: string; readonly code: string; readonly message: Bilingual };

/**
 * The body of every error answer: the HTTP status, a stable code (a domain error's `_tag` for a
 * broken rule), a bilingual message, and whatever else explains it (`issues`, `data`, `expected`…).
 */
export type ErrorBody = {
  readonly statusCode: number;
  readonly error: string;
  readonly message: Bilingual;
  readonly [extra: string]: unknown;
};

/** An HTTP error with a body in the shape every chidao error has. */
export class ApiError extends HttpException {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly text: Bilingual,
    readonly extra: Readonly<Record<string, unknown>> = {},
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super({ statusCode, error: code, message: text, ...extra } satisfies ErrorBody, statusCode);
  }

  /** The body sent for this error. */
  body(): ErrorBody {
    return this.getResponse() as ErrorBody;
  }
}

/** 400 with the list of bad fields. */
export const validationFailed = (issues: readonly FieldIssue[], where = 'body'): ApiError =>
  new ApiError(
    400,
    'ValidationFailed',
    {
      vi: `Dữ liệu gửi lên không hợp lệ (${issues.length} lỗi): ${issues.map((issue) => `${issue.path || where}: ${issue.message.vi}`).join('; ')}`,
      en: `The request is invalid (${issues.length} issue${issues.length === 1 ? '' : 's'}): ${issues.map((issue) => `${issue.path || where}: ${issue.message.en}`).join('; ')}`,
    },
    { issues },
  );

/** 401: no token, or one that does not verify. */
export const unauthenticated = (why: Bilingual): ApiError =>
  new ApiError(401, 'Unauthenticated', why, {}, { 'WWW-Authenticate': 'Bearer realm="chidao"' });

/** 403: the caller's role or agency may not do this. */
export const forbidden = (why: Bilingual, extra: Readonly<Record<string, unknown>> = {}): ApiError => new ApiError(403, 'Forbidden', why, extra);
