import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EMBED_PROVIDERS as SANITISER_EMBED_PROVIDERS } from '../lib/content/sanitize';
import { EMBED_PROVIDERS, contentSecurityPolicy, inlineScriptHashes, isHtml } from './security-headers.mjs';

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('inlineScriptHashes', () => {
  it('hashes each inline executable script exactly as written, entities and all', () => {
    const first = 'self.__next_f.push([1,"a &amp; b <\\/div>"])';
    const second = 'document.documentElement.dataset.js = "on";';
    const html = `<!DOCTYPE html><html><head><script>${first}</script>
      <script src="/_next/static/chunks/main.js" async></script>
      <script type="application/ld+json">{"@context":"https://schema.org"}</script></head>
      <body><script type="module">${second}</script><script>${first}</script></body></html>`;
    expect(inlineScriptHashes(html)).toEqual([sha256(first), sha256(second)]);
  });

  it('allows Next’s top-level scripts only, never a script inside the page’s elements', () => {
    const flight = 'self.__next_f.push([1,"content"])';
    const injected = 'window.__pwned_content=1';
    const html = `<!DOCTYPE html><html><head></head><body><div class="site"><main id="main"><article>
      <div class="article__content entry-content"><p>Tides</p><script>${injected}</script>
      <figure><script type="module">${injected}</script></figure></div></article></main>
      <footer><script>${injected}</script></footer></div><script>${flight}</script></body></html>`;
    expect(inlineScriptHashes(html)).toEqual([sha256(flight)]);
  });

  it('finds nothing to allow in a page without inline scripts', () => {
    expect(inlineScriptHashes('<p>Plain <b>text</b></p>')).toEqual([]);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows the site’s own scripts and the hashed inline ones, never inline code in general', () => {
    const policy = contentSecurityPolicy({
      scriptHashes: ["'sha256-abc='"],
      mediaOrigin: 'https://cms.example.com',
    });
    const scriptSrc = policy.split('; ').find((directive) => directive.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self' 'sha256-abc='");
    expect(policy).not.toMatch(/unsafe-eval/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
    expect(policy).toContain("frame-ancestors 'self'");
    expect(policy).toContain('https://cms.example.com');
  });

  it('allows frames from the content sanitiser’s embed providers only', () => {
    const policy = contentSecurityPolicy({ scriptHashes: [] });
    const frameSrc = policy.split('; ').find((directive) => directive.startsWith('frame-src'));
    expect(EMBED_PROVIDERS).toEqual(SANITISER_EMBED_PROVIDERS);
    expect(frameSrc).toBe(
      `frame-src ${SANITISER_EMBED_PROVIDERS.map((host) => `https://${host}`).join(' ')}`,
    );
    expect(frameSrc).not.toMatch(/ https:( |$)/);
  });

  it('recognises HTML documents only', () => {
    expect(isHtml('text/html; charset=utf-8')).toBe(true);
    expect(isHtml('application/rss+xml')).toBe(false);
    expect(isHtml(undefined)).toBe(false);
  });
});
