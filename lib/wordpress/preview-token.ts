import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { KIND_NAME } from './kind-name';

/**
 * Preview links the companion plugin puts behind WordPress's Preview button:
 * base64url(JSON {id, type, exp}) "." hex(HMAC-SHA256("preview:" + base64url part, secret)).
 * They name a post and expire; the secret itself never travels in a URL.
 */
const payloadSchema = z.object({
  id: z.number().int().positive(),
  // Any post type's name (the companion plugin names the real one); the registry decides.
  type: z.string().regex(KIND_NAME),
  exp: z.number().int().positive(),
});
export type PreviewTarget = { id: number; type: string };

export function signPreviewToken(secret: string, target: PreviewTarget, expiresAt: number): string {
  const payload = Buffer.from(JSON.stringify({ ...target, exp: expiresAt })).toString('base64url');
  return `${payload}.${createHmac('sha256', secret).update(`preview:${payload}`).digest('hex')}`;
}

/** The post a token names, or the reason it is refused. */
export function verifyPreviewToken(
  secret: string,
  token: string,
  nowSeconds: number,
): { ok: true; target: PreviewTarget } | { ok: false; reason: string } {
  if (token.length > 1000) return { ok: false, reason: 'malformed token' };
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined || !/^[0-9a-f]{64}$/.test(signature)) {
    return { ok: false, reason: 'malformed token' };
  }
  const expected = Buffer.from(createHmac('sha256', secret).update(`preview:${payload}`).digest('hex'));
  if (!timingSafeEqual(expected, Buffer.from(signature))) return { ok: false, reason: 'bad signature' };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed token' };
  }
  const parsed = payloadSchema.safeParse(decoded);
  if (!parsed.success) return { ok: false, reason: 'malformed token' };
  if (parsed.data.exp < nowSeconds) return { ok: false, reason: 'expired token' };
  return { ok: true, target: { id: parsed.data.id, type: parsed.data.type } };
}
