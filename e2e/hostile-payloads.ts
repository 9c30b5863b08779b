/**
 * Hostile values for the injection matrix (injection.spec.ts). Every attack carries a marker of
 * its own — the global it would set, or the text of the dialog it would open — so a test can say
 * exactly which one ran, and where. Every hostile field also carries legitimate text that a
 * reader must still see, as text.
 */

/** Prefix of every marker: a global that exists, or a dialog that opens, means injected code ran. */
export const MARKER_PREFIX = '__pwned_';

/** One attack in one place: the hostile markup, and the marker it would leave if it ran. */
export interface Attack {
  marker: string;
  markup: string;
}

/** Markers of every attack built so far, so a page can be checked for all of them at once. */
export const allMarkers: string[] = [];

type Vector = (marker: string) => string;

function attack(place: string, name: string, vector: Vector): Attack {
  const marker = `${MARKER_PREFIX}${place}_${name}`;
  allMarkers.push(marker);
  return { marker, markup: vector(marker) };
}

/** Executable markup, each with the classic way past a naive filter. */
const MARKUP_VECTORS: Record<string, Vector> = {
  script: (m) => `<script>window.${m}=1</script>`,
  scriptUpperCase: (m) => `<SCRIPT>window.${m}=1</SCRIPT>`,
  imgOnerror: (m) => `<img src=x onerror="window.${m}=1">`,
  imgOnerrorUnquoted: (m) => `<img src=x onerror=alert('${m}')>`,
  svgOnload: (m) => `<svg onload="window.${m}=1"><circle r="1"/></svg>`,
  svgScript: (m) => `<svg><script>window.${m}=1</script></svg>`,
  svgAnimateHref: (m) =>
    `<svg><a><animate attributeName="href" values="javascript:window.${m}=1"/><text y="20">go</text></a></svg>`,
  mathHref: (m) =>
    `<math><maction actiontype="statusline" href="javascript:window.${m}=1">x</maction></math>`,
  javascriptLink: (m) => `<a href="javascript:window.${m}=1">a plain link</a>`,
  javascriptLinkEntities: (m) => `<a href="&#x6a;avascript&#58;window.${m}=1">an encoded link</a>`,
  javascriptLinkWhitespace: (m) => `<a href=" java\tscript:window.${m}=1">a spaced link</a>`,
  dataLink: (m) => `<a href="data:text/html,<script>alert('${m}')</script>">a data link</a>`,
  dataIframe: (m) => `<iframe src="data:text/html,<script>alert('${m}')</script>"></iframe>`,
  srcdocIframe: (m) =>
    `<iframe src="https://www.youtube.com/embed/x" srcdoc="<script>alert('${m}')</script>"></iframe>`,
  objectData: (m) => `<object data="data:text/html,<script>alert('${m}')</script>"></object>`,
  embedSrc: (m) => `<embed src="javascript:window.${m}=1">`,
  formAction: (m) => `<form action="javascript:window.${m}=1"><button>send</button></form>`,
  buttonFormaction: (m) => `<button formaction="javascript:window.${m}=1">send</button>`,
  metaRefresh: (m) => `<meta http-equiv="refresh" content="0;url=javascript:window.${m}=1">`,
  baseHref: (m) => `<base href="javascript:window.${m}=1//">`,
  detailsOntoggle: (m) => `<details open ontoggle="window.${m}=1"><summary>more</summary></details>`,
  styleExpression: (m) => `<p style="background:url(javascript:window.${m}=1)">styled</p>`,
  attributeBreakout: (m) => `"><script>window.${m}=1</script>`,
  singleQuoteBreakout: (m) => `' onmouseover='window.${m}=1' x='`,
  titleBreakout: (m) => `</title><script>window.${m}=1</script>`,
  scriptBreakout: (m) => `</script><script>window.${m}=1</script>`,
  commentBreakout: (m) => `<!--><script>window.${m}=1</script>-->`,
  cdataBreakout: (m) => `]]><script>window.${m}=1</script>`,
  textareaBreakout: (m) => `</textarea><script>window.${m}=1</script>`,
  noscriptBreakout: (m) => `<noscript><p title="</noscript><img src=x onerror=window.${m}=1>">`,
  templateBreakout: (m) => `<template><script>window.${m}=1</script></template>`,
};

