import { assertNever } from './shared/decider';
import type { Role } from './shared/metadata';
import type { LocalDate } from './shared/local-date';

/**
 * Every broken rule is a value, never an exception: a tagged union whose members carry what a caller
 * needs to explain it (ids, the dates compared, the numbers expected). `explainError` turns one into
 * Vietnamese and English sentences; `isDomainError` recognises one across package boundaries.
 */
export type DomainError =
  | { readonly _tag: 'DirectiveNotFound'; readonly directiveId: string }
  | {
      readonly _tag: 'DirectiveAlreadyRegistered';
      readonly directiveId: string;
      readonly registeredKey: string;
      readonly requestedKey: string;
    }
  | { readonly _tag: 'InvalidDocumentSymbol'; readonly symbol: string; readonly reason: string }
  | { readonly _tag: 'TaskNotFound'; readonly taskId: string }
  | { readonly _tag: 'TaskAlreadyAssigned'; readonly taskId: string }
  | { readonly _tag: 'TaskAlreadyCompleted'; readonly taskId: string }
  | { readonly _tag: 'TaskAlreadyWithdrawn'; readonly taskId: string }
  | { readonly _tag: 'TaskIsSuspended'; readonly taskId: string }
  | { readonly _tag: 'TaskNotSuspended'; readonly taskId: string }
  | { readonly _tag: 'CompletionAwaitingConfirmation'; readonly taskId: string }
  | { readonly _tag: 'CompletionNotReported'; readonly taskId: string }
  | {
      readonly _tag: 'DeadlineNotLater';
      readonly taskId: string;
      readonly currentDueOn: LocalDate | null;
      readonly requestedDueOn: LocalDate | null;
    }
  | { readonly _tag: 'DeadlineNotExtendable'; readonly taskId: string; readonly kind: string }
  | { readonly _tag: 'DeadlineNotEventAnchored'; readonly taskId: string; readonly kind: string }
  | {
      readonly _tag: 'ExtensionNumberNotIncreasing';
      readonly taskId: string;
      readonly lastNumber: number;
      readonly requestedNumber: number;
    }
  | { readonly _tag: 'ExtensionRequestPending'; readonly taskId: string }
  | { readonly _tag: 'NoPendingExtensionRequest'; readonly taskId: string }
  | {
      readonly _tag: 'NotLeadAgency';
      readonly taskId: string;
      readonly leadAgencyId: string;
      readonly actorAgencyId: string | null;
    }
  | {
      readonly _tag: 'RoleNotPermitted';
      readonly command: string;
      readonly role: Role;
      readonly allowedRoles: readonly Role[];
    }
  | { readonly _tag: 'SameLeadAgency'; readonly taskId: string; readonly agencyId: string }
  | { readonly _tag: 'UnknownAgency'; readonly agencyId: string }
  | {
      readonly _tag: 'AgencyNotValidOnDate';
      readonly agencyId: string;
      readonly onDate: LocalDate;
      readonly successorId: string | null;
    }
  | {
      readonly _tag: 'DateBeforeAssignment';
      readonly taskId: string;
      readonly assignedOn: LocalDate;
      readonly occurredOn: LocalDate;
    }
  | { readonly _tag: 'NothingToChange'; readonly id: string };

/** The tag of a domain error: a stable code callers can switch on. */
export type DomainErrorTag = DomainError['_tag'];

/** The error of one tag, e.g. `DomainErrorOf<'DeadlineNotLater'>`. */
export type DomainErrorOf<Tag extends DomainErrorTag> = Extract<DomainError, { _tag: Tag }>;

