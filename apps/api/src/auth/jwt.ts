import jwt from 'jsonwebtoken';
import type { Bilingual } from '../http/api-error';
import { TokenClaimsSchema, type Principal } from './principal';

/** Signs and verifies the HS256 bearer tokens. */
export type TokenService = {
  /** A signed token for a principal, valid for `expiresInSeconds` (default 30 days). */
  readonly sign: (principal: Principal, expiresInSeconds?: number) => string;
  /** The principal a token names, or why it was refused. */
  readonly verify: (token: string) => { readonly ok: true; readonly principal: Principal } | { readonly ok: false; readonly why: Bilingual };
};

const THIRTY_DAYS = 30 * 24 * 3_600;

/** The token service on one secret. Only HS256 is accepted, so a token cannot choose `none` or RS256. */
export const createTokenService = (secret: string, issuer = 'chidao'): TokenService => ({
  sign: (principal, expiresInSeconds = THIRTY_DAYS) =>
    jwt.sign(
      { role: principal.role, ...(principal.agencyId === undefined ? {} : { agencyId: principal.agencyId }) },
      secret,
      { algorithm: 'HS256', subject: principal.sub, issuer, expiresIn: expiresInSeconds },
    ),
  verify: (token) => {
    let payload: unknown;
    try {
      payload = jwt.verify(token, secret, { algorithms: ['HS256'], issuer });
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      return {
        ok: false,
        why: expired
          ? { vi: 'Token đã hết hạn', en: 'The token has expired' }
          : { vi: 'Token không hợp lệ (chữ ký, thuật toán hoặc định dạng sai)', en: 'The token is invalid (signature, algorithm or format)' },
      };
    }
    const claims = TokenClaimsSchema.safeParse(payload);
    if (!claims.success) {
      const message = claims.error.issues.map((issue) => issue.message).join('; ');
      return { ok: false, why: { vi: `Token thiếu hoặc sai thông tin: ${message}`, en: `The token's claims are missing or wrong: ${message}` } };
    }
    const { sub, role, agencyId } = claims.data;
    return { ok: true, principal: agencyId === undefined ? { sub, role } : { sub, role, agencyId } };
  },
});
