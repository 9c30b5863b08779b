import { describe, expect, it } from 'vitest';
import { contentMeta, fingerprint, inParentOrder, postKind, termKind } from './import-wxr.mjs';

describe('inParentOrder', () => {
  /** The ids of each level, for items that name their parent's id. */
  const levelIds = (items) =>
    inParentOrder(
      items,
      (item) => item.id,
      (item) => item.parent,
    ).map((level) => level.map((item) => item.id));

  it('puts every parent in an earlier level than its children, whatever the order given', () => {
    const items = [
      { id: 'grandchild', parent: 'child' },
      { id: 'child', parent: 'root' },
      { id: 'root', parent: null },
      { id: 'other', parent: null },
    ];
    expect(levelIds(items)).toEqual([['root', 'other'], ['child'], ['grandchild']]);
  });

  it('treats an item whose parent is missing as a root', () => {
    const items = [{ id: 2, parent: 99 }];
    expect(levelIds(items)).toEqual([[2]]);
  });

  it('keeps every item of a loop rather than hanging or losing one', () => {
    const items = [
      { id: 1, parent: 2 },
      { id: 2, parent: 1 },
      { id: 3, parent: 1 },
    ];
    const levels = inParentOrder(
      items,
      (item) => item.id,
      (item) => item.parent,
    );
    expect(
      levels
        .flat()
        .map((item) => item.id)
        .sort(),
    ).toEqual([1, 2, 3]);
  });
});

describe('contentMeta', () => {
  it('keeps content and drops locks, caches and what the importer rebuilds', () => {
    const meta = [
      ['_wp_page_template', 'wide.php'],
      ['_edit_lock', '1550000000:1'],
      ['_thumbnail_id', '301'],
      ['_menu_item_type', 'custom'],
      ['_oembed_abc', '<iframe></iframe>'],
      ['_wp_attachment_metadata', 'a:0:{}'],
      ['_broadsheet_wxr_key', 'x'],
      ['footnotes', '[]'],
      ['', 'nameless'],
    ];
    expect(contentMeta(meta)).toEqual([
      ['_wp_page_template', 'wide.php'],
      ['footnotes', '[]'],
    ]);
  });
});

describe('naming and fingerprints', () => {
  it('names kinds the way the summary shows them', () => {
    expect([termKind('category'), termKind('post_tag'), termKind('nav_menu'), termKind('series')]).toEqual([
      'categories',
      'tags',
      'menus',
      'terms (series)',
    ]);
    expect([postKind('post'), postKind('page'), postKind('attachment'), postKind('wp_navigation')]).toEqual([
      'posts',
      'pages',
      'attachments',
      'items (wp_navigation)',
    ]);
  });

  it('gives equal payloads equal fingerprints and any change another', () => {
    expect(fingerprint({ title: 'a', parentId: 3 })).toBe(fingerprint({ title: 'a', parentId: 3 }));
    expect(fingerprint({ title: 'a', parentId: 3 })).not.toBe(fingerprint({ title: 'a', parentId: 4 }));
  });
});
