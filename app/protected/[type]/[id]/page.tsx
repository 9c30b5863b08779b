import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { PostTemplate } from '@/components/templates/post-template';
import { PasswordForm } from '@/components/password-form';
import { getConfig } from '@/lib/config';
import { parsePostTarget } from '@/lib/post-target';
import { openUnlockCookie, unlockCookieName } from '@/lib/unlock/cookie';
import { getProtectedPost, getSiteInfo } from '@/lib/wordpress';

type Props = {
  params: Promise<{ type: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Unlocked content is per reader: rendered on every request, never cached, never indexed. */
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Protected story', robots: { index: false, follow: false } };

export default async function ProtectedPage({ params, searchParams }: Props) {
  const { type, id } = await params;
  const target = parsePostTarget(type, id);
  if (!target) notFound();
  const cookie = (await cookies()).get(unlockCookieName(target))?.value;
  const password = cookie ? openUnlockCookie(getConfig().sharedSecret, target, cookie) : null;
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
  return <PostTemplate post={post} site={site} unlocked />;
}
