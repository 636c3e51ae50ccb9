import {
  DirectiveCommandSchema,
  TaskCommandSchema,
  explainError,
  vietnamDateOf,
  type DomainError,
  type Instant,
} from '@chidao/domain';
import {
  executeDomainCommand,
  isInvalidAppend,
  isWrongExpectedRevision,
  type AppendResult,
  type DomainCommandInput,
  type EventStore,
  type StreamStateCache,
  type StreamStateCacheStats,
} from '@chidao/event-store';
import * as E from 'fp-ts/Either';
import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { actorOf, type Principal } from '../auth/principal';
import { ApiError, forbidden, validationFailed, type FieldIssue } from '../http/api-error';
import { fieldIssues } from '../http/zod-issues';
import { DirectiveIdSchema, LocalIdSchema, METADATA_FIELD_NAMES, type CommandEndpoint, type CommandParams } from './command-endpoints';
import type { IdempotencyStore } from './idempotency';

/*
 * The one path every command takes — HTTP requests, `POST /imports` and the demo data alike:
 * role and agency checks, validation with the domain's schemas, then load → decide → append through
 * `executeDomainCommand`, one atomic append per command. The answer is data (status and body), so it
 * can be kept for an `Idempotency-Key` and sent again unchanged.
 */

/** What the service answers: an HTTP status, a JSON body, and headers derived from them. */
export type CommandAnswer = {
  readonly status: number;
  readonly body: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<Record<string, string>>;
  /** True when the command id had been recorded before and nothing was appended (not part of the body). */
  readonly duplicate?: boolean;
  /** For a duplicate: the `requestDigest` its events were recorded with (not part of the body). */
  readonly recordedDigest?: string | undefined;
};

/** One command request as HTTP delivers it. */
export type CommandRequest = {
  readonly endpoint: CommandEndpoint;
  readonly params: CommandParams;
  readonly body: unknown;
  readonly idempotencyKey?: string | undefined;
  readonly ifMatch?: string | undefined;
  readonly correlationId?: string | undefined;
};

/** The command service. */
export type CommandService = {
  /** Validates an HTTP command request, then runs it; replays the stored answer for a repeated `Idempotency-Key`. */
  readonly handle: (principal: Principal, request: CommandRequest) => Promise<CommandAnswer>;
  /** Runs a complete domain command (from an import or the demo data) through the same checks. */
  readonly execute: (principal: Principal, access: CommandEndpoint['access'], command: unknown, expectedRevision?: number) => Promise<CommandAnswer>;
  /** How the stream state cache has served (null without one), for /metrics. */
  readonly cacheStats: () => StreamStateCacheStats | null;
};

/** What the service needs. */
export type CommandServiceDependencies = {
  readonly store: EventStore;
  readonly now: () => Instant;
  readonly idempotency: IdempotencyStore;
  /** The folded state of recently used streams (absent: every command reads its stream). */
  readonly cache?: StreamStateCache;
};

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
const CORRELATION_ID = /^[\x21-\x7e]{1,200}$/;

/** Roles that may send a command of each access level (the deciders check the same again). */
const ROLES_OF: { readonly [Access in CommandEndpoint['access']]: readonly Principal['role'][] } = {
  secretariat: ['secretariat', 'admin'],
  'lead-or-secretariat': ['agency', 'secretariat'],
};

/** HTTP status of a domain error: who may (403), what exists (404), and every other broken rule (422). */
export const statusOfDomainError = (error: DomainError): number => {
  switch (error._tag) {
    case 'RoleNotPermitted':
    case 'NotLeadAgency':
      return 403;
    case 'DirectiveNotFound':
    case 'TaskNotFound':
      return 404;
    default:
      return 422;
  }
};

/** The answer for a domain error: its tag, its data and the Vietnamese and English explanation. */
export const domainErrorAnswer = (error: DomainError): CommandAnswer => {
  const status = statusOfDomainError(error);
  const { _tag, ...data } = error;
  return { status, body: { statusCode: status, error: _tag, _tag, data, message: explainError(error) }, headers: {} };
};

const successAnswer = (command: DomainCommandInput, result: AppendResult): CommandAnswer => {
  const data = command.data as { readonly directiveId?: string; readonly taskId?: string };
  const status = result.events.length === 0 ? 200 : 201;
  return {
    status,
    body: {
      commandId: command.metadata.commandId,
      type: command.type,
      ...(data.directiveId === undefined ? {} : { directiveId: data.directiveId }),
      ...(data.taskId === undefined ? {} : { taskId: data.taskId }),
      stream: result.stream,
      revision: result.nextExpectedRevision,
      position: result.position,
      events: result.events.map((event) => ({
        type: event.type,
        revision: event.revision,
        position: event.position,
        occurredOn: event.metadata.occurredOn,
        recordedAt: event.metadata.recordedAt,
      })),
    },
    headers: {},
    duplicate: result.duplicate,
    ...(result.duplicate ? { recordedDigest: result.events[0]?.metadata.requestDigest } : {}),
  };
};

