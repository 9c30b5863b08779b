import { describe, expect, it } from 'vitest';
import { absolutizeUrls, feedContentHtml } from './content';
import { singleAddress } from '@/lib/wordpress';

const urls = { siteUrl: 'https://www.example.com', addresses: singleAddress('https://cms.example.com/blog') };
const postPath = '/2024/04/02/salt-roads/';

describe('absolutizeUrls', () => {
  it('sends WordPress’s files to the WordPress Address and relative media to the post on the Site Address', () => {
    const headless = {
      siteUrl: 'https://www.example.com',
      addresses: {
        home: 'https://example.org/en',
        wordpressAddress: 'https://cms.example.org',
        wordpressUrl: 'http://wordpress:8080',
      },
    };
    expect(
      feedContentHtml(
        '<a href="https://example.org/en/about/">a</a><a href="/wp-content/uploads/report.pdf">b</a><video src="clip.mp4"></video>',
        postPath,
        headless,
      ),
    ).toBe(
      '<a href="https://www.example.com/about/">a</a>' +
        '<a href="https://cms.example.org/wp-content/uploads/report.pdf">b</a>' +
        '<video src="https://example.org/en/2024/04/02/salt-roads/clip.mp4"></video>',
    );
  });

  it('sends frontend paths to SITE_URL and fragments and relative links to the post', () => {
    const html =
      '<a href="/about/">About</a><a href="#fn1">1</a><a href="?replytocom=3">r</a><a href="notes/">n</a>' +
      '<blockquote cite="/quotes/"><p>q</p></blockquote>';
    expect(absolutizeUrls(html, postPath, urls)).toBe(
      '<a href="https://www.example.com/about/">About</a>' +
        '<a href="https://www.example.com/2024/04/02/salt-roads/#fn1">1</a>' +
        '<a href="https://www.example.com/2024/04/02/salt-roads/?replytocom=3">r</a>' +
        '<a href="https://www.example.com/2024/04/02/salt-roads/notes/">n</a>' +
        '<blockquote cite="https://www.example.com/quotes/"><p>q</p></blockquote>',
    );
  });

  it('leaves WordPress’s files, media and absolute URLs on WordPress', () => {
    const html =
      '<a href="/wp-content/uploads/report.pdf">PDF</a><a href="/wp-login.php">in</a>' +
      '<img src="/wp-content/uploads/a.jpg" srcset="/wp-content/uploads/a-300.jpg 300w, https://cdn.example.net/a.jpg 1024w">' +
      '<video src="clip.mp4" poster="//cdn.example.net/p.jpg"></video>' +
      '<a href="https://elsewhere.example/">x</a><a href="mailto:ed@example.com">m</a>';
    expect(absolutizeUrls(html, postPath, urls)).toBe(
      '<a href="https://cms.example.com/wp-content/uploads/report.pdf">PDF</a>' +
        '<a href="https://cms.example.com/wp-login.php">in</a>' +
        '<img src="https://cms.example.com/wp-content/uploads/a.jpg" srcset="https://cms.example.com/wp-content/uploads/a-300.jpg 300w, https://cdn.example.net/a.jpg 1024w" />' +
        '<video src="https://cms.example.com/blog/2024/04/02/salt-roads/clip.mp4" poster="https://cdn.example.net/p.jpg"></video>' +
        '<a href="https://elsewhere.example/">x</a><a href="mailto:ed@example.com">m</a>',
    );
  });

  it('keeps everything else as it was, and never lets a script through', () => {
    const html =
      '<figure class="wp-block-image"><figcaption>Cap &amp; tion</figcaption></figure><script>alert(1)</script>';
    expect(absolutizeUrls(html, postPath, urls)).toBe(
      '<figure class="wp-block-image"><figcaption>Cap &amp; tion</figcaption></figure>',
    );
  });
});

describe('feedContentHtml', () => {
  it('sanitises as the site does, then makes URLs absolute', () => {
    const html =
      '<p onclick="steal()">Hi <a href="https://cms.example.com/blog/about/">about</a></p>' +
      '<script>alert(1)</script><iframe src="https://evil.example/"></iframe><a href="javascript:alert(1)">x</a>';
    const out = feedContentHtml(html, postPath, urls);
    expect(out).toContain('<a href="https://www.example.com/about/">about</a>');
    expect(out).not.toMatch(/onclick|<script|<iframe|javascript:/);
  });
});
