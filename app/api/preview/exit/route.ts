import { handlePreviewExit } from '@/lib/previews/request';

export const dynamic = 'force-dynamic';

export const GET = handlePreviewExit;
