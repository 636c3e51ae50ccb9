import { RoleSchema, agencyById, type Actor, type Role } from '@chidao/domain';
import { z } from 'zod';

/** Who is calling: the verified claims of the bearer token (DESIGN.md, Access). */
export type Principal = {
  /** The user id (`sub`). */
  readonly sub: string;
  readonly role: Role;
  /** The agency an `agency` officer acts for; optional for other roles. */
  readonly agencyId?: string;
};

/** The claims a chidao token must carry. */
export const TokenClaimsSchema = z
  .object({
    sub: z.string().trim().min(1).max(200),
    role: RoleSchema,
    agencyId: z.string().trim().min(1).max(200).optional(),
  })
  .refine((claims) => claims.role !== 'agency' || claims.agencyId !== undefined, {
    message: 'Token của cán bộ cơ quan phải có agencyId / an agency officer token must carry agencyId',
    path: ['agencyId'],
  })
  .refine((claims) => claims.agencyId === undefined || agencyById(claims.agencyId) !== undefined, {
    message: 'agencyId không có trong danh mục cơ quan / agencyId is not in the agency catalogue',
    path: ['agencyId'],
  });

/** The actor recorded in the metadata of the events a principal causes. */
export const actorOf = (principal: Principal): Actor =>
  principal.role === 'agency'
    ? { userId: principal.sub, role: 'agency', agencyId: principal.agencyId ?? '' }
    : principal.agencyId === undefined
      ? { userId: principal.sub, role: principal.role }
      : { userId: principal.sub, role: principal.role, agencyId: principal.agencyId };

/** The request property the auth guard puts the principal on. */
export const PRINCIPAL = Symbol('chidao.principal');

/** The principal the guard verified for this request. */
export const principalOf = (request: object): Principal => {
  const principal = (request as { [PRINCIPAL]?: Principal })[PRINCIPAL];
  if (principal === undefined) throw new Error('no principal on the request: the auth guard did not run');
  return principal;
};
