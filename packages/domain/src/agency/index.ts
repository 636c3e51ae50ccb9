export type {
  Agency,
  AgencyCatalogue,
  AgencyId,
  AgencyKind,
  AgencyLevel,
  AgencySector,
} from './agency.schema';
export type { AgencyKeyCollision, AgencyResolution } from './resolve-agency';

export {
  AgencyCatalogueSchema,
  AgencyIdSchema,
  AgencyKindSchema,
  AgencyLevelSchema,
  AgencySchema,
  AgencySectorSchema,
  isAgencyValidOn,
} from './agency.schema';
export { AGENCY_CATALOGUE } from './agency.catalogue';
export {
  agencyById,
  agencyOnDate,
  findAgencyKeyCollisions,
  normalizeAgencyText,
  resolveAgency,
} from './resolve-agency';
