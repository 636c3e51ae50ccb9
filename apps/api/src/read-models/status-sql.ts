/*
 * Status in SQL. The domain's `statusOf` (packages/domain/src/task/task.status.ts) ported to
 * PostgreSQL functions over the stored facts of a history row, so "as of D" lists and scorecards are
 * one query, and analysts get the same answer in psql as the API gives. status.spec.ts compares these
 * functions with `statusOf` over generated histories and dates, for every deadline kind.
 *
 * - `read.status_code` and `read.status_due_on` are one-expression SQL functions the planner inlines.
 * - A recurring deadline (open or completed) is judged by `read.recurring_judgement` (PL/pgSQL): its
 *   occurrences are numbered periods (weeks, months, quarters, years from 1970), each due on one day of
 *   its period, exactly as deadline.recurrence.ts numbers them, so the function never walks a calendar;
 *   progress reports fill occurrences as judgeOccurrences fills them (the one they name, else the
 *   earliest unmet one open by then).
 */

import { AS_OF_COLUMNS, SPAN_CLASS_KEY } from './tables';

/** The SQL that creates the status functions in schema `read`. */
export const STATUS_FUNCTIONS_SQL = `
CREATE FUNCTION read.day_of_month(p_year integer, p_month integer, p_day integer) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT make_date(p_year, p_month, 1)
       + (least(coalesce(p_day, 31), extract(day FROM make_date(p_year, p_month, 1) + interval '1 month - 1 day')::integer) - 1)
$$;

-- The number of the period (ISO week from Monday 1970-01-05, month, quarter, year) a date falls in.
CREATE FUNCTION read.recurrence_period(p_rule jsonb, p_date date) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE p_rule->>'frequency'
    WHEN 'weekly' THEN floor((p_date - DATE '1970-01-05') / 7.0)::integer
    WHEN 'monthly' THEN extract(year FROM p_date)::integer * 12 + extract(month FROM p_date)::integer - 1
    WHEN 'quarterly' THEN extract(year FROM p_date)::integer * 4 + (extract(month FROM p_date)::integer - 1) / 3
    ELSE extract(year FROM p_date)::integer
  END
$$;

-- The due date of a period: weekday (default Sunday), day of month (clamped; default the last), for
-- a quarter the day of its last month, for a year the day of its month (default December).
CREATE FUNCTION read.recurrence_due(p_rule jsonb, p_period integer) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE p_rule->>'frequency'
    WHEN 'weekly' THEN DATE '1970-01-05' + p_period * 7 + coalesce((p_rule->>'weekday')::integer, 7) - 1
    WHEN 'monthly' THEN read.day_of_month(floor(p_period / 12.0)::integer, p_period - floor(p_period / 12.0)::integer * 12 + 1, (p_rule->>'day')::integer)
    WHEN 'quarterly' THEN read.day_of_month(floor(p_period / 4.0)::integer, (p_period - floor(p_period / 4.0)::integer * 4) * 3 + 3, (p_rule->>'day')::integer)
    ELSE read.day_of_month(p_period, coalesce((p_rule->>'month')::integer, 12), (p_rule->>'day')::integer)
  END
$$;

CREATE TYPE read.judgement AS (code text, due_on date);

-- judgeRecurring of task.status.ts for an open or completed task with a recurring deadline.
CREATE FUNCTION read.recurring_judgement(
  p_rule jsonb, p_assigned_on date, p_reports jsonb, p_state text, p_completion date, p_as_of date
) RETURNS read.judgement
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $function$
DECLARE
  v_start    date := coalesce((p_rule->>'startsOn')::date, p_assigned_on);
  v_ends     date := (p_rule->>'endsOn')::date;
  v_until    date := CASE WHEN p_state = 'completed' THEN p_completion ELSE p_as_of END;
  v_end      date;
  v_first    integer;
  v_last     integer;
  v_next     integer;
  v_top      integer;
  v_p        integer;
  v_unmet    integer;
  v_on       date;
  v_named    date;
  v_target   integer;
  v_report   jsonb;
  -- v_met[p - v_first + 1]: the date of the report that fulfilled occurrence p, or null.
  v_met      date[] := '{}';
  v_targets  integer[] := '{}';
BEGIN
  -- The occurrences considered are the periods v_first .. v_top: those due from the start until
  -- v_until (clamped by endsOn), and the next one after v_until.
  v_p := read.recurrence_period(p_rule, v_start);
  v_first := CASE WHEN read.recurrence_due(p_rule, v_p) < v_start THEN v_p + 1 ELSE v_p END;
  v_end := CASE WHEN v_ends IS NULL OR v_until < v_ends THEN v_until ELSE v_ends END;
  v_p := read.recurrence_period(p_rule, v_end);
  v_last := CASE WHEN read.recurrence_due(p_rule, v_p) > v_end THEN v_p - 1 ELSE v_p END;
  v_p := read.recurrence_period(p_rule, v_until);
  v_next := greatest(v_first, CASE WHEN read.recurrence_due(p_rule, v_p) < v_until THEN v_p + 1 ELSE v_p END);
  IF v_ends IS NOT NULL AND read.recurrence_due(p_rule, v_next) > v_ends THEN
    v_next := NULL;
  END IF;
  v_top := CASE WHEN v_next IS NOT NULL AND v_next > v_last THEN v_next ELSE v_last END;

  FOR v_report IN SELECT value FROM jsonb_array_elements(coalesce(p_reports, '[]'::jsonb)) LOOP
    v_on := (v_report->>0)::date;
    CONTINUE WHEN v_on > p_as_of;
    v_target := NULL;
    v_named := (v_report->>1)::date;
    IF v_named IS NOT NULL THEN
      v_p := read.recurrence_period(p_rule, v_named);
      IF v_p BETWEEN v_first AND v_top AND read.recurrence_due(p_rule, v_p) = v_named THEN
        v_target := v_p;
      END IF;
    END IF;
    IF v_target IS NULL THEN
      v_p := v_first;
      WHILE v_p <= v_top AND v_met[v_p - v_first + 1] IS NOT NULL LOOP
        v_p := v_p + 1;
      END LOOP;
      IF v_p <= v_top AND (CASE WHEN v_p = v_first THEN v_start ELSE read.recurrence_due(p_rule, v_p - 1) + 1 END) <= v_on THEN
        v_target := v_p;
      END IF;
    END IF;
    IF v_target IS NOT NULL AND v_met[v_target - v_first + 1] IS NULL THEN
      v_met[v_target - v_first + 1] := v_on;
      v_targets := v_targets || v_target;
    END IF;
  END LOOP;

  -- The earliest occurrence not fulfilled: the first missed one, or the one open now.
  v_unmet := v_first;
  WHILE v_unmet <= v_top AND v_met[v_unmet - v_first + 1] IS NOT NULL LOOP
    v_unmet := v_unmet + 1;
  END LOOP;
  IF v_unmet > v_top
     OR (CASE WHEN v_unmet = v_first THEN v_start ELSE read.recurrence_due(p_rule, v_unmet - 1) + 1 END) > p_as_of THEN
    v_unmet := NULL;
  END IF;

  IF p_state = 'completed' THEN
    IF v_unmet IS NOT NULL AND read.recurrence_due(p_rule, v_unmet) < p_completion THEN
      RETURN ROW('hoan_thanh_qua_han', NULL)::read.judgement;
    END IF;
    FOREACH v_p IN ARRAY v_targets LOOP
      IF read.recurrence_due(p_rule, v_p) < p_completion
         AND v_met[v_p - v_first + 1] > read.recurrence_due(p_rule, v_p)
         AND (CASE WHEN v_p = v_first THEN v_start ELSE read.recurrence_due(p_rule, v_p - 1) + 1 END) <= p_as_of THEN
        RETURN ROW('hoan_thanh_qua_han', NULL)::read.judgement;
      END IF;
    END LOOP;
    RETURN ROW('hoan_thanh_dung_han', NULL)::read.judgement;
  END IF;

  IF v_unmet IS NOT NULL THEN
    IF p_as_of > read.recurrence_due(p_rule, v_unmet) THEN
      RETURN ROW('dang_thuc_hien_qua_han', read.recurrence_due(p_rule, v_unmet))::read.judgement;
    END IF;
    RETURN ROW('dang_thuc_hien_trong_han', read.recurrence_due(p_rule, v_unmet))::read.judgement;
  END IF;
  IF v_top < v_first OR v_start > p_as_of THEN
    -- No occurrence has opened yet: not yet due, until the next one.
    RETURN ROW('chua_den_han', CASE WHEN v_next IS NULL THEN NULL ELSE read.recurrence_due(p_rule, v_next) END)::read.judgement;
  END IF;
  RETURN ROW('dang_thuc_hien_trong_han', NULL)::read.judgement;
END
$function$;

-- The status code (TASK_STATUS_CODES) of a task on p_as_of, judged against one deadline, from the
-- status timeline the projection stored in the row (task-history.ts, StatusTimeline): a constant code,
-- or the dates where it changes; for the rare recurring row marked slow, read.recurring_judgement.
CREATE FUNCTION read.status_code(
  p_code text, p_slow boolean, p_overdue_after date, p_period_due date, p_due_from date, p_open_from date,
  p_as_of date, p_period_end date,
  p_rule jsonb, p_assigned_on date, p_reports jsonb, p_state text, p_completion date
) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN p_code IS NOT NULL THEN p_code
    WHEN p_slow THEN (read.recurring_judgement(p_rule, p_assigned_on, p_reports, p_state, p_completion, p_as_of)).code
    WHEN p_as_of > p_overdue_after THEN 'dang_thuc_hien_qua_han'
    WHEN p_period_due > p_period_end THEN 'chua_den_han'
    WHEN p_as_of >= p_due_from OR p_as_of >= p_open_from THEN 'dang_thuc_hien_trong_han'
    ELSE 'chua_den_han'
  END
$$;

-- The due date the status is judged by: the deadline's, or for a recurring one the occurrence at issue.
CREATE FUNCTION read.status_due_on(
  p_code text, p_slow boolean, p_due_from date, p_open_from date, p_due date, p_first_due date,
  p_as_of date,
  p_rule jsonb, p_assigned_on date, p_reports jsonb, p_state text, p_completion date
) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN p_code IS NOT NULL THEN p_due
    WHEN p_slow THEN (read.recurring_judgement(p_rule, p_assigned_on, p_reports, p_state, p_completion, p_as_of)).due_on
    WHEN p_as_of >= p_due_from THEN p_due
    WHEN p_as_of >= p_open_from THEN NULL
    ELSE p_first_due
  END
$$;

-- Days past the due date: up to p_as_of for an open overdue task, up to the report for a late completion.
CREATE FUNCTION read.status_days_overdue(p_code text, p_due date, p_completion date, p_as_of date) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE p_code WHEN 'dang_thuc_hien_qua_han' THEN p_as_of - p_due WHEN 'hoan_thanh_qua_han' THEN p_completion - p_due END
$$;

-- Days left until the due date, for an open task within its deadline.
CREATE FUNCTION read.status_days_until_due(p_code text, p_due date, p_as_of date) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN p_code = 'dang_thuc_hien_trong_han' THEN p_due - p_as_of END
$$;
`;