/**
 * The mXSS classic: namespace confusion makes <style> content parse as markup after a round trip.
 * Last in every field: its <style> is never closed, so a sanitiser rightly drops all that follows.
 */
const UNCLOSED_VECTORS: Record<string, Vector> = {
  mathMglyphStyle: (m) => `<math><mtext><table><mglyph><style><img src=x onerror="window.${m}=1">`,
};

/**
 * The same attacks as text that is already entity-encoded once: WordPress, Yoast or the app must
 * decode it at most once, or it becomes live markup.
 */
const ENCODED_VECTORS: Record<string, Vector> = {
  encodedScript: (m) => `&lt;script&gt;window.${m}=1&lt;/script&gt;`,
  encodedTitleBreakout: (m) => `&lt;/title&gt;&lt;script&gt;window.${m}=1&lt;/script&gt;`,
  encodedScriptBreakout: (m) => `&lt;/script&gt;&lt;script&gt;window.${m}=1&lt;/script&gt;`,
  encodedAttributeBreakout: (m) => `&quot;&gt;&lt;img src=x onerror=window.${m}=1&gt;`,
  doubleEncodedScript: (m) => `&amp;lt;script&amp;gt;window.${m}=1&amp;lt;/script&amp;gt;`,
  numericEncodedScript: (m) => `&#60;script&#62;window.${m}=1&#60;/script&#62;`,
  hexEncodedImg: (m) => `&#x3c;img src=x onerror=window.${m}=1&#x3e;`,
};

/** Every attack (or only the entity-encoded ones) for one place. */
function attacksFor(place: string, onlyEncoded: boolean): Attack[] {
  const vectors = onlyEncoded
    ? ENCODED_VECTORS
    : { ...MARKUP_VECTORS, ...ENCODED_VECTORS, ...UNCLOSED_VECTORS };
  return Object.entries(vectors).map(([name, vector]) => attack(place, name, vector));
}

/** Right-to-left override and zero-width characters, which must survive as the text they are. */
export const RIGHT_TO_LEFT_OVERRIDE = '\u202E';
export const ZERO_WIDTH_SPACE = '\u200B';
export const ZERO_WIDTH_JOINER = '\u200D';

/** A hostile field: what WordPress is given, and the text a reader must still see. */
export interface HostileField {
  value: string;
  legitimate: string;
}

/**
 * Legitimate text, then every attack. The legitimate part holds words that appear nowhere else
 * on the site, so finding it proves this field was rendered.
 */
function hostileField(place: string, legitimate: string, { onlyEncoded = false } = {}): HostileField {
  const attacks = attacksFor(place, onlyEncoded)
    .map((one) => one.markup)
    .join(' ');
  return { value: `${legitimate} ${attacks}`, legitimate };
}

/**
 * WordPress keeps names (terms, users, comment authors) in columns of 200 to 250 characters and
 * refuses longer ones, so a name carries the three attacks that matter where names go — into
 * attributes, the title and JSON-LD: a double-quote breakout, a single-quote breakout with an
 * event handler, and an entity-encoded script breakout.
 */
const NAME_LENGTH_LIMIT = 190;

function hostileName(place: string, legitimate: string): HostileField {
  const quote = attack(place, 'quote', (m) => `"><i>' onmouseover='window.${m}=1' x='`);
  const encoded = attack(place, 'encoded', ENCODED_VECTORS.encodedScriptBreakout ?? String);
  const value = `${legitimate} ${quote.markup} ${encoded.markup}`;
  if (value.length > NAME_LENGTH_LIMIT) {
    throw new Error(
      `The hostile name for ${place} is ${value.length} characters; keep it to ${NAME_LENGTH_LIMIT}`,
    );
  }
  return { value, legitimate };
}

/** 5,000 nested elements: deeper than any parser's comfort zone (Chromium flattens beyond 512). */
export const DEEP_NESTING_DEPTH = 5000;
/** About 100 KB of one unbroken word, where something might copy, truncate or choke. */
export const LONG_WORD_LENGTH = 100_000;

function deeplyNested(marker: string, text: string): string {
  allMarkers.push(marker);
  const open = '<div>'.repeat(DEEP_NESTING_DEPTH);
  const close = '</div>'.repeat(DEEP_NESTING_DEPTH);
  return `${open}<p>${text}</p><img src=x onerror="window.${marker}=1">${close}`;
}

