// The Redirection plugin's statuses, exactly: 301, 302, 307, 308 and 410.
//
// A page rendered by Next can only end in a 307 or 308 redirect or a 404, so a page whose path a
// Redirection rule matches redirects to this address instead, naming the requested path, the
// rule's status and where it leads. The production server (server.mjs) reads that address in the
// page's own response (which no client can forge) and answers with the rule's status and target
// at once, in one hop. Where the app runs without that server (`next start`, a platform's own
// server), the browser follows the redirect here and the route (app/api/redirect/route.ts) looks
// the requested path up in the rules again and answers the same: it never trusts the status or
// target in its query, so the address is no open redirect.

import { isSitePath } from '../lib/site-path.mjs';

export const RULE_ANSWER_ROUTE = '/api/redirect/';

const STATUSES = new Set([301, 302, 307, 308, 410]);

/** A path of this site (one leading slash, no control characters) or another site's http(s) URL. */
export function isAllowedRuleLocation(location) {
  return (
    isSitePath(location) || (/^https?:\/\/[^/\\]/i.test(location) && !/[\u0000-\u0020\u007f]/.test(location))
  );
}

/**
 * The address a page redirects to for a rule's answer.
 * @param {{ from: string, status: number, location?: string | null }} answer
 */
export function ruleAnswerAddress({ from, status, location }) {
  const query = new URLSearchParams({ from, status: String(status) });
  if (status !== 410 && location) query.set('to', location);
  return `${RULE_ANSWER_ROUTE}?${query}`;
}

/**
 * The rule's answer named by a page's redirect Location, or null when the Location is anything
 * else (or names a status or target that no rule could have).
 * @param {string | undefined | null} location
 * @returns {{ from: string, status: 301 | 302 | 307 | 308 | 410, location: string | null } | null}
 */
export function readRuleAnswerAddress(location) {
  if (typeof location !== 'string' || !location.startsWith(`${RULE_ANSWER_ROUTE}?`)) return null;
  const query = new URLSearchParams(location.slice(RULE_ANSWER_ROUTE.length + 1));
  const status = Number(query.get('status'));
  const from = query.get('from') ?? '';
  if (!STATUSES.has(status) || !from.startsWith('/')) return null;
  if (status === 410) return { from, status, location: null };
  const target = query.get('to') ?? '';
  if (!isAllowedRuleLocation(target)) return null;
  return { from, status, location: target };
}
