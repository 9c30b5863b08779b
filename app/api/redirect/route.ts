import { ruleAnswerResponse } from '@/lib/redirect';

/**
 * A Redirection rule's exact answer (301, 302, 307, 308 or 410) for the path in `from`, where
 * the production server has not already given it in place of the page's redirect here.
 */
export function GET(request: Request) {
  return ruleAnswerResponse(new URL(request.url).searchParams.get('from'));
}
