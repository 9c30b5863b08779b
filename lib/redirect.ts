import { notFound, permanentRedirect, redirect, RedirectType } from 'next/navigation';
import { findSiteRedirect, isSitePath, type RedirectAction } from '@/lib/wordpress';
import { isAllowedRuleLocation, ruleAnswerAddress } from '@/serving/rule-answers.mjs';

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
 * A Redirection rule's answer for the path `from`: its exact status (301, 302, 307, 308 or 410)
 * and target, a path of this site or another site's http(s) URL; any other target is a 404.
 * A page can only answer 307 or 308, so it redirects to the rule-answer address, which the
 * production server turns into the rule's own answer in the same response
 * (serving/rule-answers.mjs); without that server the browser follows it to ruleAnswerResponse.
 * The redirect is permanent exactly when the rule's is, so a cache in between keeps it as long.
 */
export function answerByRule(from: string, action: RedirectAction): never {
  if (action.kind === 'gone') redirect(ruleAnswerAddress({ from, status: 410 }), RedirectType.replace);
  if (!isAllowedRuleLocation(action.location)) notFound();
  const address = ruleAnswerAddress({ from, status: action.status, location: action.location });
  if (action.status === 301 || action.status === 308) permanentRedirect(address);
  redirect(address, RedirectType.replace);
}

const GONE_HTML = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>This page has been removed</title>
<style>body{font:1.125rem/1.6 Georgia,serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1d1b17;background:#fbf8f3}
@media (prefers-color-scheme:dark){body{color:#eee8dc;background:#16140f}a{color:#f0a36b}}</style></head>
<body><main><h1>This page has been removed</h1>
<p>What was published here is no longer available.</p>
<p><a href="/">Go to the front page</a></p></main></body></html>`;

/** Rule answers change only with the rules; shared caches keep them as long as a page. */
const RULE_ANSWER_CACHE_CONTROL = 'public, max-age=0, s-maxage=300, stale-while-revalidate=60';

/**
 * The rule-answer address as a route, for deployments without the production server: the path
 * named by `from` is looked up in the Redirection rules again (whatever else the query says, so
 * the address cannot be made to redirect anywhere a rule does not), and answered with the rule's
 * status. No rule (any more) is a 404.
 */
export async function ruleAnswerResponse(from: string | null): Promise<Response> {
  const action = from && isSitePath(from) ? await findSiteRedirect(from) : null;
  if (action?.kind === 'gone') {
    return new Response(GONE_HTML, {
      status: 410,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': RULE_ANSWER_CACHE_CONTROL },
    });
  }
  if (action && isAllowedRuleLocation(action.location)) {
    return new Response(null, {
      status: action.status,
      headers: { Location: action.location, 'Cache-Control': RULE_ANSWER_CACHE_CONTROL },
    });
  }
  return new Response('Not found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
