import { describe, expect, it } from 'vitest';
import { isCrossSiteRequest } from './request-origin';

const SITE = 'https://www.example.com';
const crossSite = (headers: Record<string, string>) => isCrossSiteRequest(new Headers(headers), SITE);

describe('isCrossSiteRequest', () => {
  it("refuses what the browser calls cross-site, and an Origin that is neither the site's nor the host's", () => {
    expect(crossSite({ 'sec-fetch-site': 'cross-site' })).toBe(true);
    expect(crossSite({ 'sec-fetch-site': 'cross-site', origin: SITE, host: 'www.example.com' })).toBe(true);
    expect(crossSite({ origin: 'https://evil.example.net', host: 'www.example.com' })).toBe(true);
    expect(crossSite({ origin: 'https://www.example.com.evil.example.net', host: 'www.example.com' })).toBe(
      true,
    );
    // A sibling host of the same site is another origin: the form never posts from there.
    expect(
      crossSite({
        'sec-fetch-site': 'same-site',
        origin: 'https://cms.example.com',
        host: 'www.example.com',
      }),
    ).toBe(true);
    expect(crossSite({ origin: 'null', host: 'www.example.com' })).toBe(true);
  });

  it('allows the site itself, the host the request was sent to, and clients that send neither header', () => {
    expect(crossSite({ 'sec-fetch-site': 'same-origin', origin: SITE, host: 'internal:3000' })).toBe(false);
    expect(crossSite({ origin: 'http://127.0.0.1:3100', host: '127.0.0.1:3100' })).toBe(false);
    expect(crossSite({ 'sec-fetch-site': 'none' })).toBe(false);
    expect(crossSite({})).toBe(false);
  });
});
