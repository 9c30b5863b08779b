import { expect, test } from '@playwright/test';
import { LISTS_FRESH_WITHIN } from './freshness';
import { wordpressGetAsEditor, wordpressWrite } from './wordpress';

/**
 * An editor renames a menu item in WordPress (Appearance → Menus, here through its REST API):
 * the companion plugin reports the menu, and every page shows the new label, with no other
 * action. Restores the label afterwards.
 */
interface MenuItem {
  id: number;
  title: { raw: string; rendered: string };
  parent: number;
}

test('a menu edit is live in the navigation, with no other action', async ({ request }) => {
  const locations = await wordpressGetAsEditor<Record<string, { menu: number }>>('/wp/v2/menu-locations');
  const menu = locations.primary?.menu;
  if (!menu) throw new Error('the primary location has no menu');
  const items = await wordpressGetAsEditor<MenuItem[]>('/wp/v2/menu-items', { menus: menu, context: 'edit' });
  const item = items.find((candidate) => candidate.parent === 0);
  if (!item) throw new Error('the primary menu has no items');
  const primaryNav = async () => {
    const html = await (await request.get('/')).text();
    return /<nav class="site-nav" aria-label="Primary">([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
  };
  const label = `Renamed ${Date.now()}`;
  expect(await primaryNav()).not.toContain(label); // cached now
  await wordpressWrite('POST', `/wp/v2/menu-items/${item.id}`, { title: label });
  try {
    await expect.poll(primaryNav, LISTS_FRESH_WITHIN).toContain(label);
  } finally {
    await wordpressWrite('POST', `/wp/v2/menu-items/${item.id}`, { title: item.title.raw });
  }
  await expect.poll(primaryNav, LISTS_FRESH_WITHIN).not.toContain(label);
});
