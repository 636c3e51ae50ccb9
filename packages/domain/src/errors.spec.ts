import { DOMAIN_ERROR_TAGS, explainError, isDomainError, type DomainError } from './errors';

/** One example of every error, so each explanation is exercised. */
const examples: { readonly [Tag in DomainError['_tag']]: Extract<DomainError, { _tag: Tag }> } = {
  DirectiveNotFound: { _tag: 'DirectiveNotFound', directiveId: 'd' },
  DirectiveAlreadyRegistered: { _tag: 'DirectiveAlreadyRegistered', directiveId: 'd', registeredKey: 'a', requestedKey: 'b' },
  InvalidDocumentSymbol: { _tag: 'InvalidDocumentSymbol', symbol: 'x', reason: 'no-slash' },
  TaskNotFound: { _tag: 'TaskNotFound', taskId: 't' },
  TaskAlreadyAssigned: { _tag: 'TaskAlreadyAssigned', taskId: 't' },
  TaskAlreadyCompleted: { _tag: 'TaskAlreadyCompleted', taskId: 't' },
  TaskAlreadyWithdrawn: { _tag: 'TaskAlreadyWithdrawn', taskId: 't' },
  TaskIsSuspended: { _tag: 'TaskIsSuspended', taskId: 't' },
  TaskNotSuspended: { _tag: 'TaskNotSuspended', taskId: 't' },
  CompletionAwaitingConfirmation: { _tag: 'CompletionAwaitingConfirmation', taskId: 't' },
  CompletionNotReported: { _tag: 'CompletionNotReported', taskId: 't' },
  DeadlineNotLater: { _tag: 'DeadlineNotLater', taskId: 't', currentDueOn: '2026-03-20', requestedDueOn: null },
  DeadlineNotExtendable: { _tag: 'DeadlineNotExtendable', taskId: 't', kind: 'recurring' },
  DeadlineNotEventAnchored: { _tag: 'DeadlineNotEventAnchored', taskId: 't', kind: 'date' },
  ExtensionNumberNotIncreasing: { _tag: 'ExtensionNumberNotIncreasing', taskId: 't', lastNumber: 2, requestedNumber: 1 },
  ExtensionRequestPending: { _tag: 'ExtensionRequestPending', taskId: 't' },
  NoPendingExtensionRequest: { _tag: 'NoPendingExtensionRequest', taskId: 't' },
  NotLeadAgency: { _tag: 'NotLeadAgency', taskId: 't', leadAgencyId: 'a', actorAgencyId: null },
  RoleNotPermitted: { _tag: 'RoleNotPermitted', command: 'AssignTask', role: 'agency', allowedRoles: ['secretariat', 'admin'] },
  SameLeadAgency: { _tag: 'SameLeadAgency', taskId: 't', agencyId: 'a' },
  UnknownAgency: { _tag: 'UnknownAgency', agencyId: 'a' },
  AgencyNotValidOnDate: { _tag: 'AgencyNotValidOnDate', agencyId: 'a', onDate: '2026-02-27', successorId: 'b' },
  DateBeforeAssignment: { _tag: 'DateBeforeAssignment', taskId: 't', assignedOn: '2026-02-27', occurredOn: '2026-02-20' },
  NothingToChange: { _tag: 'NothingToChange', id: 't' },
};

describe('domain errors', () => {
  it.each(DOMAIN_ERROR_TAGS)('explains %s in Vietnamese and English', (tag) => {
    const explanation = explainError(examples[tag]);
    expect(explanation.vi).not.toEqual(explanation.en);
    expect(explanation.vi.length).toBeGreaterThan(10);
    expect(explanation.en.length).toBeGreaterThan(10);
  });

  it('puts dates in Vietnamese order in Vietnamese sentences', () => {
    expect(explainError(examples.DeadlineNotLater).vi).toContain('20/03/2026');
    expect(explainError({ _tag: 'AgencyNotValidOnDate', agencyId: 'a', onDate: '2026-02-27', successorId: null }).en).not.toContain('successor');
  });

  it('recognises domain errors without instanceof', () => {
    expect(isDomainError(examples.TaskNotFound)).toBe(true);
    expect(isDomainError({ _tag: 'Whatever' })).toBe(false);
    expect(isDomainError(null)).toBe(false);
    expect(isDomainError('TaskNotFound')).toBe(false);
  });

  it('does not take a look-alike with the same tag but other fields for a domain error', () => {
    // resolveAgency's result and parseDocumentSymbol's error share tags with domain errors.
    expect(isDomainError({ _tag: 'UnknownAgency', text: 'Sở Vũ trụ', message: '…' })).toBe(false);
    expect(isDomainError({ _tag: 'InvalidDocumentSymbol', text: 'x', reason: 'no-slash', message: '…' })).toBe(false);
    expect(isDomainError({ _tag: 'toString' })).toBe(false);
  });
});
