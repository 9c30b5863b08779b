import {
  configurationFailureMessage,
  ConfigurationError,
  EMBEDDED_WORDPRESS_URL,
  parseConfig as parseEnvironment,
} from './environment.mjs';

export { configurationFailureMessage, ConfigurationError, EMBEDDED_WORDPRESS_URL };

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

/** Parses the environment; throws a ConfigurationError naming every variable that is wrong. */
export function parseConfig(environment: Record<string, string | undefined>): Config {
  return parseEnvironment(environment);
}

let cached: Config | undefined;

/** The configuration, parsed once per process from process.env. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