const timelineArguments = (prefix: 'st' | 'ost'): string =>
  `h.${prefix}_code, h.${prefix}_slow, h.${prefix}_overdue_after, h.${prefix}_period_due, h.${prefix}_due_from, h.${prefix}_open_from`;
const slowArguments = (rule: string): string => `h.${rule}, h.assigned_on, h.progress_reports, h.state, h.completion_reported_on`;

const STATUS_COLUMNS = (asOf: string, periodEnd: string): string => `
           read.status_code(${timelineArguments('st')}, ${asOf}, ${periodEnd}, ${slowArguments('deadline_rule')}) AS status,
           read.status_code(${timelineArguments('ost')}, ${asOf}, ${periodEnd}, ${slowArguments('original_deadline_rule')}) AS status_against_original,
           read.status_due_on(h.st_code, h.st_slow, h.st_due_from, h.st_open_from, h.st_due, h.st_first_due, ${asOf}, ${slowArguments('deadline_rule')}) AS due_on,
           read.status_due_on(h.ost_code, h.ost_slow, h.ost_due_from, h.ost_open_from, h.ost_due, h.ost_first_due, ${asOf}, ${slowArguments('original_deadline_rule')}) AS original_due_on`;

const STATUS_TABLE = `
  task_id text, directive_id text, lead_agency_id text, state text,
  status text, status_against_original text, due_on date, original_due_on date,
  days_overdue integer, days_until_due integer, due_soon boolean, original_days_overdue integer,
  deadline_kind text, deadline_text text, extension_count integer, reminder_count integer,
  progress_report_count integer, last_report_on date, completion_reported_on date, completed_on date,
  assigned_on date, valid_from date`;

