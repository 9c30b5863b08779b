import { describe, it, expect } from 'vitest';
import {
  isPlausibleSlug,
  isSitePath,
  isWordPressFilePath,
  parsePathSegments,
  pathFromSegments,
  pathFromWordPressLink,
  samePath,
  singleAddress,
  type SiteAddresses,
} from './paths';

const HOME = singleAddress('http://wp.example.test');

describe('pathFromWordPressLink', () => {
  it('gives the path of a link on the WordPress origin', () => {
    expect(
      pathFromWordPressLink('http://wp.example.test/2024/03/05/the-last-keeper-of-gull-rock/', HOME),
    ).toBe('/2024/03/05/the-last-keeper-of-gull-rock/');
    expect(pathFromWordPressLink('http://wp.example.test/', HOME)).toBe('/');
    expect(
      pathFromWordPressLink(
        'http://wp.example.test/about/masthead/',
        singleAddress('http://wp.example.test/'),
      ),
    ).toBe('/about/masthead/');
  });

  it('keeps the query string (plain permalinks)', () => {
    expect(pathFromWordPressLink('http://wp.example.test/?p=412', HOME)).toBe('/?p=412');
    expect(pathFromWordPressLink('http://wp.example.test/?page_id=57&preview=true', HOME)).toBe(
      '/?page_id=57&preview=true',
    );
  });

  it('returns null for other origins, schemes and ports', () => {
    expect(pathFromWordPressLink('https://archive.example.org/gull-rock/', HOME)).toBeNull();
    expect(pathFromWordPressLink('https://wp.example.test/about/', HOME)).toBeNull();
    expect(pathFromWordPressLink('http://wp.example.test:8080/about/', HOME)).toBeNull();
    expect(pathFromWordPressLink('http://cdn.wp.example.test/about/', HOME)).toBeNull();
  });

  it('returns null for things that are not absolute URLs', () => {
    expect(pathFromWordPressLink('/about/', HOME)).toBeNull();
    expect(pathFromWordPressLink('not a link', HOME)).toBeNull();
    expect(pathFromWordPressLink('', HOME)).toBeNull();
    expect(pathFromWordPressLink('javascript://wp.example.test/%0Aalert(1)', HOME)).toBeNull();
  });

  it('gives paths relative to a sub-folder install', () => {
    const home = singleAddress('http://wp.example.test/blog');
    expect(pathFromWordPressLink('http://wp.example.test/blog/2024/04/02/salt-roads/', home)).toBe(
      '/2024/04/02/salt-roads/',
    );
    expect(pathFromWordPressLink('http://wp.example.test/blog/', home)).toBe('/');
    expect(pathFromWordPressLink('http://wp.example.test/blog/?p=12', home)).toBe('/?p=12');
  });

  it('returns null for links outside the sub-folder, including look-alike prefixes', () => {
    const home = singleAddress('http://wp.example.test/blog');
    expect(pathFromWordPressLink('http://wp.example.test/shop/', home)).toBeNull();
    expect(pathFromWordPressLink('http://wp.example.test/blogroll/', home)).toBeNull();
  });

  it('maps the sub-folder home itself, without its trailing slash, to /', () => {
    expect(
      pathFromWordPressLink('http://wp.example.test/blog', singleAddress('http://wp.example.test/blog')),
    ).toBe('/');
  });

  it('leaves WordPress’s files where they are', () => {
    for (const link of [
      'http://wp.example.test/wp-content/uploads/2024/05/pier.jpg',
      'http://wp.example.test/wp-includes/js/jquery.js',
      'http://wp.example.test/wp-admin/',
      'http://wp.example.test/wp-json/wp/v2/posts',
      'http://wp.example.test/wp-login.php?action=lostpassword',
      'http://wp.example.test/xmlrpc.php',
    ]) {
      expect(pathFromWordPressLink(link, HOME), link).toBeNull();
    }
  });
});

/**
 * The supported ways a WordPress's addresses relate to each other and to this frontend
 * (SITE_URL is https://www.example.com throughout), with links as WordPress writes them.
 */
