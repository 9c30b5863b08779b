import { ReplayGuard, signWebhook, verifyWebhook } from './webhook';

/** Shared by the webhook's example and property-based tests. */
export const SECRET = 'a-shared-secret-of-forty-characters-long!';
export const NOW = 1_790_000_000;

/** Verifies `body` as the companion plugin would have signed it at NOW; `overrides` alter one input. */
export function verifySigned(body: string, overrides: Partial<Parameters<typeof verifyWebhook>[0]> = {}) {
  const timestamp = String(NOW);
  return verifyWebhook({
    secret: SECRET,
    timestamp,
    signature: signWebhook(SECRET, timestamp, body),
    body,
    nowSeconds: NOW,
    replayGuard: new ReplayGuard(),
    ...overrides,
  });
}
