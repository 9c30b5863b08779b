// Imports a parsed WordPress export into a WordPress that runs the dev import mu-plugin.
//
// Order matters because everything points at something: users and terms first (posts name
// them), then attachments (posts' content links to their files), then posts and pages parents
// first, then the links that may point either way (featured images, attachments' parents),
// then comments parents first, then menu items. Each step sends the new ids of what earlier
// steps created, so WordPress never has to guess. Nothing here is specific to one export.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { downloadAll } from './media.mjs';
import { silentProgress } from './progress.mjs';
import { createTally, formatSummary } from './summary.mjs';
import { createImportApi } from './wordpress-api.mjs';
import { parseWxr } from './wxr.mjs';

/** @typedef {import('./wxr.mjs').WxrDocument} WxrDocument */
/** @typedef {import('./wxr.mjs').WxrItem} WxrItem */
/** @typedef {import('./wxr.mjs').WxrTerm} WxrTerm */

/** Items per request: small enough that one request stays well inside PHP's comfort. */
const BATCH_SIZE = {
  users: 25,
  terms: 50,
  posts: 15,
  attachments: 5,
  relations: 50,
  comments: 50,
  'menu-items': 30,
};
/** Attachment batches also stop at this many bytes of file data. */
const ATTACHMENT_BATCH_BYTES = 8 * 1024 * 1024;

/**
 * Meta that is not content: editing locks, caches of the old site, what this importer rebuilds
 * itself (files' metadata, featured images, menu items' fields) and its own bookkeeping.
 */
const NON_CONTENT_META =
  /^(_edit_lock|_edit_last|_thumbnail_id|_wp_attached_file|_wp_attachment_metadata|_wp_attachment_backup_sizes|_menu_item_.*|_oembed_.*|_publicize_.*|_attachment_original_parent_id|_encloseme|_pingme|_wp_trash_meta_.*|_broadsheet_wxr_.*)$/;

/** @param {[string, string][]} meta */
export function contentMeta(meta) {
  return meta.filter(([key]) => key !== '' && !NON_CONTENT_META.test(key));
}

/** @param {[string, string][]} meta @param {string} key */
function metaValue(meta, key) {
  return meta.find(([candidate]) => candidate === key)?.[1] ?? '';
}

/** A stable fingerprint of what is sent for an item, so a re-run can tell "unchanged". */
export function fingerprint(/** @type {unknown} */ payload) {
  return createHash('sha256').update(JSON.stringify(payload)).digest('hex').slice(0, 32);
}

/**
 * Groups items so that each group's parents are all in earlier groups: depth 0 first. A parent
 * missing from the list, or a loop, makes an item a root rather than losing it.
 * @template T
 * @param {T[]} items
 * @param {(item: T) => string | number} idOf
 * @param {(item: T) => string | number | null} parentOf
 * @returns {T[][]}
 */
export function inParentOrder(items, idOf, parentOf) {
  const byId = new Map(items.map((item) => [idOf(item), item]));
  /** @type {Map<T, number>} */
  const depths = new Map();
  /** @param {T} item @returns {number} */
  const depthOf = (item) => {
    const known = depths.get(item);
    if (known !== undefined) return known;
    const chain = new Set([item]);
    let depth = 0;
    let current = item;
    for (;;) {
      const parentId = parentOf(current);
      const parent = parentId === null ? undefined : byId.get(parentId);
      if (!parent || chain.has(parent)) break;
      const parentDepth = depths.get(parent);
      if (parentDepth !== undefined) {
        depth += parentDepth + 1;
        break;
      }
      chain.add(parent);
      depth += 1;
      current = parent;
    }
    depths.set(item, depth);
    return depth;
  };
  /** @type {T[][]} */
  const levels = [];
  for (const item of items) {
    const depth = depthOf(item);
    while (levels.length <= depth) levels.push([]);
    levels[depth]?.push(item);
  }
  return levels.filter((level) => level.length > 0);
}

/** @template T @param {T[]} list @param {number} size @returns {T[][]} */
function chunks(list, size) {
  const result = [];
  for (let start = 0; start < list.length; start += size) result.push(list.slice(start, start + size));
  return result;
}

/** How the summary names a taxonomy's terms. @param {string} taxonomy */
export function termKind(taxonomy) {
  return (
    { category: 'categories', post_tag: 'tags', nav_menu: 'menus', post_format: 'post formats' }[taxonomy] ??
    `terms (${taxonomy})`
  );
}

/** How the summary names a post type's items. @param {string} type */
export function postKind(type) {
  return (
    { post: 'posts', page: 'pages', attachment: 'attachments', nav_menu_item: 'menu items' }[type] ??
    `items (${type})`
  );
}