const keyReused = (): ApiError =>
  new ApiError(422, 'IdempotencyKeyReused', {
    vi: 'Idempotency-Key này đã dùng cho một yêu cầu khác; hãy dùng khóa mới',
    en: 'This Idempotency-Key was used for a different request; use a new key',
  });

/** Headers that follow from an answer's body, so a replayed answer carries them too. */
const withDerivedHeaders = (answer: CommandAnswer, replayed: boolean): CommandAnswer => {
  const revision = answer.body['revision'];
  return {
    ...answer,
    headers: {
      ...answer.headers,
      ...(typeof revision === 'number' && revision >= 0 ? { ETag: `"${revision}"` } : {}),
      ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}),
    },
  };
};

/** The revision an `If-Match` header names: `3`, `"3"` or `W/"3"`; undefined for `*` or no header. */
export const parseIfMatch = (header: string | undefined): number | undefined => {
  if (header === undefined || header.trim() === '' || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(-?\d{1,15})"?\s*$/.exec(header);
  if (match === null) {
    throw validationFailed([
      {
        path: 'If-Match',
        code: 'invalid_format',
        message: {
          vi: 'If-Match phải là phiên bản luồng, ví dụ "3" (lấy từ ETag hoặc trường revision)',
          en: 'If-Match must be a stream revision such as "3" (from the ETag header or the revision field)',
        },
      },
    ], 'If-Match');
  }
  return Number(match[1]);
};

const issuesOf = (error: z.ZodError, prefix: readonly string[] = []): FieldIssue[] => fieldIssues(error, prefix);

/** Issues of the full command, named as the body names them: `data.deadline` → `deadline`, `metadata.occurredOn` → `occurredOn`. */
const commandIssues = (error: z.ZodError): FieldIssue[] =>
  issuesOf(error).map((issue) => ({ ...issue, path: issue.path.replace(/^(data|metadata)\./, '') }));

const split = (message: string): { vi: string; en: string } => {
  const at = message.indexOf(' / ');
  return at > 0 ? { vi: message.slice(0, at), en: message.slice(at + 3) } : { vi: message, en: message };
};

/** 403 unless the principal's role may send commands of this access level. */
const checkRole = (principal: Principal, access: CommandEndpoint['access']): void => {
  if (ROLES_OF[access].includes(principal.role)) return;
  throw forbidden(
    {
      vi: `Vai trò "${principal.role}" không được gửi lệnh này (được phép: ${ROLES_OF[access].join(', ')})`,
      en: `Role "${principal.role}" may not send this command (allowed: ${ROLES_OF[access].join(', ')})`,
    },
    { role: principal.role, allowedRoles: ROLES_OF[access] },
  );
};

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The command service on a store, a clock and a place to keep idempotent answers. */
export const createCommandService = (dependencies: CommandServiceDependencies): CommandService => {
  const { store, now, idempotency, cache } = dependencies;
  const handler = { store, now, ...(cache === undefined ? {} : { cache }) };

  const execute: CommandService['execute'] = async (principal, access, input, expectedRevision) => {
    checkRole(principal, access);
    const type = (input as { readonly type?: unknown }).type;
    const schema = typeof type === 'string' && DirectiveCommandSchema.options.some((option) => option.shape.type.value === type) ? DirectiveCommandSchema : TaskCommandSchema;
    const parsed = schema.safeParse(input, { reportInput: true });
    if (!parsed.success) throw validationFailed(commandIssues(parsed.error));
    const command = parsed.data as DomainCommandInput;

    try {
      // An agency officer acts only on tasks its agency leads: 404 for a task that does not exist, 403 for
      // another agency's, checked on the task as loaded for the command. A command already recorded answers
      // as it did then, even if the task has since passed to another agency: a retry must not turn into a refusal.
      const actingAgency = principal.role === 'agency' && 'taskId' in command.data ? { actingAgency: principal.agencyId ?? '' } : {};
      const outcome = await executeDomainCommand(handler, command, { ...actingAgency, ...(expectedRevision === undefined ? {} : { expectedRevision }) });
      return E.isLeft(outcome) ? domainErrorAnswer(outcome.left) : successAnswer(command, outcome.right);
    } catch (error) {
      if (isWrongExpectedRevision(error)) {
        throw new ApiError(
          409,
          'WrongExpectedRevision',
          {
            vi: `Dữ liệu đã thay đổi: mong đợi phiên bản ${String(error.expected)}, hiện tại ${error.actual ?? 'chưa có'}. Hãy tải lại rồi gửi lại.`,
            en: `The stream changed: expected revision ${String(error.expected)}, actual ${error.actual ?? 'none'}. Reload and send again.`,
          },
          { stream: error.stream, expected: error.expected === 'no_stream' ? -1 : error.expected, actual: error.actual ?? -1 },
        );
      }
      if (isInvalidAppend(error)) {
        throw validationFailed(error.issues.map((issue) => ({ path: issue.path.replace(/^data\./, ''), code: 'invalid_append', message: split(issue.message) })));
      }
      if (error instanceof RangeError) {
        throw validationFailed([{ path: 'directiveId', code: 'invalid_id', message: split(error.message) }]);
      }
      throw error;
    }
  };

  const handle: CommandService['handle'] = async (principal, request) => {
    const { endpoint } = request;
    checkRole(principal, endpoint.access);

    const paramIssues: FieldIssue[] = [];
    if (request.params.directiveId !== undefined) {
      const check = DirectiveIdSchema.safeParse(request.params.directiveId);
      if (!check.success) paramIssues.push(...issuesOf(check.error, ['directiveId']));
    }
    if (request.params.localId !== undefined) {
      const check = LocalIdSchema.safeParse(request.params.localId);
      if (!check.success) paramIssues.push(...issuesOf(check.error, ['localId']));
    }
    if (paramIssues.length > 0) throw validationFailed(paramIssues, 'path');

    if (typeof request.body !== 'object' || request.body === null || Array.isArray(request.body)) {
      throw validationFailed([
        {
          path: '',
          code: 'invalid_type',
          message: { vi: 'Nội dung phải là một đối tượng JSON', en: 'The body must be a JSON object' },
        },
      ]);
    }
    const body = endpoint.body.safeParse(request.body, { reportInput: true });
    if (!body.success) throw validationFailed(issuesOf(body.error));

    const key = request.idempotencyKey;
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      throw validationFailed(
        [{ path: 'Idempotency-Key', code: 'invalid_format', message: { vi: 'từ 1 đến 255 ký tự ASCII in được', en: '1 to 255 printable ASCII characters' } }],
        'Idempotency-Key',
      );
    }
    const correlationId = request.correlationId;
    if (correlationId !== undefined && !CORRELATION_ID.test(correlationId)) {
      throw validationFailed(
        [{ path: 'X-Correlation-Id', code: 'invalid_format', message: { vi: 'từ 1 đến 200 ký tự ASCII in được', en: '1 to 200 printable ASCII characters' } }],
        'X-Correlation-Id',
      );
    }
    const expectedRevision = parseIfMatch(request.ifMatch);

    const fingerprint = sha256(JSON.stringify([endpoint.route, request.params.directiveId ?? null, request.params.localId ?? null, request.body, expectedRevision ?? null]));
    if (key !== undefined) {
      const stored = await idempotency.find(principal.sub, key);
      if (stored !== undefined) {
        if (stored.fingerprint !== fingerprint) throw keyReused();
        return withDerivedHeaders({ status: stored.status, body: stored.body as Record<string, unknown>, headers: {} }, true);
      }
    }

    const fields = body.data as Record<string, unknown>;
    const metadataFields: Record<string, unknown> = {};
    const dataFields: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(fields)) {
      if ((METADATA_FIELD_NAMES as readonly string[]).includes(name)) metadataFields[name] = value;
      else dataFields[name] = value;
    }
    const commandId = key === undefined ? randomUUID() : `idem-${sha256(`${principal.sub}\n${key}`).slice(0, 40)}`;
    const command = {
      type: endpoint.type,
      data: endpoint.data(request.params, dataFields),
      metadata: {
        commandId,
        actor: actorOf(principal),
        occurredOn: (metadataFields['occurredOn'] as string | undefined) ?? vietnamDateOf(now()),
        ...(metadataFields['sourceDocument'] === undefined ? {} : { sourceDocument: metadataFields['sourceDocument'] }),
        ...(correlationId === undefined ? {} : { correlationId }),
        ...(key === undefined ? {} : { requestDigest: fingerprint }),
      },
    };
    const answer = await execute(principal, endpoint.access, command, expectedRevision);
    if (key === undefined) return withDerivedHeaders(answer, false);
    // The command id was recorded before: by this request's first sending — its answer is rebuilt from the
    // events, which carry the request's digest — or by another request under the same key.
    if (answer.duplicate === true) {
      if (answer.recordedDigest !== undefined && answer.recordedDigest !== fingerprint) throw keyReused();
      return withDerivedHeaders(answer, true);
    }
    // An appended command's answer is in the store already (its events, found again by the command id); the
    // table keeps only the answers the store cannot rebuild: refusals, and commands that changed nothing.
    if (answer.status !== 201) await idempotency.save(principal.sub, key, { fingerprint, status: answer.status, body: answer.body });
    return withDerivedHeaders(answer, false);
  };

  return {
    handle,
    execute: async (...args) => withDerivedHeaders(await execute(...args), false),
    cacheStats: () => cache?.stats() ?? null,
  };
};
