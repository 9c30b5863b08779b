// Reads a WordPress export (WXR, what Tools → Export writes) into a plain model, entirely before
// anything touches WordPress: a file that is not well-formed XML, is cut short, or is not a
// WordPress export fails here with the line to look at, and the site is left as it was.
import sax from 'sax';

/**
 * @typedef {{ line: number, message: string }} WxrWarning
 * @typedef {{ id: number | null, login: string, email: string, displayName: string,
 *   firstName: string, lastName: string, line: number }} WxrAuthor
 * @typedef {{ id: number | null, taxonomy: string, slug: string, name: string, description: string,
 *   parentSlug: string, meta: [string, string][], declared: boolean, line: number }} WxrTerm
 * @typedef {{ id: number, author: string, email: string, url: string, ip: string, date: string,
 *   dateGmt: string, content: string, approved: string, type: string, parentId: number,
 *   userId: number, meta: [string, string][], line: number }} WxrComment
 * @typedef {{ taxonomy: string, slug: string }} WxrTermRef
 * @typedef {{ id: number, type: string, status: string, title: string, slug: string,
 *   content: string, excerpt: string, date: string, dateGmt: string, creator: string,
 *   commentStatus: string, pingStatus: string, menuOrder: number, parentId: number,
 *   password: string, sticky: boolean, mimeType: string, attachmentUrl: string,
 *   terms: WxrTermRef[], meta: [string, string][], comments: WxrComment[],
 *   duplicateOfLine: number | null, line: number }} WxrItem
 * @typedef {{ title: string, sourceUrl: string, wxrVersion: string, authors: WxrAuthor[],
 *   terms: WxrTerm[], items: WxrItem[], warnings: WxrWarning[] }} WxrDocument
 */

/** A file that cannot be imported; `line` is where to look (1-based). */
export class WxrError extends Error {
  /**
   * @param {number} line
   * @param {string} problem
   * @param {{ cause?: unknown }} [options]
   */
  constructor(line, problem, options) {
    super(`line ${line}: ${problem}`, options);
    this.name = 'WxrError';
    this.line = line;
    this.problem = problem;
  }
}

/**
 * @typedef {{ name: string, attributes: Record<string, string>, children: XmlElement[],
 *   text: string, line: number }} XmlElement
 */

/**
 * Parses XML text into a small element tree that keeps each element's line. Text and CDATA of an
 * element are joined (WordPress splits content holding "]]>" into several CDATA sections).
 * @param {string} xml
 * @returns {XmlElement}
 */
export function parseXmlTree(xml) {
  const parser = sax.parser(true, { trim: false, normalize: false, position: true });
  /** @type {XmlElement[]} */
  const open = [];
  /** @type {XmlElement | null} */
  let root = null;
  const here = () => parser.line + 1;

  parser.onerror = (error) => {
    const reason = String(error.message).split('\n')[0] ?? 'malformed XML';
    throw new WxrError(here(), `the file is not well-formed XML (${reason})`, { cause: error });
  };
  parser.onopentag = (tag) => {
    /** @type {Record<string, string>} */
    const attributes = {};
    for (const [name, value] of Object.entries(tag.attributes)) {
      attributes[name] = typeof value === 'string' ? value : value.value;
    }
    const element = { name: tag.name, attributes, children: [], text: '', line: here() };
    const parent = open.at(-1);
    if (parent) parent.children.push(element);
    else root = element;
    open.push(element);
  };
  parser.onclosetag = () => {
    open.pop();
  };
  const appendText = (/** @type {string} */ text) => {
    const current = open.at(-1);
    if (current) current.text += text;
  };
  parser.ontext = appendText;
  parser.oncdata = appendText;

  parser.write(xml.startsWith('\uFEFF') ? xml.slice(1) : xml);
  const unclosed = open.at(-1);
  if (unclosed) {
    throw new WxrError(
      here(),
      `the file ends while <${unclosed.name}> (opened at line ${unclosed.line}) is still open; ` +
        'it looks truncated — export it again',
    );
  }
  parser.close();
  if (!root) throw new WxrError(here(), 'the file holds no XML element; it is not a WordPress export');
  return root;
}

/** @param {XmlElement} element @param {string} name */
function child(element, name) {
  return element.children.find((candidate) => candidate.name === name);
}

/** @param {XmlElement} element @param {string} name */
function childText(element, name) {
  return child(element, name)?.text ?? '';
}

/** @param {XmlElement} element @param {string} name */
function children(element, name) {
  return element.children.filter((candidate) => candidate.name === name);
}

/**
 * A whole number field; empty means `fallback`. Anything else that is not a number is an error,
 * since a wrong id would attach content to the wrong parent.
 * @param {XmlElement} element @param {string} name @param {number | null} fallback
 */