/** @param {WxrItem} item */
function itemLabel(item) {
  const title = item.title.trim() || item.slug || `#${item.id}`;
  return `“${title.length > 60 ? `${title.slice(0, 57)}…` : title}” (line ${item.line})`;
}

/**
 * @typedef {{ kind: string, label: string, payload: Record<string, unknown> & { key: string },
 *   onResult?: (result: { outcome: string, id: number, reason?: string, url?: string,
 *   placeholder?: boolean }) => void }} Outgoing
 */

/**
 * Imports a parsed export.
 * @param {WxrDocument} document from parseWxr
 * @param {{ site: { url: string, user: string, applicationPassword: string }, empty?: boolean,
 *   progress?: import('./progress.mjs').Progress, download?: typeof import('./media.mjs').downloadMedia }} options
 *   empty: remove the site's content first (only after the file has parsed, so a bad file changes nothing)
 */
export async function importWxr(document, { site, empty = false, progress = silentProgress, download }) {
  const started = Date.now();
  const api = createImportApi(site);
  const tally = createTally();
  const source = document.sourceUrl || `wxr:${document.title}`;
  const keyOf = (/** @type {string} */ what) => `${source}#${what}`;

  let emptied = null;
  if (empty) {
    progress.note('Emptying the site first…');
    emptied = 0;
    for (let chunk = await api.emptyChunk(); !chunk.done; chunk = await api.emptyChunk()) {
      emptied += chunk.deleted;
    }
  }

  const importable = document.items.filter((item) => item.duplicateOfLine === null);
  const attachments = importable.filter((item) => item.type === 'attachment');
  const menuItems = importable.filter((item) => item.type === 'nav_menu_item');
  const posts = importable.filter((item) => item.type !== 'attachment' && item.type !== 'nav_menu_item');
  const comments = posts.flatMap((item) => item.comments);
  progress.setTotal(
    document.authors.length +
      document.terms.length +
      attachments.length * 2 +
      posts.length +
      attachments.length +
      posts.length +
      comments.length +
      menuItems.length,
  );

  /**
   * Sends items in batches and records each result. The items must not depend on each other.
   * @param {keyof typeof BATCH_SIZE} kind @param {Outgoing[]} entries
   */
  async function send(kind, entries) {
    const batches = kind === 'attachments' ? attachmentBatches(entries) : chunks(entries, BATCH_SIZE[kind]);
    for (const batch of batches) {
      const results = await api.sendBatch(
        source,
        kind === 'attachments' ? 'posts' : kind,
        batch.map((entry) => entry.payload),
      );
      results.forEach((result, index) => {
        const entry = batch[index];
        if (!entry) return;
        tally.record(entry.kind, result.outcome, { label: entry.label, reason: result.reason });
        entry.onResult?.(result);
      });
      progress.advance(batch.length);
    }
  }

  /** @param {Outgoing[]} level */
  function attachmentBatches(level) {
    const batches = [];
    let current = [];
    let bytes = 0;
    for (const entry of level) {
      const attachment = /** @type {{ dataBase64?: string }} */ (entry.payload.attachment);
      const size = attachment.dataBase64?.length ?? 0;
      if (
        current.length > 0 &&
        (current.length >= BATCH_SIZE.attachments || bytes + size > ATTACHMENT_BATCH_BYTES)
      ) {
        batches.push(current);
        current = [];
        bytes = 0;
      }
      current.push(entry);
      bytes += size;
    }
    if (current.length > 0) batches.push(current);
    return batches;
  }

  // Users. Posts name their author by login; comments by the author's old id.
  /** @type {Map<string, number>} */
  const userIdByLogin = new Map();
  /** @type {Map<number, number>} */
  const userIdByOldId = new Map();
  tally.expect('users');
  const userEntries = document.authors.map((author) => {
    const fields = {
      key: keyOf(`user-${author.login}`),
      login: author.login,
      email: author.email,
      displayName: author.displayName,
      firstName: author.firstName,
      lastName: author.lastName,
    };
    return /** @type {Outgoing} */ ({
      kind: 'users',
      label: `${author.login} (line ${author.line})`,
      payload: { ...fields, hash: fingerprint(fields) },
      onResult: (result) => {
        if (!result.id) return;
        userIdByLogin.set(author.login, result.id);
        if (author.id !== null) userIdByOldId.set(author.id, result.id);
      },
    });
  });
  progress.startStep('users', userEntries.length);
  await send('users', userEntries);

  // Terms, parents first within each taxonomy. Items refer to terms by slug; menu items of
  // the "taxonomy" kind by the old term id.
  /** @type {Map<string, number>} */
  const termIdBySlug = new Map();
  /** @type {Map<string, number>} */
  const termIdByOldId = new Map();
  for (const kind of ['categories', 'tags']) tally.expect(kind);
  const termKey = (/** @type {string} */ taxonomy, /** @type {string} */ slug) => `${taxonomy}:${slug}`;
  /** @param {WxrTerm} term */
  const termEntry = (term) => {
    const parentId = term.parentSlug ? (termIdBySlug.get(termKey(term.taxonomy, term.parentSlug)) ?? 0) : 0;
    if (term.parentSlug && parentId === 0) {
      tally.notes.push(
        `${termKind(term.taxonomy)}: ${term.slug}: parent "${term.parentSlug}" is not in the file; made top-level`,
      );
    }
    const fields = {
      key: keyOf(`term-${term.taxonomy}-${term.slug}`),
      taxonomy: term.taxonomy,
      slug: term.slug,
      name: term.name,
      description: term.description,
      parentId,
      meta: contentMeta(term.meta),
    };
    return /** @type {Outgoing} */ ({
      kind: termKind(term.taxonomy),
      label: `“${term.name}” (line ${term.line})`,
      payload: { ...fields, hash: fingerprint(fields) },
      onResult: (result) => {
        if (!result.id) return;
        termIdBySlug.set(termKey(term.taxonomy, term.slug), result.id);
        if (term.id !== null) termIdByOldId.set(termKey(term.taxonomy, String(term.id)), result.id);
      },
    });
  };
  const termLevels = inParentOrder(
    document.terms,
    (term) => termKey(term.taxonomy, term.slug),
    (term) => (term.parentSlug ? termKey(term.taxonomy, term.parentSlug) : null),
  );
  // Entries are built level by level: a child's parent id is known only once its level is sent.
  progress.startStep('terms', document.terms.length);
  for (const level of termLevels) {
    await send('terms', level.map(termEntry));
  }

  /** @param {WxrItem} item */
  const termIdsOf = (item) => {
    /** @type {Record<string, number[]>} */
    const byTaxonomy = {};
    for (const { taxonomy, slug } of item.terms) {
      const id = termIdBySlug.get(termKey(taxonomy, slug));
      if (id !== undefined) (byTaxonomy[taxonomy] ??= []).push(id);
    }
    return byTaxonomy;
  };
  const unknownCreators = new Set();
  /** @param {WxrItem} item */
  const authorIdOf = (item) => {
    const id = userIdByLogin.get(item.creator);
    if (id === undefined && item.creator && !unknownCreators.has(item.creator)) {
      unknownCreators.add(item.creator);
      tally.notes.push(
        `items by “${item.creator}” (first at line ${item.line}), who is not among the file's authors, belong to the importing user`,
      );
    }
    return id ?? 0;
  };

  /** @type {Map<number, number>} new ids of posts, pages and attachments by their old id */
  const postIdByOldId = new Map();
  /**
   * @param {WxrItem} item @param {number} parentId @param {string} content
   * @param {Record<string, unknown>} [extra]
   */
  const postFields = (item, parentId, content, extra = {}) => ({
    key: keyOf(`post-${item.id}`),
    originalId: item.id,
    type: item.type,
    status: item.status,
    title: item.title,
    slug: item.slug,
    content,
    excerpt: item.excerpt,
    date: item.date,
    dateGmt: item.dateGmt,
    commentStatus: item.commentStatus,
    pingStatus: item.pingStatus,
    menuOrder: item.menuOrder,
    parentId,
    password: item.password,
    authorId: authorIdOf(item),
    mimeType: item.mimeType,
    sticky: item.sticky,
    terms: termIdsOf(item),
    meta: contentMeta(item.meta),
    ...extra,
  });

  // Attachments: records always; files only when their URL answers. Files already imported
  // (not as placeholders) are not fetched again.
  tally.expect('attachments');
  const previous =
    attachments.length > 0 ? await api.lookUpPosts(attachments.map((item) => keyOf(`post-${item.id}`))) : {};
  const toFetch = attachments.filter((item) => {
    const earlier = previous[keyOf(`post-${item.id}`)];
    return !earlier || earlier.placeholder;
  });
  progress.startStep('downloading media', attachments.length);
  const urlsToFetch = [...new Set(toFetch.map((item) => item.attachmentUrl))];
  const downloads = await downloadAll(urlsToFetch, {
    onEach: () => progress.advance(),
    ...(download ? { download } : {}),
  });
  progress.advance(attachments.length - urlsToFetch.length);

  /** @type {Map<string, string>} old file URL → new, for files that arrived */
  const newUrlByOldUrl = new Map();
  const attachmentEntries = attachments.map((item) => {
    const url = item.attachmentUrl;
    const fileName = basename(new URL(url, 'http://invalid/').pathname) || `attachment-${item.id}`;
    const fields = postFields(item, 0, item.content, { attachment: { url, fileName } });
    const fetched = downloads.get(item.attachmentUrl);
    const file = fetched?.ok
      ? { dataBase64: fetched.data.toString('base64') }
      : { unreachable: fetched ? fetched.reason : 'no URL in the export' };
    return /** @type {Outgoing} */ ({
      kind: 'attachments',
      label: itemLabel(item),
      payload: { ...fields, hash: fingerprint(fields), attachment: { url, fileName, ...file } },
      onResult: (result) => {
        if (!result.id) return;
        postIdByOldId.set(item.id, result.id);
        tally.media.attachments += 1;
        if (result.placeholder) tally.media.placeholders += 1;
        else {
          tally.media.downloaded += 1;
          if (result.url && item.attachmentUrl) newUrlByOldUrl.set(item.attachmentUrl, result.url);
        }
      },
    });
  });
  progress.startStep('media', attachmentEntries.length);
  await send('attachments', attachmentEntries);

  // Posts, pages and other types, parents first.
  for (const kind of ['posts', 'pages']) tally.expect(kind);
  /** @param {string} content */
  const withNewMediaUrls = (content) => {
    let result = content;
    for (const [oldUrl, newUrl] of newUrlByOldUrl) result = result.split(oldUrl).join(newUrl);
    return result;
  };
  const postIds = new Set(posts.map((item) => item.id));
  for (const item of posts) {
    if (item.parentId && !postIds.has(item.parentId)) {
      tally.notes.push(
        `${postKind(item.type)}: ${itemLabel(item)}: parent ${item.parentId} is not in the file; made top-level`,
      );
    }
  }
  const postLevels = inParentOrder(
    posts,
    (item) => item.id,
    (item) => item.parentId || null,
  );
  progress.startStep('posts and pages', posts.length);
  for (const level of postLevels) {
    const entries = level.map((item) => {
      const fields = postFields(item, postIdByOldId.get(item.parentId) ?? 0, withNewMediaUrls(item.content));
      return /** @type {Outgoing} */ ({
        kind: postKind(item.type),
        label: itemLabel(item),
        payload: { ...fields, hash: fingerprint(fields) },
        onResult: (result) => {
          if (result.id) postIdByOldId.set(item.id, result.id);
        },
      });
    });
    await send('posts', entries);
  }

  // Featured images and attachments' parents, now that both ends exist.
  tally.expect('featured images');
  /** @type {Outgoing[]} */
  const relations = [];
  for (const item of posts) {
    const thumbnail = Number(metaValue(item.meta, '_thumbnail_id'));
    const id = postIdByOldId.get(item.id);
    if (!thumbnail || !id) continue;
    const thumbnailId = postIdByOldId.get(thumbnail);
    const label = itemLabel(item);
    if (thumbnailId === undefined) {
      tally.record('featured images', 'skipped', {
        label,
        reason: `the image (attachment ${thumbnail}) is not in the file`,
      });
      continue;
    }
    relations.push({
      kind: 'featured images',
      label,
      payload: { key: keyOf(`post-${item.id}`), id, thumbnailId },
    });
  }
  for (const item of attachments) {
    const id = postIdByOldId.get(item.id);
    const parentId = postIdByOldId.get(item.parentId);
    if (id && parentId) {
      relations.push({
        kind: 'attachments’ parents',
        label: itemLabel(item),
        payload: { key: keyOf(`post-${item.id}`), id, parentId },
      });
    }
  }
  progress.startStep('featured images', posts.length + attachments.length);
  await send('relations', relations);
  progress.advance(posts.length + attachments.length - relations.length);

  // Comments, replies after what they reply to.
  tally.expect('comments');
  /** @type {Map<number, number>} */
  const commentIdByOldId = new Map();
  /** @type {Map<import('./wxr.mjs').WxrComment, WxrItem>} */
  const postOfComment = new Map(posts.flatMap((item) => item.comments.map((comment) => [comment, item])));
  progress.startStep('comments', comments.length);
  for (const level of inParentOrder(
    comments,
    (comment) => comment.id,
    (comment) => comment.parentId || null,
  )) {
    /** @type {Outgoing[]} */
    const entries = [];
    for (const comment of level) {
      const item = postOfComment.get(comment);
      const postId = item ? postIdByOldId.get(item.id) : undefined;
      const label = `by ${comment.author || 'anonymous'} (line ${comment.line})`;
      if (!postId) {
        tally.record('comments', 'skipped', { label, reason: 'its post was not imported' });
        progress.advance();
        continue;
      }
      const fields = {
        key: keyOf(`comment-${comment.id}`),
        postId,
        author: comment.author,
        email: comment.email,
        url: comment.url,
        ip: comment.ip,
        date: comment.date,
        dateGmt: comment.dateGmt,
        content: comment.content,
        approved: comment.approved,
        type: comment.type,
        parentId: commentIdByOldId.get(comment.parentId) ?? 0,
        userId: userIdByOldId.get(comment.userId) ?? 0,
        meta: contentMeta(comment.meta),
      };
      entries.push({
        kind: 'comments',
        label,
        payload: { ...fields, hash: fingerprint(fields) },
        onResult: (result) => {
          if (result.id) commentIdByOldId.set(comment.id, result.id);
        },
      });
    }
    await send('comments', entries);
  }

  // Menu items, parents first; each points at a post, a term or a URL.
  tally.expect('menu items');
  /** @type {Map<number, number>} */
  const menuItemIdByOldId = new Map();
  progress.startStep('menu items', menuItems.length);
  for (const level of inParentOrder(
    menuItems,
    (item) => item.id,
    (item) => Number(metaValue(item.meta, '_menu_item_menu_item_parent')) || null,
  )) {
    /** @type {Outgoing[]} */
    const entries = [];
    for (const item of level) {
      const label = itemLabel(item);
      const skip = (/** @type {string} */ reason) => {
        tally.record('menu items', 'skipped', { label, reason });
        progress.advance();
      };
      const menuSlug = item.terms.find((term) => term.taxonomy === 'nav_menu')?.slug;
      const menuId = menuSlug ? termIdBySlug.get(termKey('nav_menu', menuSlug)) : undefined;
      if (!menuId) {
        skip('it belongs to no menu in the file');
        continue;
      }
      const type = metaValue(item.meta, '_menu_item_type');
      const object = metaValue(item.meta, '_menu_item_object');
      const oldObjectId = metaValue(item.meta, '_menu_item_object_id');
      let objectId = 0;
      if (type === 'post_type') {
        const found = postIdByOldId.get(Number(oldObjectId));
        if (!found) {
          skip(`it points at ${object} ${oldObjectId}, which was not imported`);
          continue;
        }
        objectId = found;
      } else if (type === 'taxonomy') {
        const found = termIdByOldId.get(termKey(object, oldObjectId));
        if (!found) {
          skip(`it points at ${object} term ${oldObjectId}, which is not in the file`);
          continue;
        }
        objectId = found;
      }
      const oldParent = Number(metaValue(item.meta, '_menu_item_menu_item_parent'));
      const fields = {
        key: keyOf(`post-${item.id}`),
        menuId,
        title: item.title,
        type,
        object,
        objectId,
        parentId: menuItemIdByOldId.get(oldParent) ?? 0,
        url: metaValue(item.meta, '_menu_item_url'),
        position: item.menuOrder,
        target: metaValue(item.meta, '_menu_item_target'),
        classes: metaValue(item.meta, '_menu_item_classes'),
        xfn: metaValue(item.meta, '_menu_item_xfn'),
        description: item.content,
        attrTitle: item.excerpt,
      };
      entries.push({
        kind: 'menu items',
        label,
        payload: { ...fields, hash: fingerprint(fields) },
        onResult: (result) => {
          if (result.id) menuItemIdByOldId.set(item.id, result.id);
        },
      });
    }
    await send('menu-items', entries);
  }

  for (const item of document.items) {
    if (item.duplicateOfLine !== null) {
      tally.record(postKind(item.type), 'skipped', {
        label: `${itemLabel(item)}, first at line ${item.duplicateOfLine}`,
        reason: 'repeat the post id of an earlier item; the first is kept',
      });
    }
  }
  for (const warning of document.warnings) tally.notes.push(`line ${warning.line}: ${warning.message}`);
  progress.finish();
  return { tally, source, seconds: (Date.now() - started) / 1000, emptied };
}

/**
 * Reads, checks and imports one export file, as `npm run wp:import` and the end-to-end launcher do.
 * @param {string} file
 * @param {Parameters<typeof importWxr>[1]} options
 * @throws {import('./wxr.mjs').WxrError} before touching WordPress when the file cannot be imported
 */
export async function importWxrFile(file, options) {
  const document = parseWxr(readFileSync(file, 'utf8'));
  const result = await importWxr(document, options);
  return {
    ...result,
    document,
    summary: formatSummary(result.tally, { ...result, target: options.site.url }),
  };
}
