import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import {
  directiveAt,
  isAssigned,
  statusOf,
  taskAt,
  vietnamDateOf,
  type DirectiveEvent,
  type Instant,
  type LocalDate,
  type RecordedEvent,
  type TaskEvent,
} from '@chidao/domain';
import { directiveIdOfTask, loadDirectiveHistory, streamOfTask, type EventStore, type StoredEvent, type VerifyScope } from '@chidao/event-store';
import { Roles } from '../auth/auth.guard';
import { CLOCK, STORE } from '../app/tokens';
import { ApiError } from '../http/api-error';
import { parseWith } from '../http/parse';
import { listAnswer, type ListRequest, type ListResponse } from '../http/respond';
import { TaskPathSchema, DirectivePathSchema } from '../queries/query-schemas';
import { HistoryQuerySchema, NoQuerySchema, StateQuerySchema } from './audit-queries';

/*
 * The auditor's view (DESIGN.md, Who uses it): the full, ordered history of a directive or a task
 * with every metadata field and both time axes; state as of a business date and as known at an
 * instant; the hash chain verified; and an export bundle the CLI verifies offline.
 */

/** An event as the audit API shows it: its place in the log, its content, all metadata. */
const auditEvent = (event: StoredEvent) => ({
  position: event.position,
  stream: event.stream,
  revision: event.revision,
  type: event.type,
  occurredOn: event.metadata.occurredOn,
  recordedAt: event.metadata.recordedAt,
  data: event.data,
  metadata: event.metadata,
});

/** A history event as one CSV row: the columns an auditor sorts on first, then the rest flattened. */
const auditRow = (event: StoredEvent) => ({
  position: event.position,
  stream: event.stream,
  revision: event.revision,
  type: event.type,
  occurredOn: event.metadata.occurredOn,
  recordedAt: event.metadata.recordedAt,
  actor: event.metadata.actor,
  commandId: event.metadata.commandId,
  sourceDocument: event.metadata.sourceDocument?.symbol ?? '',
  hash: event.metadata.hash,
  previousHash: event.metadata.previousHash,
  data: JSON.stringify(event.data),
});

const directiveNotFound = (directiveId: string): ApiError =>
  new ApiError(404, 'DirectiveNotFound', { vi: `Không tìm thấy văn bản chỉ đạo ${directiveId}.`, en: `Directive ${directiveId} does not exist.` }, { data: { directiveId } });

const taskNotFound = (taskId: string): ApiError =>
  new ApiError(404, 'TaskNotFound', { vi: `Không tìm thấy nhiệm vụ ${taskId}.`, en: `Task ${taskId} does not exist.` }, { data: { taskId } });

/** The two axes of a state question; without `asOf` the date is the day of `knownAt`, or today. */
const axesOf = (query: { readonly asOf?: LocalDate | undefined; readonly knownAt?: Instant | undefined }, now: Instant) => {
  const asOf = query.asOf ?? vietnamDateOf(query.knownAt ?? now);
  return { asOf, ...(query.knownAt === undefined ? {} : { knownAt: query.knownAt }) };
};

const taskStateAt = (taskId: string, events: readonly StoredEvent[], axes: { readonly asOf: LocalDate; readonly knownAt?: Instant }) => {
  const visible = events as unknown as readonly RecordedEvent<TaskEvent>[];
  const state = taskAt(visible, axes);
  return {
    taskId,
    lifecycle: state.status,
    status: isAssigned(state) ? statusOf(state, axes.asOf) : null,
    state,
    eventsCounted: events.filter(
      (event) => event.metadata.occurredOn <= axes.asOf && (axes.knownAt === undefined || Date.parse(event.metadata.recordedAt) <= Date.parse(axes.knownAt)),
    ).length,
  };
};

const download = (response: ListResponse, name: string, bundle: unknown): unknown => {
  response.setHeader('Content-Disposition', `attachment; filename="${name}.json"`);
  return bundle;
};

