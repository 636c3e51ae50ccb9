import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { Roles } from '../auth/auth.guard';
import { principalOf } from '../auth/principal';
import { COMMANDS } from '../app/tokens';
import type { CommandService } from '../commands/command.service';
import { parseWith } from '../http/parse';
import { ImportBodySchema } from '../openapi/read-endpoints';
import { importNotice } from './import-notice';

type ImportRequest = { readonly query?: unknown };
type ImportResponse = { status: (code: number) => unknown };

/**
 * `POST /imports`: a notice's text (JSON `{ "text": … }`, or the text itself as text/plain) is parsed
 * and previewed; with `confirm: true` (or `?confirm=true` for text/plain) it is also recorded.
 */
@Controller('imports')
@Roles('secretariat', 'admin')
export class ImportsController {
  constructor(@Inject(COMMANDS) private readonly commands: CommandService) {}

  @Post()
  async import(@Body() body: unknown, @Req() request: ImportRequest & object, @Res({ passthrough: true }) response: ImportResponse) {
    const query = (request.query ?? {}) as Record<string, unknown>;
    const input = typeof body === 'string' ? { text: body, ...(query['confirm'] === 'true' ? { confirm: true } : {}) } : body;
    const { text, confirm, occurredOn } = parseWith(ImportBodySchema, input, 'body');
    const result = await importNotice(this.commands, principalOf(request), text, { confirm, occurredOn });
    response.status(result.confirmed && result.import !== null && result.import.recorded > 0 ? 201 : 200);
    return result;
  }
}