/** The words a search for the hostile posts uses: no seeded post contains them. */
export const SEARCH_WORD = 'Kittiwake';

export const HOSTILE_SLUGS = {
  post: 'hostile-kittiwake-harbour',
  deepPost: 'hostile-kittiwake-depths',
  encodedPost: 'hostile-kittiwake-entities',
  idPost: 'hostile-kittiwake-ids',
  stylePost: 'hostile-kittiwake-styles',
  page: 'hostile-kittiwake-page',
  category: 'hostile-kittiwake-category',
  tag: 'hostile-kittiwake-tag',
  author: 'hostile-kittiwake-author',
} as const;

/** The main hostile post: every field an editor can write, and its Yoast fields. */
export const hostilePost = {
  title: hostileField(
    'postTitle',
    `${SEARCH_WORD} harbour lights ${RIGHT_TO_LEFT_OVERRIDE}thgil${ZERO_WIDTH_SPACE}house`,
  ),
  content: hostileField('postContent', `${SEARCH_WORD} shoreline ledger of lamps and tides.`),
  excerpt: hostileField('postExcerpt', `${SEARCH_WORD} excerpt about the breakwater.`),
  yoastTitle: hostileField('postYoastTitle', `${SEARCH_WORD} Yoast headline for the harbour`),
  yoastDescription: hostileField('postYoastDescription', `${SEARCH_WORD} Yoast summary of tides`),
  comment: hostileField('comment', `${SEARCH_WORD} reader remark about the lamps.`),
  commentAuthor: hostileName('commenter', `${SEARCH_WORD} Commenter`),
};

/** Size and depth: a post whose body is 5,000 levels deep and holds a 100 KB word. */
export const deepPost = {
  title: hostileField('deepTitle', `${SEARCH_WORD} depths and lengths`),
  content: {
    value:
      `<p>${SEARCH_WORD} above the depths.</p>` +
      deeplyNested(`${MARKER_PREFIX}deepContent_nestedImg`, `${SEARCH_WORD} at the bottom of the well.`) +
      `<p>${'w'.repeat(LONG_WORD_LENGTH)}</p><p>${SEARCH_WORD} after the long word.</p>`,
    legitimate: `${SEARCH_WORD} after the long word.`,
  },
};

/**
 * Entity-encoded attacks alone in the title and body, where a double decode would bring them to
 * life. (Alone, because broken markup elsewhere in a field can swallow what follows it.)
 */
export const encodedPost = {
  title: hostileField(
    'encodedTitle',
    `${SEARCH_WORD} entities ${ZERO_WIDTH_JOINER}and${ZERO_WIDTH_SPACE} joiners`,
    { onlyEncoded: true },
  ),
  content: hostileField('encodedContent', `${SEARCH_WORD} the encoded body survives.`, { onlyEncoded: true }),
};

/**
 * Ids an author gives content that the page uses itself: the main landmark the skip link
 * targets, Next's flight-data global (as an element, `self.__next_f` would stop hydration),
 * the comments section and a comment status anchor; and a link to a heading of the post's own,
 * as a table of contents or a footnote has.
 */
export const APP_IDS = ['main', '__next_f', 'comments', 'comment-status-pending'] as const;

export const idPost = {
  title: {
    value: `${SEARCH_WORD} the log names its parts`,
    legitimate: `${SEARCH_WORD} the log names its parts`,
  },
  content: {
    value:
      `<p id="main">${SEARCH_WORD} a paragraph that calls itself main.</p>` +
      `<p id="__next_f">A paragraph named like the page's own data.</p>` +
      `<section id="comments"><p>A section named comments.</p></section>` +
      `<p id="comment-status-pending">A paragraph named like a comment status.</p>` +
      `<p><a href="#h-tide-table">To the tide table</a></p>` +
      `<p>${'The tide rises and falls. '.repeat(200)}</p>` +
      `<h2 class="wp-block-heading" id="h-tide-table">Tide table</h2><p>High water at noon.</p>`,
    legitimate: `${SEARCH_WORD} a paragraph that calls itself main.`,
  },
};

