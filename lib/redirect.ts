import { notFound, permanentRedirect } from 'next/navigation';
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