function integerField(element, name, fallback) {
  const field = child(element, name);
  const text = field?.text.trim() ?? '';
  if (text === '') return fallback;
  if (!/^-?\d+$/.test(text)) {
    throw new WxrError(field?.line ?? element.line, `<${name}> should be a whole number, not "${text}"`);
  }
  return Number(text);
}

/** @param {XmlElement} element @param {string} name */
function requiredInteger(element, name) {
  const value = integerField(element, name, null);
  if (value === null) throw new WxrError(element.line, `<${element.name}> has no <${name}>`);
  return value;
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/**
 * WordPress's "Y-m-d H:i:s" dates; anything else is dropped with a warning so WordPress picks
 * its own default rather than storing nonsense.
 * @param {XmlElement} element @param {string} name @param {WxrWarning[]} warnings
 */
function dateField(element, name, warnings) {
  const field = child(element, name);
  const text = field?.text.trim() ?? '';
  if (text === '' || DATE_PATTERN.test(text)) return text;
  warnings.push({ line: field?.line ?? element.line, message: `<${name}> "${text}" is not a date; ignored` });
  return '';
}

/** @param {XmlElement} element @param {string} container */
function metaPairs(element, container) {
  return children(element, container).map(
    (meta) =>
      /** @type {[string, string]} */ ([childText(meta, 'wp:meta_key'), childText(meta, 'wp:meta_value')]),
  );
}

/** @param {XmlElement} element @returns {WxrAuthor} */
function readAuthor(element) {
  const login = childText(element, 'wp:author_login').trim();
  if (!login) throw new WxrError(element.line, '<wp:author> has no <wp:author_login>');
  return {
    id: integerField(element, 'wp:author_id', null),
    login,
    email: childText(element, 'wp:author_email').trim(),
    displayName: childText(element, 'wp:author_display_name') || login,
    firstName: childText(element, 'wp:author_first_name'),
    lastName: childText(element, 'wp:author_last_name'),
    line: element.line,
  };
}

/**
 * The three ways a WXR declares a term: <wp:category>, <wp:tag> and the general <wp:term>.
 * @param {XmlElement} element @returns {WxrTerm}
 */
function readTerm(element) {
  const fields =
    element.name === 'wp:category'
      ? {
          taxonomy: 'category',
          slug: 'wp:category_nicename',
          name: 'wp:cat_name',
          parent: 'wp:category_parent',
          description: 'wp:category_description',
        }
      : element.name === 'wp:tag'
        ? {
            taxonomy: 'post_tag',
            slug: 'wp:tag_slug',
            name: 'wp:tag_name',
            parent: '',
            description: 'wp:tag_description',
          }
        : {
            taxonomy: childText(element, 'wp:term_taxonomy').trim(),
            slug: 'wp:term_slug',
            name: 'wp:term_name',
            parent: 'wp:term_parent',
            description: 'wp:term_description',
          };
  const slug = childText(element, fields.slug).trim();
  if (!fields.taxonomy) throw new WxrError(element.line, '<wp:term> has no <wp:term_taxonomy>');
  if (!slug) throw new WxrError(element.line, `<${element.name}> has no slug`);
  return {
    id: integerField(element, 'wp:term_id', null),
    taxonomy: fields.taxonomy,
    slug,
    name: childText(element, fields.name) || slug,
    description: childText(element, fields.description),
    parentSlug: fields.parent ? childText(element, fields.parent).trim() : '',
    meta: metaPairs(element, 'wp:termmeta'),
    declared: true,
    line: element.line,
  };
}

/** @param {XmlElement} element @param {WxrWarning[]} warnings @returns {WxrComment} */
function readComment(element, warnings) {
  return {
    id: requiredInteger(element, 'wp:comment_id'),
    author: childText(element, 'wp:comment_author'),
    email: childText(element, 'wp:comment_author_email').trim(),
    url: childText(element, 'wp:comment_author_url').trim(),
    ip: childText(element, 'wp:comment_author_IP').trim(),
    date: dateField(element, 'wp:comment_date', warnings),
    dateGmt: dateField(element, 'wp:comment_date_gmt', warnings),
    content: childText(element, 'wp:comment_content'),
    approved: childText(element, 'wp:comment_approved').trim() || '1',
    type: childText(element, 'wp:comment_type').trim(),
    parentId: integerField(element, 'wp:comment_parent', 0) ?? 0,
    userId: integerField(element, 'wp:comment_user_id', 0) ?? 0,
    meta: metaPairs(element, 'wp:commentmeta'),
    line: element.line,
  };
}

/**
 * An item's <category domain="…"> names the taxonomy; WXR 1.0 wrote "tag" for tags.
 * @param {string | undefined} domain
 */
function taxonomyOfDomain(domain) {
  if (!domain) return 'category';
  return domain === 'tag' ? 'post_tag' : domain;
}

/** @param {XmlElement} element @param {WxrWarning[]} warnings @returns {WxrItem} */
function readItem(element, warnings) {
  const type = childText(element, 'wp:post_type').trim();
  if (!type) throw new WxrError(element.line, '<item> has no <wp:post_type>; is this a WordPress export?');
  return {
    id: requiredInteger(element, 'wp:post_id'),
    type,
    status: childText(element, 'wp:status').trim() || 'publish',
    title: childText(element, 'title'),
    slug: childText(element, 'wp:post_name').trim(),
    content: childText(element, 'content:encoded'),
    excerpt: childText(element, 'excerpt:encoded'),
    date: dateField(element, 'wp:post_date', warnings),
    dateGmt: dateField(element, 'wp:post_date_gmt', warnings),
    creator: childText(element, 'dc:creator').trim(),
    commentStatus: childText(element, 'wp:comment_status').trim(),
    pingStatus: childText(element, 'wp:ping_status').trim(),
    menuOrder: integerField(element, 'wp:menu_order', 0) ?? 0,
    parentId: integerField(element, 'wp:post_parent', 0) ?? 0,
    password: childText(element, 'wp:post_password'),
    sticky: childText(element, 'wp:is_sticky').trim() === '1',
    mimeType: childText(element, 'wp:post_mime_type').trim(),
    attachmentUrl: childText(element, 'wp:attachment_url').trim(),
    terms: children(element, 'category')
      .filter((category) => category.attributes.nicename)
      .map((category) => ({
        taxonomy: taxonomyOfDomain(category.attributes.domain),
        slug: category.attributes.nicename ?? '',
      })),
    meta: metaPairs(element, 'wp:postmeta'),
    comments: children(element, 'wp:comment').map((comment) => readComment(comment, warnings)),
    duplicateOfLine: null,
    line: element.line,
  };
}

/**
 * Terms that items use without the export declaring them (older exports, or terms of plugins'
 * taxonomies) are added, so every reference resolves; they carry their name from the item.
 * @param {XmlElement} channel @param {WxrTerm[]} terms
 */
function addUndeclaredTerms(channel, terms) {
  const known = new Set(terms.map((term) => `${term.taxonomy}\u0000${term.slug}`));
  for (const item of children(channel, 'item')) {
    for (const category of children(item, 'category')) {
      const slug = category.attributes.nicename;
      if (!slug) continue;
      const taxonomy = taxonomyOfDomain(category.attributes.domain);
      const key = `${taxonomy}\u0000${slug}`;
      if (known.has(key)) continue;
      known.add(key);
      terms.push({
        id: null,
        taxonomy,
        slug,
        name: category.text || slug,
        description: '',
        parentSlug: '',
        meta: [],
        declared: false,
        line: category.line,
      });
    }
  }
}

/**
 * Parses and checks a whole WXR file.
 * @param {string} xml the file's text
 * @returns {WxrDocument}
 * @throws {WxrError} naming the line when the file is malformed, truncated or not an export
 */
export function parseWxr(xml) {
  const root = parseXmlTree(xml);
  if (root.name !== 'rss') {
    throw new WxrError(
      root.line,
      `the root element is <${root.name}>, not <rss>; this is not a WordPress export`,
    );
  }
  const channel = child(root, 'channel');
  if (!channel) throw new WxrError(root.line, '<rss> has no <channel>; this is not a WordPress export');
  const wxrVersion = childText(channel, 'wp:wxr_version').trim();
  if (!wxrVersion) {
    throw new WxrError(
      channel.line,
      '<channel> has no <wp:wxr_version>; this RSS feed is not a WordPress export (Tools → Export writes one)',
    );
  }
  /** @type {WxrWarning[]} */
  const warnings = [];
  // A term may be declared twice (as <wp:category> and again as <wp:term>); the first wins.
  const terms = [
    ...new Map(
      channel.children
        .filter((element) => ['wp:category', 'wp:tag', 'wp:term'].includes(element.name))
        .map(readTerm)
        .reverse()
        .map((term) => [`${term.taxonomy}\u0000${term.slug}`, term]),
    ).values(),
  ].reverse();
  addUndeclaredTerms(channel, terms);
  const items = children(channel, 'item').map((item) => readItem(item, warnings));
  // Hand-edited exports sometimes repeat an item; like WordPress's importer, the first wins.
  const firstLineOfId = new Map();
  for (const item of items) {
    const earlier = firstLineOfId.get(item.id);
    if (earlier === undefined) firstLineOfId.set(item.id, item.line);
    else item.duplicateOfLine = earlier;
  }
  return {
    title: childText(channel, 'title').trim(),
    sourceUrl: (childText(channel, 'wp:base_blog_url') || childText(channel, 'link'))
      .trim()
      .replace(/\/+$/, ''),
    wxrVersion,
    authors: children(channel, 'wp:author').map(readAuthor),
    terms,
    items,
    warnings,
  };
}
