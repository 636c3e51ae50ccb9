/*
 * Embedding @chidao/domain: the notice of 27/02/2026 (phiên họp thứ 6), its clause 1.c, an extension,
 * a refused command, a completion and the statuses an analyst would see. The domain does no I/O and
 * reads no clock: the "store" here is an array, and every date and instant is data.
 */
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import {
  CURRENT_SCHEMA_VERSIONS,
  agencyOnDate,
  dateDeadline,
  directiveDecider,
  eventMetadataFor,
  explainError,
  fold,
  formatVietnameseDate,
  isAssigned,
  resolveAgency,
  statusOf,
  taskDecider,
  taskStatusOn,
  type Actor,
  type CommandMetadata,
  type Decider,
  type DirectiveEvent,
  type DomainError,
  type DomainEvent,
  type Instant,
  type LocalDate,
  type RecordedEvent,
  type TaskEvent,
  type TaskStatus,
} from '@chidao/domain';

/** Load → decide → append, for one in-memory stream: what packages/event-store does against a database. */
const handle = <Command extends { readonly type: string; readonly metadata: CommandMetadata }, State, Event extends DomainEvent>(
  decider: Decider<Command, State, Event, DomainError>,
  stream: RecordedEvent<Event>[],
  command: Command,
  recordedAt: Instant,
): string =>
  pipe(
    decider.decide(command, fold(decider, stream)),
    // The server's clock supplies recordedAt; the command supplies the business date, occurredOn.
    E.map((events) =>
      events.map((event) => ({ ...event, metadata: eventMetadataFor(command.metadata, recordedAt, CURRENT_SCHEMA_VERSIONS[event.type]) })),
    ),
    E.match(
      (error) => `✘ ${command.type} refused: ${error._tag} — ${explainError(error).vi} / ${explainError(error).en}`,
      (recorded) => {
        stream.push(...recorded);
        return `✔ ${command.type} → ${recorded.map((event) => event.type).join(', ')}`;
      },
    ),
  );

/** One line per status: the report category, the due date, and the judgement against the original deadline. */
const statusLine = (status: TaskStatus): string => {
  const due = status.dueOn === undefined ? '' : `, due ${formatVietnameseDate(status.dueOn)}`;
  const left = status.daysUntilDue === undefined ? '' : `, ${status.daysUntilDue} days left${status.dueSoon ? ' (sắp đến hạn)' : ''}`;
  const late = status.daysOverdue === undefined ? '' : `, ${status.daysOverdue} days late`;
  const { againstOriginal } = status;
  const originalLate = againstOriginal.daysOverdue === undefined ? '' : `, ${againstOriginal.daysOverdue} days late`;
  const original = againstOriginal.code === status.code ? '' : `; against the original deadline: ${againstOriginal.label.vi}${originalLate}`;
  return `${formatVietnameseDate(status.asOf)}: ${status.label.vi} [${status.code}]${due}${left}${late}${original}`;
};

