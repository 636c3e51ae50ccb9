import { assertNever, formatVietnameseDate, type DomainEvent } from '@chidao/domain';
import { directiveIdOfStream, type StoredEvent } from '@chidao/event-store';
import { writeTables, type Projection } from './projection';
import type { Row } from './table';
import { ACTIVITY_FEED } from './tables';

/*
 * The `activity` projection: one row per event, with a one-line summary in Vietnamese and English
 * for a feed. It needs no state: each row follows from its event alone.
 */

/** A summary line, Vietnamese and English. */
export type Summary = { readonly vi: string; readonly en: string };

const MAX_QUOTE = 200;
const quote = (text: string): string => (text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text);
const on = (date: string): string => formatVietnameseDate(date);

/** One line saying what an event recorded. */
export const summarizeEvent = (event: DomainEvent): Summary => {
  switch (event.type) {
    case 'DirectiveRegistered':
      return { vi: `Đăng ký văn bản ${event.data.symbol}: ${quote(event.data.subject)}`, en: `Directive ${event.data.symbol} registered: ${quote(event.data.subject)}` };
    case 'DirectiveAmended':
      return { vi: `Sửa đổi văn bản theo ${event.data.amendingDocument.symbol}`, en: `Directive amended by ${event.data.amendingDocument.symbol}` };
    case 'DirectiveRecordCorrected':
      return { vi: `Đính chính thông tin văn bản: ${quote(event.data.reason)}`, en: `Directive record corrected: ${quote(event.data.reason)}` };
    case 'TaskAssigned':
      return {
        vi: `Giao nhiệm vụ ${event.data.clause} cho ${event.data.lead} chủ trì, thời hạn: ${event.data.deadline.text}`,
        en: `Task ${event.data.clause} assigned to ${event.data.lead}, deadline: ${event.data.deadline.text}`,
      };
    case 'TaskDeadlineExtended':
      return {
        vi: `Gia hạn lần ${event.data.number}: ${event.data.from.text} → ${event.data.to.text}`,
        en: `Deadline extended (no. ${event.data.number}): ${event.data.from.text} → ${event.data.to.text}`,
      };
    case 'TaskExtensionRequested':
      return { vi: `Đề nghị gia hạn: ${event.data.requestedDeadline.text}`, en: `Extension requested: ${event.data.requestedDeadline.text}` };
    case 'TaskExtensionRejected':
      return { vi: `Không chấp thuận gia hạn: ${quote(event.data.reason)}`, en: `Extension refused: ${quote(event.data.reason)}` };
    case 'TaskProgressReported':
      return { vi: `Báo cáo tiến độ: ${quote(event.data.summary)}`, en: `Progress reported: ${quote(event.data.summary)}` };
    case 'TaskCompletionReported':
      return { vi: `Báo cáo hoàn thành: ${quote(event.data.summary)}`, en: `Completion reported: ${quote(event.data.summary)}` };
    case 'TaskCompletionConfirmed':
      return { vi: 'Xác nhận hoàn thành', en: 'Completion confirmed' };
    case 'TaskCompletionReturned':
      return { vi: `Trả lại báo cáo hoàn thành: ${quote(event.data.reason)}`, en: `Completion report returned: ${quote(event.data.reason)}` };
    case 'TaskReminderIssued': {
      const cited = event.data.document === undefined ? '' : ` (${event.data.document.symbol})`;
      return { vi: `Nhắc việc, đôn đốc${cited}`, en: `Reminder issued${cited}` };
    }
    case 'TaskReassigned':
      return {
        vi: `Giao lại từ ${event.data.from} cho ${event.data.to}: ${quote(event.data.reason)}`,
        en: `Reassigned from ${event.data.from} to ${event.data.to}: ${quote(event.data.reason)}`,
      };
    case 'TaskSuspended':
      return { vi: `Tạm dừng: ${quote(event.data.reason)}`, en: `Suspended: ${quote(event.data.reason)}` };
    case 'TaskResumed':
      return { vi: 'Tiếp tục thực hiện', en: 'Resumed' };
    case 'TaskWithdrawn':
      return { vi: `Rút nhiệm vụ: ${quote(event.data.reason)}`, en: `Withdrawn: ${quote(event.data.reason)}` };
    case 'TaskDeadlineEventScheduled':
      return { vi: `Ấn định thời hạn vào ngày ${on(event.data.eventOn)}`, en: `Event deadline set for ${on(event.data.eventOn)}` };
    case 'TaskRecordCorrected': {
      const fields = Object.keys(event.data.corrections).join(', ');
      return { vi: `Đính chính (${fields}): ${quote(event.data.reason)}`, en: `Record corrected (${fields}): ${quote(event.data.reason)}` };
    }
    default:
      return assertNever(event);
  }
};

/** The document an event cites: its source document, or the one its data names. */
const documentSymbol = (event: StoredEvent): string | null => {
  if (event.metadata.sourceDocument !== undefined) return event.metadata.sourceDocument.symbol;
  const data = event.data as { readonly document?: { readonly symbol: string }; readonly approvingDocument?: { readonly symbol: string } };
  return data.document?.symbol ?? data.approvingDocument?.symbol ?? null;
};

/** The feed row of an event. */
export const activityRow = (event: StoredEvent): Row => {
  const summary = summarizeEvent(event);
  const data = event.data as { readonly taskId?: string };
  return {
    position: event.position,
    stream: event.stream,
    revision: event.revision,
    event_type: event.type,
    directive_id: directiveIdOfStream(event.stream),
    task_id: data.taskId ?? null,
    occurred_on: event.metadata.occurredOn,
    recorded_at: event.metadata.recordedAt,
    actor_user_id: event.metadata.actor.userId,
    actor_role: event.metadata.actor.role,
    actor_agency_id: event.metadata.actor.agencyId ?? null,
    document_symbol: documentSymbol(event),
    summary_vi: summary.vi,
    summary_en: summary.en,
    command_id: event.metadata.commandId,
  };
};

/** The `activity` projection. */
export const activityProjection: Projection = {
  name: 'activity',
  description: 'activity feed',
  tables: [ACTIVITY_FEED],
  apply: async (tx, schema, events) => {
    await writeTables(tx, schema, [{ table: ACTIVITY_FEED, mode: 'insert', rows: events.map(activityRow) }]);
  },
  bulk: () => ({
    apply: (events) => [{ table: ACTIVITY_FEED, mode: 'insert', rows: events.map(activityRow) }],
    finish: () => [],
    corrections: () => [],
  }),
};
