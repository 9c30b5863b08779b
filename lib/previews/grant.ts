import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { KIND_NAME, type PreviewTarget } from '@/lib/wordpress';

/**
 * What a verified preview link leaves in the browser: a cookie naming the one post the link was
 * for, signed by this frontend and expiring soon. The preview page shows a post only to a
 * browser holding a valid grant for exactly that post; nothing else about a preview is trusted.
 *
 * Format: base64url(JSON {type, id, exp}) "." hex(HMAC-SHA256("preview-grant:" + base64url part,
 * secret)). The "preview-grant:" prefix keeps these signatures apart from the plugin's preview
 * tokens ("preview:"), webhooks ("webhook:") and commenter addresses ("commenter:"): a value
 * signed for one purpose is never valid for another.
 */

/**
 * An hour: long enough to keep reloading the preview while editing, short enough that a copied
 * cookie soon stops working. After that, Preview in WordPress makes a new link.
 */
export const PREVIEW_GRANT_SECONDS = 60 * 60;

const MAX_GRANT_LENGTH = 500;

const grantSchema = z.object({
  // Any post type's name, as the preview link names it: events and other custom types too.
  type: z.string().regex(KIND_NAME),
  id: z.number().int().positive(),
  exp: z.number().int().positive(),
});

function signature(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`preview-grant:${payload}`).digest('hex');
}

/** One cookie per previewed post, so several previews open in one browser do not interfere. */
export function previewGrantCookieName(target: PreviewTarget): string {
  return `broadsheet-preview-${target.type}-${target.id}`;
}

export function signPreviewGrant(secret: string, target: PreviewTarget, expiresAt: number): string {
  const payload = Buffer.from(JSON.stringify({ type: target.type, id: target.id, exp: expiresAt })).toString(
    'base64url',
  );
  return `${payload}.${signature(secret, payload)}`;
}

/** Whether `grant` is this frontend's, unexpired, and for exactly `target`. */
export function verifyPreviewGrant(
  secret: string,
  grant: string,
  target: PreviewTarget,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  if (grant.length > MAX_GRANT_LENGTH) return false;
  const [payload, signed, extra] = grant.split('.');
  if (!payload || !signed || extra !== undefined || !/^[0-9a-f]{64}$/.test(signed)) return false;
  if (!timingSafeEqual(Buffer.from(signature(secret, payload)), Buffer.from(signed))) return false;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return false;
  }
  const parsed = grantSchema.safeParse(decoded);
  return (
    parsed.success &&
    parsed.data.type === target.type &&
    parsed.data.id === target.id &&
    parsed.data.exp > nowSeconds
  );
}
