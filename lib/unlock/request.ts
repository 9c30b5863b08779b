import { NextResponse } from 'next/server';
import { clientAddress } from '@/lib/client-address';
import { isHttpsRequest } from '@/lib/https-request';
import { parsePostTarget, type PostTarget } from '@/lib/post-target';
import { RateLimiter } from '@/lib/rate-limit';
import type { Post } from '@/lib/wordpress';
import {
  UNLOCK_SECONDS,
  plaintextUnlockCookieName,
  protectedPath,
  sealUnlockCookie,
  unlockCookieName,
} from './cookie';

/** What unlocking needs from the rest of the app; tests pass their own. */
export interface UnlockDependencies {
  /** The post when the password is right; null when it is wrong or there is no such post. */
  getProtectedPost: (target: PostTarget, password: string) => Promise<Post | null>;
  limits: UnlockLimits;
  secret: string | null;
  siteUrl: string;
  trustProxy: boolean;
}

export interface UnlockLimits {
  perReader: RateLimiter;
  perPost: RateLimiter;
}

const TEN_MINUTES = 10 * 60 * 1000;

/**
 * Every attempt counts, right or wrong (telling them apart would mean asking WordPress first).
 * Ten per reader in ten minutes leaves room for typos; fifty per post, from all readers of this
 * instance together, bounds guessing spread over many addresses. A reader who has unlocked a post
 * does not post again while the cookie lasts, so only a widely shared password under attack at
 * the same moment would keep readers waiting (at most ten minutes).
 */
export const unlockLimits = (): UnlockLimits => ({
  perReader: new RateLimiter(10, TEN_MINUTES),
  perPost: new RateLimiter(50, TEN_MINUTES),
});

const NO_STORE = { 'Cache-Control': 'private, no-store' };

function seeOther(location: string) {
  return new NextResponse(null, { status: 303, headers: { ...NO_STORE, Location: location } });
}

function plainText(status: number, text: string, headers: Record<string, string> = {}) {
  return new Response(text, {
    status,
    headers: { ...NO_STORE, 'Content-Type': 'text/plain; charset=utf-8', ...headers },
  });
}

/**
 * POST /api/unlock/ from a password form (works without JavaScript). The password goes to
 * WordPress; when it is right it is kept, encrypted, in an httpOnly cookie scoped to that post's
 * unlocked page (see cookie.ts), and the reader is sent there.
 */
export async function handleUnlockRequest(request: Request, deps: UnlockDependencies): Promise<Response> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return plainText(400, 'Expected a form.');
  }
  // A form without a type is for a post, as the first password forms were.
  const target = parsePostTarget(form.get('type') ?? 'post', form.get('id'));
  const password = form.get('password');
  if (!target || typeof password !== 'string' || password.length === 0 || password.length > 255) {
    return plainText(400, 'Malformed request.');
  }

  const reader = deps.limits.perReader.attempt(clientAddress(request.headers, deps.trustProxy) ?? 'unknown');
  const post = reader.allowed ? deps.limits.perPost.attempt(`${target.type}:${target.id}`) : reader;
  if (!post.allowed) {
    const minutes = Math.max(1, Math.ceil(post.retryAfterSeconds / 60));
    return plainText(
      429,
      `Too many password attempts. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      { 'Retry-After': String(post.retryAfterSeconds) },
    );
  }

  const unlocked = await deps.getProtectedPost(target, password);
  if (!unlocked) return seeOther(`${protectedPath(target)}?error=wrong-password`);
  const response = seeOther(protectedPath(target));
  const now = Math.floor(Date.now() / 1000);
  response.cookies.set(
    unlockCookieName(target),
    sealUnlockCookie(deps.secret, target, password, now + UNLOCK_SECONDS),
    {
      httpOnly: true,
      sameSite: 'lax',
      secure: isHttpsRequest(request, deps.siteUrl),
      path: protectedPath(target),
      maxAge: UNLOCK_SECONDS,
    },
  );
  response.cookies.set(plaintextUnlockCookieName(target), '', { path: protectedPath(target), maxAge: 0 });
  return response;
}