const ADDRESS_CASES: { label: string; addresses: SiteAddresses; elsewhere: string[] }[] = [
  {
    label: 'the Site Address is WORDPRESS_URL',
    addresses: singleAddress('https://cms.example.com'),
    elsewhere: ['https://www.example.com/my-post/'],
  },
  {
    label: 'the Site Address is on another origin',
    addresses: {
      home: 'https://www.example.org',
      wordpressAddress: 'https://cms.example.org',
      wordpressUrl: 'http://wordpress:8080',
    },
    elsewhere: ['https://example.org/my-post/', 'https://www.example.org:8443/my-post/'],
  },
  {
    label: 'the Site Address is in a sub-folder of another origin',
    addresses: {
      home: 'https://example.org/en',
      wordpressAddress: 'https://cms.example.org',
      wordpressUrl: 'http://wordpress:8080',
    },
    elsewhere: [
      'https://example.org/fr/my-post/',
      'https://example.org/english/',
      'https://example.org/my-post/',
    ],
  },
  {
    label: 'the Site Address is SITE_URL',
    addresses: {
      home: 'https://www.example.com',
      wordpressAddress: 'https://cms.example.com',
      wordpressUrl: 'https://cms.example.com',
    },
    elsewhere: ['https://example.com/my-post/'],
  },
  {
    label: 'WordPress has its own directory under the Site Address',
    addresses: {
      home: 'https://example.org',
      wordpressAddress: 'https://example.org/wp',
      wordpressUrl: 'https://example.org/wp',
    },
    elsewhere: ['https://cms.example.org/my-post/'],
  },
];

describe.each(ADDRESS_CASES)('pathFromWordPressLink when $label', ({ addresses, elsewhere }) => {
  const home = addresses.home.replace(/\/+$/, '');

  it('maps links under the Site Address to the path after it', () => {
    expect(pathFromWordPressLink(`${home}/my-post/`, addresses)).toBe('/my-post/');
    expect(pathFromWordPressLink(`${home}/2024/07/07/a-bakery/`, addresses)).toBe('/2024/07/07/a-bakery/');
    expect(pathFromWordPressLink(`${home}/category/news/local/`, addresses)).toBe('/category/news/local/');
    expect(pathFromWordPressLink(`${home}/caf%C3%A9/#comments`, addresses)).toBe('/caf%C3%A9/#comments');
    expect(pathFromWordPressLink(`${home}/`, addresses)).toBe('/');
    expect(pathFromWordPressLink(home, addresses)).toBe('/');
  });

  it('keeps WordPress’s plain links (?p=, ?page_id=) on the front page path, as WordPress writes them', () => {
    expect(pathFromWordPressLink(`${home}/?p=412`, addresses)).toBe('/?p=412');
    expect(pathFromWordPressLink(`${home}/?page_id=57`, addresses)).toBe('/?page_id=57');
  });

  it('leaves media and WordPress’s own files on the WordPress Address', () => {
    const wordpress = addresses.wordpressAddress.replace(/\/+$/, '');
    for (const link of [
      `${wordpress}/wp-content/uploads/2024/05/pier.jpg`,
      `${wordpress}/wp-admin/post.php?post=4&action=edit`,
      `${wordpress}/wp-login.php`,
      `${home}/wp-content/uploads/2024/05/pier.jpg`,
    ]) {
      expect(pathFromWordPressLink(link, addresses), link).toBeNull();
    }
  });

  it('maps a link an editor pasted from WORDPRESS_URL to the same page', () => {
    const wordpressUrl = addresses.wordpressUrl.replace(/\/+$/, '');
    if (new URL(wordpressUrl).origin === new URL(home).origin) return;
    expect(pathFromWordPressLink(`${wordpressUrl}/my-post/`, addresses)).toBe('/my-post/');
  });

  it('returns null for links to other sites and other folders', () => {
    for (const link of elsewhere) expect(pathFromWordPressLink(link, addresses), link).toBeNull();
  });

  it('never gives a path a browser would read as another host', () => {
    expect(pathFromWordPressLink(`${home}//evil.example/x`, addresses)).toBe('/evil.example/x');
    expect(pathFromWordPressLink(`${home}/\\evil.example/x`, addresses)).toBe('/evil.example/x');
    expect(pathFromWordPressLink(`${home}/\\/\\evil.example/`, addresses)).toBe('/evil.example/');
    expect(pathFromWordPressLink(`${home}///evil.example?x=1`, addresses)).toBe('/evil.example?x=1');
  });
});

describe('isSitePath', () => {
  it('accepts paths of this site', () => {
    for (const path of ['/', '/my-post/', '/?p=1', '/caf%C3%A9/', '/a//b/'])
      expect(isSitePath(path), path).toBe(true);
  });

  it('refuses what a browser would read as another host, and anything not a plain path', () => {
    for (const path of [
      '//evil.example/',
      '/\\evil.example/',
      '\\\\evil.example/',
      'https://evil.example/',
      'evil.example',
      '',
      '/\tevil',
      '/a b/',
      '/x\r\nSet-Cookie: a=b',
    ]) {
      expect(isSitePath(path), JSON.stringify(path)).toBe(false);
    }
  });
});

describe('isWordPressFilePath', () => {
  it('tells WordPress’s files from pages, wherever WordPress is installed', () => {
    expect(isWordPressFilePath('/wp-content/uploads/a.jpg')).toBe(true);
    expect(isWordPressFilePath('/wp/wp-admin/')).toBe(true);
    expect(isWordPressFilePath('/wp-login.php?redirect_to=/')).toBe(true);
    expect(isWordPressFilePath('/my-post/?ref=index.php')).toBe(false);
    expect(isWordPressFilePath('/my-wp-content-story/')).toBe(false);
    expect(isWordPressFilePath('/')).toBe(false);
  });
});

