import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { wordpressGet } from './wordpress';

/** Sitemaps and feeds as a crawler or a feed reader takes them: fetched, validated, read. */
const run = promisify(execFile);
const SITEMAP_XSD = join(__dirname, 'schemas', 'sitemap.xsd');
const SITEINDEX_XSD = join(__dirname, 'schemas', 'siteindex.xsd');

let scratch = '';

/** Makes the spec that calls it (at its top level) check that xmllint runs, and give it a folder. */
export function setUpXmllint() {
  test.beforeAll(async () => {
    try {
      await run('xmllint', ['--version']);
    } catch (error) {
      throw new Error(
        'xmllint is needed to validate sitemaps and feeds but could not be run; install it with ' +
          '`apt-get install libxml2-utils` (Debian/Ubuntu) or `brew install libxml2` (macOS). ' +
          `(${error instanceof Error ? error.message : String(error)})`,
      );
    }
    scratch = await mkdtemp(join(tmpdir(), 'broadsheet-xml-'));
  });
  test.afterAll(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });
}

/** Checks a document with xmllint: well-formed, and valid against `schema` when one is given. */
export async function xmllint(name: string, xml: string, schema?: string) {
  if (!scratch) throw new Error('call setUpXmllint() at the top of the spec');
  const file = join(scratch, name.replace(/[^\w.-]+/g, '_') || 'document.xml');
  await writeFile(file, xml);
  try {
    await run('xmllint', ['--noout', ...(schema ? ['--schema', schema] : []), file]);
  } catch (error) {
    const stderr = error && typeof error === 'object' && 'stderr' in error ? String(error.stderr) : '';
    throw new Error(`${name} is not ${schema ? 'valid' : 'well-formed'} XML:\n${stderr || String(error)}`);
  }
}

/** Every item of a WordPress collection, 100 at a time. */
export async function everything<T>(route: string, params: Record<string, string | number>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const { data, totalPages } = await wordpressGet<T[]>(route, { ...params, per_page: 100, page });
    items.push(...data);
    if (page >= totalPages) return items;
  }
}

export async function fetchXml(request: APIRequestContext, path: string, contentType: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  expect(response.status(), path).toBe(200);
  expect(response.headers()['content-type'], path).toBe(contentType);
  expect(response.headers()['cache-control'], path).toMatch(/s-maxage=\d+.*stale-while-revalidate=\d+/);
  return response.text();
}

export function sitemapEntries(xml: string): { loc: string; lastmod: string | null }[] {
  return [...xml.matchAll(/<(?:url|sitemap)>([\s\S]*?)<\/(?:url|sitemap)>/g)].map(([, body = '']) => ({
    loc: /<loc>([^<]*)<\/loc>/.exec(body)?.[1]?.replace(/&amp;/g, '&') ?? '',
    lastmod: /<lastmod>([^<]*)<\/lastmod>/.exec(body)?.[1] ?? null,
  }));
}

/**
 * What the sitemaps list, by kind (posts, pages, events, event-series, …: a REST collection's
 * name), each chunk validated against its schema.
 */
export async function readSitemaps(request: APIRequestContext, siteUrl: string) {
  const index = await fetchXml(request, '/sitemap.xml', 'application/xml; charset=utf-8');
  await xmllint('sitemap.xml', index, SITEINDEX_XSD);
  const chunks = sitemapEntries(index).map((entry) => entry.loc);
  expect(chunks.length).toBeGreaterThanOrEqual(1);
  const byKind = new Map<string, { loc: string; lastmod: string | null }[]>();
  for (const chunk of chunks) {
    expect(chunk, 'chunks are listed on the frontend origin').toMatch(
      new RegExp(`^${siteUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/sitemaps/[a-z][a-z-]*-[1-9]\\d*\\.xml$`),
    );
    const path = new URL(chunk).pathname;
    const xml = await fetchXml(request, path, 'application/xml; charset=utf-8');
    await xmllint(path, xml, SITEMAP_XSD);
    const kind = /\/([a-z][a-z-]*)-\d+\.xml$/.exec(path)?.[1] ?? '';
    byKind.set(kind, [...(byKind.get(kind) ?? []), ...sitemapEntries(xml)]);
  }
  return byKind;
}
