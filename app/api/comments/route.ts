import { revalidateTag } from 'next/cache';
import { commentRateLimiter, handleCommentSubmission } from '@/lib/comments/submit';
import { getConfig } from '@/lib/config';
import { createComment, getPostSlug } from '@/lib/wordpress';
import { TAGS } from '@/lib/wordpress';

export const dynamic = 'force-dynamic';

const rateLimiter = commentRateLimiter();

export function POST(request: Request) {
  return handleCommentSubmission(request, {
    createComment,
    revalidateComments: async (postId) => {
      revalidateTag(TAGS.comments(postId), { expire: 0 });
      // A post that had no comments was rendered without asking for them (lib/wordpress
      // getCommentPage), so its page carries its slug's tag, not the comments tag.
      const slug = await getPostSlug(postId).catch(() => null);
      if (slug) revalidateTag(TAGS.slug('post', slug), { expire: 0 });
    },
    rateLimiter,
    trustProxy: getConfig().trustProxy,
    siteUrl: getConfig().siteUrl,
  });
}
