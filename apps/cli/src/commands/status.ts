import {
  agencyById,
  agencyOnDate,
  isAssigned,
  isTaskEvent,
  resolveAgency,
  statusOf,
  taskAt,
  type Agency,
  type LocalDate,
  type RecordedEvent,
  type TaskEvent,
} from '@chidao/domain';
import type { EventStore, Position, StoredEvent } from '@chidao/event-store';
import { agencyLabel, agencyRef, deadlineJson, parseAsOf, statusJson, statusNote, table, viDate } from '../format';
import { usageError, type CliIo } from '../io';
import { openStore } from '../open-store';

export type StatusArgs = { readonly agency?: string; readonly asOf?: string; readonly json: boolean };

/**
 * `chidao status [--agency X] [--as-of D]`: every task in the store with its status on D (today in
 * Vietnam by default), optionally only those an agency leads — given by id or by any name the
 * catalogue knows. It replays the log; analysts with large stores query the API's read models instead.
 */
export const statusCommand = async (io: CliIo, args: StatusArgs): Promise<number> => {
  const asOf = parseAsOf(args.asOf, io.now());
  const agency = args.agency === undefined ? undefined : findAgency(args.agency, asOf);
  const { store } = await openStore(io.env, io.cwd);
  try {
    const { symbols, tasks } = await replay(store);
    const rows = [...tasks]
      .map(([taskId, events]) => ({ taskId, state: taskAt(events as unknown as RecordedEvent<TaskEvent>[], { asOf }) }))
      .flatMap(({ taskId, state }) => (isAssigned(state) ? [{ taskId, state, status: statusOf(state, asOf) }] : []))
      .filter((row) => agency === undefined || row.state.task.lead === agency.id);
    if (args.json) {
      io.out(
        JSON.stringify(
          {
            asOf,
            agency: agency === undefined ? null : agencyRef(agency.id),
            tasks: rows.map(({ taskId, state, status }) => ({
              taskId,
              directiveId: state.task.directiveId,
              directive: symbols.get(state.task.directiveId) ?? null,
              clause: state.task.clause,
              lead: agencyRef(state.task.lead),
              deadline: deadlineJson(state.task.deadline),
              originalDeadline: deadlineJson(state.task.originalDeadline),
              status: statusJson(status),
            })),
          },
          null,
          2,
        ),
      );
      return 0;
    }
    io.out(`Tình trạng nhiệm vụ tính đến ngày ${viDate(asOf)} / task status as of ${asOf}${agency === undefined ? '' : ` — ${agency.name}`}`);
    io.out('');
    for (const line of table(
      ['Văn bản / Directive', 'Điều khoản / Clause', 'Chủ trì / Lead', 'Thời hạn / Deadline', 'Trạng thái / Status', 'Ghi chú / Note'],
      rows.map(({ state, status }) => [
        symbols.get(state.task.directiveId) ?? state.task.directiveId,
        state.task.clause,
        agencyLabel(state.task.lead),
        state.task.deadline.text,
        status.label.vi,
        statusNote(status),
      ]),
    ))
      io.out(line);
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row.status.label.vi, (counts.get(row.status.label.vi) ?? 0) + 1);
    io.out('');
    io.out(`Tổng hợp / summary: ${rows.length} nhiệm vụ / tasks${[...counts].map(([label, count]) => `; ${label}: ${count}`).join('')}`);
    return 0;
  } finally {
    await store.close();
  }
};

/** An agency by id or by a name the catalogue resolves on the date; a usage error otherwise, never a guess. */
const findAgency = (text: string, asOf: LocalDate): Agency => {
  const byId = agencyById(text);
  if (byId !== undefined) return byId;
  const resolution = resolveAgency(text, asOf);
  const agency = agencyOnDate(resolution);
  if (agency !== undefined) return agency;
  throw usageError(
    `--agency "${text}": ${'message' in resolution ? resolution.message.split(' / ')[0] : 'không rõ cơ quan'}`,
    'message' in resolution ? (resolution.message.split(' / ')[1] ?? resolution.message) : 'unknown agency',
  );
};

/** Every task's events and every directive's symbol, from one pass over the log. */
const replay = async (store: EventStore) => {
  const symbols = new Map<string, string>();
  const tasks = new Map<string, StoredEvent[]>();
  let after: Position | null = null;
  for (;;) {
    const page = await store.readAll({ after, limit: 1_000 });
    for (const event of page.events) {
      if (isTaskEvent(event)) {
        const taskId = (event as TaskEvent).data.taskId;
        const list = tasks.get(taskId);
        if (list === undefined) tasks.set(taskId, [event]);
        else list.push(event);
      } else if (event.type === 'DirectiveRegistered') {
        symbols.set(event.data.directiveId, event.data.symbol);
      }
    }
    if (page.isEnd || page.events.length === 0) break;
    after = page.next;
  }
  return { symbols, tasks };
};
