import type { Metadata, Viewport } from 'next';
import { IntentLink as Link } from '@/components/intent-link';
import type { ReactNode } from 'react';
import { getConfig } from '@/lib/config';
import { SiteMenu } from '@/components/site-menu';
import { siteHeadMetadata } from '@/lib/seo';
import { getSiteInfo, getSiteMenus, listTopCategories } from '@/lib/wordpress';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const site = await getSiteInfo();
  return {
    metadataBase: new URL(getConfig().siteUrl),
    title: { default: site.name, template: `%s – ${site.name}` },
    description: site.description,
    ...siteHeadMetadata(site),
  };
}

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbf8f3' },
    { media: '(prefers-color-scheme: dark)', color: '#16140f' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [site, menus] = await Promise.all([getSiteInfo(), getSiteMenus()]);
  // Without a primary menu (or the companion plugin), the top categories are the navigation.
  const categories = menus?.primary ? [] : await listTopCategories();
  return (
    <html lang={site.language}>
      <body>
        <link rel="alternate" type="application/rss+xml" title={site.name} href="/feed/" />
        <link rel="alternate" type="application/atom+xml" title={site.name} href="/feed/atom/" />
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <Link href="/" className="site-header__name">
              {site.name}
            </Link>
            {site.description && <p className="site-header__tagline">{site.description}</p>}
          </div>
          <nav className="site-nav" aria-label="Primary">
            {menus?.primary ? (
              <SiteMenu items={menus.primary} trailing={<Link href="/search/">Search</Link>} />
            ) : (
              <ul>
                {categories.map((category) => (
                  <li key={category.id}>
                    <Link href={category.path}>{category.name}</Link>
                  </li>
                ))}
                <li>
                  <Link href="/search/">Search</Link>
                </li>
              </ul>
            )}
          </nav>
        </header>
        <main id="main" className="site-main">
          {children}
        </main>
        <footer className="site-footer">
          {menus?.footer && (
            <nav className="footer-nav" aria-label="Footer">
              <SiteMenu items={menus.footer} disclosure={false} />
            </nav>
          )}
          {menus?.social && (
            <nav className="social-nav" aria-label="Social">
              <SiteMenu items={menus.social} disclosure={false} />
            </nav>
          )}
          <p>
            © {new Date().getFullYear()} {site.name}
          </p>
        </footer>
      </body>
    </html>
  );
}
