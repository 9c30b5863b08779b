import { getConfig } from '@/lib/config';
import { handlePreviewRequest } from '@/lib/previews/request';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return handlePreviewRequest(request, getConfig());
}
