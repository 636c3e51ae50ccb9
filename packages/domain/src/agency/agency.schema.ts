import { z } from 'zod';
import { addDays, compareDates, isLocalDate, LocalDateSchema, type LocalDate } from '../shared/local-date';

/**
 * An agency (*cơ quan, đơn vị*) that a directive can name: a department (*sở*), the provincial police,
 * a party board, a steering committee, an enterprise that attends the meetings. Its `id` is what events
 * store, so it never changes; every way people write its name lives in `name`, `shortNames` and
 * `aliases`, and `validFrom` / `validTo` / `successorId` carry 2025's mergers, so that a notice from 2024
 * still resolves to the body that existed then and a task can pass to the successor as an event.
 */

/**
 * A canonical agency id: dot-separated kebab-case ASCII segments, the scope first
 * (`khanh-hoa.so-khcn`, `trung-uong.bo-chinh-tri`, `doanh-nghiep.viettel`).
 */
export const AgencyIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*$/, {
    message: 'Mã cơ quan phải là chữ thường không dấu, nối bằng "-" và "." / agency id must be kebab-case ASCII segments joined by "."',
  });
/** A canonical agency id, e.g. `khanh-hoa.so-khcn`. */
export type AgencyId = z.infer<typeof AgencyIdSchema>;

/**
 * Tier of the administrative hierarchy (*cấp*). `district` (*cấp huyện*) was abolished on 2025-07-01 but
 * still appears in older notices.
 */
export const AgencyLevelSchema = z.enum(['central', 'province', 'district', 'commune']);
/** Tier of the administrative hierarchy: central, province, district or commune. */
export type AgencyLevel = z.infer<typeof AgencyLevelSchema>;

/**
 * Which part of public life the body belongs to. Kept apart from `level` because the two vary
 * independently: Tỉnh ủy and UBND tỉnh are both provincial, one party, one state.
 * `party` *Đảng*, `state` *Nhà nước*, `front` *Mặt trận Tổ quốc và đoàn thể*, `enterprise` *doanh nghiệp*.
 */
export const AgencySectorSchema = z.enum(['party', 'state', 'front', 'enterprise']);
/** Party, state, front or enterprise. */
export type AgencySector = z.infer<typeof AgencySectorSchema>;

/**
 * What sort of body it is. `party-committee` *cấp ủy* (Tỉnh ủy, its Standing Board, Bộ Chính trị),
 * `party-board` *ban đảng*, `office` *văn phòng*, `people-council` *HĐND*, `people-committee` *UBND*,
 * `government` *Chính phủ*, `ministry` *bộ*, `department` *sở*, `police` *công an*, `fund` *quỹ*,
 * `project-board` *ban quản lý dự án*, `steering-committee` *ban chỉ đạo*, `working-group` *tổ giúp việc*,
 * `council` *hội đồng* (advisory), `front-committee` *Ủy ban MTTQ*, `enterprise` *doanh nghiệp*.
 */
export const AgencyKindSchema = z.enum([
  'party-committee',
  'party-board',
  'office',
  'people-council',
  'people-committee',
  'government',
  'ministry',
  'department',
  'police',
  'fund',
  'project-board',
  'steering-committee',
  'working-group',
  'council',
  'front-committee',
  'enterprise',
]);
/** What sort of body an agency is. */
export type AgencyKind = z.infer<typeof AgencyKindSchema>;

const spelling = z.string().trim().min(1, { message: 'Tên cơ quan không được để trống / an agency name must not be empty' });