const STATUS_OUTER = (asOf: string, dueSoonDays: string): string => `
  SELECT s.task_id, s.directive_id, s.lead_agency_id, s.state,
         s.status, s.status_against_original, s.due_on, s.original_due_on,
         read.status_days_overdue(s.status, s.due_on, s.completion_reported_on, ${asOf}),
         read.status_days_until_due(s.status, s.due_on, ${asOf}),
         coalesce(read.status_days_until_due(s.status, s.due_on, ${asOf}) <= ${dueSoonDays}, false),
         read.status_days_overdue(s.status_against_original, s.original_due_on, s.completion_reported_on, ${asOf}),
         s.deadline_kind, s.deadline_text, s.extension_count, s.reminder_count,
         s.progress_report_count, s.last_report_on, s.completion_reported_on, s.completed_on,
         s.assigned_on, s.valid_from`;

const STATUS_INNER_COLUMNS = `h.task_id, h.directive_id, h.lead_agency_id, h.state, h.deadline_kind, h.deadline_text,
           h.extension_count, h.reminder_count, h.progress_report_count, h.last_report_on,
           h.completion_reported_on, h.completed_on, h.assigned_on, h.valid_from,`;

const SUMS_BY_CODE = (column: string): string =>
  ['hoan_thanh_dung_han', 'hoan_thanh_qua_han', 'hoan_thanh_khong_thoi_han', 'dang_thuc_hien_trong_han', 'dang_thuc_hien_qua_han',
    'dang_thuc_hien_khong_thoi_han', 'chua_den_han', 'cho_xac_nhan', 'tam_dung', 'da_rut']
    .map((code) => `coalesce(sum(g.n) FILTER (WHERE ${column} = '${code}'), 0)::integer`)
    .join(',\n         ');

