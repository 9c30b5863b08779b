import { handleRevalidationRequest } from '@/lib/wordpress/revalidate-request';

export const dynamic = 'force-dynamic';

export const POST = handleRevalidationRequest;
