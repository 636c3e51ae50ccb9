import { resolveAgency } from '../../src/agency';
import { dateDeadline } from '../../src/deadline';
import type { Deadline } from '../../src/deadline/deadline.schema';
import { directiveDecider, type DirectiveState } from '../../src/directive/directive.decider';
import type { DirectiveRegistered } from '../../src/directive/directive.events';
import { fold } from '../../src/shared/decider';
import type { LocalDate } from '../../src/shared/local-date';
import type { Actor, CommandMetadata } from '../../src/shared/metadata';
import type { AssignTask, TaskCommand } from '../../src/task/task.commands';
import type { TaskAssigned } from '../../src/task/task.events';

/** The catalogue id of an agency named as the notices name it; fails the test run if it does not resolve. */
export const agencyIdOf = (name: string, onDate: LocalDate = '2026-02-27'): string => {
  const resolution = resolveAgency(name, onDate);
  if (resolution._tag !== 'Resolved') throw new Error(`fixture agency "${name}" did not resolve: ${resolution._tag}`);
  return resolution.agency.id;
};

export const KHCN = agencyIdOf('Sở Khoa học và Công nghệ');
export const TAI_CHINH = agencyIdOf('Sở Tài chính');
export const NN_MT = agencyIdOf('Sở Nông nghiệp và Môi trường');
export const XAY_DUNG = agencyIdOf('Sở Xây dựng');
export const CONG_THUONG = agencyIdOf('Sở Công thương');
export const CONG_AN = agencyIdOf('Công an tỉnh');
export const UBND_TINH = agencyIdOf('UBND tỉnh');
export const TTTT = agencyIdOf('Sở Thông tin và Truyền thông', '2024-06-01');

export const aSecretariat: Actor = { userId: 'vp-ubnd.chuyenvien', role: 'secretariat' };
export const anAdmin: Actor = { userId: 'admin', role: 'admin' };
export const anAuditor: Actor = { userId: 'thanh-tra.kiemtoan', role: 'auditor' };
export const anOfficerOf = (agencyId: string): Actor => ({ userId: `${agencyId}.canbo`, role: 'agency', agencyId });

let commandCounter = 0;
/** Command metadata for a business date, by the secretariat unless another actor is given. */
export const on = (occurredOn: LocalDate, actor: Actor = aSecretariat): CommandMetadata => {
  commandCounter += 1;
  return { commandId: `cmd-${commandCounter}`, actor, occurredOn };
};

export const DIRECTIVE_ID = 'kh-ubnd-2026-02-27-phien-6';
export const TASK_ID = `${DIRECTIVE_ID}/1.c`;
export const ASSIGNED_ON: LocalDate = '2026-02-27';

/** The draft notice of 27/02/2026 (phiên họp thứ 6), registered. */
export const aDirectiveRegistered = (data: Partial<DirectiveRegistered['data']> = {}): DirectiveRegistered => ({
  type: 'DirectiveRegistered',
  data: {
    directiveId: DIRECTIVE_ID,
    symbol: '/TB-UBND',
    kind: 'TB',
    issuer: { name: 'UBND tỉnh Khánh Hòa', agencyId: UBND_TINH },
    meeting: { heldOn: '2026-02-27', session: 6 },
    presidedBy: { name: 'Nguyễn Thanh Hà', title: 'Phó Chủ tịch UBND tỉnh' },
    signer: { name: 'Nguyễn Xuân Hải', title: 'Phó Chánh Văn phòng' },
    subject: 'Kết luận của Phó Chủ tịch UBND tỉnh Nguyễn Thanh Hà tại cuộc họp với cơ quan thường trực giúp việc của Ban chỉ đạo (phiên họp thứ 6)',
    references: [{ symbol: '246-QĐ/TU', issuedOn: '2026-01-30' }],
    naturalKey: `draft|/TB-UBND|${UBND_TINH}|2026-02-27`,
    registeredOn: '2026-02-27',
    ...data,
  },
});

/** The registered directive's state, as the application hands it to `AssignTask`. */
export const aRegisteredDirective = (): DirectiveState => fold(directiveDecider, [aDirectiveRegistered()]);

/** "trước ngày 20/3/2026", the deadline of clause 1.c. */
export const BY_20_MARCH: Deadline = dateDeadline('2026-03-20', 'before', 'trước ngày 20/3/2026');

/** Clause 1.c of the notice: review cooperation with ICT companies; report before 20/3/2026. */
export const aTaskAssigned = (data: Partial<TaskAssigned['data']> = {}): TaskAssigned => ({
  type: 'TaskAssigned',
  data: {
    taskId: TASK_ID,
    directiveId: DIRECTIVE_ID,
    clause: '1.c',
    content: 'Rà soát đánh giá kết quả hợp tác giữa UBND tỉnh với các Tập đoàn, công ty, doanh nghiệp trên lĩnh vực chuyển đổi số; đề xuất Kế hoạch hợp tác giai đoạn mới',
    lead: KHCN,
    cooperating: [],
    cooperatingNote: 'các cơ quan liên quan',
    reportRecipient: UBND_TINH,
    priority: false,
    deadline: BY_20_MARCH,
    assignedOn: ASSIGNED_ON,
    ...data,
  },
});

/** The `AssignTask` command that records {@link aTaskAssigned}. */
export const assignTask = (data: Partial<AssignTask['data']> = {}, directive: DirectiveState = aRegisteredDirective()): AssignTask => {
  const { assignedOn: _assignedOn, ...fields } = aTaskAssigned().data;
  return { type: 'AssignTask', data: { ...fields, ...data }, metadata: on(ASSIGNED_ON), directive };
};

type CommandOf<Type extends TaskCommand['type']> = Extract<TaskCommand, { type: Type }>;

/** A task command of any type for {@link TASK_ID}, dated and signed by `metadata`. */
export const taskCommand = <Type extends Exclude<TaskCommand['type'], 'AssignTask'>>(
  type: Type,
  data: Omit<CommandOf<Type>['data'], 'taskId'>,
  metadata: CommandMetadata,
): CommandOf<Type> => ({ type, data: { taskId: TASK_ID, ...data }, metadata }) as unknown as CommandOf<Type>;
