import { describe, expect, it } from 'vitest';
import { isAllowedRuleLocation, readRuleAnswerAddress, ruleAnswerAddress } from './rule-answers.mjs';

describe('rule-answer addresses', () => {
  it.each([
    [301, '/new-story/'],
    [302, '/2026/'],
    [307, 'https://newsletter.example.org/sign-up/?a=1&b=2'],
    [308, '/contact/'],
  ])('carry a %i to %s from the page to the server unchanged', (status, location) => {
    const address = ruleAnswerAddress({ from: '/old/ünïcode path/', status, location });
    expect(address.startsWith('/api/redirect/?')).toBe(true);
    expect(readRuleAnswerAddress(address)).toEqual({ from: '/old/ünïcode path/', status, location });
  });

  it('carry a 410 without a target', () => {
    const address = ruleAnswerAddress({ from: '/withdrawn/', status: 410, location: '/ignored/' });
    expect(address).not.toContain('to=');
    expect(readRuleAnswerAddress(address)).toEqual({ from: '/withdrawn/', status: 410, location: null });
  });

  it.each([
    undefined,
    null,
    '/some/page/',
    'https://example.org/api/redirect/?from=%2Fa%2F&status=301&to=%2Fb%2F',
    '/api/redirect/?from=%2Fa%2F&status=200&to=%2Fb%2F',
    '/api/redirect/?from=%2Fa%2F&status=303&to=%2Fb%2F',
    '/api/redirect/?from=a&status=301&to=%2Fb%2F',
    '/api/redirect/?from=%2Fa%2F&status=301',
    '/api/redirect/?from=%2Fa%2F&status=301&to=%2F%2Fevil.example%2F',
    '/api/redirect/?from=%2Fa%2F&status=301&to=javascript%3Aalert(1)',
    '/api/redirect/?from=%2Fa%2F&status=301&to=%2Fa%0D%0ASet-Cookie%3A%20x%3Dy',
  ])('read anything else, or a status or target no rule has, as nothing: %s', (location) => {
    expect(readRuleAnswerAddress(location)).toBeNull();
  });
});

describe('isAllowedRuleLocation', () => {
  it.each(['/', '/a/b/?c=d', 'https://other.example/x', 'http://other.example'])('allows %s', (location) => {
    expect(isAllowedRuleLocation(location)).toBe(true);
  });
  it.each(['//evil.example/', '/\\evil.example/', 'evil.example', 'ftp://x/', 'https:///x', '/a b', ''])(
    'refuses %j',
    (location) => {
      expect(isAllowedRuleLocation(location)).toBe(false);
    },
  );
});
