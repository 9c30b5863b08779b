import { handleRevalidationRequest } from '@/lib/revalidation/request';

export const dynamic = 'force-dynamic';

export const POST = handleRevalidationRequest;