/** The span class of open-ended rows (and of any valid for more than 2^15 days). */
const OPEN_CLASS = 16;

/**
 * The rows valid on a date, found by the length of their validity. A row of class k (0–15) is valid for
 * at most 2^k days, so if it is valid on D it began in (D − 2^k, D]; class 16 holds the open-ended rows
 * (valid until further notice) and any longer than 2^15 days, which began on or before D. Keyed by class
 * and valid_from, the index task_history_span turns "valid on D" into one range per class that holds at
 * most about twice the rows wanted — where a (valid_to, valid_from) index reads every row that ends
 * after D, most of them not yet begun (at 1,000,000 history rows: up to 900,000 read for 13,000).
 */
export const SPAN_CLASS_FUNCTION_SQL = `
CREATE OR REPLACE FUNCTION read.history_span_class(p_from date, p_to date) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN p_from = '-infinity' OR p_to = 'infinity' THEN ${OPEN_CLASS}
${Array.from({ length: OPEN_CLASS }, (_, k) => `    WHEN p_to - p_from <= ${2 ** k} THEN ${k}`).join('\n')}
    ELSE ${OPEN_CLASS} END
$$;`;

/**
 * The rows as of a date with both statuses and the counts, reading only the columns the covering
 * index task_history_span carries: one index-only range scan per span class, `where` (conditions
 * on h's columns and the function's arguments) applied in each.
 */
