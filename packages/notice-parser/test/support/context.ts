import { AGENCY_CATALOGUE, type AgencyCatalogue, type LocalDate } from '@chidao/domain';
import { warningCollector, type ParseContext } from '../../src/context';
import { sourceTextOf } from '../../src/source-text';
import type { ParseWarning } from '../../src/types';

/** A parse context over `text`, for the unit specs of one extractor. */
export const contextFor = (
  text: string,
  dates: { readonly issuedOn?: LocalDate; readonly meetingOn?: LocalDate; readonly year?: number; readonly catalogue?: AgencyCatalogue } = {},
): { readonly ctx: ParseContext; readonly warnings: readonly ParseWarning[] } => {
  const { warnings, warn } = warningCollector();
  const dated = dates.issuedOn ?? dates.meetingOn;
  const ctx: ParseContext = {
    src: sourceTextOf(text),
    catalogue: dates.catalogue ?? AGENCY_CATALOGUE,
    agencyDate: dated ?? (dates.year === undefined ? null : `${dates.year}-12-31`),
    dates: { ...(dated === undefined ? {} : { date: dated }), ...(dates.year === undefined ? {} : { year: dates.year }) },
    issuedOn: dates.issuedOn ?? null,
    meetingOn: dates.meetingOn ?? null,
    warn,
  };
  return { ctx, warnings };
};
