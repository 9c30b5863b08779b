import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { PostTemplate } from '@/components/templates/post-template';
import { PreviewBanner } from '@/components/preview-banner';
import { getConfig } from '@/lib/config';
import { parsePostTarget } from '@/lib/post-target';
import { previewGrantCookieName, verifyPreviewGrant } from '@/lib/previews/grant';
import { getPreviewPost, getSiteInfo } from '@/lib/wordpress';

type Props = { params: Promise<{ type: string; id: string }> };

/** Previews are per editor, never cached and never indexed. */
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Preview', robots: { index: false, follow: false } };

/**
 * Shown only to a browser holding an unexpired grant for exactly this post, checked on every
 * request. Without one the answer is the same 404 whether the post exists or not.
 */
export default async function PreviewPage({ params }: Props) {
  const { type, id } = await params;
  const target = parsePostTarget(type, id);
  if (!target) notFound();
  const secret = getConfig().sharedSecret;
  const grant = (await cookies()).get(previewGrantCookieName(target))?.value ?? '';
  if (!secret || !verifyPreviewGrant(secret, grant, target)) notFound();
  const [post, site] = await Promise.all([getPreviewPost(target), getSiteInfo()]);
  if (!post) notFound();
  return (
    <>
      <PreviewBanner target={target} />
      <PostTemplate post={post} site={site} />
    </>
  );
}
