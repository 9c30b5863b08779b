import { describe, it, expect } from 'vitest';
import { ConfigurationError, EMBEDDED_WORDPRESS_URL, parseConfig } from './config';

/** The ConfigurationError parseConfig throws for this environment (fails the test if none). */
function configurationError(environment: Record<string, string | undefined>): ConfigurationError {
  try {
    parseConfig(environment);
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw new Error(`expected a ConfigurationError, got ${String(error)}`);
  }
  throw new Error('expected parseConfig to throw a ConfigurationError, but it returned');
}

describe('BROADSHEET_SECRET', () => {
  it('is kept when long enough and refused, naming the variable, when too short', () => {
    expect(parseConfig({ BROADSHEET_SECRET: 'x'.repeat(32) }).sharedSecret).toBe('x'.repeat(32));
    expect(() => parseConfig({ BROADSHEET_SECRET: 'short' })).toThrow(
      /BROADSHEET_SECRET must be at least 16/,
    );
  });
});

describe('parseConfig defaults', () => {
  it('uses the embedded WordPress and development defaults when nothing is set', () => {
    expect(parseConfig({})).toEqual({
      wordpressUrl: EMBEDDED_WORDPRESS_URL,
      siteUrl: 'http://localhost:3000',
      wordpressTimeoutMs: 8000,
      wordpressMaxConnections: 8,
      revalidateSeconds: 3600,
      sharedSecret: null,
      trustProxy: false,
      previewCredentials: null,
    });
    expect(EMBEDDED_WORDPRESS_URL).toBe('http://127.0.0.1:9400');
  });

  it('trusts X-Forwarded-For only when TRUST_PROXY=true', () => {
    expect(parseConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(parseConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(() => parseConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY must be true or false/);
  });

  it('defaults SITE_URL outside production (development, test)', () => {
    expect(parseConfig({ NODE_ENV: 'development' }).siteUrl).toBe('http://localhost:3000');
    expect(parseConfig({ NODE_ENV: 'test' }).siteUrl).toBe('http://localhost:3000');
  });

  it('refuses to start in production without SITE_URL, naming SITE_URL and an example', () => {
    const error = configurationError({ NODE_ENV: 'production', WORDPRESS_URL: 'https://cms.example.com' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ConfigurationError');
    expect(error.message).toContain('SITE_URL');
    expect(error.message).toContain('SITE_URL=https://www.example.com');
    expect(error.message).not.toContain('WORDPRESS_URL');
  });

  it('accepts production with SITE_URL set', () => {
    const config = parseConfig({
      NODE_ENV: 'production',
      SITE_URL: 'https://lantern.example.com',
      WORDPRESS_URL: 'https://cms.lantern.example.com',
    });
    expect(config.siteUrl).toBe('https://lantern.example.com');
    expect(config.wordpressUrl).toBe('https://cms.lantern.example.com');
  });
});

describe('parseConfig URLs', () => {
  it('trims trailing slashes and surrounding whitespace', () => {
    const config = parseConfig({
      WORDPRESS_URL: '  http://wp.example.test/  ',
      SITE_URL: 'https://lantern.example.com//',
    });
    expect(config.wordpressUrl).toBe('http://wp.example.test');
    expect(config.siteUrl).toBe('https://lantern.example.com');
  });

  it('keeps the sub-folder WordPress is installed in', () => {
    expect(parseConfig({ WORDPRESS_URL: 'http://wp.example.test/blog/' }).wordpressUrl).toBe(
      'http://wp.example.test/blog',
    );
    expect(parseConfig({ WORDPRESS_URL: 'https://cms.example.com/news/wp' }).wordpressUrl).toBe(
      'https://cms.example.com/news/wp',
    );
  });

  it('keeps a non-default port', () => {
    expect(parseConfig({ WORDPRESS_URL: 'http://127.0.0.1:8881/' }).wordpressUrl).toBe(
      'http://127.0.0.1:8881',
    );
  });

  it('rejects a malformed URL, naming the variable and an example', () => {
    const error = configurationError({ WORDPRESS_URL: 'wp.example.test' });
    expect(error.message).toContain('WORDPRESS_URL must be an absolute URL');
    expect(error.message).toContain('e.g. https://cms.example.com');
  });

  it('rejects a scheme other than http or https', () => {
    for (const value of ['ftp://wp.example.test', 'file:///var/www/wordpress']) {
      const error = configurationError({ WORDPRESS_URL: value });
      expect(error.message).toContain('WORDPRESS_URL must use http or https');
      expect(error.message).toContain('e.g. https://cms.example.com');
    }
  });

  it('rejects a query string or fragment', () => {
    const query = configurationError({ WORDPRESS_URL: 'http://wp.example.test/?lang=en' });
    expect(query.message).toContain('WORDPRESS_URL must not carry a query or fragment');
    expect(query.message).toContain('e.g. https://cms.example.com');
    const fragment = configurationError({ SITE_URL: 'https://lantern.example.com/#top' });
    expect(fragment.message).toContain('SITE_URL must not carry a query or fragment');
    expect(fragment.message).toContain('e.g. https://www.example.com');
  });

  it('names every variable that is wrong at once', () => {
    const error = configurationError({ WORDPRESS_URL: 'nope', SITE_URL: 'gopher://lantern.example.com' });
    expect(error.message).toContain('WORDPRESS_URL must be an absolute URL');
    expect(error.message).toContain('SITE_URL must use http or https');
  });
});

describe('parseConfig preview credentials', () => {
  it('returns both when both are set, trimmed', () => {
    expect(
      parseConfig({
        WORDPRESS_PREVIEW_USER: ' editor ',
        WORDPRESS_APPLICATION_PASSWORD: 'abcd efgh ijkl mnop',
      }).previewCredentials,
    ).toEqual({ user: 'editor', applicationPassword: 'abcd efgh ijkl mnop' });
  });

  it('fails for a preview user without a password, naming both variables', () => {
    const error = configurationError({ WORDPRESS_PREVIEW_USER: 'editor' });
    expect(error.message).toContain('WORDPRESS_PREVIEW_USER');
    expect(error.message).toContain('WORDPRESS_APPLICATION_PASSWORD');
  });

  it('fails for a password without a preview user', () => {
    const error = configurationError({ WORDPRESS_APPLICATION_PASSWORD: 'abcd efgh ijkl mnop' });
    expect(error.message).toContain('WORDPRESS_PREVIEW_USER');
  });
});

describe('parseConfig numbers', () => {
  it('reads whole numbers from strings', () => {
    const config = parseConfig({
      WORDPRESS_TIMEOUT_MS: '2500',
      WORDPRESS_MAX_CONNECTIONS: '2',
      REVALIDATE_SECONDS: '60',
    });
    expect(config.wordpressTimeoutMs).toBe(2500);
    expect(config.wordpressMaxConnections).toBe(2);
    expect(config.revalidateSeconds).toBe(60);
  });

  it('rejects zero and negative numbers, naming the variable and an example', () => {
    for (const value of ['0', '-5']) {
      const error = configurationError({ WORDPRESS_TIMEOUT_MS: value });
      expect(error.message).toContain('WORDPRESS_TIMEOUT_MS must be greater than zero');
      expect(error.message).toContain('e.g. 8000');
    }
    expect(configurationError({ REVALIDATE_SECONDS: '0' }).message).toContain('e.g. 3600');
    expect(configurationError({ WORDPRESS_MAX_CONNECTIONS: '0' }).message).toContain(
      'WORDPRESS_MAX_CONNECTIONS must be greater than zero, e.g. 8',
    );
  });

  it('rejects fractions', () => {
    const error = configurationError({ REVALIDATE_SECONDS: '1.5' });
    expect(error.message).toContain('REVALIDATE_SECONDS must be a whole number, e.g. 3600');
  });

  it('rejects text that is not a number with the "whole number" message, not "is not set"', () => {
    const error = configurationError({ WORDPRESS_TIMEOUT_MS: 'eight seconds' });
    expect(error.message).toContain('WORDPRESS_TIMEOUT_MS must be a whole number, e.g. 8000');
    expect(error.message).not.toContain('is not set');
  });
});

describe('parseConfig blank values', () => {
  it('treats empty strings as unset', () => {
    expect(
      parseConfig({
        WORDPRESS_URL: '',
        SITE_URL: '',
        WORDPRESS_TIMEOUT_MS: '',
        REVALIDATE_SECONDS: '',
        WORDPRESS_PREVIEW_USER: '',
        WORDPRESS_APPLICATION_PASSWORD: '',
      }),
    ).toEqual(parseConfig({}));
  });

  it('still requires SITE_URL in production when it is blank', () => {
    expect(configurationError({ NODE_ENV: 'production', SITE_URL: '' }).message).toContain('SITE_URL');
  });

  it('treats whitespace-only strings as unset too', () => {
    expect(
      parseConfig({
        WORDPRESS_URL: '   ',
        WORDPRESS_TIMEOUT_MS: ' ',
        WORDPRESS_PREVIEW_USER: '  ',
        WORDPRESS_APPLICATION_PASSWORD: '\t',
      }),
    ).toEqual(parseConfig({}));
  });
});
