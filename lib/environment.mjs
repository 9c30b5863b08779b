// The environment variables Broadsheet reads, validated in one place. Plain ESM JavaScript so
// that both the app (through lib/config.ts, which adds the types) and server.mjs, which Node runs
// directly, read them the same way, with the same defaults and the same messages.
import { z } from 'zod';

/** Where the embedded development WordPress answers when WORDPRESS_URL is not set. */
export const EMBEDDED_WORDPRESS_URL = 'http://127.0.0.1:9400';

export class ConfigurationError extends Error {
  name = 'ConfigurationError';
}

/** @param {string} variable @param {string} example */
const origin = (variable, example) =>
  z
    .string()
    .trim()
    .transform((value, context) => {
      let url;
      try {
        url = new URL(value);
      } catch {
        context.addIssue({ code: 'custom', message: `${variable} must be an absolute URL, e.g. ${example}` });
        return z.NEVER;
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        context.addIssue({ code: 'custom', message: `${variable} must use http or https, e.g. ${example}` });
        return z.NEVER;
      }
      if (url.search || url.hash) {
        context.addIssue({
          code: 'custom',
          message: `${variable} must not carry a query or fragment, e.g. ${example}`,
        });
        return z.NEVER;
      }
      // Kept without a trailing slash so paths can be appended directly.
      return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
    });

/** @param {string} variable @param {string} example */
const positiveInteger = (variable, example) =>
  z.coerce
    .number({ message: `${variable} must be a whole number, e.g. ${example}` })
    .int(`${variable} must be a whole number, e.g. ${example}`)
    .positive(`${variable} must be greater than zero, e.g. ${example}`);

const environmentSchema = z
  .object({
    WORDPRESS_URL: origin('WORDPRESS_URL', 'https://cms.example.com').default(EMBEDDED_WORDPRESS_URL),
    SITE_URL: origin('SITE_URL', 'https://www.example.com'),
    WORDPRESS_TIMEOUT_MS: positiveInteger('WORDPRESS_TIMEOUT_MS', '8000').default(8000),
    WORDPRESS_MAX_CONNECTIONS: positiveInteger('WORDPRESS_MAX_CONNECTIONS', '8').default(8),
    REVALIDATE_SECONDS: positiveInteger('REVALIDATE_SECONDS', '3600').default(3600),
    BROADSHEET_SECRET: z
      .string()
      .trim()
      .min(
        16,
        'BROADSHEET_SECRET must be at least 16 characters (32 or more recommended), e.g. the output of `openssl rand -hex 32`',
      )
      .optional(),
    TRUST_PROXY: z
      .enum(['true', 'false'], { message: 'TRUST_PROXY must be true or false, e.g. TRUST_PROXY=true' })
      .default('false'),
    WORDPRESS_PREVIEW_USER: z.string().trim().optional(),
    WORDPRESS_APPLICATION_PASSWORD: z.string().trim().optional(),
  })
  .refine((env) => Boolean(env.WORDPRESS_PREVIEW_USER) === Boolean(env.WORDPRESS_APPLICATION_PASSWORD), {
    message:
      'WORDPRESS_PREVIEW_USER and WORDPRESS_APPLICATION_PASSWORD go together: set both (an Editor and one of their Application Passwords, e.g. WORDPRESS_PREVIEW_USER=previews WORDPRESS_APPLICATION_PASSWORD="abcd efgh ijkl mnop qrst uvwx") or neither',
    path: ['WORDPRESS_APPLICATION_PASSWORD'],
  });

/**
 * Parses the environment; throws a ConfigurationError naming every variable that is wrong. The
 * shape it returns is described, field by field, by `Config` in lib/config.ts.
 * @param {Record<string, string | undefined>} environment
 */
export function parseConfig(environment) {
  const blankAsUnset = Object.fromEntries(
    Object.entries(environment).map(([key, value]) => [key, value?.trim() === '' ? undefined : value]),
  );
  const withDefaults = {
    ...blankAsUnset,
    // Development and tests have an obvious public origin; a production deployment must say.
    SITE_URL:
      blankAsUnset.SITE_URL ?? (blankAsUnset.NODE_ENV === 'production' ? undefined : 'http://localhost:3000'),
  };
  const result = environmentSchema.safeParse(withDefaults);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? 'environment');
      const message =
        variable === 'SITE_URL' && withDefaults.SITE_URL === undefined
          ? 'SITE_URL is not set; set it to the public origin of this site, e.g. SITE_URL=https://www.example.com'
          : issue.message;
      return `  - ${message}`;
    });
    throw new ConfigurationError(`Broadsheet's configuration is incomplete:\n${problems.join('\n')}`);
  }
  const env = result.data;
  return {
    wordpressUrl: env.WORDPRESS_URL,
    siteUrl: env.SITE_URL,
    wordpressTimeoutMs: env.WORDPRESS_TIMEOUT_MS,
    wordpressMaxConnections: env.WORDPRESS_MAX_CONNECTIONS,
    revalidateSeconds: env.REVALIDATE_SECONDS,
    sharedSecret: env.BROADSHEET_SECRET ?? null,
    trustProxy: env.TRUST_PROXY === 'true',
    previewCredentials:
      env.WORDPRESS_PREVIEW_USER && env.WORDPRESS_APPLICATION_PASSWORD
        ? { user: env.WORDPRESS_PREVIEW_USER, applicationPassword: env.WORDPRESS_APPLICATION_PASSWORD }
        : null,
  };
}

/**
 * What the server prints when the configuration is wrong, before it stops.
 * @param {ConfigurationError} error
 */
export function configurationFailureMessage(error) {
  return `\n${error.message}\n\nSee .env.example for every variable.\n`;
}
