import { getConfig } from '@/lib/config';
import { handleUnlockRequest, unlockLimits } from '@/lib/unlock/request';
import { getProtectedPost } from '@/lib/wordpress';

export const dynamic = 'force-dynamic';

const limits = unlockLimits();

export function POST(request: Request) {
  const config = getConfig();
  return handleUnlockRequest(request, {
    getProtectedPost,
    limits,
    secret: config.sharedSecret,
    siteUrl: config.siteUrl,
    trustProxy: config.trustProxy,
  });
}
