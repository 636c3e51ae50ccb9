import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import {
  directiveDecider,
  fold,
  isAssigned,
  statusOf,
  taskDecider,
  vietnamDateOf,
  type DirectiveEvent,
  type Instant,
  type LocalDate,
  type TaskEvent,
} from '@chidao/domain';
import { loadDirectiveHistory, streamOfTask, type EventStore } from '@chidao/event-store';
import type { SqlClient } from '@chidao/event-store-postgres';
import { Roles } from '../auth/auth.guard';
import { principalOf, type Principal } from '../auth/principal';
import { CLOCK, CONFIG, READ_DB, RUNNER, STORE } from '../app/tokens';
import type { AppConfig } from '../config/config';
import { ApiError, forbidden } from '../http/api-error';
import { parseWith } from '../http/parse';
import { listAnswer, type ListRequest, type ListResponse } from '../http/respond';
import {
  ActivityQuerySchema,
  CurrentStateQuerySchema,
  DirectiveProgressQuerySchema,
  ExtensionLogQuerySchema,
  OverdueQuerySchema,
  ScorecardQuerySchema,
  TaskListQuerySchema,
  UpcomingQuerySchema,
} from '../openapi/read-endpoints';
import {
  activityFeed,
  agencyScorecard,
  directiveProgress,
  extensionLog,
  listTasks,
  overdueTasks,
  upcomingDeadlines,
  type ProjectionRunner,
} from '../read-models';
import { DirectivePathSchema, TaskPathSchema } from './query-schemas';

/*
 * The analysts' queries over the read models (and two current-state reads from the log). Agency
 * officers see only what their agency leads: their agency is the filter, and naming another is 403.
 * A `minPosition` makes the query wait, at most a few seconds, until the read models have applied it.
 */

type QueryRequest = ListRequest & object;
type QueryResponse = ListResponse;

const DEFAULT_PAGE_SIZE = 50;

/** Drops undefined values, for options under `exactOptionalPropertyTypes`. */
const defined = <T extends Record<string, unknown>>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } =>
  Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };

