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

/** Most verified tokens remembered; the cache is emptied when it is full. */
const CACHE_LIMIT = 10_000;

type Verification = ReturnType<TokenService['verify']>;

/**
 * The token service on one secret. Only HS256 is accepted, so a token cannot choose `none` or RS256.
 * A token verified once is remembered with its expiry (`now` in ms, for tests): checking the HMAC of
 * every request costs more than the rest of a small request's CPU.
 */
export const createTokenService = (secret: string, issuer = 'chidao', now: () => number = () => Date.now()): TokenService => {
  const verified = new Map<string, { readonly principal: Principal; readonly expiresAtMs: number }>();
  return {
    sign: (principal, expiresInSeconds = THIRTY_DAYS) =>
      jwt.sign(
        { role: principal.role, ...(principal.agencyId === undefined ? {} : { agencyId: principal.agencyId }) },
        secret,
        { algorithm: 'HS256', subject: principal.sub, issuer, expiresIn: expiresInSeconds },
      ),
    verify: (token) => {
      const known = verified.get(token);
      if (known !== undefined && known.expiresAtMs > now()) return { ok: true, principal: known.principal };
      if (known !== undefined) verified.delete(token);
      const { result, expiresAtMs } = verifyToken(token, secret, issuer);
      if (result.ok && expiresAtMs !== undefined) {
        if (verified.size >= CACHE_LIMIT) verified.clear();
        verified.set(token, { principal: result.principal, expiresAtMs });
      }
      return result;
    },
  };
};

/** Checks the signature, algorithm, issuer, expiry and claims; with the expiry (`exp`) of a valid token. */
const verifyToken = (token: string, secret: string, issuer: string): { readonly result: Verification; readonly expiresAtMs?: number } => {
  let payload: unknown;
  try {
    payload = jwt.verify(token, secret, { algorithms: ['HS256'], issuer });
  } catch (error) {
    const expired = (error as Error).name === 'TokenExpiredError';
    return {
      result: {
        ok: false,
        why: expired
          ? { vi: 'Token đã hết hạn', en: 'The token has expired' }
          : { vi: 'Token không hợp lệ (chữ ký, thuật toán hoặc định dạng sai)', en: 'The token is invalid (signature, algorithm or format)' },
      },
    };
  }
  const claims = TokenClaimsSchema.safeParse(payload);
  if (!claims.success) {
    const message = claims.error.issues.map((issue) => issue.message).join('; ');
    return { result: { ok: false, why: { vi: `Token thiếu hoặc sai thông tin: ${message}`, en: `The token's claims are missing or wrong: ${message}` } } };
  }
  const { sub, role, agencyId } = claims.data;
  const exp = (payload as { readonly exp?: unknown }).exp;
  return {
    result: { ok: true, principal: agencyId === undefined ? { sub, role } : { sub, role, agencyId } },
    ...(typeof exp === 'number' ? { expiresAtMs: exp * 1000 } : {}),
  };
};
