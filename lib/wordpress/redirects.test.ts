import { describe, expect, it, vi } from 'vitest';
import { singleAddress, type SiteAddresses } from './paths';
import { compileRedirectRules, matchRedirect } from './redirects';

/** A rule as Redirection's REST API lists it. */
function rule(id: number, url: string, code: number, target: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    url,
    match_url: url,
    match_data: {
      source: { flag_query: 'exact', flag_case: false, flag_trailing: false, flag_regex: false },
    },
    action_code: code,
    action_type: code === 410 ? 'error' : 'url',
    action_data: code === 410 ? null : { url: target },
    match_type: 'url',
    title: '',
    hits: 0,
    regex: false,
    group_id: 1,
    position: id,
    last_access: '-',
    enabled: true,
    ...extra,
  };
}

const HOME = singleAddress('https://news.example');
const SUB_FOLDER: SiteAddresses = {
  home: 'https://example.org/en',
  wordpressAddress: 'https://cms.example.org',
  wordpressUrl: 'http://wordpress.internal',
};

function matcher(items: unknown[], addresses: SiteAddresses = HOME) {
  const log = vi.fn();
  const rules = compileRedirectRules(items, log);
  return { log, match: (path: string) => matchRedirect(rules, path, addresses, log) };
}

describe('Redirection rules at the frontend', () => {
  it('honours exact rules with their own status: 301, 302, 307, 308, or gone for 410', () => {
    const { match } = matcher([
      rule(1, '/old-story/', 301, '/new-story/'),
      rule(2, '/Promo', 302, 'https://news.example/offers/'),
      rule(3, '/newsletter/', 307, 'https://letters.example/sign-up'),
      rule(4, '/contact-us/', 308, '/contact/'),
      rule(5, '/withdrawn/', 410, ''),
    ]);
    expect(match('/old-story/')).toEqual({ kind: 'redirect', location: '/new-story/', status: 301 });
    // Redirection matches without regard to case or a trailing slash unless told otherwise.
    expect(match('/promo/')).toEqual({ kind: 'redirect', location: '/offers/', status: 302 });
    expect(match('/newsletter/')).toEqual({
      kind: 'redirect',
      location: 'https://letters.example/sign-up',
      status: 307,
    });
    expect(match('/contact-us/')).toEqual({ kind: 'redirect', location: '/contact/', status: 308 });
    expect(match('/withdrawn/')).toEqual({ kind: 'gone' });
    expect(match('/elsewhere/')).toBeNull();
  });

  it('fills a regular expression’s captures into its target; the first matching rule wins', () => {
    const { match } = matcher([
      rule(1, '^/archive/(\\d{4})/(\\d{2})/?$', 301, '/$1/$2/', { regex: true }),
      rule(2, '^/archive/.*', 302, '/', { regex: true }),
    ]);
    expect(match('/archive/2025/11/')).toEqual({ kind: 'redirect', location: '/2025/11/', status: 301 });
    expect(match('/archive/anything/')).toEqual({ kind: 'redirect', location: '/', status: 302 });
  });

  it('reads sources and targets against a Site Address in a sub-folder', () => {
    const { match } = matcher(
      [
        rule(1, '/en/old/', 301, 'https://example.org/en/new/'),
        rule(2, '/en/away/', 301, 'https://example.org/fr/'),
      ],
      SUB_FOLDER,
    );
    expect(match('/old/')).toEqual({ kind: 'redirect', location: '/new/', status: 301 });
    // Another folder of the same origin is another site: the target stays absolute.
    expect(match('/away/')).toEqual({
      kind: 'redirect',
      location: 'https://example.org/fr/',
      status: 301,
    });
  });

  it('ignores a loop with one log line, and a rule that targets itself', () => {
    const { match, log } = matcher([
      rule(1, '/loop-a/', 301, '/loop-b/'),
      rule(2, '/loop-b/', 301, '/loop-a/'),
      rule(3, '/self/', 302, '/self'),
    ]);
    expect(match('/loop-a/')).toBeNull();
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toMatch(/redirect #1: \/loop-a\/ leads back to itself/);
    expect(match('/self/')).toBeNull();
  });

  it('leaves out a regular expression that does not compile, disabled rules and other kinds, with one log line', () => {
    const { match, log } = matcher([
      rule(1, '^/broken/(', 301, '/x/', { regex: true }),
      rule(2, '/disabled/', 301, '/x/', { enabled: false }),
      rule(3, '/by-cookie/', 301, '/x/', { match_type: 'cookie' }),
      rule(4, '/pass/', 200, '/x/', { action_type: 'pass' }),
      { id: 'not a rule' },
      rule(5, '/script/', 301, 'javascript:alert(1)'),
    ]);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toMatch(/redirect #1: its regular expression .* does not compile/);
    for (const path of ['/broken/(/', '/disabled/', '/by-cookie/', '/pass/', '/script/']) {
      expect(match(path), path).toBeNull();
    }
  });
});
