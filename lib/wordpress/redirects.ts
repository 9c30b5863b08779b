import { unstable_cache } from 'next/cache';
import { z } from 'zod';
import { getConfig } from '@/lib/config';
import { wordpressTransport } from './client';
import { WordPressError, WordPressRequestRejectedError } from './errors';
import { pathFromWordPressLink, type SiteAddresses } from './paths';
import { getSiteAddresses, getSiteIndex } from './site';
import { TAGS } from './tags';

/**
 * The Redirection plugin's rules (redirection/v1/redirect), honoured at the frontend as the
 * plugin honours them on WordPress: matched against the path WordPress would have been asked
 * for, first rule first, exact or regular expression.
 */

/** What a matched rule asks for: go elsewhere with the rule's status, or answer "gone" (410). */
export type RedirectAction =
  { kind: 'redirect'; location: string; status: 301 | 302 | 307 | 308 } | { kind: 'gone' };

export interface RedirectRule {
  id: number;
  /** Exact rules: the source path without its trailing slash, lower-cased unless case counts. */
  exact: string | null;
  pattern: RegExp | null;
  status: 301 | 302 | 307 | 308 | 410;
  /** The target as Redirection stores it; $1… are the pattern's captures. */
  target: string;
  position: number;
}

const REDIRECT_STATUSES = [301, 302, 307, 308, 410] as const;

/** One rule as Redirection's REST API answers it (only the fields read here). */
const rawRuleSchema = z.object({
  id: z.number().int(),
  url: z.string(),
  regex: z.boolean().catch(false),
  enabled: z.boolean().catch(true),
  match_type: z.string().catch('url'),
  action_type: z.string().catch('url'),
  action_code: z.coerce.number().int().catch(0),
  action_data: z
    .object({ url: z.string().catch('') })
    .partial()
    .nullable()
    .catch(null),
  match_data: z
    .object({ source: z.object({ flag_case: z.boolean().optional() }).partial().optional() })
    .partial()
    .nullable()
    .catch(null),
  position: z.number().int().catch(0),
});
const rawRulePageSchema = z.object({ items: z.array(z.unknown()), total: z.coerce.number().int().catch(0) });

/** Redirection's page size maximum; a few pages cover any site's hand-kept rules. */
const RULES_PER_PAGE = 200;
const MAX_RULE_PAGES = 10;
/** Chains longer than this are treated as loops. */
const MAX_CHAIN = 10;

/**
 * The rules the frontend can honour, in Redirection's order (position, then id): enabled, matched
 * on the URL alone (rules that look at cookies, referrers or logins cannot be decided for a cached
 * page), redirecting with one of the statuses above or answering 410. A regular expression that
 * does not compile is left out with one log line.
 */
export function compileRedirectRules(
  items: readonly unknown[],
  log: (message: string) => void,
): RedirectRule[] {
  const rules: RedirectRule[] = [];
  for (const item of items) {
    const parsed = rawRuleSchema.safeParse(item);
    if (!parsed.success) continue;
    const raw = parsed.data;
    if (!raw.enabled || raw.match_type !== 'url') continue;
    const status = REDIRECT_STATUSES.find((code) => code === raw.action_code);
    const gone = raw.action_type === 'error' && status === 410;
    if (!status || (!gone && (raw.action_type !== 'url' || status === 410))) continue;
    const target = raw.action_data?.url ?? '';
    if (!gone && !target) continue;
    const caseSensitive = raw.match_data?.source?.flag_case === true;
    let pattern: RegExp | null = null;
    if (raw.regex) {
      try {
        pattern = new RegExp(raw.url, caseSensitive ? 'u' : 'iu');
      } catch {
        log(
          `redirect #${raw.id}: its regular expression ${JSON.stringify(raw.url)} does not compile; ignored`,
        );
        continue;
      }
    }
    rules.push({
      id: raw.id,
      exact: pattern ? null : normaliseSource(raw.url, caseSensitive),
      pattern,
      status,
      target,
      position: raw.position,
    });
  }
  return rules.sort((a, b) => a.position - b.position || a.id - b.id);
}

