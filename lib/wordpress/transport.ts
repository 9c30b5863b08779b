import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  WordPressInvalidResponseError,
  WordPressNotFoundError,
  WordPressRequestRejectedError,
  WordPressUnavailableError,
} from './errors';
import { createFailureLog } from './failure-log';

/**
 * How a response may be cached. Published content is cached in Next's data cache under tags,
 * with a time-based backstop; drafts, previews and password-unlocked content never are.
 */
export type CachePolicy = { tags: readonly string[]; revalidateSeconds: number } | 'no-store';

export interface WordPressRequest<Schema extends z.ZodType> {
  /** A REST route such as /wp/v2/posts. */
  route: string;
  params?: Record<string, string | number | boolean | readonly (string | number)[] | undefined>;
  schema: Schema;
  cache: CachePolicy;
  /** Basic credentials (user and Application Password); forces no-store. */
  credentials?: { user: string; applicationPassword: string } | null;
  /**
   * A JSON body to POST instead of a GET. Writes are never cached and never retried: WordPress
   * may have acted on a request whose answer was lost, and a second attempt would act twice.
   */
  postJson?: Record<string, unknown>;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /**
   * Parameters of a read that must never appear in a URL, where access logs and proxies keep
   * them (a post password). They travel as the JSON body of a POST that WordPress serves as a
   * GET (`X-HTTP-Method-Override: GET`); the request stays a read: retried, never cached.
   */
  privateParams?: Record<string, string>;
  /** Headers computed from the exact body sent: a signature over a write (see createComment). */
  signBody?: (body: string) => Record<string, string>;
}

export interface WordPressResponse<T> {
  data: T;
  /** From X-WP-Total / X-WP-TotalPages on collection endpoints; null elsewhere. */
  total: number | null;
  totalPages: number | null;
}

export interface TransportOptions {
  baseUrl: string;
  timeoutMs: number;
  /** Attempts for a request on network errors and 5xx, the first included. */
  maxAttempts?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Receives one line when an endpoint starts failing and one when it recovers (see failure-log.ts). */
  log?: (message: string) => void;
}

type NextFetchInit = RequestInit & { next?: { revalidate?: number | false; tags?: string[] } };

const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);

/**
 * Next's data cache stores every 200 answer of a cached fetch as it arrives, before the transport
 * has read it: a truncated, malformed or wrongly shaped answer would be served from there to
 * every render until the backstop expires, long after WordPress is well again. So once an answer
 * to a URL fails validation, that URL is asked for under a new cache key from then on (Next keys
 * fetches by their headers too): the bad entry is never read again, wherever it was stored.
 * Bounded, oldest first: a forgotten URL at worst fails validation once more.
 */
const REFETCH_HEADER = 'X-Broadsheet-Refetch';
const MAX_REFETCH_KEYS = 10_000;

function createRefetchKeys() {
  const keys = new Map<string, string>();
  return {
    headerFor(url: string): Record<string, string> {
      const key = keys.get(url);
      return key ? { [REFETCH_HEADER]: key } : {};
    },
    renew(url: string) {
      keys.delete(url);
      keys.set(url, randomUUID());
      for (const oldest of keys.keys()) {
        if (keys.size <= MAX_REFETCH_KEYS) break;
        keys.delete(oldest);
      }
    },
  };
}

/** Builds the request URL. ?rest_route= works on every WordPress, with or without pretty permalinks. */
export function buildRestUrl(
  baseUrl: string,
  route: string,
  params: WordPressRequest<z.ZodType>['params'] = {},
) {
  const url = new URL(`${baseUrl}/`);
  url.searchParams.set('rest_route', route);
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    url.searchParams.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return url.toString();
}

function headerNumber(headers: Headers, name: string): number | null {
  const value = headers.get(name);
  if (value === null || value.trim() === '') return null;
  const number = Number(value);
  return Number.isInteger(number) && number >= 0 ? number : null;
}

/** "title.rendered" style path of the first schema problem, for error messages. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

/** The process-wide socket deadline (lib/process/outgoing-requests.ts) fired: the same deadline as ours. */
function isSocketTimeout(error: Error): boolean {
  const cause: unknown = error.cause;
  const code = cause && typeof cause === 'object' && 'code' in cause ? cause.code : undefined;
  return (
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT' ||
    code === 'UND_ERR_CONNECT_TIMEOUT'
  );
}

/** "fetch failed (ECONNRESET)": undici's message says little, the code of its cause says what happened. */
function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  const code = cause && typeof cause === 'object' && 'code' in cause ? cause.code : undefined;
  return typeof code === 'string' ? `${error.message} (${code})` : error.message;
}

async function readErrorCode(response: Response): Promise<string | null> {
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object' && 'code' in body && typeof body.code === 'string') return body.code;
  } catch {
    // Not JSON: no code to report.
  }
  return null;
}

/**
 * The one transport to WordPress: every request has a deadline, idempotent reads are retried with
 * backoff on network errors and 5xx while the deadline allows, and every response is validated.
 */
