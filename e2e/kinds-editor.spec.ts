import { expect, test, type APIRequestContext } from '@playwright/test';
import { FRESH_WITHIN, LISTS_FRESH_WITHIN, titleAt } from './freshness';
import {
  pathOf,
  textOf,
  wordpressGet,
  wordpressGetAsEditor,
  wordpressWrite,
  type WordPressPost,
} from './wordpress';

/**
 * An editor changes an event in WordPress, through its REST API and the real companion plugin
 * (which names the event's type and series, with their ancestors, in its webhook). Runs after
 * the readers; the title is put back at the end.
 */
type EditableEvent = WordPressPost & { title: { raw: string; rendered: string }; 'event-series': number[] };
interface Series {
  id: number;
  link: string;
  parent: number;
}

/** Whether the page at `path` came from a cache (the in-memory one or Next's) and was not stale. */
async function isCachedAndFresh(request: APIRequestContext, path: string) {
  const headers = (await request.get(path)).headers();
  return headers['x-broadsheet-cache'] === 'HIT' || headers['x-nextjs-cache'] === 'HIT';
}

/** Whether the page at `path` shows `title` anywhere (a list's card, say). */
async function lists(request: APIRequestContext, path: string, title: string) {
  return (await (await request.get(path)).text()).includes(title);
}

test('a changed event title is live on its page, the events archive and its series, and leaves the front page’s list cached', async ({
  request,
}) => {
  test.setTimeout(120_000);
  const { data } = await wordpressGet<WordPressPost[]>('/wp/v2/events', { slug: 'bread-and-argument' });
  if (!data[0]) throw new Error('the event bread-and-argument is not seeded');
  const event = await wordpressGetAsEditor<EditableEvent>(`/wp/v2/events/${data[0].id}`, { context: 'edit' });
  const { data: series } = await wordpressGet<Series[]>('/wp/v2/event-series', {
    include: event['event-series'].join(','),
  });
  const child = series.find((term) => term.parent !== 0);
  if (!child) throw new Error('the event is not in a child series');
  const { data: parents } = await wordpressGet<Series[]>('/wp/v2/event-series', { include: child.parent });
  const parent = parents[0];
  if (!parent) throw new Error('the child series has no parent');
  const path = pathOf(event.link);
  const archives = ['/events/', pathOf(child.link), pathOf(parent.link)];

  // Everything is cached and fresh before the change (earlier edits may have left pages stale,
  // to be re-rendered in the background).
  expect(await titleAt(request, path)).toBe(textOf(event.title.rendered));
  for (const page of [path, ...archives, '/']) {
    await expect
      .poll(() => isCachedAndFresh(request, page), { ...LISTS_FRESH_WITHIN, message: page })
      .toBe(true);
  }

  const newTitle = `Rescheduled: ${event.title.raw} ${Date.now()}`;
  try {
    await wordpressWrite('POST', `/wp/v2/events/${event.id}`, { title: newTitle });
    await expect.poll(() => titleAt(request, path), FRESH_WITHIN).toBe(newTitle);

    // The webhook has been handled (it revalidates all its tags at once). The front page lists
    // posts, not events: none of the event's tags is on it, so its copy in memory (taken just
    // before the change, well within its minute) survived the revalidation and answers. The
    // parent series' archive, which lists the event, is stale: its copy in memory says so (a copy
    // rendered moments ago is rendered again once two seconds old), or Next's cache does —
    // proof that the revalidation told the two apart.
    expect((await request.get('/')).headers()['x-broadsheet-cache']).toBe('HIT');
    const parentArchive = (await request.get(pathOf(parent.link))).headers();
    expect(
      [parentArchive['x-broadsheet-cache'], parentArchive['x-nextjs-cache']],
      JSON.stringify(parentArchive),
    ).toContain('STALE');

    for (const archive of archives) {
      await expect.poll(() => lists(request, archive, newTitle), LISTS_FRESH_WITHIN).toBe(true);
    }
    expect(await lists(request, '/', newTitle)).toBe(false);
  } finally {
    await wordpressWrite('POST', `/wp/v2/events/${event.id}`, { title: event.title.raw });
  }
  await expect.poll(() => titleAt(request, path), FRESH_WITHIN).toBe(textOf(event.title.rendered));
  for (const archive of archives) {
    await expect.poll(() => lists(request, archive, newTitle), LISTS_FRESH_WITHIN).toBe(false);
  }
});
