import postcss, { type AtRule, type Container, type Declaration, type Rule } from 'postcss';
import { LRUCache } from 'lru-cache';
import {
  allowedDeclarations,
  isAllowedCoreDeclaration,
  isAllowedDeclaration,
  type StyleContext,
} from './style-allowlist';

/**
 * The element every piece of WordPress content is rendered in (components/article.tsx). All of
 * WordPress's block CSS is scoped to it, so a site's theme can style its blocks and nothing of
 * the page around them: the header, the navigation, the byline stay Broadsheet's own.
 */
export const CONTENT_SCOPE = '.entry-content';

/** One rule of WordPress CSS, scoped and filtered: its selectors, declarations, and media query. */
interface ScopedRule {
  selectors: string[];
  declarations: string[];
  /** The conditions (`@media …`, `@supports …`) it sits in, outermost first. */
  conditions: string[];
  /** The class names its selectors need on the page (all of them, for one of its selectors). */
  classSets: string[][];
}

/** Characters a selector may hold: no escapes, no markup, no braces, no at-signs, no quotes. */
const SAFE_SELECTOR = /^[\w\s.#:>+~*(),=[\]|^$-]+$/;
/**
 * A quoted attribute value as WordPress core's block CSS writes them
 * (`[data-type="core/embed"]`, `[style*="writing-mode:vertical-lr"]`): plain text only.
 */
const QUOTED_ATTRIBUTE_VALUE = /="[\w\s:/.,%-]*"/g;

/** The theme's measures of the page: the root padding, the content and wide sizes. */
const PAGE_MEASURES = /^--wp--style--(?:root--padding|global--(?:content|wide)-size)/;

/**
 * Whose CSS it is, each held to the editor's allowlist (lib/content/style-allowlist.ts) but for
 * WordPress's own code. `site`: the site's global stylesheet, written from the theme and the
 * Site Editor: its presets and its styles of blocks, not its page typography nor its colours
 * outside the presets (see scopeStylesheet). `post`: the block-supports rules WordPress wrote for
 * one post's blocks, from what its editor set. `core`: WordPress's own block library, its code,
 * held to the core rules (isAllowedCoreDeclaration).
 */
export type StylesheetOrigin = 'site' | 'post' | 'core';

/** Declarations that colour: a theme's are for its own page's colours, not Broadsheet's schemes. */
const COLOURING = /(?:^|-)color$|^background(?:-image)?$|^(?:fill|stroke|box-shadow|text-shadow)$/;
/** A preset class (`has-vivid-red-color`, `has-large-font-size`): the editor's own choice. */
const PRESET_CLASS = /^has-/;

export interface Stylesheet {
  css: string;
  origin: StylesheetOrigin;
}
/** Conditions a rule may sit in, with their text as narrow as a selector's. */
const SAFE_CONDITION = /^[\w\s.:(),/%-]+$/;
/** A sibling combinator right after the scope: it would reach the page around the content. */
const LEAVES_SCOPE = new RegExp(`${CONTENT_SCOPE.replace('.', '\\.')}\\)?\\s*[~+]`);
/** The document's own elements in a selector: they stand for the content container here. */
const DOCUMENT_ROOT = /(^|[\s(>+~,])(?:html|body|:root)(?=$|[\s.:#[)>+~,])/g;

/**
 * A selector confined to CONTENT_SCOPE: `body`, `html` and `:root` become the container itself
 * (WordPress puts its preset variables on `body`), any other selector is looked up inside it.
 */
export function scopeSelector(selector: string): string {
  const trimmed = selector.trim();
  // WordPress's own name for the content (the footnotes' counter is set on it).
  if (trimmed === CONTENT_SCOPE) return CONTENT_SCOPE;
  DOCUMENT_ROOT.lastIndex = 0;
  if (DOCUMENT_ROOT.test(trimmed)) return trimmed.replace(DOCUMENT_ROOT, `$1${CONTENT_SCOPE}`);
  return `${CONTENT_SCOPE} ${trimmed}`;
}

/** The class names a selector needs, outside :not() (which needs them absent). */
function classesOf(selector: string): string[] {
  const withoutNegations = selector.replace(/:not\([^)]*\)/g, '');
  return [...withoutNegations.matchAll(/\.([\w-]+)/g)]
    .map((match) => match[1] ?? '')
    .filter((name) => name && `.${name}` !== CONTENT_SCOPE);
}

/**
 * WordPress CSS (the global stylesheet, a post's block-supports rules) as a list of scoped rules
 * that pass the style allowlist: rules and the @media and @supports around them; every other
 * at-rule (@import, @font-face, @keyframes, @layer, …) is dropped with what it holds, as is a
 * rule whose selector holds anything but plain selector syntax. Unparseable CSS gives nothing.
 */
export function scopeStylesheet(
  css: string,
  context: StyleContext,
  origin: StylesheetOrigin = 'site',
): ScopedRule[] {
  let root: postcss.Root;
  try {
    root = postcss.parse(css);
  } catch {
    return [];
  }
  const rules: ScopedRule[] = [];
  const visit = (container: Container, conditions: string[]) => {
    for (const node of container.nodes ?? []) {
      if (node.type === 'atrule') visitAtRule(node, conditions);
      else if (node.type === 'rule') visitRule(node, conditions);
    }
  };
  const visitAtRule = (atRule: AtRule, conditions: string[]) => {
    const name = atRule.name.toLowerCase();
    if ((name === 'media' || name === 'supports') && SAFE_CONDITION.test(atRule.params)) {
      visit(atRule, [...conditions, `@${name} ${atRule.params.trim()}`]);
    }
  };
  const visitRule = (rule: Rule, conditions: string[]) => {
    const selectors = rule.selectors.map((selector) => selector.trim()).filter(Boolean);
    const plain = (selector: string) =>
      origin === 'core' ? selector.replace(QUOTED_ATTRIBUTE_VALUE, '=x') : selector;
    if (selectors.length === 0 || !selectors.every((selector) => SAFE_SELECTOR.test(plain(selector)))) return;
    if (selectors.map(scopeSelector).some((selector) => LEAVES_SCOPE.test(selector))) return;
    const own = (rule.nodes ?? []).filter((node): node is Declaration => node.type === 'decl');
    const check = origin === 'core' ? isAllowedCoreDeclaration : isAllowedDeclaration;
    const classSets = selectors.map(classesOf);
    // The site's rules for the document itself or bare elements (`body`, `h2`, `ol,ul`) are the
    // theme's typography of the page, which stays Broadsheet's: only the variables they define
    // pass, but for the page's own measures (its padding, content and wide sizes), which are
    // Broadsheet's frame too. Its rules for blocks (which name a class) pass whole.
    // Its colours of blocks are those of the theme's own page, which Broadsheet's light and
    // dark schemes replace (a quote's white background under the dark scheme's light text):
    // they pass only in the preset classes, which an editor chose.
    const forBlocks = classSets.some((classes) => classes.length > 0);
    const presets = classSets.every(
      (classes) => classes.length > 0 && classes.every((name) => PRESET_CLASS.test(name)),
    );
    const kept =
      origin !== 'site'
        ? own
        : !forBlocks
          ? own.filter((node) => node.prop.startsWith('--') && !PAGE_MEASURES.test(node.prop))
          : own.filter((node) => presets || !COLOURING.test(node.prop.toLowerCase()));
    const keptSelectors =
      origin === 'site' && forBlocks
        ? selectors.filter((_, index) => (classSets[index] ?? []).length > 0)
        : selectors;
    const declarations = allowedDeclarations(kept, context, true, check).map(
      (declaration) =>
        `${declaration.prop}:${declaration.value.trim()}${declaration.important ? '!important' : ''}`,
    );
    if (declarations.length === 0) return;
    rules.push({
      selectors: keptSelectors.map(scopeSelector),
      declarations,
      conditions,
      classSets: keptSelectors.map(classesOf),
    });
  };
  visit(root, []);
  return rules;
}

const scopedSheets = new LRUCache<string, ScopedRule[]>({
  max: 64,
  maxSize: 4_000_000,
  sizeCalculation: (_, key) => key.length || 1,
});

/** scopeStylesheet, remembered: the global stylesheet is the same on every page. */
function scopedOnce({ css, origin }: Stylesheet, context: StyleContext): ScopedRule[] {
  const key = `${origin} ${context.mediaOrigins.join(' ')}\n${css}`;
  let rules = scopedSheets.get(key);
  if (!rules) {
    rules = scopeStylesheet(css, context, origin);
    scopedSheets.set(key, rules);
  }
  return rules;
}

const CUSTOM_PROPERTY_USE = /var\(\s*(--[\w-]+)/g;

/**
 * The CSS a piece of sanitised content needs from WordPress's stylesheets, ready for one
 * `<style>` element: the rules whose selectors match classes the content uses (a page with one
 * coloured paragraph gets one preset class, not two hundred), and of the custom properties only
 * those the kept rules and the content's inline styles refer to, followed through var() chains.
 * Empty when the content needs nothing.
 */
export function stylesForContent(
  sheets: readonly Stylesheet[],
  contentHtml: string,
  context: StyleContext,
): string {
  const classes = new Set<string>();
  for (const match of contentHtml.matchAll(/\sclass="([^"]*)"/g)) {
    for (const name of (match[1] ?? '').split(/\s+/)) if (name) classes.add(name);
  }
  const used = (rule: ScopedRule) =>
    rule.selectors.filter((_, index) => (rule.classSets[index] ?? []).every((name) => classes.has(name)));

  const kept: { rule: ScopedRule; selectors: string[] }[] = [];
  for (const sheet of sheets) {
    for (const rule of scopedOnce(sheet, context)) {
      const selectors = used(rule);
      if (selectors.length > 0) kept.push({ rule, selectors });
    }
  }

  // Custom property definitions are kept only when something refers to them.
  const definitions = new Map<string, string>();
  for (const { rule } of kept) {
    for (const declaration of rule.declarations) {
      if (declaration.startsWith('--'))
        definitions.set(declaration.slice(0, declaration.indexOf(':')), declaration);
    }
  }
  const needed = new Set<string>();
  const queue = [
    contentHtml,
    ...kept.flatMap(({ rule }) => rule.declarations.filter((d) => !d.startsWith('--'))),
  ];
  while (queue.length > 0) {
    for (const match of (queue.pop() ?? '').matchAll(CUSTOM_PROPERTY_USE)) {
      const name = match[1] ?? '';
      if (needed.has(name)) continue;
      needed.add(name);
      const definition = definitions.get(name);
      if (definition) queue.push(definition);
    }
  }

  let css = '';
  for (const { rule, selectors } of kept) {
    const declarations = rule.declarations.filter(
      (declaration) =>
        !declaration.startsWith('--') || needed.has(declaration.slice(0, declaration.indexOf(':'))),
    );
    if (declarations.length === 0) continue;
    const body = `${selectors.join(',')}{${declarations.join(';')}}`;
    css += rule.conditions.reduceRight((inner, condition) => `${condition}{${inner}}`, body);
  }
  return css;
}
