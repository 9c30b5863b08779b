// One GET of WordPress's REST API by its plain-permalink route (?rest_route=), which answers
// whatever the site's permalink structure; for the launchers that choose pages from WordPress.

/** The JSON of `route` with `params` as its query; throws on an HTTP error. */
export async function readWordPress(wordpressUrl, route, params = {}) {
  const url = new URL(`${wordpressUrl}/`);
  url.searchParams.set('rest_route', route);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, String(value));
  const response = await fetch(url);
  if (!response.ok) throw new Error(`WordPress answered ${route} with HTTP ${response.status}`);
  return response.json();
}