const AS_OF_COUNTS = (asOf: string, key: string, where: string): string => {
  const branches = Array.from({ length: OPEN_CLASS + 1 }, (_, k) => `
        SELECT ${AS_OF_COLUMNS.map((column) => `h.${column}`).join(', ')}
        FROM read.task_history h
        WHERE h.superseded_at IS NULL AND ${SPAN_CLASS_KEY} = ${k}
          ${k < OPEN_CLASS ? `AND h.valid_from > ${asOf} - ${2 ** k} ` : ''}AND h.valid_from <= ${asOf} AND h.valid_to > ${asOf}
          AND ${where}`);
  return `
      SELECT ${key}, h.extension_count, h.reminder_count,
             read.status_code(${timelineArguments('st')}, ${asOf}, NULL, ${slowArguments('deadline_rule')}) AS status,
             read.status_code(${timelineArguments('ost')}, ${asOf}, NULL, ${slowArguments('original_deadline_rule')}) AS original
      FROM (${branches.join('\n        UNION ALL')}) h`;
};

const CODE_COLUMNS = `hoan_thanh_dung_han integer, hoan_thanh_qua_han integer, hoan_thanh_khong_thoi_han integer,
  dang_thuc_hien_trong_han integer, dang_thuc_hien_qua_han integer, dang_thuc_hien_khong_thoi_han integer,
  chua_den_han integer, cho_xac_nhan integer, tam_dung integer, da_rut integer`;

/**
 * The functions analysts call: every task's status as of a date ("tính đến ngày") and as known at an
 * instant (here), per agency and per directive (AS_OF_COUNT_FUNCTIONS_SQL). Created after the tables (a SQL function's body is checked
 * against them); they name the tables, so a rebuild that swaps a table in keeps them working. The
 * planner inlines them, so a WHERE on their result reaches the indexes of read.task_history.
 */
export const QUERY_FUNCTIONS_SQL = `
-- Every task assigned by p_as_of, with its status that day (the domain's statusOf); optionally only
-- the tasks one agency leads that day, or one directive's. (OFFSET 0 computes each status once per
-- row; pass the agency and directive as arguments, so they reach the indexes.)
CREATE FUNCTION read.task_status_on(
  p_as_of date, p_due_soon_days integer DEFAULT 7, p_period_end date DEFAULT NULL, p_agency_id text DEFAULT NULL, p_directive_id text DEFAULT NULL
)
RETURNS TABLE (${STATUS_TABLE})
LANGUAGE sql STABLE PARALLEL SAFE AS $$${STATUS_OUTER('p_as_of', 'p_due_soon_days')}
  FROM (
    SELECT ${STATUS_INNER_COLUMNS}${STATUS_COLUMNS('p_as_of', 'p_period_end')}
    FROM read.task_history h
    WHERE h.superseded_at IS NULL AND h.valid_from <= p_as_of AND h.valid_to > p_as_of
      AND (p_agency_id IS NULL OR h.lead_agency_id = p_agency_id)
      AND (p_directive_id IS NULL OR h.directive_id = p_directive_id)
    OFFSET 0
  ) s
$$;

-- The same as the system knew it at the instant p_known_at: rows recorded by then and not yet
-- superseded then; of those, each task's row with the latest valid_from on or before p_as_of.
CREATE FUNCTION read.task_status_known_at(p_as_of date, p_known_at timestamptz, p_due_soon_days integer DEFAULT 7, p_period_end date DEFAULT NULL)
RETURNS TABLE (${STATUS_TABLE})
LANGUAGE sql STABLE PARALLEL SAFE AS $$${STATUS_OUTER('p_as_of', 'p_due_soon_days')}
  FROM (
    SELECT ${STATUS_INNER_COLUMNS}${STATUS_COLUMNS('p_as_of', 'p_period_end')}
    FROM (
      SELECT DISTINCT ON (k.task_id) k.*
      FROM read.task_history k
      WHERE k.recorded_at <= p_known_at AND (k.superseded_at IS NULL OR k.superseded_at > p_known_at) AND k.valid_from <= p_as_of
      ORDER BY k.task_id, k.valid_from DESC
    ) h
    OFFSET 0
  ) s
$$;
`;

/**
 * The agency scorecard and directive progress: counts over the rows valid on a date (AS_OF_COUNTS).
 * Written to replace an earlier version of themselves, as migration 2 does.
 */
