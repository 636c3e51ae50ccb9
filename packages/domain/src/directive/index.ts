export type {
  AmendDirective,
  CorrectDirectiveRecord,
  DirectiveCommand,
  DirectiveCommandType,
  RegisterDirective,
} from './directive.commands';
export {
  AmendDirectiveSchema,
  CorrectDirectiveRecordSchema,
  DirectiveCommandSchema,
  RegisterDirectiveSchema,
} from './directive.commands';

export type {
  DirectiveAmended,
  DirectiveChanges,
  DirectiveEvent,
  DirectiveEventType,
  DirectiveFields,
  DirectiveRecordCorrected,
  DirectiveRegistered,
  Issuer,
  Meeting,
  Official,
} from './directive.events';
export {
  DirectiveAmendedSchema,
  DirectiveChangesSchema,
  DirectiveEventSchema,
  DirectiveFieldsSchema,
  DirectiveRecordCorrectedSchema,
  DirectiveRegisteredSchema,
  IssuerSchema,
  MeetingSchema,
  OfficialSchema,
} from './directive.events';

export type { DirectiveRecord, DirectiveState } from './directive.decider';
export {
  decideDirective,
  directiveDecider,
  directiveNaturalKey,
  evolveDirective,
  initialDirectiveState,
} from './directive.decider';