describe('parsePathSegments', () => {
  it('decodes plain and percent-encoded segments', () => {
    expect(parsePathSegments(['2024', '03', '05', 'the-last-keeper-of-gull-rock'])).toEqual([
      '2024',
      '03',
      '05',
      'the-last-keeper-of-gull-rock',
    ]);
    expect(parsePathSegments(['caf%C3%A9'])).toEqual(['café']);
    expect(parsePathSegments(['caf%c3%a9'])).toEqual(['café']);
    expect(parsePathSegments(['café'])).toEqual(['café']);
    expect(parsePathSegments(['%E6%97%A5%E6%9C%AC'])).toEqual(['日本']);
    expect(parsePathSegments(['about', 'under_score.v2~'])).toEqual(['about', 'under_score.v2~']);
  });

  it('accepts slugs in scripts that use combining marks (Devanagari)', () => {
    expect(parsePathSegments(['%E0%A4%A8%E0%A4%AE%E0%A4%B8%E0%A5%8D%E0%A4%A4%E0%A5%87'])).toEqual(['नमस्ते']);
    expect(parsePathSegments(['नमस्ते'])).toEqual(['नमस्ते']);
  });

  it.each([
    ['a dot-dot segment', ['..']],
    ['a dot segment', ['about', '.']],
    ['an encoded dot-dot', ['%2E%2E']],
    ['an encoded slash', ['a%2Fb']],
    ['an encoded lower-case slash', ['a%2fb']],
    ['an encoded backslash', ['a%5Cb']],
    ['malformed percent-encoding', ['%E0%A4%A']],
    ['a lone percent sign', ['100%']],
    ['a NUL byte', ['a%00b']],
    ['a newline', ['a%0Ab']],
    ['a raw control character', ['a\u0007b']],
    ['a space', ['a%20b']],
    ['an empty segment', ['about', '']],
    ['no segments', []],
  ])('rejects %s', (_label, segments) => {
    expect(parsePathSegments(segments)).toBeNull();
  });

  it('accepts a slug up to 200 encoded characters and rejects one beyond', () => {
    expect(parsePathSegments(['a'.repeat(200)])).toEqual(['a'.repeat(200)]);
    expect(parsePathSegments(['a'.repeat(201)])).toBeNull();
    // "é" is six characters once encoded: 33 of them make 198, 34 make 204.
    expect(parsePathSegments(['%C3%A9'.repeat(33)])).toEqual(['é'.repeat(33)]);
    expect(parsePathSegments(['%C3%A9'.repeat(34)])).toBeNull();
  });

  it('accepts up to 12 segments and rejects more', () => {
    expect(parsePathSegments(Array.from({ length: 12 }, () => 'a'))).toHaveLength(12);
    expect(parsePathSegments(Array.from({ length: 13 }, () => 'a'))).toBeNull();
  });
});

describe('isPlausibleSlug', () => {
  it('accepts WordPress-style slugs and refuses others', () => {
    expect(isPlausibleSlug('salt-roads')).toBe(true);
    expect(isPlausibleSlug('café')).toBe(true);
    expect(isPlausibleSlug('..')).toBe(false);
    expect(isPlausibleSlug('a/b')).toBe(false);
    expect(isPlausibleSlug('<script>')).toBe(false);
    expect(isPlausibleSlug('')).toBe(false);
  });
});

describe('pathFromSegments', () => {
  it('encodes segments and adds WordPress’s trailing slash', () => {
    expect(pathFromSegments(['about', 'masthead'])).toBe('/about/masthead/');
    expect(pathFromSegments(['café'])).toBe('/caf%C3%A9/');
  });
});

describe('samePath', () => {
  it('ignores a trailing slash', () => {
    expect(samePath('/about/masthead/', '/about/masthead')).toBe(true);
  });

  it('ignores percent-encoding case and encoding itself', () => {
    expect(samePath('/caf%c3%a9/', '/caf%C3%A9/')).toBe(true);
    expect(samePath('/café/', '/caf%C3%A9/')).toBe(true);
  });

  it('tells different paths apart', () => {
    expect(samePath('/salt-roads/', '/2024/04/02/salt-roads/')).toBe(false);
    expect(samePath('/about/', '/about/masthead/')).toBe(false);
  });

  it('does not throw on malformed encoding', () => {
    expect(samePath('/%E0%A4%A/', '/%E0%A4%A/')).toBe(true);
    expect(samePath('/%E0%A4%A/', '/other/')).toBe(false);
  });

  it('does not treat paths differing in letter case as the same', () => {
    expect(samePath('/Salt-Roads/', '/salt-roads/')).toBe(false);
  });
});
