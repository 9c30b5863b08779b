import { handlePostListPage } from '@/lib/island-requests';

export const dynamic = 'force-dynamic';

export const GET = handlePostListPage;
