/**
 * The read models of chidao (DESIGN.md, Read models): projections of the event log into PostgreSQL
 * (or PGlite) tables in schema `read`, the runner that keeps them up to date and rebuilds them, and
 * the queries the API serves. Framework-free: the NestJS app wires it; analysts query the same tables
 * (docs/read-models.md).
 */

export type { ProjectionRunner, ProjectionRunnerOptions, RebuildReport } from './runner';
export { createProjectionRunner } from './runner';

export type { ReadModelMigration } from './schema';
export { PROJECTIONS, READ_MODEL_MIGRATIONS, READ_SCHEMA, migrateReadModels, projectionNamed } from './schema';

export { readModelDigest } from './digest';

export type { Projection, ProjectionContext } from './projection';
export type { TaskFacts, TaskLifecycle } from './task-facts';
export { evolveTaskFacts, foldTaskFacts } from './task-facts';
export type { HistoryRow } from './task-history';
export type { Summary } from './activity.projection';
export { summarizeEvent } from './activity.projection';

export type {
  ActivityRow,
  DirectiveProgressRow,
  ExtensionRow,
  OverdueRow,
  ScorecardRow,
  StatusCounts,
  StatusLabel,
  StatusQueryOptions,
  TaskListQuery,
  TaskPage,
  TaskRow,
  TaskSort,
  UpcomingRow,
} from './queries';
export {
  TASK_SORTS,
  activityFeed,
  agencyScorecard,
  directiveProgress,
  extensionLog,
  isTaskSort,
  listTasks,
  overdueTasks,
  taskOwner,
  upcomingDeadlines,
} from './queries';
