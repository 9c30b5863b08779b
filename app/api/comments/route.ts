import { revalidateTag } from 'next/cache';
import { commentRateLimiter, handleCommentSubmission } from '@/lib/comments/submit';
import { getConfig } from '@/lib/config';
import { createComment } from '@/lib/wordpress';
import { TAGS } from '@/lib/wordpress/tags';

export const dynamic = 'force-dynamic';

const rateLimiter = commentRateLimiter();

export function POST(request: Request) {
  return handleCommentSubmission(request, {
    createComment,
    revalidateComments: (postId) => revalidateTag(TAGS.comments(postId), { expire: 0 }),
    rateLimiter,
    trustProxy: getConfig().trustProxy,
  });
}
