import { z } from 'zod';

/** Where the embedded development WordPress answers when WORDPRESS_URL is not set. */
export const EMBEDDED_WORDPRESS_URL = 'http://127.0.0.1:9400';

export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

const origin = (variable: string, example: string) =>
  z
    .string()
    .trim()
    .transform((value, context) => {
      let url: URL;
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

const positiveInteger = (variable: string, example: string) =>
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

export interface Config {
  /** WordPress's origin (plus any sub-folder it is installed in), without a trailing slash. */
  wordpressUrl: string;
  /** The public origin of this frontend, without a trailing slash. */
  siteUrl: string;
  /** How long one WordPress request may take before it counts as unavailable. */
  wordpressTimeoutMs: number;
  /**
   * Connections this instance opens to WordPress at most; further requests wait in line here,
   * within their deadline, so WordPress never renders an answer nobody is waiting for.
   */
  wordpressMaxConnections: number;
  /** The time-based revalidation backstop; webhooks keep pages fresh in between. */
  revalidateSeconds: number;
  /**
   * The secret shared with the companion WordPress plugin: it signs revalidation webhooks and
   * preview links. Without it, both are refused.
   */
  sharedSecret: string | null;
  /**
   * Whether a reverse proxy in front sets X-Forwarded-For: the reader's address (for per-reader
   * limits) is then its first entry, otherwise the address of the connection itself.
   */
  trustProxy: boolean;
  /** Credentials for draft previews, when configured. */
  previewCredentials: { user: string; applicationPassword: string } | null;
}

type Environment = Record<string, string | undefined>;

/** Parses the environment; throws a ConfigurationError naming every variable that is wrong. */
export function parseConfig(environment: Environment): Config {
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

let cached: Config | undefined;

/** The configuration, parsed once per process from process.env. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
