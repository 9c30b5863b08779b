import { describe, expect, it } from 'vitest';
import { buildMenuTree, MAX_MENU_DEPTH, menusOf, type MenuItem, type RawMenuItem } from './menus';
import type { SiteAddresses } from './paths';

/** The usual headless setup: the Site Address in a sub-folder of the public origin. */
const ADDRESSES: SiteAddresses = {
  home: 'https://example.org/en',
  wordpressAddress: 'https://cms.example.org',
  wordpressUrl: 'http://wordpress.internal:8080',
};

function item(id: number, parent: number, title: string, url = `https://example.org/en/${id}/`): RawMenuItem {
  return { id, parent, title, url, target: '' };
}

/** The tree as titles, for compact assertions. */
function titles(items: MenuItem[]): unknown[] {
  return items.map((entry) => (entry.children.length ? [entry.title, titles(entry.children)] : entry.title));
}

describe('buildMenuTree', () => {
  it('nests items under their parents, in menu order', () => {
    const tree = buildMenuTree(
      [
        item(1, 0, 'About'),
        item(2, 1, 'Team'),
        item(3, 2, 'Editors'),
        item(4, 1, 'Contact'),
        item(5, 0, 'News'),
      ],
      ADDRESSES,
    );
    expect(titles(tree)).toEqual([['About', [['Team', ['Editors']], 'Contact']], 'News']);
  });

  it("turns links to WordPress's home into frontend paths and keeps other sites absolute", () => {
    const tree = buildMenuTree(
      [
        item(1, 0, 'About', 'https://example.org/en/about/'),
        item(2, 0, 'Internal', 'http://wordpress.internal:8080/contact/'),
        item(3, 0, 'Elsewhere', 'https://elsewhere.example/x/'),
        { ...item(4, 0, 'Mastodon', 'https://social.example/@paper'), target: '_blank' },
      ],
      ADDRESSES,
    );
    expect(tree.map(({ href, external, newTab }) => ({ href, external, newTab }))).toEqual([
      { href: '/about/', external: false, newTab: false },
      { href: '/contact/', external: false, newTab: false },
      { href: 'https://elsewhere.example/x/', external: true, newTab: false },
      { href: 'https://social.example/@paper', external: true, newTab: true },
    ]);
  });

  it('shows orphans and cycles at the top level instead of losing them or looping', () => {
    const tree = buildMenuTree(
      [item(1, 9, 'Orphan'), item(2, 3, 'A'), item(3, 2, 'B'), item(4, 4, 'Self')],
      ADDRESSES,
    );
    expect(titles(tree)).toEqual(['Orphan', 'A', 'B', 'Self']);
  });

  it('leaves out items without a label or with a script address, and decodes entities', () => {
    const tree = buildMenuTree(
      [item(1, 0, ''), item(2, 0, 'Bad', 'javascript:alert(1)'), item(3, 0, 'Bread &amp; Salt')],
      ADDRESSES,
    );
    expect(titles(tree)).toEqual(['Bread & Salt']);
  });

  it(`stops nesting at ${MAX_MENU_DEPTH} levels`, () => {
    const chain = Array.from({ length: MAX_MENU_DEPTH + 2 }, (_, index) =>
      item(index + 1, index, `L${index + 1}`),
    );
    let depth = 0;
    let level = buildMenuTree(chain, ADDRESSES);
    while (level[0]?.children.length) {
      depth++;
      level = level[0].children;
    }
    expect(depth).toBe(MAX_MENU_DEPTH - 1);
  });
});

describe('menusOf', () => {
  it("takes the primary location first, then a block theme's navigation menu", () => {
    const classic = menusOf(
      {
        locations: { primary: [item(1, 0, 'Classic')], footer: [item(2, 0, 'Legal')] },
        navigation: [item(3, 0, 'Block')],
      },
      ADDRESSES,
    );
    expect(titles(classic.primary ?? [])).toEqual(['Classic']);
    expect(titles(classic.footer ?? [])).toEqual(['Legal']);
    expect(classic.social).toBeNull();
    const block = menusOf({ locations: {}, navigation: [item(3, 0, 'Block')] }, ADDRESSES);
    expect(titles(block.primary ?? [])).toEqual(['Block']);
    expect(menusOf({ locations: { primary: [] }, navigation: null }, ADDRESSES).primary).toBeNull();
  });
});