/** Runs the example and returns the lines it prints. */
export const runEmbeddingExample = (): readonly string[] => {
  const lines: string[] = [];
  const meetingDay: LocalDate = '2026-02-27';

  // Agencies are resolved from the words of the notice, on the date of the paper. A department merged
  // away in 2025 resolves as Superseded, and agencyOnDate gives the successor that carries its duties.
  const agencyIdOf = (text: string): string => {
    const resolution = resolveAgency(text, meetingDay);
    const agency = agencyOnDate(resolution);
    lines.push(`"${text}" → ${resolution._tag}: ${agency?.id ?? 'none'}`);
    if (agency === undefined) throw new Error(`a clerk must resolve "${text}" by hand (${resolution._tag})`);
    return agency.id;
  };
  const ubndId = agencyIdOf('UBND tỉnh');
  const khcnId = agencyIdOf('Sở KH&CN');
  agencyIdOf('Sở Thông tin và Truyền thông');

  const secretariat: Actor = { userId: 'vp-ubnd.chuyen-vien', role: 'secretariat' };
  const khcnOfficer: Actor = { userId: 'so-khcn.van-thu', role: 'agency', agencyId: khcnId };
  const by = (actor: Actor, occurredOn: LocalDate, commandId: string): CommandMetadata => ({ commandId, actor, occurredOn });

  // 1. Register the draft notice (no number yet: "Số: /TB-UBND"). The clerk enters it on 02/03.
  const directive: RecordedEvent<DirectiveEvent>[] = [];
  const directiveId = 'kh-ubnd-2026-02-27-phien-6';
  lines.push(
    handle(directiveDecider, directive, {
      type: 'RegisterDirective',
      data: {
        directiveId,
        symbol: 'Số: /TB-UBND',
        issuer: { name: 'UBND tỉnh Khánh Hòa', agencyId: ubndId },
        meeting: { heldOn: meetingDay, session: 6 },
        presidedBy: { name: 'Nguyễn Thanh Hà', title: 'Phó Chủ tịch UBND tỉnh' },
        signer: { name: 'Nguyễn Xuân Hải', title: 'Phó Chánh Văn phòng' },
        subject: 'Kết luận của Phó Chủ tịch UBND tỉnh Nguyễn Thanh Hà tại cuộc họp với cơ quan thường trực giúp việc của Ban chỉ đạo (phiên họp thứ 6)',
        references: [{ symbol: '246-QĐ/TU', issuedOn: '2026-01-30', issuer: 'Tỉnh ủy Khánh Hòa' }],
      },
      metadata: by(secretariat, meetingDay, 'cmd-1'),
    }, '2026-03-02T08:15:00+07:00'),
  );

  // 2. Assign clause 1.c to Sở KH&CN, due "trước ngày 20/3/2026".
  const task: RecordedEvent<TaskEvent>[] = [];
  const taskId = `${directiveId}/1.c`;
  lines.push(
    handle(taskDecider, task, {
      type: 'AssignTask',
      data: {
        taskId,
        directiveId,
        clause: '1.c',
        content: 'Rà soát đánh giá kết quả hợp tác giữa UBND tỉnh với các Tập đoàn, công ty, doanh nghiệp trên lĩnh vực chuyển đổi số; đề xuất Kế hoạch hợp tác giai đoạn mới',
        lead: khcnId,
        cooperating: [],
        cooperatingNote: 'các cơ quan liên quan',
        reportRecipient: ubndId,
        priority: false,
        deadline: dateDeadline('2026-03-20', 'before', 'trước ngày 20/3/2026'),
      },
      directive: fold(directiveDecider, directive),
      metadata: by(secretariat, meetingDay, 'cmd-2'),
    }, '2026-03-02T08:20:00+07:00'),
  );

  const current = fold(taskDecider, task);
  if (isAssigned(current)) lines.push(statusLine(statusOf(current, '2026-03-16')));

  // 3. A refused command: an "extension" to a date before the deadline in force. Refusals are data.
  const extendTo = (date: LocalDate, words: string, commandId: string) =>
    handle(taskDecider, task, {
      type: 'ExtendTaskDeadline',
      data: { taskId, to: dateDeadline(date, 'by', words), reason: 'Chờ số liệu của các doanh nghiệp viễn thông' },
      metadata: by(secretariat, '2026-03-18', commandId),
    }, '2026-03-24T09:30:00+07:00');
  lines.push(extendTo('2026-03-15', 'đến ngày 15/3/2026', 'cmd-3'));

  // 4. Gia hạn lần 1, decided on 18/03 but entered only on 24/03: the two time axes part.
  lines.push(extendTo('2026-03-31', 'đến ngày 31/3/2026', 'cmd-4'));
  const asOf23 = taskStatusOn(task, '2026-03-23');
  const knownOn23 = taskStatusOn(task, '2026-03-23', { knownAt: '2026-03-23T17:00:00+07:00' });
  if (asOf23 !== undefined) lines.push(statusLine(asOf23));
  if (knownOn23 !== undefined) lines.push(`${statusLine(knownOn23)} (as known at 23/03 17:00, before the extension was entered)`);

  // 5. Sở KH&CN reports completion; the secretariat confirms it.
  lines.push(
    handle(taskDecider, task, {
      type: 'ReportTaskCompletion',
      data: { taskId, summary: 'Đã báo cáo kết quả hợp tác chuyển đổi số giai đoạn 2021-2025 và đề xuất Kế hoạch hợp tác giai đoạn mới' },
      metadata: by(khcnOfficer, '2026-03-27', 'cmd-5'),
    }, '2026-03-27T15:00:00+07:00'),
  );
  lines.push(
    handle(taskDecider, task, { type: 'ConfirmTaskCompletion', data: { taskId }, metadata: by(secretariat, '2026-03-30', 'cmd-6') }, '2026-03-30T10:00:00+07:00'),
  );

  for (const day of ['2026-03-28', '2026-03-31']) {
    const status = taskStatusOn(task, day);
    if (status !== undefined) lines.push(statusLine(status));
  }
  return lines;
};

if (require.main === module) {
  for (const line of runEmbeddingExample()) console.log(line);
}
