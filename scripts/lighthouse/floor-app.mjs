// The framework's floor for `npm run lighthouse --floor`: a plain Next.js app of the same version,
// nothing of Broadsheet's in it, showing what the audited article shows above the fold: its
// title, its hero image (the same file at the same sizes, from WordPress, fetched first as
// Broadsheet fetches it) and its text as paragraphs, with one small stylesheet. What Lighthouse
// gives it is what any Next 16 page with that content gets here.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @typedef {{ src: string, srcSet: string, sizes: string, width: number, height: number, alt: string }} FloorImage
 * @typedef {{ title: string, paragraphs: string[], hero: FloorImage | null }} FloorContent
 * @typedef {{ source_url: string, width: number }} MediaSize
 * @typedef {{
 *   source_url: string,
 *   alt_text?: string,
 *   media_details?: { width?: number, height?: number, sizes?: Record<string, MediaSize> },
 * }} Media
 * @typedef {{
 *   title: { rendered: string },
 *   content: { rendered: string },
 *   _embedded?: { 'wp:featuredmedia'?: Media[] },
 * }} PostWithMedia the fields of `/wp/v2/posts?_embed=wp:featuredmedia` read here
 */

const STYLES = `body { margin: 0; font: 1.125rem/1.6 Georgia, serif; color: #1d1b16; background: #fbf8f3; }
main { max-width: 42rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 2rem; line-height: 1.2; }
img { display: block; width: 100%; height: auto; }
`;

const LAYOUT = `import './page.css';

export const metadata = { title: 'A plain Next.js page', description: 'The framework floor of the Lighthouse audit.' };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`;

/** @param {FloorContent} content @param {boolean} withHero */
function pageSource(content, withHero) {
  const hero =
    withHero && content.hero
      ? `<img src={hero.src} srcSet={hero.srcSet} sizes={hero.sizes} width={hero.width} height={hero.height} alt={hero.alt} fetchPriority="high" decoding="async" />`
      : '';
  return `const content = ${JSON.stringify({ title: content.title, paragraphs: content.paragraphs, hero: content.hero })};

export default function Page() {
  const { hero } = content;
  return (
    <main>
      <h1>{content.title}</h1>
      ${hero}
      {content.paragraphs.map((text, index) => <p key={index}>{text}</p>)}
    </main>
  );
}
`;
}

/**
 * Writes the app to `dir` (inside the repository, so that it resolves the repository's own
 * `next`, `react` and `react-dom`): `/` is the text alone, `/hero/` the text with the hero.
 * @param {string} dir
 * @param {FloorContent} content
 */
export function writeFloorApp(dir, content) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'app', 'hero'), { recursive: true });
  writeFileSync(
    join(dir, 'next.config.mjs'),
    'export default { poweredByHeader: false, trailingSlash: true };\n',
  );
  // Its own (empty) instrumentation hook: without one, Next takes the repository's, which checks
  // Broadsheet's configuration.
  writeFileSync(join(dir, 'instrumentation.js'), 'export function register() {}\n');
  writeFileSync(join(dir, 'app', 'page.css'), STYLES);
  writeFileSync(join(dir, 'app', 'layout.jsx'), LAYOUT);
  writeFileSync(join(dir, 'app', 'page.jsx'), pageSource(content, false));
  writeFileSync(join(dir, 'app', 'hero', 'page.jsx'), pageSource(content, true));
}

/**
 * The audited article as the floor app shows it, from WordPress's REST API: its title, its
 * featured image at WordPress's sizes, its content's text in paragraphs (at most twelve).
 * @param {(route: string, params?: Record<string, string>) => Promise<PostWithMedia[]>} read
 * @param {string} articleLink
 * @returns {Promise<FloorContent>}
 */
export async function floorContentOf(read, articleLink) {
  const slug = new URL(articleLink).pathname.split('/').filter(Boolean).at(-1) ?? '';
  const [post] = await read('/wp/v2/posts', { slug, _embed: 'wp:featuredmedia' });
  if (!post) throw new Error(`WordPress has no post at ${articleLink}`);
  const media = post._embedded?.['wp:featuredmedia']?.[0];
  const sizes = Object.values(media?.media_details?.sizes ?? {}).sort((a, b) => a.width - b.width);
  const text = (html) =>
    html
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#8217;/g, '’')
      .replace(/&[#\w]+;/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const paragraphs = [...String(post.content.rendered).matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)]
    .map((match) => text(match[1] ?? ''))
    .filter(Boolean)
    .slice(0, 12);
  return {
    title: text(post.title.rendered),
    paragraphs,
    hero: media
      ? {
          src: (sizes.find((size) => size.width >= 1024) ?? sizes.at(-1))?.source_url ?? media.source_url,
          srcSet: sizes.map((size) => `${size.source_url} ${size.width}w`).join(', '),
          // Broadsheet's hero is as wide as the page on a phone, as here.
          sizes: '(min-width: 72rem) 72rem, 100vw',
          width: media.media_details?.width ?? 1600,
          height: media.media_details?.height ?? 900,
          alt: media.alt_text ?? '',
        }
      : null,
  };
}
