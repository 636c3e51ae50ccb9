import type { Column, TableSpec } from './table';

/*
 * The tables of schema `read`, column by column (docs/read-models.md explains each one). Dates are
 * business dates (`date`), instants are `timestamptz`; positions are the event store's global
 * positions, text that sorts in global order.
 */

const text = (name: string, notNull = false): Column => ({ name, type: 'text', notNull });
const date = (name: string, notNull = false): Column => ({ name, type: 'date', notNull });
const integer = (name: string): Column => ({ name, type: 'integer', notNull: true });
const jsonb = (name: string, notNull = false): Column => ({ name, type: 'jsonb', notNull });
const boolean = (name: string): Column => ({ name, type: 'boolean', notNull: true });
const instant = (name: string, notNull = false): Column => ({ name, type: 'timestamptz', notNull });

/** `read.tasks` — the task register (*sổ theo dõi nhiệm vụ*): one row per task, as it stands now. */
export const TASKS: TableSpec = {
  name: 'tasks',
  columns: [
    text('task_id', true),
    text('directive_id', true),
    text('clause', true),
    text('content', true),
    text('expected_product'),
    text('lead_agency_id', true),
    { name: 'cooperating', type: 'text[]', notNull: true },
    text('cooperating_note'),
    text('report_recipient'),
    text('supervising_leader'),
    boolean('priority'),
    date('assigned_on', true),
    text('state', true),
    text('deadline_kind', true),
    text('deadline_text', true),
    date('due_on'),
    jsonb('deadline', true),
    text('original_deadline_kind', true),
    text('original_deadline_text', true),
    date('original_due_on'),
    jsonb('original_deadline', true),
    integer('extension_count'),
    date('last_extended_on'),
    jsonb('pending_extension'),
    integer('rejected_extension_count'),
    integer('reminder_count'),
    date('last_reminded_on'),
    integer('progress_report_count'),
    date('last_report_on'),
    text('last_report_summary'),
    jsonb('progress_reports', true),
    integer('completion_report_count'),
    date('completion_reported_on'),
    date('completed_on'),
    integer('returned_count'),
    date('suspended_on'),
    date('withdrawn_on'),
    integer('reassignment_count'),
    integer('correction_count'),
    date('max_occurred_on', true),
    integer('revision'),
    instant('last_recorded_at', true),
    text('last_position', true),
  ],
  primaryKey: ['task_id'],
  indexes: [
    { name: 'lead', on: 'lead_agency_id' },
    { name: 'directive', on: 'directive_id' },
  ],
};

/** The columns an "as of" count needs: who leads, when assigned, counts, and both status timelines. */
export const AS_OF_COLUMNS = [
  'lead_agency_id',
  'directive_id',
  'assigned_on',
  'extension_count',
  'reminder_count',
  'state',
  'completion_reported_on',
  ...(['st', 'ost'] as const).flatMap((prefix) => ['code', 'slow', 'overdue_after', 'period_due', 'due_from', 'open_from'].map((part) => `${prefix}_${part}`)),
  'deadline_rule',
  'original_deadline_rule',
  'progress_reports',
] as const;

/** A history row's span class (status-sql.ts, SPAN_CLASS_FUNCTION_SQL): the first key of task_history_span. */
export const SPAN_CLASS_KEY = 'read.history_span_class(valid_from, valid_to)';

/** `read.task_history` — one row per task per change, valid from/to on the business-date axis. */
export const TASK_HISTORY: TableSpec = {
  name: 'task_history',
  columns: [
    text('task_id', true),
    date('valid_from', true),
    integer('revision'),
    date('valid_to', true),
    instant('recorded_at', true),
    instant('superseded_at'),
    text('event_type', true),
    text('directive_id', true),
    text('lead_agency_id', true),
    text('state', true),
    date('assigned_on', true),
    text('deadline_kind', true),
    text('deadline_text', true),
    date('due_on'),
    text('original_deadline_kind', true),
    date('original_due_on'),
    date('completion_reported_on'),
    date('completed_on'),
    integer('extension_count'),
    integer('reminder_count'),
    integer('progress_report_count'),
    date('last_report_on'),
    jsonb('deadline_rule'),
    jsonb('original_deadline_rule'),
    jsonb('progress_reports'),
    // The status timelines (task-history.ts, StatusTimeline), against the current and the original deadline.
    ...(['st', 'ost'] as const).flatMap((prefix) => [
      text(`${prefix}_code`),
      boolean(`${prefix}_slow`),
      date(`${prefix}_overdue_after`),
      date(`${prefix}_period_due`),
      date(`${prefix}_due_from`),
      date(`${prefix}_open_from`),
      date(`${prefix}_due`),
      date(`${prefix}_first_due`),
    ]),
  ],
  primaryKey: ['task_id', 'revision', 'valid_from'],
  indexes: [
    { name: 'lead_valid', on: 'lead_agency_id, valid_to, valid_from', where: 'superseded_at IS NULL' },
    { name: 'directive_valid', on: 'directive_id, valid_to, valid_from', where: 'superseded_at IS NULL' },
    // Carries what the scorecard and directive progress read, so that they scan the index alone: per
    // span class, the rows that began in the last 2^class days (status-sql.ts, AS_OF_COUNTS).
    { name: 'span', on: `(${SPAN_CLASS_KEY}), valid_from`, include: ['valid_to', ...AS_OF_COLUMNS], where: 'superseded_at IS NULL' },
  ],
};