/**
 * A host no request may reach: a style that makes the browser fetch from it got past the
 * allowlist (`.invalid` never resolves, but the browser still tries, and the test sees it try).
 */
export const STYLE_BEACON_HOST = 'css-beacon.invalid';

/**
 * CSS injection through every property the style allowlist lets through
 * (lib/content/style-allowlist.ts): for each, one paragraph whose inline style pairs the property
 * with a remote url(), an escaped url(), an expression() and a fixed position — none may reach
 * the page — and a breakout of the attribute and of a <style> element, which must stay text.
 */
export function hostileStylePost(properties: readonly string[]) {
  const paragraphs = properties.map((property) => {
    const breakout = attack(
      'style',
      property.replace(/-/g, '_'),
      (m) => `</style><script>window.${m}=1</script>`,
    );
    const declarations = [
      `${property}:url(https://${STYLE_BEACON_HOST}/${property}.png)`,
      `${property}:\\75 rl(https://${STYLE_BEACON_HOST}/escaped-${property}.png)`,
      `${property}:expression(window.${breakout.marker}=1)`,
      `${property}:image-set(url(https://${STYLE_BEACON_HOST}/set-${property}.png) 1x)`,
      'position:fixed',
      'top:0',
      'z-index:2147483647',
    ];
    return (
      `<p style="${declarations.join(';').replaceAll('"', '&quot;')}">${SEARCH_WORD} styled by ${property}.</p>` +
      `<p style="${property}:inherit;}${breakout.markup.replaceAll('"', '&quot;')}">${SEARCH_WORD} broken out of ${property}.</p>`
    );
  });
  const legitimate = `${SEARCH_WORD} a post styled every way.`;
  return {
    title: { value: `${SEARCH_WORD} the styles log`, legitimate: `${SEARCH_WORD} the styles log` },
    content: {
      value:
        `<p>${legitimate}</p>` +
        `<div style="background-image:url(&quot;https://${STYLE_BEACON_HOST}/quoted.png&quot;);position:absolute">x</div>` +
        `<p style="@import url(https://${STYLE_BEACON_HOST}/import.css);color:red">imported</p>` +
        `<p style="color:url(https://${STYLE_BEACON_HOST}/red.png);position:fixed;color:red">${SEARCH_WORD} kept red.</p>` +
        paragraphs.join(''),
      legitimate,
    },
  };
}

export const hostilePage = {
  title: hostileField('pageTitle', `${SEARCH_WORD} page about the lighthouse`),
  content: hostileField('pageContent', `${SEARCH_WORD} the keeper log, page edition.`),
  yoastTitle: hostileField('pageYoastTitle', `${SEARCH_WORD} Yoast page headline`),
  yoastDescription: hostileField('pageYoastDescription', `${SEARCH_WORD} Yoast page summary`),
};

export const hostileCategory = {
  name: hostileName('category', `${SEARCH_WORD} Shoreline`),
  description: hostileField('categoryDescription', `${SEARCH_WORD} stories from the shoreline.`),
};

export const hostileTag = {
  name: hostileName('tag', `${SEARCH_WORD} Tidepools`),
  description: hostileField('tagDescription', `${SEARCH_WORD} notes on tidepools.`),
};

export const hostileAuthor = {
  name: hostileName('author', `${SEARCH_WORD} Keeper ${RIGHT_TO_LEFT_OVERRIDE}reveR`),
  bio: hostileField('authorBio', `${SEARCH_WORD} keeps the lamp lit through every storm.`),
};

/** A search for executable markup: the term is shown back to the reader. */
export const hostileSearchTerm = hostileField('searchTerm', `${SEARCH_WORD} query`);

/**
 * Paths of executable markup, for the 404 page: a short one that reaches the app's not-found
 * page, and one with a segment too long to be a WordPress slug, which is turned away earlier.
 */
export const hostilePaths = [
  `/${encodeURIComponent(`"><img src=x onerror=alert('${MARKER_PREFIX}shortPath')>`)}/`,
  `/${encodeURIComponent(
    `"><script>window.${MARKER_PREFIX}longPath=1</script>${'x'.repeat(300)}<svg onload=alert('${MARKER_PREFIX}longPath')>`,
  )}/`,
];
allMarkers.push(`${MARKER_PREFIX}shortPath`, `${MARKER_PREFIX}longPath`);
