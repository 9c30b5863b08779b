import { handleUnlockRequest } from '@/lib/wordpress/unlock-request';

export const dynamic = 'force-dynamic';

export const POST = handleUnlockRequest;