/** One catalogue entry; see the module comment. `validTo` is the last day the body existed (inclusive). */
export const AgencySchema = z
  .object({
    id: AgencyIdSchema,
    /** The full official Vietnamese name. */
    name: spelling,
    /** The abbreviated names documents use on purpose ("Sở KH&CN", "UBND tỉnh"). */
    shortNames: z.array(spelling).readonly(),
    /** Every other spelling met in the wild: acronyms, older wordings, the brand of an enterprise. */
    aliases: z.array(spelling).readonly(),
    level: AgencyLevelSchema,
    sector: AgencySectorSchema,
    kind: AgencyKindSchema,
    validFrom: LocalDateSchema.optional(),
    validTo: LocalDateSchema.optional(),
    /** The body that took over the duties when this one ended; only meaningful with `validTo`. */
    successorId: AgencyIdSchema.optional(),
    /** The body this one belongs to or reports to (a board's party committee, a branch's group). */
    parentId: AgencyIdSchema.optional(),
  })
  .strict()
  .superRefine((agency, ctx) => {
    if (agency.validFrom !== undefined && agency.validTo !== undefined && compareDates(agency.validFrom, agency.validTo) > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['validTo'],
        message: `Ngày kết thúc trước ngày thành lập / validTo ${agency.validTo} is before validFrom ${agency.validFrom}`,
      });
    }
    if (agency.successorId !== undefined && agency.validTo === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['successorId'],
        message: 'Có cơ quan kế thừa thì phải có ngày kết thúc / a successor needs a validTo',
      });
    }
    if (agency.successorId === agency.id || agency.parentId === agency.id) {
      ctx.addIssue({
        code: 'custom',
        path: ['successorId'],
        message: 'Cơ quan không thể kế thừa hay trực thuộc chính nó / an agency cannot succeed or contain itself',
      });
    }
  })
  .readonly();
/** One agency of the catalogue, as {@link AgencySchema} describes it. */
export type Agency = z.infer<typeof AgencySchema>;

/** True when the agency existed on `date`: on or after `validFrom` and on or before `validTo`. */
export const isAgencyValidOn = (agency: Agency, date: LocalDate): boolean =>
  (agency.validFrom === undefined || compareDates(agency.validFrom, date) <= 0) &&
  (agency.validTo === undefined || compareDates(date, agency.validTo) <= 0);

/**
 * A catalogue: the agencies one installation knows and its home province. Bare provincial names
 * ("Sở KH&CN", "Công an tỉnh") mean the home province's body, so the resolver may drop a trailing
 * "tỉnh <homeProvince>" but never another province's name.
 */
export const AgencyCatalogueSchema = z
  .object({
    homeProvince: spelling,
    agencies: z.array(AgencySchema).readonly(),
  })
  .strict()
  .superRefine((catalogue, ctx) => {
    const byId = new Map<string, Agency>();
    catalogue.agencies.forEach((agency, index) => {
      if (byId.has(agency.id)) {
        ctx.addIssue({ code: 'custom', path: ['agencies', index, 'id'], message: `Trùng mã cơ quan / duplicate agency id ${agency.id}` });
      }
      byId.set(agency.id, agency);
    });
    catalogue.agencies.forEach((agency, index) => {
      if (agency.parentId !== undefined && !byId.has(agency.parentId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['agencies', index, 'parentId'],
          message: `Không có cơ quan cấp trên ${agency.parentId} / parent ${agency.parentId} is not in the catalogue`,
        });
      }
      // zod runs this check even when an entry failed its own schema; an impossible date is already
      // reported there, and date arithmetic on it would throw instead.
      if (agency.successorId === undefined || agency.validTo === undefined || !isLocalDate(agency.validTo)) return;
      const successor = byId.get(agency.successorId);
      // The day after a body ends, its successor must already exist: a gap would leave a task with no
      // lead at all, and requiring it also rules out successor cycles.
      const handOver = addDays(agency.validTo, 1);
      if (successor === undefined || !isAgencyValidOn(successor, handOver)) {
        ctx.addIssue({
          code: 'custom',
          path: ['agencies', index, 'successorId'],
          message: `Cơ quan kế thừa ${agency.successorId} không tồn tại vào ngày ${handOver} / successor ${agency.successorId} does not exist on ${handOver}`,
        });
      }
    });
  })
  .readonly();
/** A catalogue of agencies with its home province. */
export type AgencyCatalogue = z.infer<typeof AgencyCatalogueSchema>;
