import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { Article } from '@/components/article';
import { PasswordForm } from '@/components/password-form';
import { getProtectedPost, getSiteInfo } from '@/lib/wordpress';
import { unlockCookieName } from '@/lib/wordpress/unlock-request';

type Props = {
  params: Promise<{ type: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Unlocked content is per reader: rendered on every request, never cached, never indexed. */
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Protected story', robots: { index: false, follow: false } };

export default async function ProtectedPage({ params, searchParams }: Props) {
  const { type, id } = await params;
  if ((type !== 'post' && type !== 'page') || !/^[1-9]\d{0,9}$/.test(id)) notFound();
  const target = { type, id: Number(id) } as const;
  const password = (await cookies()).get(unlockCookieName(target.id))?.value;
  const wrong = (await searchParams).error === 'wrong-password';
  const [post, site] = await Promise.all([
    password ? getProtectedPost(target, password) : Promise.resolve(null),
    getSiteInfo(),
  ]);
  if (!post) {
    return (
      <div className="article__content">
        <h1 className="page-title">Protected story</h1>
        <PasswordForm id={target.id} type={target.type} error={wrong || Boolean(password)} />
      </div>
    );
  }
  return <Article post={post} site={site} addresses={site.addresses} unlocked />;
}