export function createTransport(options: TransportOptions) {
  const fetchImpl = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((wake) => setTimeout(wake, ms)));
  const defaultMaxAttempts = options.maxAttempts ?? 3;
  const failureLog = createFailureLog(options.log ?? (() => {}));
  const refetchKeys = createRefetchKeys();

  return async function request<Schema extends z.ZodType>(
    spec: WordPressRequest<Schema>,
  ): Promise<WordPressResponse<z.output<Schema>>> {
    const endpoint = spec.route;
    const isWrite = spec.postJson !== undefined;
    const maxAttempts = isWrite ? 1 : defaultMaxAttempts;
    const url = buildRestUrl(options.baseUrl, spec.route, spec.params);
    const jsonBody = spec.postJson ?? spec.privateParams;
    const body = jsonBody !== undefined ? JSON.stringify(jsonBody) : undefined;
    const init: NextFetchInit =
      body !== undefined
        ? {
            method: 'POST',
            headers: {
              Accept: 'application/json',
              'Content-Type': 'application/json',
              ...(isWrite ? {} : { 'X-HTTP-Method-Override': 'GET' }),
            },
            body,
          }
        : { method: 'GET', headers: { Accept: 'application/json' } };
    if (spec.headers) init.headers = { ...init.headers, ...spec.headers };
    if (spec.signBody && body !== undefined) init.headers = { ...init.headers, ...spec.signBody(body) };
    if (spec.credentials) {
      const token = Buffer.from(`${spec.credentials.user}:${spec.credentials.applicationPassword}`).toString(
        'base64',
      );
      init.headers = { ...init.headers, Authorization: `Basic ${token}` };
    }
    const cached = spec.cache !== 'no-store' && !spec.credentials && !jsonBody;
    if (spec.cache !== 'no-store' && cached) {
      init.next = { revalidate: spec.cache.revalidateSeconds, tags: [...spec.cache.tags] };
    } else {
      init.cache = 'no-store';
    }

    // One deadline for all attempts, so a reader never waits longer than the configured timeout.
    const deadline = Date.now() + options.timeoutMs;
    let lastFailure: WordPressUnavailableError | WordPressInvalidResponseError | null = null;
    let refetchedInvalid = false;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1) {
        const backoff = 200 * 2 ** (attempt - 2);
        if (Date.now() + backoff >= deadline) break;
        await sleep(backoff);
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) break;
      let response: Response;
      try {
        response = await fetchImpl(url, {
          ...init,
          headers: { ...init.headers, ...(cached ? refetchKeys.headerFor(url) : {}) },
          signal: AbortSignal.timeout(remaining),
        });
      } catch (cause) {
        const timedOut =
          cause instanceof Error &&
          (cause.name === 'TimeoutError' || cause.name === 'AbortError' || isSocketTimeout(cause));
        lastFailure = new WordPressUnavailableError(
          timedOut
            ? `WordPress did not answer ${endpoint} within ${options.timeoutMs} ms`
            : `WordPress could not be reached for ${endpoint}: ${describeNetworkError(cause)}`,
          endpoint,
          null,
          { cause },
        );
        if (timedOut) break;
        continue;
      }

      if (RETRYABLE_STATUS.has(response.status)) {
        lastFailure = new WordPressUnavailableError(
          `WordPress answered ${endpoint} with HTTP ${response.status}`,
          endpoint,
          response.status,
        );
        await response.body?.cancel();
        continue;
      }
      if (response.status >= 400) {
        // A deliberate refusal still means the endpoint works.
        failureLog.answered(endpoint, url);
      }
      if (response.status === 404) {
        const code = await readErrorCode(response);
        throw new WordPressNotFoundError(
          `WordPress has nothing at ${endpoint}${code ? ` (${code})` : ''}`,
          endpoint,
        );
      }
      if (response.status >= 400) {
        const code = await readErrorCode(response);
        throw new WordPressRequestRejectedError(
          `WordPress refused ${endpoint} with HTTP ${response.status}${code ? ` (${code})` : ''}`,
          endpoint,
          response.status,
          code,
        );
      }
      try {
        const parsed = await parseResponse(response, endpoint, spec.schema);
        failureLog.answered(endpoint, url);
        return parsed;
      } catch (error) {
        if (!(error instanceof WordPressInvalidResponseError)) throw error;
        lastFailure = error;
        if (!cached) break;
        refetchKeys.renew(url);
        // The bad answer may have come from the data cache while WordPress is fine again: one
        // more try, under the new key, asks WordPress itself.
        if (refetchedInvalid) break;
        refetchedInvalid = true;
      }
    }
    const failure =
      lastFailure ??
      new WordPressUnavailableError(
        `WordPress did not answer ${endpoint} within ${options.timeoutMs} ms`,
        endpoint,
        null,
      );
    failureLog.failed(failure, url);
    throw failure;
  };
}

async function parseResponse<Schema extends z.ZodType>(
  response: Response,
  endpoint: string,
  schema: Schema,
): Promise<WordPressResponse<z.output<Schema>>> {
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw new WordPressInvalidResponseError(
      `WordPress answered ${endpoint} with something that is not JSON (HTTP ${response.status})`,
      endpoint,
      { cause },
    );
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new WordPressInvalidResponseError(
      `WordPress answered ${endpoint} in an unexpected shape: ${describeIssues(parsed.error)}`,
      endpoint,
      { cause: parsed.error },
    );
  }
  return {
    data: parsed.data,
    total: headerNumber(response.headers, 'X-WP-Total'),
    totalPages: headerNumber(response.headers, 'X-WP-TotalPages'),
  };
}
