import {
  eventsAt,
  isAssigned,
  statusOf,
  taskAt,
  type RecordedEvent,
  type TaskEvent,
  type TimeAxes,
} from '@chidao/domain';
import { directiveIdOfTask, loadDirectiveHistory, streamOfTask, type StoredEvent } from '@chidao/event-store';
import {
  agencyLabel,
  agencyRef,
  deadlineJson,
  describeEvent,
  eventJson,
  parseAsOf,
  parseKnownAt,
  statusJson,
  statusNote,
  table,
  viDate,
} from '../format';
import { CliError, type CliIo } from '../io';
import { openStore } from '../open-store';

export type HistoryArgs = { readonly target: string; readonly asOf?: string; readonly knownAt?: string; readonly json: boolean };

type TaskView = { readonly taskId: string; readonly events: readonly StoredEvent[] };

/**
 * `chidao history <directive-or-task> [--as-of D] [--known-at T]`: every event of a directive (its
 * stream and its tasks') or of one task, in the order recorded, with both time axes — and each task's
 * status on D as the system knew it at T. `--as-of` keeps events whose paper date is on or before D,
 * `--known-at` those recorded by T. A task id has the form `<directive id>/<clause>`.
 */
export const historyCommand = async (io: CliIo, args: HistoryArgs): Promise<number> => {
  const asOf = parseAsOf(args.asOf, io.now());
  const knownAt = parseKnownAt(args.knownAt);
  const axes: TimeAxes = { ...(args.asOf === undefined ? {} : { asOf }), ...(knownAt === undefined ? {} : { knownAt }) };
  const { store } = await openStore(io.env, io.cwd);
  try {
    const isTask = directiveIdOfTask(args.target) !== null;
    let all: readonly StoredEvent[];
    let tasks: TaskView[];
    if (isTask) {
      all = await store.readStream(streamOfTask(args.target));
      tasks = all.length === 0 ? [] : [{ taskId: args.target, events: all }];
    } else {
      const history = await loadDirectiveHistory(store, args.target);
      all = history.events;
      tasks = [...history.tasks].map(([taskId, events]) => ({ taskId, events }));
    }
    if (all.length === 0) {
      throw new CliError(
        `Không tìm thấy ${isTask ? 'nhiệm vụ' : 'văn bản'} "${args.target}" / no ${isTask ? 'task' : 'directive'} "${args.target}" in the store` +
          (isTask ? '' : ' (mã nhiệm vụ có dạng <mã văn bản>/<điều khoản> / task ids look like <directive id>/<clause>)'),
      );
    }
    const visible = eventsAt(all, axes);
    const states = tasks.map((task) => {
      const state = taskAt(task.events as unknown as RecordedEvent<TaskEvent>[], knownAt === undefined ? { asOf } : { asOf, knownAt });
      return { taskId: task.taskId, state, status: isAssigned(state) ? statusOf(state, asOf) : undefined };
    });
    if (args.json) {
      io.out(
        JSON.stringify(
          {
            target: args.target,
            kind: isTask ? 'task' : 'directive',
            asOf: args.asOf ?? null,
            knownAt: knownAt ?? null,
            events: visible.map(eventJson),
            tasks: states.map(({ taskId, status, state }) =>
              isAssigned(state)
                ? { taskId, clause: state.task.clause, lead: agencyRef(state.task.lead), deadline: deadlineJson(state.task.deadline), status: status && statusJson(status) }
                : { taskId, clause: null, lead: null, deadline: null, status: null },
            ),
          },
          null,
          2,
        ),
      );
      return 0;
    }
    io.out(`Lịch sử ${isTask ? 'nhiệm vụ' : 'văn bản'} ${args.target} / history of ${isTask ? 'task' : 'directive'} ${args.target}`);
    if (args.asOf !== undefined) io.out(`Đúng đến ngày / true as of: ${viDate(asOf)}`);
    if (knownAt !== undefined) io.out(`Hệ thống biết đến / known at: ${knownAt}`);
    io.out(`${visible.length} / ${all.length} sự kiện / events`);
    io.out('');
    for (const line of table(
      ['Vị trí / Position', 'Ngày văn bản / On paper', 'Ghi nhận lúc / Recorded', 'Luồng / Stream', 'Nội dung / What happened', 'Băm / Hash'],
      visible.map((event) => [
        event.position,
        viDate(event.metadata.occurredOn),
        event.metadata.recordedAt,
        `${event.stream}@${event.revision}`,
        describeEvent(event),
        event.metadata.hash.slice(0, 12),
      ]),
    ))
      io.out(line);
    io.out('');
    io.out(`Tình trạng ngày ${viDate(asOf)} / status on ${asOf}${knownAt === undefined ? '' : `, theo dữ liệu lúc / as known at ${knownAt}`}:`);
    for (const line of table(
      ['Nhiệm vụ / Task', 'Chủ trì / Lead', 'Thời hạn / Deadline', 'Trạng thái / Status', 'Ghi chú / Note'],
      states.map(({ taskId, status, state }) =>
        isAssigned(state) && status !== undefined
          ? [taskId, agencyLabel(state.task.lead), state.task.deadline.text, status.label.vi, statusNote(status)]
          : [taskId, '—', '—', 'Chưa giao / not assigned yet', ''],
      ),
    ))
      io.out(line);
    return 0;
  } finally {
    await store.close();
  }
};