/** `read.deadline_calendar` — every deadline a task has been given (*lịch thời hạn*), the one in force marked. */
export const DEADLINE_CALENDAR: TableSpec = {
  name: 'deadline_calendar',
  columns: [
    text('task_id', true),
    integer('version'),
    text('directive_id', true),
    text('deadline_kind', true),
    text('deadline_text', true),
    date('due_on'),
    date('set_on', true),
    text('set_by', true),
    { name: 'extension_number', type: 'integer' },
    instant('recorded_at', true),
    date('replaced_on'),
    boolean('in_force'),
  ],
  primaryKey: ['task_id', 'version'],
  indexes: [
    { name: 'due', on: 'due_on', where: 'in_force' },
    { name: 'directive', on: 'directive_id' },
  ],
};

/** `read.extension_log` — every extension (*gia hạn*), request and refusal. */
export const EXTENSION_LOG: TableSpec = {
  name: 'extension_log',
  columns: [
    text('task_id', true),
    integer('revision'),
    text('action', true),
    text('directive_id', true),
    text('lead_agency_id', true),
    { name: 'extension_number', type: 'integer' },
    text('from_kind'),
    text('from_text'),
    date('from_due_on'),
    text('to_kind'),
    text('to_text'),
    date('to_due_on'),
    { name: 'days_added', type: 'integer' },
    text('reason'),
    text('document_symbol'),
    date('document_issued_on'),
    date('occurred_on', true),
    instant('recorded_at', true),
    text('actor_user_id', true),
    text('actor_agency_id'),
    text('position', true),
  ],
  primaryKey: ['task_id', 'revision'],
  indexes: [
    { name: 'directive', on: 'directive_id' },
    { name: 'lead', on: 'lead_agency_id' },
  ],
};

/** `read.directives` — the directive register (*sổ văn bản chỉ đạo*). */
export const DIRECTIVES: TableSpec = {
  name: 'directives',
  columns: [
    text('directive_id', true),
    text('symbol', true),
    text('kind', true),
    text('issuer_name', true),
    text('issuer_agency_id'),
    date('issued_on'),
    text('signer_name'),
    text('signer_title'),
    text('presided_by_name'),
    text('presided_by_title'),
    date('meeting_held_on'),
    { name: 'meeting_session', type: 'integer' },
    text('subject', true),
    text('natural_key', true),
    date('registered_on', true),
    integer('amendment_count'),
    integer('correction_count'),
    date('last_changed_on', true),
    jsonb('record', true),
    integer('revision'),
    instant('last_recorded_at', true),
  ],
  primaryKey: ['directive_id'],
  indexes: [{ name: 'issued', on: 'issued_on' }],
};

/** `read.activity_feed` — every event, newest first when read (*nhật ký hoạt động*). */
export const ACTIVITY_FEED: TableSpec = {
  name: 'activity_feed',
  columns: [
    text('position', true),
    text('stream', true),
    integer('revision'),
    text('event_type', true),
    text('directive_id'),
    text('task_id'),
    date('occurred_on', true),
    instant('recorded_at', true),
    text('actor_user_id', true),
    text('actor_role', true),
    text('actor_agency_id'),
    text('document_symbol'),
    text('summary_vi', true),
    text('summary_en', true),
    text('command_id', true),
  ],
  primaryKey: ['position'],
  indexes: [{ name: 'task', on: 'task_id, position' }],
};