/** The fields each error carries: `isDomainError` checks them, so a look-alike tag from elsewhere is not taken for one. */
const FIELDS: { readonly [Tag in DomainErrorTag]: readonly (keyof DomainErrorOf<Tag>)[] } = {
  DirectiveNotFound: ['directiveId'],
  DirectiveAlreadyRegistered: ['directiveId', 'registeredKey', 'requestedKey'],
  InvalidDocumentSymbol: ['symbol', 'reason'],
  TaskNotFound: ['taskId'],
  TaskAlreadyAssigned: ['taskId'],
  TaskAlreadyCompleted: ['taskId'],
  TaskAlreadyWithdrawn: ['taskId'],
  TaskIsSuspended: ['taskId'],
  TaskNotSuspended: ['taskId'],
  CompletionAwaitingConfirmation: ['taskId'],
  CompletionNotReported: ['taskId'],
  DeadlineNotLater: ['taskId', 'currentDueOn', 'requestedDueOn'],
  DeadlineNotExtendable: ['taskId', 'kind'],
  DeadlineNotEventAnchored: ['taskId', 'kind'],
  ExtensionNumberNotIncreasing: ['taskId', 'lastNumber', 'requestedNumber'],
  ExtensionRequestPending: ['taskId'],
  NoPendingExtensionRequest: ['taskId'],
  NotLeadAgency: ['taskId', 'leadAgencyId', 'actorAgencyId'],
  RoleNotPermitted: ['command', 'role', 'allowedRoles'],
  SameLeadAgency: ['taskId', 'agencyId'],
  UnknownAgency: ['agencyId'],
  AgencyNotValidOnDate: ['agencyId', 'onDate', 'successorId'],
  DateBeforeAssignment: ['taskId', 'assignedOn', 'occurredOn'],
  NothingToChange: ['id'],
};

/** Every domain error tag, for documentation and exhaustive tests. */
export const DOMAIN_ERROR_TAGS = Object.keys(FIELDS) as readonly DomainErrorTag[];

/**
 * True when `value` is a domain error — its tag is one of ours and it carries that error's fields —
 * without `instanceof`, so it works across package copies.
 */
export const isDomainError = (value: unknown): value is DomainError => {
  if (typeof value !== 'object' || value === null) return false;
  const tag = (value as { readonly _tag?: unknown })._tag;
  if (typeof tag !== 'string' || !Object.prototype.hasOwnProperty.call(FIELDS, tag)) return false;
  return FIELDS[tag as DomainErrorTag].every((field) => field in value);
};

/** A sentence for people, in Vietnamese first with English alongside. */
export type Explanation = { readonly vi: string; readonly en: string };

const date = (value: LocalDate | null): string => (value === null ? '—' : value.split('-').reverse().join('/'));