function normaliseSource(url: string, caseSensitive: boolean): string {
  const path = url.replace(/[?#].*$/, '').replace(/\/+$/, '') || '/';
  return caseSensitive ? path : path.toLowerCase();
}

/** The first rule matching a WordPress request path (its target with captures filled in). */
function firstMatch(rules: readonly RedirectRule[], requestPath: string) {
  for (const rule of rules) {
    if (rule.pattern) {
      const match = rule.pattern.exec(requestPath);
      if (!match) continue;
      const target = rule.target.replace(/\$(\d{1,2})/g, (_, index: string) => match[Number(index)] ?? '');
      return { rule, target };
    }
    const normalised = normaliseSource(requestPath, true);
    if (rule.exact === normalised || rule.exact === normalised.toLowerCase())
      return { rule, target: rule.target };
  }
  return null;
}

/** The folder of the Site Address ('' at the root, '/en' in a sub-folder): Redirection's paths include it. */
function homeFolder(addresses: SiteAddresses): string {
  try {
    return new URL(addresses.home).pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

/**
 * Where a rule's target leads: a frontend path when it is on WordPress's home (a relative target
 * is read against the home's origin, as a browser would), the absolute URL otherwise; null for
 * anything else.
 */
function targetLocation(target: string, addresses: SiteAddresses): string | null {
  let url: URL;
  try {
    url = new URL(target, new URL(addresses.home).origin);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return pathFromWordPressLink(url.href, addresses) ?? url.href;
}

/**
 * What the rules say about a frontend path (without query): null when no rule matches. A rule
 * whose chain of targets comes back to where it started is a loop: ignored, with one log line,
 * so the path is served as if no rule existed.
 */
export function matchRedirect(
  rules: readonly RedirectRule[],
  path: string,
  addresses: SiteAddresses,
  log: (message: string) => void,
): RedirectAction | null {
  const folder = homeFolder(addresses);
  const first = firstMatch(rules, `${folder}${path}`);
  if (!first) return null;
  const status = first.rule.status;
  if (status === 410) return { kind: 'gone' };
  const location = targetLocation(first.target, addresses);
  if (!location) return null;
  const seen = new Set([stripSlash(path)]);
  for (let hop = location, steps = 0; hop.startsWith('/'); steps++) {
    const key = stripSlash(hop.replace(/[?#].*$/, ''));
    if (seen.has(key) || steps >= MAX_CHAIN) {
      log(
        `redirect #${first.rule.id}: ${path} leads back to itself (${[...seen, key].join(' → ')}); ignored`,
      );
      return null;
    }
    seen.add(key);
    const next = firstMatch(rules, `${folder}${key}/`);
    if (!next || next.rule.status === 410) break;
    const nextLocation = targetLocation(next.target, addresses);
    if (!nextLocation) break;
    hop = nextLocation;
  }
  return { kind: 'redirect', location, status };
}

function stripSlash(path: string): string {
  return path.replace(/\/+$/, '') || '/';
}

function logRedirects(message: string) {
  console.error(`[wordpress] ${message}`);
}

/**
 * The Redirection plugin's rules, read once with the preview user's credentials and kept in
 * Next's data cache under the redirects tag (the companion plugin reports each change). Nothing
 * when the plugin is absent (its namespace is not in the REST index) or no preview user is set.
 */
async function loadRedirectRules(): Promise<unknown[]> {
  const credentials = getConfig().previewCredentials;
  const index = await getSiteIndex();
  if (!credentials || !index.namespaces.includes('redirection/v1')) return [];
  const items: unknown[] = [];
  for (let page = 0; page < MAX_RULE_PAGES; page++) {
    try {
      const { data } = await wordpressTransport()({
        route: '/redirection/v1/redirect',
        params: { per_page: RULES_PER_PAGE, page, 'filterBy[status]': 'enabled' },
        schema: rawRulePageSchema,
        cache: 'no-store',
        credentials,
      });
      items.push(...data.items);
      if (data.items.length < RULES_PER_PAGE || items.length >= data.total) break;
    } catch (error) {
      // Redirection lets only its managers (administrators, unless its redirection_role filter
      // says otherwise) read the rules: a preview user who may not is a setting, not an outage,
      // and is kept (and logged) once per revalidation period rather than asked on every page.
      if (error instanceof WordPressRequestRejectedError && (error.status === 401 || error.status === 403)) {
        logRedirects(
          `the preview user may not read the Redirection rules (${error.status}); none are applied`,
        );
        return [];
      }
      throw error;
    }
  }
  return items;
}

let cachedRedirectRules: (() => Promise<unknown[]>) | undefined;

/**
 * What the Redirection plugin says about a path, if anything. WordPress failing to answer means
 * no redirect for now, never a failed page; the transport's failure log says so once per outage.
 */
export async function findSiteRedirect(path: string): Promise<RedirectAction | null> {
  try {
    // Made on first use: modules that merely import this one (and mock next/cache) never need it.
    cachedRedirectRules ??= unstable_cache(loadRedirectRules, ['redirection-rules'], {
      tags: [TAGS.redirects],
    });
    const items = await cachedRedirectRules();
    if (items.length === 0) return null;
    return matchRedirect(compiledRules(items), path, await getSiteAddresses(), logRedirects);
  } catch (error) {
    // WordPress failing is already logged by the transport, once per episode (failure-log.ts).
    if (!(error instanceof WordPressError)) {
      logRedirects(
        `the Redirection rules could not be read: ${error instanceof Error ? error.message : error}`,
      );
    }
    return null;
  }
}

let compiled: { source: string; rules: RedirectRule[] } | null = null;

/** The rules compiled once per rule set, so a bad one is logged once, not on every request. */
function compiledRules(items: unknown[]): RedirectRule[] {
  const source = JSON.stringify(items);
  if (compiled?.source !== source) compiled = { source, rules: compileRedirectRules(items, logRedirects) };
  return compiled.rules;
}
