import { handleSearchSuggestions } from '@/lib/island-requests';

export const dynamic = 'force-dynamic';

export const GET = handleSearchSuggestions;