/** The query endpoints. */
@Controller()
@Roles('analyst', 'secretariat', 'admin', 'agency')
export class QueriesController {
  constructor(
    @Inject(READ_DB) private readonly db: SqlClient,
    @Inject(RUNNER) private readonly runner: ProjectionRunner,
    @Inject(STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly now: () => Instant,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('tasks')
  async tasks(@Query() raw: unknown, @Req() request: QueryRequest, @Res({ passthrough: true }) response: QueryResponse) {
    const query = parseWith(TaskListQuerySchema, raw, 'query');
    const agencyId = this.scope(principalOf(request), query.agencyId);
    const checkpoint = await this.caughtUp(query.minPosition, response);
    const asOf = query.asOf ?? this.today();
    const page = await listTasks(
      this.db,
      defined({
        asOf,
        agencyId,
        status: query.status,
        directiveId: query.directiveId,
        dueFrom: query.dueFrom,
        dueTo: query.dueTo,
        sort: query.sort,
        dueSoonDays: query.dueSoonDays,
        periodEnd: query.periodEnd,
        page: query.page ?? 1,
        pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE,
      }),
    );
    return listAnswer(request, response, { format: query.format, name: `nhiem-vu-${asOf}`, rows: page.items, body: { asOf, ...page, checkpoint } });
  }

  @Get('reports/scorecard')
  async scorecard(@Query() raw: unknown, @Req() request: QueryRequest, @Res({ passthrough: true }) response: QueryResponse) {
    const query = parseWith(ScorecardQuerySchema, raw, 'query');
    const agencyId = this.scope(principalOf(request), query.agencyId);
    const checkpoint = await this.caughtUp(query.minPosition, response);
    const asOf = query.asOf ?? this.today();
    const items = await agencyScorecard(this.db, defined({ asOf, from: query.from, agencyId }));
    return listAnswer(request, response, {
      format: query.format,
      name: `danh-gia-co-quan-${asOf}`,
      rows: items,
      body: { asOf, from: query.from ?? null, items, checkpoint },
    });
  }

  @Get('reports/directive-progress')
  async progress(@Query() raw: unknown, @Req() request: QueryRequest, @Res({ passthrough: true }) response: QueryResponse) {
    const query = parseWith(DirectiveProgressQuerySchema, raw, 'query');
    const agencyId = this.scope(principalOf(request), query.agencyId);
    const checkpoint = await this.caughtUp(query.minPosition, response);
    const asOf = query.asOf ?? this.today();
    const items = await directiveProgress(this.db, defined({ asOf, directiveId: query.directiveId, agencyId }));
    return listAnswer(request, response, { format: query.format, name: `tien-do-van-ban-${asOf}`, rows: items, body: { asOf, items, checkpoint } });
  }

  @Get('reports/overdue')
  async overdue(@Query() raw: unknown, @Req() request: QueryRequest, @Res({ passthrough: true }) response: QueryResponse) {
    const query = parseWith(OverdueQuerySchema, raw, 'query');
    const agencyId = this.scope(principalOf(request), query.agencyId);
    const checkpoint = await this.caughtUp(query.minPosition, response);
    const asOf = query.asOf ?? this.today();
    const items = await overdueTasks(this.db, defined({ asOf, agencyId, dueSoonDays: query.dueSoonDays, periodEnd: query.periodEnd }));
    return listAnswer(request, response, { format: query.format, name: `qua-han-${asOf}`, rows: items, body: { asOf, items, checkpoint } });
  }

  @Get('reports/upcoming')
  async upcoming(@Query() raw: unknown, @Req() request: QueryRequest, @Res({ passthrough: true }) response: QueryResponse) {
    const query = parseWith(UpcomingQuerySchema, raw, 'query');
    const agencyId = this.scope(principalOf(request), query.agencyId);
    const checkpoint = await this.caughtUp(query.minPosition, response);
    const asOf = query.asOf ?? this.today();
    const days = query.days ?? 7;
    const items = await upcomingDeadlines(this.db, defined({ asOf, days, agencyId, dueSoonDays: query.dueSoonDays, periodEnd: query.periodEnd }));
    return listAnswer(request, response, { format: query.format, name: `sap-den-han-${asOf}`, rows: items, body: { asOf, days, items, checkpoint } });
  }

  @Get('reports/extensions')
  async extensions(@Query() raw: unknown, @Req() request: QueryRequest, @Res({ passthrough: true }) response: QueryResponse) {
    const query = parseWith(ExtensionLogQuerySchema, raw, 'query');
    const agencyId = this.scope(principalOf(request), query.agencyId);
    const checkpoint = await this.caughtUp(query.minPosition, response);
    const items = await extensionLog(this.db, defined({ agencyId, directiveId: query.directiveId, taskId: query.taskId }));
    return listAnswer(request, response, { format: query.format, name: 'gia-han', rows: items, body: { items, checkpoint } });
  }

  @Get('activity')
  async activity(@Query() raw: unknown, @Req() request: QueryRequest, @Res({ passthrough: true }) response: QueryResponse) {
    const query = parseWith(ActivityQuerySchema, raw, 'query');
    const agencyId = this.scope(principalOf(request), query.agencyId);
    const checkpoint = await this.caughtUp(query.minPosition, response);
    const items = await activityFeed(this.db, defined({ agencyId, limit: query.limit ?? 50, before: query.before }));
    return listAnswer(request, response, {
      format: query.format,
      name: 'hoat-dong',
      rows: items,
      body: { items, next: items.length === 0 ? null : (items.at(-1)?.position ?? null), checkpoint },
    });
  }

  /** One task as the log has it now: its record, lifecycle, status on `asOf` and stream revision (the ETag for If-Match). */
  @Get('tasks/:directiveId/:localId')
  async task(@Param() params: unknown, @Query() raw: unknown, @Req() request: QueryRequest, @Res({ passthrough: true }) response: QueryResponse) {
    const { taskId, directiveId } = parseWith(TaskPathSchema, params, 'path');
    const { asOf = this.today() } = parseWith(CurrentStateQuerySchema, raw, 'query');
    const events = await this.store.readStream(streamOfTask(taskId));
    const state = fold(taskDecider, events as unknown as readonly TaskEvent[]);
    if (!isAssigned(state)) {
      throw new ApiError(404, 'TaskNotFound', { vi: `Không tìm thấy nhiệm vụ ${taskId}.`, en: `Task ${taskId} does not exist.` }, { data: { taskId } });
    }
    const principal = principalOf(request);
    if (principal.role === 'agency' && state.task.lead !== principal.agencyId) throw this.notYourAgency(principal, state.task.lead);
    const last = events.at(-1);
    const revision = last?.revision ?? -1;
    response.setHeader('ETag', `"${revision}"`);
    return {
      taskId,
      directiveId,
      stream: streamOfTask(taskId),
      revision,
      position: last?.position ?? null,
      asOf,
      lifecycle: state.status,
      status: statusOf(state, asOf),
      state,
    };
  }

  /** One directive as the log has it now, with its tasks (for an agency officer, the tasks its agency leads). */
  @Get('directives/:directiveId')
  async directive(@Param() params: unknown, @Query() raw: unknown, @Req() request: QueryRequest, @Res({ passthrough: true }) response: QueryResponse) {
    const { directiveId } = parseWith(DirectivePathSchema, params, 'path');
    const { asOf = this.today() } = parseWith(CurrentStateQuerySchema, raw, 'query');
    const history = await loadDirectiveHistory(this.store, directiveId);
    const directive = fold(directiveDecider, history.directive as unknown as readonly DirectiveEvent[]);
    if (directive.status !== 'registered') {
      throw new ApiError(404, 'DirectiveNotFound', { vi: `Không tìm thấy văn bản chỉ đạo ${directiveId}.`, en: `Directive ${directiveId} does not exist.` }, { data: { directiveId } });
    }
    const principal = principalOf(request);
    const tasks = [...history.tasks.entries()].flatMap(([taskId, events]) => {
      const state = fold(taskDecider, events as unknown as readonly TaskEvent[]);
      if (!isAssigned(state)) return [];
      if (principal.role === 'agency' && state.task.lead !== principal.agencyId) return [];
      const status = statusOf(state, asOf);
      return [
        {
          taskId,
          clause: state.task.clause,
          lead: state.task.lead,
          deadline: state.task.deadline,
          lifecycle: state.status,
          status: status.code,
          statusLabel: status.label,
          revision: events.at(-1)?.revision ?? -1,
        },
      ];
    });
    const revision = history.directive.at(-1)?.revision ?? -1;
    response.setHeader('ETag', `"${revision}"`);
    return { directiveId, asOf, revision, directive: directive.directive, tasks };
  }

  private today(): LocalDate {
    return vietnamDateOf(this.now());
  }

  /** The agency filter a caller may use: an agency officer's own agency, whatever they ask. */
  private scope(principal: Principal, requested: string | undefined): string | undefined {
    if (principal.role !== 'agency') return requested;
    if (requested !== undefined && requested !== principal.agencyId) throw this.notYourAgency(principal, requested);
    return principal.agencyId;
  }

  private notYourAgency(principal: Principal, agencyId: string): ApiError {
    return forbidden(
      {
        vi: `Cán bộ của ${principal.agencyId ?? '—'} chỉ xem được nhiệm vụ do cơ quan mình chủ trì, không xem được của ${agencyId}`,
        en: `An officer of ${principal.agencyId ?? '—'} sees only the tasks their agency leads, not ${agencyId}'s`,
      },
      { agencyId: principal.agencyId ?? null, requested: agencyId },
    );
  }

  /** Waits until the read models have applied `minPosition`; 503 when they do not in time. Returns the checkpoint. */
  private async caughtUp(minPosition: string | undefined, response: QueryResponse): Promise<string | null> {
    if (minPosition !== undefined) {
      const reached = await this.runner.waitForPosition(minPosition, this.config.readYourWritesTimeoutMs);
      if (!reached) {
        throw new ApiError(
          503,
          'ReadModelBehind',
          {
            vi: `Mô hình đọc chưa cập nhật đến vị trí ${minPosition} sau ${this.config.readYourWritesTimeoutMs / 1000} giây; hãy thử lại`,
            en: `The read models did not reach position ${minPosition} within ${this.config.readYourWritesTimeoutMs / 1000} s; try again`,
          },
          { minPosition, checkpoint: this.runner.checkpoint() },
          { 'Retry-After': '1' },
        );
      }
    }
    const checkpoint = this.runner.checkpoint();
    if (checkpoint !== null) response.setHeader('X-Read-Model-Position', checkpoint);
    return checkpoint;
  }
}
