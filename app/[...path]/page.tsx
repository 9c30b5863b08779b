import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { Article } from '@/components/article';
import { getConfig } from '@/lib/config';
import { getSiteInfo, resolvePath } from '@/lib/wordpress';

type Props = { params: Promise<{ path: string[] }> };

/** Nothing is prerendered at build: each post renders on its first request, then is cached. */
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const resolved = await resolvePath((await params).path);
  if (resolved.kind !== 'post') return {};
  return {
    title: resolved.post.title,
    description: resolved.post.excerpt,
    alternates: { canonical: resolved.post.path },
  };
}

export default async function ContentPage({ params }: Props) {
  const resolved = await resolvePath((await params).path);
  if (resolved.kind === 'not-found') notFound();
  if (resolved.kind === 'redirect') permanentRedirect(resolved.path);
  const site = await getSiteInfo();
  return <Article post={resolved.post} timezone={site.timezone} wordpressHome={getConfig().wordpressUrl} />;
}
