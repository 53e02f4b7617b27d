/** When a token states no readable expiry, it is asked for again this soon. */
export const FALLBACK_LIFETIME_MS = 5 * 60 * 1000;

/** The `exp` claim of a JWT access token, in ms; undefined when the token is not a readable JWT. Never logged. */
export function tokenExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const exp = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown }).exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
