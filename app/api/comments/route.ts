import { revalidateTag } from 'next/cache';
import { commentRateLimiter, createDisplayableComment, handleCommentSubmission } from '@/lib/comments/submit';
import { getConfig } from '@/lib/config';
import { getContentSlug, TAGS } from '@/lib/wordpress';

export const dynamic = 'force-dynamic';

const rateLimiter = commentRateLimiter();

export function POST(request: Request) {
  return handleCommentSubmission(request, {
    createComment: createDisplayableComment,
    revalidateComments: async (postId) => {
      revalidateTag(TAGS.comments(postId), { expire: 0 });
      // A post that had no comments was rendered without asking for them (lib/wordpress
      // getCommentPage), so its page carries its slug's tag, not the comments tag.
      const item = await getContentSlug(postId).catch(() => null);
      if (item) revalidateTag(TAGS.slug(item.type, item.slug), { expire: 0 });
    },
    rateLimiter,
    trustProxy: getConfig().trustProxy,
    siteUrl: getConfig().siteUrl,
  });
}
