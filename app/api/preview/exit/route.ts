import { handlePreviewExit } from '@/lib/wordpress/preview-request';

export const dynamic = 'force-dynamic';

export const GET = handlePreviewExit;
