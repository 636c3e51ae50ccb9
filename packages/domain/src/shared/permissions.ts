import * as E from 'fp-ts/Either';
import type { DomainError } from '../errors';
import type { Actor, Role } from './metadata';

/** The roles that register and change what a directive assigns (DESIGN.md, Access). */
export const SECRETARIAT_ROLES: readonly Role[] = ['secretariat', 'admin'];

/** Right when the actor's role is one of `allowed`, else `RoleNotPermitted` naming the command. */
export const requireRole = (command: string, actor: Actor, allowed: readonly Role[]): E.Either<DomainError, Actor> =>
  allowed.includes(actor.role)
    ? E.right(actor)
    : E.left({ _tag: 'RoleNotPermitted', command, role: actor.role, allowedRoles: allowed });