/** Explains a domain error in Vietnamese and English, with the data it carries. */
export const explainError = (error: DomainError): Explanation => {
  switch (error._tag) {
    case 'DirectiveNotFound':
      return { vi: `Không tìm thấy văn bản chỉ đạo ${error.directiveId}.`, en: `Directive ${error.directiveId} does not exist.` };
    case 'DirectiveAlreadyRegistered':
      return {
        vi: `Mã ${error.directiveId} đã dùng cho văn bản khác (${error.registeredKey}), không thể đăng ký ${error.requestedKey}.`,
        en: `Id ${error.directiveId} already belongs to another directive (${error.registeredKey}); cannot register ${error.requestedKey}.`,
      };
    case 'InvalidDocumentSymbol':
      return {
        vi: `Số ký hiệu "${error.symbol}" không hợp lệ (${error.reason}).`,
        en: `"${error.symbol}" is not a document symbol (${error.reason}).`,
      };
    case 'TaskNotFound':
      return { vi: `Không tìm thấy nhiệm vụ ${error.taskId}.`, en: `Task ${error.taskId} does not exist.` };
    case 'TaskAlreadyAssigned':
      return { vi: `Nhiệm vụ ${error.taskId} đã được giao.`, en: `Task ${error.taskId} is already assigned.` };
    case 'TaskAlreadyCompleted':
      return { vi: `Nhiệm vụ ${error.taskId} đã hoàn thành.`, en: `Task ${error.taskId} is already completed.` };
    case 'TaskAlreadyWithdrawn':
      return {
        vi: `Nhiệm vụ ${error.taskId} đã bị rút; chỉ có thể đính chính.`,
        en: `Task ${error.taskId} was withdrawn; only corrections are allowed.`,
      };
    case 'TaskIsSuspended':
      return { vi: `Nhiệm vụ ${error.taskId} đang tạm dừng.`, en: `Task ${error.taskId} is suspended.` };
    case 'TaskNotSuspended':
      return { vi: `Nhiệm vụ ${error.taskId} không ở trạng thái tạm dừng.`, en: `Task ${error.taskId} is not suspended.` };
    case 'CompletionAwaitingConfirmation':
      return {
        vi: `Nhiệm vụ ${error.taskId} đã báo cáo hoàn thành, đang chờ xác nhận.`,
        en: `Task ${error.taskId} has a completion report awaiting confirmation.`,
      };
    case 'CompletionNotReported':
      return {
        vi: `Nhiệm vụ ${error.taskId} chưa báo cáo hoàn thành nên chưa thể xác nhận hay trả lại.`,
        en: `Task ${error.taskId} has no completion report to confirm or return.`,
      };
    case 'DeadlineNotLater':
      return {
        vi: `Thời hạn mới (${date(error.requestedDueOn)}) phải sau thời hạn hiện tại (${date(error.currentDueOn)}).`,
        en: `The new deadline (${date(error.requestedDueOn)}) must be later than the current one (${date(error.currentDueOn)}).`,
      };
    case 'DeadlineNotExtendable':
      return {
        vi: `Không thể gia hạn thời hạn loại "${error.kind}" của nhiệm vụ ${error.taskId}.`,
        en: `A "${error.kind}" deadline cannot be extended (task ${error.taskId}).`,
      };
    case 'DeadlineNotEventAnchored':
      return {
        vi: `Thời hạn của nhiệm vụ ${error.taskId} không gắn với sự kiện (loại "${error.kind}").`,
        en: `Task ${error.taskId}'s deadline is not event-anchored (it is "${error.kind}").`,
      };
    case 'ExtensionNumberNotIncreasing':
      return {
        vi: `Gia hạn lần ${error.requestedNumber} không hợp lệ: đã gia hạn đến lần ${error.lastNumber}.`,
        en: `Extension no. ${error.requestedNumber} is out of order: no. ${error.lastNumber} is already recorded.`,
      };
    case 'ExtensionRequestPending':
      return {
        vi: `Nhiệm vụ ${error.taskId} đã có đề nghị gia hạn đang chờ xử lý.`,
        en: `Task ${error.taskId} already has a pending extension request.`,
      };
    case 'NoPendingExtensionRequest':
      return {
        vi: `Nhiệm vụ ${error.taskId} không có đề nghị gia hạn nào đang chờ.`,
        en: `Task ${error.taskId} has no pending extension request.`,
      };
    case 'NotLeadAgency':
      return {
        vi: `Chỉ cơ quan chủ trì (${error.leadAgencyId}) hoặc Văn phòng được báo cáo nhiệm vụ ${error.taskId}.`,
        en: `Only the lead agency (${error.leadAgencyId}) or the secretariat may report on task ${error.taskId}; actor agency: ${error.actorAgencyId ?? 'none'}.`,
      };
    case 'RoleNotPermitted':
      return {
        vi: `Vai trò "${error.role}" không được thực hiện ${error.command} (được phép: ${error.allowedRoles.join(', ')}).`,
        en: `Role "${error.role}" may not ${error.command} (allowed: ${error.allowedRoles.join(', ')}).`,
      };
    case 'SameLeadAgency':
      return {
        vi: `Nhiệm vụ ${error.taskId} đã do ${error.agencyId} chủ trì.`,
        en: `Task ${error.taskId} is already led by ${error.agencyId}.`,
      };
    case 'UnknownAgency':
      return { vi: `Không rõ cơ quan "${error.agencyId}".`, en: `Unknown agency "${error.agencyId}".` };
    case 'AgencyNotValidOnDate':
      return {
        vi: `Cơ quan ${error.agencyId} không còn/chưa tồn tại vào ngày ${date(error.onDate)}${error.successorId === null ? '' : `; cơ quan kế thừa: ${error.successorId}`}.`,
        en: `Agency ${error.agencyId} did not exist on ${error.onDate}${error.successorId === null ? '' : `; its successor is ${error.successorId}`}.`,
      };
    case 'DateBeforeAssignment':
      return {
        vi: `Ngày ${date(error.occurredOn)} trước ngày giao nhiệm vụ ${error.taskId} (${date(error.assignedOn)}).`,
        en: `${error.occurredOn} is before task ${error.taskId} was assigned (${error.assignedOn}).`,
      };
    case 'NothingToChange':
      return { vi: `Không có nội dung nào thay đổi cho ${error.id}.`, en: `Nothing to change for ${error.id}.` };
    default:
      return assertNever(error);
  }
};
