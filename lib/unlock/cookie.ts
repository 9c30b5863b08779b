import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { PostTarget } from '@/lib/post-target';

/**
 * The cookie that keeps a password-protected post unlocked for one reader. WordPress needs the
 * password itself to return the content, so the cookie carries it — encrypted (AES-256-GCM) with
 * a key derived from the shared secret, bound to the one post it unlocks, and with its expiry
 * inside the encrypted part, so neither the reader's browser nor anyone who copies the cookie can
 * read the password, move the cookie to another post or extend it.
 *
 * Format: base64url(12-byte IV ‖ 16-byte tag ‖ ciphertext of JSON {password, exp}), with
 * "unlock:<type>:<id>" as additional authenticated data.
 */

/**
 * A day: enough to come back to the story later the same day. WordPress's own post-password
 * cookie lasts ten days; that is ten days in which anyone at a shared computer can read the
 * story, for a benefit (not retyping a password) that a day mostly gives.
 */
export const UNLOCK_SECONDS = 24 * 60 * 60;

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** A 255-character password, JSON-escaped at worst, fits well within this. */
const MAX_COOKIE_LENGTH = 4000;

const contentSchema = z.object({ password: z.string().min(1), exp: z.number().int().positive() });

/** Where an unlocked post is shown: a per-reader page that is never cached. */
export function protectedPath(target: PostTarget): string {
  return `/protected/${target.type}/${target.id}/`;
}

export function unlockCookieName(target: PostTarget): string {
  return `broadsheet-unlock-${target.type}-${target.id}`;
}

/** Earlier releases kept the password itself under this name; it is cleared on the next unlock. */
export function plaintextUnlockCookieName(target: PostTarget): string {
  return `broadsheet-postpass-${target.id}`;
}

let processKey: Buffer | undefined;

/**
 * The cookie key: derived from the shared secret with HKDF under its own label, so it is never
 * the key of any signature. Without a secret, a random key for this process: unlocks then last
 * until the server restarts and hold on this instance only.
 */
function unlockKey(secret: string | null): Buffer {
  if (!secret) return (processKey ??= randomBytes(32));
  return Buffer.from(hkdfSync('sha256', secret, 'broadsheet', 'unlock-cookie v1', 32));
}

function associatedData(target: PostTarget): Buffer {
  return Buffer.from(`unlock:${target.type}:${target.id}`);
}

export function sealUnlockCookie(
  secret: string | null,
  target: PostTarget,
  password: string,
  expiresAt: number,
): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', unlockKey(secret), iv);
  cipher.setAAD(associatedData(target));
  const ciphertext = Buffer.concat([
    cipher.update(JSON.stringify({ password, exp: expiresAt })),
    cipher.final(),
  ]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
}

/** The password a cookie holds for `target`, or null when it is expired, altered or not for it. */
export function openUnlockCookie(
  secret: string | null,
  target: PostTarget,
  cookie: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): string | null {
  if (cookie.length > MAX_COOKIE_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cookie)) return null;
  const sealed = Buffer.from(cookie, 'base64url');
  if (sealed.length <= IV_BYTES + TAG_BYTES) return null;
  let plaintext: string;
  try {
    const decipher = createDecipheriv('aes-256-gcm', unlockKey(secret), sealed.subarray(0, IV_BYTES));
    decipher.setAAD(associatedData(target));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    plaintext = Buffer.concat([
      decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return null;
  }
  let decoded: unknown;
  try {
    decoded = JSON.parse(plaintext);
  } catch {
    return null;
  }
  const content = contentSchema.safeParse(decoded);
  return content.success && content.data.exp > nowSeconds ? content.data.password : null;
}
