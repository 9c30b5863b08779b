import type { Metadata } from 'next';
import { draftMode } from 'next/headers';
import { notFound } from 'next/navigation';
import { Article } from '@/components/article';
import { PreviewBanner } from '@/components/preview-banner';
import { getPreviewPost, getSiteInfo } from '@/lib/wordpress';

type Props = { params: Promise<{ type: string; id: string }> };

/** Previews are per editor, never cached and never indexed. */
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Preview', robots: { index: false, follow: false } };

export default async function PreviewPage({ params }: Props) {
  const { type, id } = await params;
  if (!(await draftMode()).isEnabled) notFound();
  if ((type !== 'post' && type !== 'page') || !/^[1-9]\d{0,9}$/.test(id)) notFound();
  const [post, site] = await Promise.all([getPreviewPost({ type, id: Number(id) }), getSiteInfo()]);
  if (!post) notFound();
  return (
    <>
      <PreviewBanner />
      <Article post={post} site={site} addresses={site.addresses} />
    </>
  );
}
