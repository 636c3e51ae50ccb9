import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { ApiError, type ErrorBody } from './api-error';

/** Minimal view of Express's response that the filter and middlewares use. */
export type HttpResponse = {
  headersSent: boolean;
  status: (code: number) => HttpResponse;
  setHeader: (name: string, value: string) => unknown;
  json: (body: unknown) => unknown;
};

const GENERIC: Readonly<Record<number, { readonly code: string; readonly vi: string; readonly en: string }>> = {
  404: { code: 'NotFound', vi: 'Không có đường dẫn hoặc tài nguyên này', en: 'No such route or resource' },
  405: { code: 'MethodNotAllowed', vi: 'Phương thức không được hỗ trợ', en: 'Method not allowed' },
  413: { code: 'PayloadTooLarge', vi: 'Nội dung gửi lên quá lớn', en: 'The request body is too large' },
  415: { code: 'UnsupportedMediaType', vi: 'Kiểu nội dung không được hỗ trợ', en: 'Unsupported media type' },
};

/** The error body for any thrown value: chidao's own errors as they are, Nest's and unknown ones in the same shape. */
export const errorAnswer = (error: unknown): { readonly status: number; readonly body: ErrorBody; readonly headers: Readonly<Record<string, string>> } => {
  if (error instanceof ApiError) return { status: error.statusCode, body: error.body(), headers: error.headers };
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const known = GENERIC[status];
    const text = error.message;
    return {
      status,
      body: {
        statusCode: status,
        error: known?.code ?? error.name,
        message: { vi: known === undefined ? text : `${known.vi} (${text})`, en: known === undefined ? text : `${known.en} (${text})` },
      },
      headers: {},
    };
  }
  return {
    status: 500,
    body: {
      statusCode: 500,
      error: 'InternalError',
      message: { vi: 'Lỗi máy chủ; yêu cầu không được thực hiện', en: 'Internal server error; the request was not carried out' },
    },
    headers: {},
  };
};

/** Sends an error answer on an Express response. */
export const sendError = (response: HttpResponse, error: unknown): void => {
  const answer = errorAnswer(error);
  if (answer.status >= 500) Logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error), 'chidao');
  if (response.headersSent) return;
  for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
  response.status(answer.status).json(answer.body);
};

/** Every error a handler throws becomes one JSON shape: `{ statusCode, error, message: { vi, en }, … }`. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    sendError(host.switchToHttp().getResponse<HttpResponse>(), error);
  }
}
