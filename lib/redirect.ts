import { notFound, permanentRedirect, redirect, RedirectType } from 'next/navigation';
import { isSitePath } from '@/lib/wordpress';

/**
 * A 308 to another path of this site, as WordPress's canonical redirect does. The target comes
 * from WordPress's links, so a target a browser would read as another host (`//evil.example/`,
 * `/\evil.example/`, an absolute URL) is refused with a 404 rather than sent as `Location`.
 */
export function permanentRedirectWithinSite(path: string): never {
  if (!isSitePath(path)) notFound();
  permanentRedirect(path);
}

/**
 * A redirect rule's answer (the Redirection plugin's): a path of this site or another site's
 * http(s) URL, permanent (308) or temporary (307) — the method-keeping forms of 301 and 302,
 * which a page can answer. Anything else is refused with a 404.
 */
export function redirectByRule(location: string, permanent: boolean): never {
  const allowed = isSitePath(location) || /^https?:\/\/[^/\\]/i.test(location);
  if (!allowed) notFound();
  if (permanent) permanentRedirect(location);
  redirect(location, RedirectType.replace);
}
