import { Controller, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { Roles } from '../auth/auth.guard';
import { principalOf } from '../auth/principal';
import { COMMANDS } from '../app/tokens';
import { ApiError } from '../http/api-error';
import { endpointOfRoute, type CommandParams } from './command-endpoints';
import type { CommandAnswer, CommandService } from './command.service';

type CommandHttpRequest = {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body?: unknown;
};
type CommandHttpResponse = { status: (code: number) => unknown; setHeader: (name: string, value: string) => unknown };

const header = (request: CommandHttpRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

/**
 * The command endpoints (see command-endpoints.ts for the table). Three routes take them all: the
 * segment after the ids names the command, so the table stays the one list of what exists.
 */
@Controller()
@Roles('secretariat', 'agency', 'admin')
export class CommandsController {
  constructor(@Inject(COMMANDS) private readonly commands: CommandService) {}

  @Post('directives')
  registerDirective(@Req() request: CommandHttpRequest, @Res({ passthrough: true }) response: CommandHttpResponse) {
    return this.run('/directives', {}, request, response);
  }

  @Post('directives/:directiveId/:segment')
  directiveCommand(
    @Param('directiveId') directiveId: string,
    @Param('segment') segment: string,
    @Req() request: CommandHttpRequest,
    @Res({ passthrough: true }) response: CommandHttpResponse,
  ) {
    return this.run(`/directives/:directiveId/${segment}`, { directiveId }, request, response);
  }

  @Post('tasks/:directiveId/:localId/:segment')
  taskCommand(
    @Param('directiveId') directiveId: string,
    @Param('localId') localId: string,
    @Param('segment') segment: string,
    @Req() request: CommandHttpRequest,
    @Res({ passthrough: true }) response: CommandHttpResponse,
  ) {
    return this.run(`/tasks/:directiveId/:localId/${segment}`, { directiveId, localId }, request, response);
  }

  private async run(route: string, params: CommandParams, request: CommandHttpRequest, response: CommandHttpResponse) {
    const endpoint = endpointOfRoute(route);
    if (endpoint === undefined) {
      throw new ApiError(404, 'UnknownCommand', {
        vi: `Không có lệnh tại ${route.replace(/:(\w+)/g, '{$1}')}; xem /api/docs`,
        en: `There is no command at ${route.replace(/:(\w+)/g, '{$1}')}; see /api/docs`,
      });
    }
    const contentType = header(request, 'content-type');
    if (contentType !== undefined && !JSON_TYPE.test(contentType)) {
      throw new ApiError(415, 'UnsupportedMediaType', {
        vi: `Lệnh phải gửi dạng JSON (Content-Type: application/json), không phải ${contentType}`,
        en: `Commands must be sent as JSON (Content-Type: application/json), not ${contentType}`,
      });
    }
    const answer: CommandAnswer = await this.commands.handle(principalOf(request), {
      endpoint,
      params,
      body: request.body,
      idempotencyKey: header(request, 'idempotency-key'),
      ifMatch: header(request, 'if-match'),
      correlationId: header(request, 'x-correlation-id'),
    });
    response.status(answer.status);
    for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
    return answer.body;
  }
}
