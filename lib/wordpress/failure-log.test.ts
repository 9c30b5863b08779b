import { describe, expect, it } from 'vitest';
import { endpointKey } from './failure-log';

describe('endpointKey', () => {
  it('generalises ids so one failing endpoint is one episode', () => {
    expect(endpointKey('/wp/v2/posts/412')).toBe('/wp/v2/posts/{id}');
    expect(endpointKey('/wp/v2/posts/412/autosaves')).toBe('/wp/v2/posts/{id}/autosaves');
    expect(endpointKey('/wp/v2/posts')).toBe('/wp/v2/posts');
    expect(endpointKey('/wp/v2')).toBe('/wp/v2');
    expect(endpointKey('/')).toBe('/');
  });
});
