import type { Upcaster } from './upcaster-registry';
import { createUpcasterRegistry } from './upcaster-registry';

/**
 * TaskAssigned v1 → v2. Version 1, written by the first spreadsheet import, had `leadAgencyId`,
 * `cooperatingAgencyIds` and a bare `dueDate` (or none) with its words in `deadlineText`. Version 2 has
 * `lead`, `cooperating`, a full `deadline` and `priority`. A v1 due date becomes a `by` date deadline:
 * the spreadsheet recorded the last day, whatever the wording was.
 */
const taskAssignedV1ToV2: Upcaster = {
  type: 'TaskAssigned',
  fromVersion: 1,
  upcast: (data) => {
    const { leadAgencyId, cooperatingAgencyIds, dueDate, deadlineText, priority, ...rest } = data as {
      readonly leadAgencyId: unknown;
      readonly cooperatingAgencyIds?: unknown;
      readonly dueDate?: unknown;
      readonly deadlineText?: unknown;
      readonly priority?: unknown;
      readonly [key: string]: unknown;
    };
    const words = typeof deadlineText === 'string' && deadlineText.trim() !== '' ? deadlineText : undefined;
    const deadline =
      typeof dueDate === 'string'
        ? { kind: 'date', date: dueDate, qualifier: 'by', text: words ?? `đến ngày ${dueDate.split('-').reverse().join('/')}` }
        : { kind: 'none', reason: 'unspecified', text: words ?? 'không ghi thời hạn' };
    return {
      ...rest,
      lead: leadAgencyId,
      cooperating: cooperatingAgencyIds ?? [],
      priority: priority ?? false,
      deadline,
    };
  },
};

/** Every upcaster of the domain's own events. */
export const DOMAIN_UPCASTERS: readonly Upcaster[] = [taskAssignedV1ToV2];

/** The registry that reads every event chidao has ever written as the current version. */
export const domainUpcasters = createUpcasterRegistry(DOMAIN_UPCASTERS);
