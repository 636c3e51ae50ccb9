import type { NestExpressApplication } from '@nestjs/platform-express';
import { BODY_LIMIT_BYTES } from '../config/config';
import { ApiError } from './api-error';
import { sendError, type HttpResponse } from './error.filter';

type ParserError = Error & { readonly type?: string; readonly status?: number; readonly limit?: number };

/** body-parser's errors as chidao errors: malformed JSON 400, too large 413, unknown encoding 415. */
const parserError = (error: ParserError): ApiError => {
  switch (error.type) {
    case 'entity.too.large':
      return new ApiError(
        413,
        'PayloadTooLarge',
        {
          vi: `Nội dung gửi lên vượt quá giới hạn ${BODY_LIMIT_BYTES / 1024} KB`,
          en: `The request body exceeds the ${BODY_LIMIT_BYTES / 1024} KB limit`,
        },
        { limitBytes: BODY_LIMIT_BYTES },
      );
    case 'entity.parse.failed':
      return new ApiError(
        400,
        'MalformedJson',
        { vi: `Nội dung không phải JSON hợp lệ: ${error.message}`, en: `The body is not valid JSON: ${error.message}` },
        { issues: [{ path: '', code: 'invalid_json', message: { vi: 'JSON không hợp lệ', en: 'malformed JSON' } }] },
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ApiError(415, 'UnsupportedMediaType', {
        vi: 'Chỉ nhận nội dung UTF-8',
        en: 'Only UTF-8 bodies are accepted',
      });
    default:
      return new ApiError(error.status ?? 400, 'BadRequest', { vi: `Yêu cầu không đọc được: ${error.message}`, en: `Unreadable request: ${error.message}` });
  }
};

/**
 * JSON bodies (and plain text, for `POST /imports` of a notice's text) up to 256 KB, with errors in
 * chidao's shape. An Express error middleware placed right after the parsers catches their errors
 * before any route runs.
 */
export const installBodyParsing = (app: NestExpressApplication): void => {
  app.useBodyParser('json', { limit: BODY_LIMIT_BYTES, type: ['application/json', 'application/*+json'] });
  app.useBodyParser('text', { limit: BODY_LIMIT_BYTES, type: 'text/plain' });
  app.use((error: ParserError, _request: unknown, response: HttpResponse, next: (error?: unknown) => void) => {
    if (error === undefined || error === null) {
      next();
      return;
    }
    sendError(response, parserError(error));
  });
};
