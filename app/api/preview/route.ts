import { handlePreviewRequest } from '@/lib/wordpress/preview-request';

export const dynamic = 'force-dynamic';

export const GET = handlePreviewRequest;
