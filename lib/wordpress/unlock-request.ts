import { cookies } from 'next/headers';
import { getProtectedPost } from './posts';

/** Where an unlocked post is shown: a per-reader page that is never cached. */
export function protectedPath(target: { id: number; type: 'post' | 'page' }): string {
  return `/protected/${target.type}/${target.id}/`;
}

export function unlockCookieName(id: number): string {
  return `broadsheet-postpass-${id}`;
}

const NO_STORE = { 'Cache-Control': 'private, no-store' };

function seeOther(location: string) {
  return new Response(null, { status: 303, headers: { ...NO_STORE, Location: location } });
}

/**
 * POST /api/unlock/ from a password form (works without JavaScript). The password goes to
 * WordPress; when it is right it is kept in an httpOnly cookie scoped to that post's unlocked
 * page, as WordPress's own post-password cookie is, and the reader is sent there.
 */
export async function handleUnlockRequest(request: Request): Promise<Response> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return new Response('Expected a form.', { status: 400, headers: NO_STORE });
  }
  const id = String(form.get('id') ?? '');
  const type = form.get('type') === 'page' ? 'page' : 'post';
  const password = String(form.get('password') ?? '');
  if (!/^[1-9]\d{0,9}$/.test(id) || password.length === 0 || password.length > 255) {
    return new Response('Malformed request.', { status: 400, headers: NO_STORE });
  }
  const target = { id: Number(id), type } as const;
  const post = await getProtectedPost(target, password);
  if (!post) return seeOther(`${protectedPath(target)}?error=wrong-password`);
  (await cookies()).set(unlockCookieName(target.id), password, {
    httpOnly: true,
    sameSite: 'lax',
    secure: new URL(request.url).protocol === 'https:',
    path: protectedPath(target),
    maxAge: 10 * 24 * 60 * 60,
  });
  return seeOther(protectedPath(target));
}
