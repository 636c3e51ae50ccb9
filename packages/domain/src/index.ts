/**
 * @chidao/domain — the pure domain of chidao: directive and task events, commands and deciders,
 * deadlines, status, agencies, document symbols, time travel and upcasting. No I/O, no clock: time and
 * ids come in as data.
 */

export type { Decider } from './shared/decider';
export { assertNever, fold } from './shared/decider';

export type { Instant, LocalDate } from './shared/local-date';
export {
  InstantSchema,
  LocalDateSchema,
  addDays,
  compareDates,
  compareInstants,
  daysBetween,
  isLocalDate,
  vietnamDateOf,
} from './shared/local-date';

export type { Actor, CommandMetadata, EventMetadata, RecordedEvent, Role } from './shared/metadata';
export { ActorSchema, CommandMetadataSchema, EventMetadataSchema, RoleSchema, eventMetadataFor } from './shared/metadata';

export type { DocumentRef } from './shared/document-ref';
export { DocumentRefSchema } from './shared/document-ref';

export type { DomainError, DomainErrorOf, DomainErrorTag, Explanation } from './errors';
export { DOMAIN_ERROR_TAGS, explainError, isDomainError } from './errors';

export type {
  Agency,
  AgencyCatalogue,
  AgencyId,
  AgencyKeyCollision,
  AgencyKind,
  AgencyLevel,
  AgencyResolution,
  AgencySector,
} from './agency';
export {
  AGENCY_CATALOGUE,
  AgencySchema,
  agencyById,
  agencyOnDate,
  isAgencyValidOn,
  normalizeAgencyText,
  resolveAgency,
} from './agency';

export type { DocumentSymbol, DocumentSymbolError, DocumentSymbolFormat } from './document-symbol';
export {
  DocumentSymbolSchema,
  documentSymbolKey,
  formatDocumentSymbol,
  normalizeDocumentSymbol,
  parseDocumentSymbol,
} from './document-symbol';

export type {
  DateDeadline,
  Deadline,
  DeadlineKind,
  DeadlineSettings,
  EventDeadline,
  NoDeadline,
  Occurrence,
  PeriodDeadline,
  RecurringDeadline,
} from './deadline';
export {
  DEFAULT_DEADLINE_SETTINGS,
  DeadlineSchema,
  compareDeadlines,
  dateDeadline,
  describeDeadline,
  dueDateOf,
  eventDeadline,
  formatVietnameseDate,
  isExtendable,
  nextOccurrence,
  noDeadline,
  occurrencesOf,
  periodDeadline,
  recurringDeadline,
  scheduleEvent,
} from './deadline';

export type * from './directive';
export {
  AmendDirectiveSchema,
  CorrectDirectiveRecordSchema,
  DirectiveCommandSchema,
  DirectiveEventSchema,
  RegisterDirectiveSchema,
  directiveDecider,
  directiveNaturalKey,
  initialDirectiveState,
} from './directive';

export type * from './task';
export {
  AssignTaskSchema,
  DEFAULT_STATUS_SETTINGS,
  TASK_STATUS_CODES,
  TASK_STATUS_LABELS,
  TaskCommandSchema,
  TaskEventSchema,
  createTaskDecider,
  initialTaskState,
  isAssigned,
  statusOf,
  taskDecider,
} from './task';

export type { DomainEvent, DomainEventType, EventIssue, RecordedDomainEvent } from './events';
export { CURRENT_SCHEMA_VERSIONS, DOMAIN_EVENT_TYPES, DomainEventSchema, RecordedDomainEventSchema, isTaskEvent, parseRecordedEvent } from './events';

export type { StoredEvent, UpcastError, Upcaster, UpcasterRegistry } from './upcasting/upcaster-registry';
export { createUpcasterRegistry } from './upcasting/upcaster-registry';
export { DOMAIN_UPCASTERS, domainUpcasters } from './upcasting/domain-upcasters';

export type { TimeAxes } from './time-travel';
export { directiveAt, eventsAt, taskAt, taskStatusOn } from './time-travel';
