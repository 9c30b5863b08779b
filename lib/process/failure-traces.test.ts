import { describe, expect, it, vi } from 'vitest';
import {
  WordPressInvalidResponseError,
  WordPressNotFoundError,
  WordPressUnavailableError,
} from '@/lib/wordpress';
import { isReportedWordPressFailure, silenceReportedWordPressFailures } from './failure-traces';

describe('failure traces', () => {
  it('recognises the failures the transport reports, by name, across bundles', () => {
    expect(isReportedWordPressFailure(new WordPressUnavailableError('down', '/wp/v2/posts', 503))).toBe(true);
    expect(isReportedWordPressFailure(new WordPressInvalidResponseError('garbage', '/wp/v2/posts'))).toBe(
      true,
    );
    // Another bundle's copy of the class: same name, different constructor.
    const copy = Object.assign(new Error('down'), { name: 'WordPressUnavailableError' });
    expect(isReportedWordPressFailure(copy)).toBe(true);
    expect(isReportedWordPressFailure(new WordPressNotFoundError('none', '/wp/v2/posts'))).toBe(false);
    expect(isReportedWordPressFailure(new TypeError('x is undefined'))).toBe(false);
    expect(isReportedWordPressFailure('WordPressUnavailableError')).toBe(false);
  });

  it('drops their stack traces and prints everything else', () => {
    const print = vi.fn();
    const target = { error: print };
    silenceReportedWordPressFailures(target);
    target.error(new WordPressUnavailableError('down', '/wp/v2/posts', 503));
    target.error('Failed to render', new WordPressInvalidResponseError('garbage', '/'));
    const bug = new TypeError('x is undefined');
    target.error(bug);
    target.error('plain message', 42);
    expect(print.mock.calls).toEqual([[bug], ['plain message', 42]]);
  });

  it('reports failed background refreshes in one line per kind and minute, without the stack', () => {
    const print = vi.fn();
    let clock = 0;
    const target = { error: print };
    silenceReportedWordPressFailures(target, () => clock);
    const refreshFailure = (code: string) =>
      new TypeError('fetch failed', { cause: Object.assign(new Error('Headers Timeout Error'), { code }) });
    target.error(refreshFailure('UND_ERR_HEADERS_TIMEOUT'));
    target.error(refreshFailure('UND_ERR_HEADERS_TIMEOUT'));
    target.error(refreshFailure('ECONNRESET'));
    clock = 61_000;
    target.error(refreshFailure('UND_ERR_HEADERS_TIMEOUT'));
    target.error(new TypeError('fetch failed'));
    const lines = print.mock.calls.map(([first]) => (typeof first === 'string' ? first : 'an error object'));
    expect(lines).toEqual([
      expect.stringMatching(/^\[wordpress\] refreshing .* \(fetch failed: UND_ERR_HEADERS_TIMEOUT\)/),
      expect.stringContaining('ECONNRESET'),
      expect.stringContaining('UND_ERR_HEADERS_TIMEOUT'),
      // Without a network cause it is not a refresh failure we know: printed as it is.
      'an error object',
    ]);
  });
});