/** The audit endpoints, for auditors and admins. */
@Controller('audit')
@Roles('auditor', 'admin')
export class AuditController {
  constructor(
    @Inject(STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly now: () => Instant,
  ) {}

  @Get('directives/:directiveId/history')
  async directiveHistory(@Param() params: unknown, @Query() query: unknown, @Req() request: ListRequest, @Res({ passthrough: true }) response: ListResponse) {
    const { directiveId } = parseWith(DirectivePathSchema, params, 'path');
    const { format } = parseWith(HistoryQuerySchema, query, 'query');
    const history = await loadDirectiveHistory(this.store, directiveId);
    if (history.events.length === 0) throw directiveNotFound(directiveId);
    return listAnswer(request, response, {
      format,
      name: `history-${directiveId}`,
      rows: history.events.map(auditRow),
      body: {
        directiveId,
        streams: [...new Set(history.events.map((event) => event.stream))],
        tasks: [...history.tasks.keys()],
        count: history.events.length,
        events: history.events.map(auditEvent),
      },
    });
  }

  @Get('tasks/:directiveId/:localId/history')
  async taskHistory(@Param() params: unknown, @Query() query: unknown, @Req() request: ListRequest, @Res({ passthrough: true }) response: ListResponse) {
    const { taskId } = parseWith(TaskPathSchema, params, 'path');
    const { format } = parseWith(HistoryQuerySchema, query, 'query');
    const events = await this.store.readStream(streamOfTask(taskId));
    if (events.length === 0) throw taskNotFound(taskId);
    return listAnswer(request, response, {
      format,
      name: `history-${taskId.replace(/\//g, '_')}`,
      rows: events.map(auditRow),
      body: { taskId, directiveId: directiveIdOfTask(taskId), stream: streamOfTask(taskId), count: events.length, events: events.map(auditEvent) },
    });
  }

  @Get('directives/:directiveId/state')
  async directiveState(@Param() params: unknown, @Query() query: unknown) {
    const { directiveId } = parseWith(DirectivePathSchema, params, 'path');
    const axes = axesOf(parseWith(StateQuerySchema, query, 'query'), this.now());
    const history = await loadDirectiveHistory(this.store, directiveId);
    if (history.events.length === 0) throw directiveNotFound(directiveId);
    const directive = directiveAt(history.directive as unknown as readonly RecordedEvent<DirectiveEvent>[], axes);
    return {
      directiveId,
      asOf: axes.asOf,
      knownAt: axes.knownAt ?? null,
      directive,
      tasks: [...history.tasks.entries()]
        .map(([taskId, events]) => taskStateAt(taskId, events, axes))
        .filter((task) => task.lifecycle !== 'unassigned')
        .map(({ state: _state, ...task }) => task),
    };
  }

  @Get('tasks/:directiveId/:localId/state')
  async taskState(@Param() params: unknown, @Query() query: unknown) {
    const { taskId } = parseWith(TaskPathSchema, params, 'path');
    const axes = axesOf(parseWith(StateQuerySchema, query, 'query'), this.now());
    const events = await this.store.readStream(streamOfTask(taskId));
    if (events.length === 0) throw taskNotFound(taskId);
    return { asOf: axes.asOf, knownAt: axes.knownAt ?? null, ...taskStateAt(taskId, events, axes) };
  }

  @Get('directives/:directiveId/verify')
  async verifyDirective(@Param() params: unknown, @Query() query: unknown) {
    const { directiveId } = parseWith(DirectivePathSchema, params, 'path');
    parseWith(NoQuerySchema, query, 'query');
    return this.verify({ kind: 'directive', directiveId });
  }

  @Get('verify')
  async verifyAll(@Query() query: unknown) {
    parseWith(NoQuerySchema, query, 'query');
    return this.verify({ kind: 'all' });
  }

  @Get('directives/:directiveId/export')
  async exportDirective(@Param() params: unknown, @Query() query: unknown, @Res({ passthrough: true }) response: ListResponse) {
    const { directiveId } = parseWith(DirectivePathSchema, params, 'path');
    parseWith(NoQuerySchema, query, 'query');
    const bundle = await this.store.exportBundle({ kind: 'directive', directiveId });
    return download(response, `chidao-${directiveId}-${vietnamDateOf(this.now())}`, bundle);
  }

  @Get('export')
  async exportAll(@Query() query: unknown, @Res({ passthrough: true }) response: ListResponse) {
    parseWith(NoQuerySchema, query, 'query');
    return download(response, `chidao-all-${vietnamDateOf(this.now())}`, await this.store.exportBundle({ kind: 'all' }));
  }

  private async verify(scope: VerifyScope) {
    const result = await this.store.verify(scope);
    return { scope, checkedAt: this.now(), ...result };
  }
}