export const AS_OF_COUNT_FUNCTIONS_SQL = `
-- The agency scorecard "tính đến ngày p_as_of": per lead agency (as of that day), tasks per status,
-- completions on time against the current and the original deadline, extensions and reminders. With
-- p_from, only tasks assigned from that day on.
CREATE OR REPLACE FUNCTION read.agency_scorecard(p_as_of date, p_from date DEFAULT NULL, p_agency_id text DEFAULT NULL)
RETURNS TABLE (
  agency_id text, total integer, ${CODE_COLUMNS},
  done integer, done_on_time integer, done_late integer, on_time_rate numeric,
  done_on_time_original integer, done_late_original integer, on_time_rate_original numeric,
  extensions integer, tasks_extended integer, reminders integer
)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  -- Grouped twice: by agency and both statuses over the tasks (one hash lookup per task; each parallel
  -- worker groups its own share), then by agency over those few groups.
  SELECT g.agency, sum(g.n)::integer,
         ${SUMS_BY_CODE('g.status')},
         coalesce(sum(g.n) FILTER (WHERE g.status LIKE 'hoan_thanh%'), 0)::integer,
         coalesce(sum(g.n) FILTER (WHERE g.status = 'hoan_thanh_dung_han'), 0)::integer,
         coalesce(sum(g.n) FILTER (WHERE g.status = 'hoan_thanh_qua_han'), 0)::integer,
         round(coalesce(sum(g.n) FILTER (WHERE g.status = 'hoan_thanh_dung_han'), 0)
               / nullif(sum(g.n) FILTER (WHERE g.status IN ('hoan_thanh_dung_han', 'hoan_thanh_qua_han')), 0), 4),
         coalesce(sum(g.n) FILTER (WHERE g.original = 'hoan_thanh_dung_han'), 0)::integer,
         coalesce(sum(g.n) FILTER (WHERE g.original = 'hoan_thanh_qua_han'), 0)::integer,
         round(coalesce(sum(g.n) FILTER (WHERE g.original = 'hoan_thanh_dung_han'), 0)
               / nullif(sum(g.n) FILTER (WHERE g.original IN ('hoan_thanh_dung_han', 'hoan_thanh_qua_han')), 0), 4),
         sum(g.extensions)::integer, sum(g.extended)::integer, sum(g.reminders)::integer
  FROM (
    SELECT t.agency, t.status, t.original, count(*) AS n,
           sum(t.extension_count) AS extensions, count(*) FILTER (WHERE t.extension_count > 0) AS extended,
           sum(t.reminder_count) AS reminders
    FROM (${AS_OF_COUNTS('p_as_of', 'h.lead_agency_id AS agency', '(p_from IS NULL OR h.assigned_on >= p_from) AND (p_agency_id IS NULL OR h.lead_agency_id = p_agency_id)')}) t
    GROUP BY 1, 2, 3
  ) g
  GROUP BY g.agency
$$;

-- Directive progress (*tiến độ thực hiện văn bản*) as of p_as_of: its tasks per status; optionally one
-- directive, or only the tasks one agency leads.
CREATE OR REPLACE FUNCTION read.directive_progress(p_as_of date, p_directive_id text DEFAULT NULL, p_agency_id text DEFAULT NULL)
RETURNS TABLE (
  directive_id text, symbol text, subject text, issued_on date, total integer, ${CODE_COLUMNS},
  done integer, overdue integer, done_ratio numeric
)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT g.directive, d.symbol, d.subject, d.issued_on, sum(g.n)::integer,
         ${SUMS_BY_CODE('g.status')},
         coalesce(sum(g.n) FILTER (WHERE g.status LIKE 'hoan_thanh%'), 0)::integer,
         coalesce(sum(g.n) FILTER (WHERE g.status = 'dang_thuc_hien_qua_han'), 0)::integer,
         round(coalesce(sum(g.n) FILTER (WHERE g.status LIKE 'hoan_thanh%'), 0) / sum(g.n), 4)
  FROM (
    SELECT t.directive, t.status, count(*) AS n
    FROM (${AS_OF_COUNTS('p_as_of', 'h.directive_id AS directive', '(p_directive_id IS NULL OR h.directive_id = p_directive_id) AND (p_agency_id IS NULL OR h.lead_agency_id = p_agency_id)')}) t
    GROUP BY 1, 2
  ) g
  LEFT JOIN read.directives d ON d.directive_id = g.directive
  GROUP BY g.directive, d.symbol, d.subject, d.issued_on
$$;
`;
