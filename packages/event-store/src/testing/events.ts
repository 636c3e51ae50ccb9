import { CURRENT_SCHEMA_VERSIONS, type DomainEvent } from '@chidao/domain';
import type { NewEvent, NewEventMetadata } from '../types';

/*
 * Valid domain events for store tests, after the notice of 27/02/2026: a directive and the progress
 * reports of its tasks. The store checks schemas, not business rules, so any sequence may be appended.
 */

let counter = 0;
/** A fresh id, unique in this process, for command ids and names. */
export const uniqueId = (prefix: string): string => {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
};

/** Metadata of a new event; each call is a new command unless a command id is given. */
export const aMetadata = (type: DomainEvent['type'], overrides: Partial<NewEventMetadata> = {}): NewEventMetadata => ({
  commandId: uniqueId('cmd'),
  actor: { userId: 'vp-ubnd.chuyenvien', role: 'secretariat' },
  occurredOn: '2026-02-27',
  recordedAt: '2026-03-02T02:00:00.000Z',
  correlationId: 'store-contract',
  causationId: null,
  schemaVersion: CURRENT_SCHEMA_VERSIONS[type],
  ...overrides,
});

/** `DirectiveRegistered` for a directive id. */
export const aDirectiveRegistered = (directiveId: string, metadata: Partial<NewEventMetadata> = {}): NewEvent => ({
  type: 'DirectiveRegistered',
  data: {
    directiveId,
    symbol: '/TB-UBND',
    kind: 'TB',
    issuer: { name: 'UBND tỉnh Khánh Hòa', agencyId: 'khanh-hoa.ubnd' },
    meeting: { heldOn: '2026-02-27', session: 6 },
    subject: 'Kết luận phiên họp thứ 6 của cơ quan thường trực giúp việc Ban Chỉ đạo',
    references: [],
    naturalKey: `draft|/TB-UBND|khanh-hoa.ubnd|${directiveId}`,
    registeredOn: '2026-02-27',
  },
  metadata: aMetadata('DirectiveRegistered', metadata),
});

/** `TaskAssigned` for a task of a directive. */
export const aTaskAssigned = (directiveId: string, taskId: string, metadata: Partial<NewEventMetadata> = {}): NewEvent => ({
  type: 'TaskAssigned',
  data: {
    taskId,
    directiveId,
    clause: '1.c',
    content: 'Rà soát đánh giá kết quả hợp tác với các doanh nghiệp về chuyển đổi số',
    lead: 'khanh-hoa.so-khcn',
    cooperating: [],
    priority: false,
    deadline: { kind: 'date', date: '2026-03-20', qualifier: 'before', text: 'trước ngày 20/3/2026' },
    assignedOn: '2026-02-27',
  },
  metadata: aMetadata('TaskAssigned', metadata),
});

/** `TaskProgressReported` number `n` of a task. */
export const aProgressReport = (taskId: string, n: number, metadata: Partial<NewEventMetadata> = {}): NewEvent => ({
  type: 'TaskProgressReported',
  data: { taskId, summary: `Báo cáo tiến độ lần ${n}`, reportedOn: '2026-03-10' },
  metadata: aMetadata('TaskProgressReported', { occurredOn: '2026-03-10', ...metadata }),
});

/** `count` progress reports sharing one command id (one append). */
export const progressReports = (taskId: string, count: number, commandId: string = uniqueId('cmd')): NewEvent[] =>
  Array.from({ length: count }, (_, i) => aProgressReport(taskId, i + 1, { commandId }));
