import { Inject, Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@chidao/domain';
import { TOKENS } from '../app/tokens';
import { forbidden, unauthenticated } from '../http/api-error';
import type { TokenService } from './jwt';
import { PRINCIPAL } from './principal';

const ROLES_KEY = 'chidao:roles';
const PUBLIC_KEY = 'chidao:public';

/** The roles that may call a controller or handler. Every route names them or is marked @Public. */
export const Roles = (...roles: readonly Role[]) => SetMetadata(ROLES_KEY, roles);

/** A route anyone may call without a token: health probes and the API documentation only. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

const ROLE_NAMES: Readonly<Record<Role, string>> = {
  secretariat: 'Văn phòng (secretariat)',
  agency: 'cán bộ cơ quan (agency)',
  auditor: 'kiểm tra, thanh tra (auditor)',
  analyst: 'phân tích (analyst)',
  admin: 'quản trị (admin)',
};

/**
 * Every request but the public ones needs a valid bearer token, and its role must be one the route
 * names. Routes that name no roles are refused to everyone, so forgetting @Roles fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(TOKENS) private readonly tokens: TokenService,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) === true) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined>; [PRINCIPAL]?: unknown }>();
    const header = request.headers['authorization'];
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (match === null) {
      throw unauthenticated({
        vi: 'Cần đăng nhập: gửi token trong tiêu đề "Authorization: Bearer <token>"',
        en: 'Authentication required: send a token in the "Authorization: Bearer <token>" header',
      });
    }
    const verified = this.tokens.verify(match[1] ?? '');
    if (!verified.ok) throw unauthenticated(verified.why);
    request[PRINCIPAL] = verified.principal;
    const roles = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ROLES_KEY, targets) ?? [];
    if (!roles.includes(verified.principal.role)) {
      throw forbidden(
        {
          vi: `Vai trò ${ROLE_NAMES[verified.principal.role]} không được dùng chức năng này (được phép: ${roles.map((role) => ROLE_NAMES[role]).join(', ') || 'không ai'})`,
          en: `Role "${verified.principal.role}" may not use this endpoint (allowed: ${roles.join(', ') || 'nobody'})`,
        },
        { role: verified.principal.role, allowedRoles: roles },
      );
    }
    return true;
  }
}
