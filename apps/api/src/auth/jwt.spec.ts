import { createTokenService } from './jwt';

describe('token service', () => {
  const officer = { sub: 'skhcn.can-bo', role: 'agency', agencyId: 'khanh-hoa.so-khcn' } as const;

  afterEach(() => {
    jest.useRealTimers();
  });

  it('verifies a token it signed, again from memory, and refuses it once it expires', () => {
    jest.useFakeTimers({ now: new Date('2026-03-02T01:00:00Z') });
    const tokens = createTokenService('secret-for-tests');
    const token = tokens.sign(officer, 60);
    expect(tokens.verify(token)).toEqual({ ok: true, principal: officer });
    expect(tokens.verify(token)).toEqual({ ok: true, principal: officer });
    // The remembered answer must not outlive the token's expiry.
    jest.setSystemTime(new Date('2026-03-02T01:01:01Z'));
    expect(tokens.verify(token)).toMatchObject({ ok: false, why: { en: 'The token has expired' } });
  });

  it('refuses a token signed with another secret, and does not remember a refusal', () => {
    const mine = createTokenService('secret-for-tests');
    const theirs = createTokenService('another-secret');
    const forged = theirs.sign(officer, 60);
    expect(mine.verify(forged).ok).toBe(false);
    expect(mine.verify(forged).ok).toBe(false);
  });

  it('refuses an expired token', () => {
    const tokens = createTokenService('secret-for-tests');
    const expired = tokens.sign(officer, -10);
    expect(tokens.verify(expired)).toMatchObject({ ok: false, why: { en: 'The token has expired' } });
  });
});
