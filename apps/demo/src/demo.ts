import {
  agencyById,
  agencyOnDate,
  directiveDecider,
  eventMetadataFor,
  explainError,
  fold,
  resolveAgency,
  statusOf,
  taskDecider,
  CURRENT_SCHEMA_VERSIONS,
  type Actor,
  type CommandMetadata,
  type DirectiveEvent,
  type DomainEvent,
  type RecordedEvent,
  type TaskCommand,
  type TaskEvent,
  type TaskStatus,
} from '@chidao/domain';
import * as E from 'fp-ts/Either';
import { DIRECTIVE_ID, NOTICE_DATE, noticeTasks, registerNotice } from './notice-2026-02-27';

/** The clerk of the provincial People's Committee office who enters the notice. */
const clerk: Actor = { userId: 'vp-ubnd.van-thu', role: 'secretariat' };
/** When the clerk entered it: a fixed instant, so the demo prints the same every time. */
const RECORDED_AT = '2026-03-02T02:00:00Z';

/** One task of the demo with its status. */
export type DemoRow = {
  readonly clause: string;
  readonly lead: string;
  readonly deadline: string;
  readonly status: TaskStatus;
};

/** The streams the demo writes: one for the directive, one per task. */
export type DemoStore = ReadonlyMap<string, readonly RecordedEvent<DomainEvent>[]>;

const metadata = (commandId: string, occurredOn: string = NOTICE_DATE): CommandMetadata => ({
  commandId,
  actor: clerk,
  occurredOn,
  sourceDocument: { symbol: '/TB-UBND', issuedOn: NOTICE_DATE, issuer: 'UBND tỉnh Khánh Hòa' },
  correlationId: 'demo-import-2026-02-27',
});

const record = <Event extends DomainEvent>(events: readonly Event[], command: CommandMetadata): RecordedEvent<Event>[] =>
  events.map((event) => ({ ...event, metadata: eventMetadataFor(command, RECORDED_AT, CURRENT_SCHEMA_VERSIONS[event.type]) }));

const orThrow = <A>(result: E.Either<Parameters<typeof explainError>[0], A>, what: string): A => {
  if (E.isLeft(result)) {
    const { vi, en } = explainError(result.left);
    throw new Error(`${what}: ${vi} / ${en}`);
  }
  return result.right;
};

/** The agency id for a name as the notice writes it; the demo data must name only known agencies. */
const agencyId = (name: string): string => {
  const agency = agencyOnDate(resolveAgency(name, NOTICE_DATE));
  if (agency === undefined) throw new Error(`Không rõ cơ quan / unknown agency: ${name}`);
  return agency.id;
};

/** Registers the notice and assigns its tasks through the deciders, as the application will. */
export const loadNotice = (): DemoStore => {
  const streams = new Map<string, RecordedEvent<DomainEvent>[]>();
  const registration = metadata('demo-register');
  const directiveEvents: readonly DirectiveEvent[] = orThrow(
    directiveDecider.decide({ type: 'RegisterDirective', data: registerNotice, metadata: registration }, directiveDecider.initialState()),
    'RegisterDirective',
  );
  streams.set(`directive-${DIRECTIVE_ID}`, record(directiveEvents, registration));
  const directive = fold(directiveDecider, directiveEvents);

  for (const task of noticeTasks) {
    const taskId = `${DIRECTIVE_ID}/${task.clause}`;
    const commands: TaskCommand[] = [
      {
        type: 'AssignTask',
        data: {
          taskId,
          directiveId: DIRECTIVE_ID,
          clause: task.clause,
          content: task.content,
          lead: agencyId(task.lead),
          cooperating: task.cooperating.map(agencyId),
          ...(task.cooperatingNote === undefined ? {} : { cooperatingNote: task.cooperatingNote }),
          reportRecipient: agencyId('UBND tỉnh'),
          priority: false,
          deadline: task.deadline,
        },
        metadata: metadata(`demo-assign-${task.clause}`),
        directive,
      },
    ];
    if (task.reminder !== undefined) {
      commands.push({ type: 'IssueTaskReminder', data: { taskId, document: task.reminder }, metadata: metadata(`demo-remind-${task.clause}`) });
    }
    const stream: RecordedEvent<TaskEvent>[] = [];
    for (const command of commands) {
      const state = fold(taskDecider, stream);
      stream.push(...record(orThrow(taskDecider.decide(command, state), `${command.type} ${task.clause}`), command.metadata));
    }
    streams.set(`task-${taskId}`, stream);
  }
  return streams;
};

/** Each task of the demo store with its status on `asOf`. */
export const statusTable = (store: DemoStore, asOf: string): readonly DemoRow[] =>
  [...store.entries()]
    .filter(([stream]) => stream.startsWith('task-'))
    .map(([, events]) => {
      const state = fold(taskDecider, events as readonly TaskEvent[]);
      if (state.status === 'unassigned') throw new Error('demo task not assigned');
      return {
        clause: state.task.clause,
        lead: agencyById(state.task.lead)?.shortNames[0] ?? state.task.lead,
        deadline: state.task.deadline.text,
        status: statusOf(state, asOf),
      };
    });

const note = (status: TaskStatus): string => {
  if (status.daysOverdue !== undefined) return `quá ${status.daysOverdue} ngày / ${status.daysOverdue} days overdue`;
  if (status.dueSoon && status.daysUntilDue === 0) return 'sắp đến hạn: hạn cuối hôm nay / due today';
  if (status.dueSoon) return `sắp đến hạn: còn ${status.daysUntilDue} ngày / due in ${status.daysUntilDue} days`;
  return '';
};

const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - [...text].length));

/** The demo's printout: the directive, then one line per task with its status on `asOf`. */
export const renderDemo = (store: DemoStore, asOf: string): readonly string[] => {
  const rows = statusTable(store, asOf);
  const header = ['Điều khoản / Clause', 'Chủ trì / Lead', 'Thời hạn / Deadline', 'Trạng thái / Status', 'Ghi chú / Note'];
  const cells = rows.map((row) => [row.clause, row.lead, row.deadline, row.status.label.vi, note(row.status)]);
  const widths = header.map((title, i) => Math.max([...title].length, ...cells.map((cell) => [...cell[i]!].length)));
  const line = (cell: readonly string[]) => cell.map((text, i) => pad(text, widths[i]!)).join('  ').trimEnd();
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.status.label.vi, (counts.get(row.status.label.vi) ?? 0) + 1);
  return [
    `chidao — Thông báo kết luận phiên họp thứ 6 (${NOTICE_DATE.split('-').reverse().join('/')}), UBND tỉnh Khánh Hòa`,
    `Tình trạng ${rows.length} nhiệm vụ tính đến ngày ${asOf.split('-').reverse().join('/')} / status of ${rows.length} tasks as of ${asOf}`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.map(line),
    '',
    `Tổng hợp / Summary: ${[...counts.entries()].map(([label, count]) => `${label}: ${count}`).join('; ')}`,
  ];
};
