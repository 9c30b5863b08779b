import { describe, expect, it } from 'vitest';
import { scopeSelector, scopeStylesheet, stylesForContent, type Stylesheet } from './global-styles';
import { WORDPRESS_DEFAULT_PRESETS_CSS } from './wordpress-default-presets';

const CONTEXT = { mediaOrigins: ['http://wp.example.test'] };

/** A trimmed global stylesheet as WordPress 6.5 prints it for Twenty Twenty-Four. */
const GLOBAL = [
  'body{--wp--preset--color--vivid-red: #cf2e2e;--wp--preset--color--black: #000000;--wp--preset--font-size--large: clamp(1.39rem, 1.39rem + ((1vw - 0.2rem) * 0.767), 1.85rem);--wp--preset--spacing--50: min(6.5rem, 8vw);--wp--preset--shadow--deep: 12px 12px 50px rgba(0, 0, 0, 0.4);}',
  ':where(body .is-layout-flow)  > *{margin-block-start: 1.2rem;margin-block-end: 0;}',
  'body .is-layout-flex{display: flex;}',
  '.has-vivid-red-color{color: var(--wp--preset--color--vivid-red) !important;}',
  '.has-black-background-color{background-color: var(--wp--preset--color--black) !important;}',
  '.has-large-font-size{font-size: var(--wp--preset--font-size--large) !important;}',
].join('');

describe('scopeSelector', () => {
  it.each([
    ['body', '.entry-content'],
    [':root', '.entry-content'],
    ['.entry-content', '.entry-content'],
    [':where(body .is-layout-flow)  > *', ':where(.entry-content .is-layout-flow)  > *'],
    ['.has-vivid-red-color', '.entry-content .has-vivid-red-color'],
    ['h1', '.entry-content h1'],
    ['a:where(:not(.wp-element-button))', '.entry-content a:where(:not(.wp-element-button))'],
  ])('%s → %s', (selector, scoped) => {
    expect(scopeSelector(selector)).toBe(scoped);
  });
});

describe('scopeStylesheet keeps the theme inside the content', () => {
  const rulesOf = (css: string) => scopeStylesheet(css, CONTEXT);

  it('confines every rule to the content container', () => {
    const rules = rulesOf(
      'body{--wp--x:1px}.site-header{display:none}:where(body .is-layout-flow) > *{margin:0}',
    );
    expect(rules.flatMap((rule) => rule.selectors)).toEqual([
      '.entry-content',
      '.entry-content .site-header',
      ':where(.entry-content .is-layout-flow) > *',
    ]);
  });

  it('keeps the theme’s styles of blocks and leaves the page’s typography Broadsheet’s', () => {
    const rules = rulesOf(
      [
        'body{background-color:#fff;color:#111;font-size:20px;--wp--style--block-gap:1.2rem;--wp--style--root--padding-left:2rem;--wp--style--global--content-size:620px}',
        'h1, h2, h3{font-weight:400}',
        'ol,ul{padding-left:1rem}',
        'a:where(:not(.wp-element-button)){color:#111}',
        '.wp-block-quote{background-color:#eee;color:#111;border-left-color:#000;padding:2rem}',
        '.has-vivid-red-color{color:#cf2e2e!important}',
        '.wp-element-caption, .wp-block-image figcaption, figcaption{font-size:0.8rem}',
      ].join(''),
    );
    expect(rules.map(({ selectors, declarations }) => [selectors, declarations])).toEqual([
      [['.entry-content'], ['--wp--style--block-gap:1.2rem']],
      [['.entry-content .wp-block-quote'], ['padding:2rem']],
      [['.entry-content .has-vivid-red-color'], ['color:#cf2e2e!important']],
      [
        ['.entry-content .wp-element-caption', '.entry-content .wp-block-image figcaption'],
        ['font-size:0.8rem'],
      ],
    ]);
  });

  it.each([
    'body ~ .site-footer{display:none}',
    'body + footer{display:none}',
    ':where(body) ~ *{display:none}',
    '.x\\:y{color:red}',
    'p[title="}"]{color:red}',
  ])('drops a rule that reaches outside or hides its selector: %s', (css) => {
    expect(rulesOf(css)).toEqual([]);
  });

  it.each([
    '@import url(https://evil.example.net/x.css);',
    '@font-face{font-family:x;src:url(https://evil.example.net/x.woff)}',
    '@keyframes spin{from{color:red}}',
    '@layer theme{p{color:red}}',
    '@media (min-width:1px){@import "x.css";}',
  ])('drops at-rules other than @media and @supports: %s', (css) => {
    expect(rulesOf(css)).toEqual([]);
  });

  it('keeps @media around its rules', () => {
    expect(rulesOf('@media (max-width: 600px){.has-x{color:red}}')).toEqual([
      expect.objectContaining({ conditions: ['@media (max-width: 600px)'], declarations: ['color:red'] }),
    ]);
  });

  it('passes declarations through the style allowlist', () => {
    const [rule] = scopeStylesheet(
      '.x{position:fixed;top:0;z-index:99;color:red;background:url(https://evil.example.net/a.png);background-image:url(http://wp.example.test/a.png)}',
      CONTEXT,
      'post',
    );
    expect(rule?.declarations).toEqual(['color:red', 'background-image:url(http://wp.example.test/a.png)']);
  });

  it('gives nothing for CSS that does not parse', () => {
    expect(rulesOf('.x{color:red')).toEqual([]);
    expect(rulesOf('}}}{{{')).toEqual([]);
  });
});

describe('scopeStylesheet for WordPress core’s block library', () => {
  const coreRulesOf = (css: string) => scopeStylesheet(css, CONTEXT, 'core');

  it('keeps what only core CSS needs: absolute positions, z-index, pseudo-elements’ content', () => {
    const rules = coreRulesOf(
      '.wp-block-cover .wp-block-cover__background{position:absolute;inset:0;z-index:1;opacity:.5}.wp-block-quote:before{content:""}',
    );
    expect(rules.map((rule) => rule.declarations)).toEqual([
      ['position:absolute', 'inset:0', 'z-index:1', 'opacity:.5'],
      ['content:""'],
    ]);
    // The same rules from the site's own CSS are held to the editor's allowlist.
    expect(
      scopeStylesheet('.wp-block-cover__background{position:absolute;z-index:1}', CONTEXT).map(
        (rule) => rule.declarations,
      ),
    ).toEqual([]);
  });

  it('accepts quoted attribute values of plain text in selectors', () => {
    const [rule] = coreRulesOf('p.has-text-align-left[style*="writing-mode:vertical-lr"]{rotate:180deg}');
    expect(rule?.selectors).toEqual([
      '.entry-content p.has-text-align-left[style*="writing-mode:vertical-lr"]',
    ]);
    expect(coreRulesOf('p[title="a\\"]{color:red}')).toEqual([]);
  });

  it.each([
    ['position:fixed;top:0', ['top:0']],
    ['mask-image:url(https://elsewhere.example/x.svg);color:red', ['color:red']],
    ["-webkit-mask-image:url('data:image/svg+xml;utf8,<svg/>');color:red", ['color:red']],
    ['background:image-set("https://elsewhere.example/x.png" 1x);color:red', ['color:red']],
    [
      'background:url(http://wp.example.test/wp-content/uploads/a.png)',
      ['background:url(http://wp.example.test/wp-content/uploads/a.png)'],
    ],
    ['behavior:url(x.htc);color:red', ['color:red']],
    ['width:expression(alert(1));color:red', ['color:red']],
  ])('refuses what reaches past the content: %s', (declarations, kept) => {
    expect(coreRulesOf(`.wp-block-x{${declarations}}`)[0]?.declarations ?? []).toEqual(kept);
  });

  it('drops at-rules other than @media and @supports, with what they hold', () => {
    expect(coreRulesOf('@import url(x.css);@keyframes k{from{opacity:0}}@font-face{font-family:x}')).toEqual(
      [],
    );
  });
});

describe('stylesForContent', () => {
  const site = (css: string): Stylesheet => ({ css, origin: 'site' });
  const forContent = (html: string, sheets: Stylesheet[] = [site(GLOBAL)]) =>
    stylesForContent(sheets, html, CONTEXT);

  it('gives nothing to content without WordPress classes or variables', () => {
    expect(forContent('<p>Plain</p>')).toBe('');
  });

  it('keeps the preset classes the content uses and the variables they need, nothing else', () => {
    const css = forContent('<p class="has-vivid-red-color has-text-color">Red</p>');
    expect(css).toBe(
      '.entry-content{--wp--preset--color--vivid-red:#cf2e2e}.entry-content .has-vivid-red-color{color:var(--wp--preset--color--vivid-red)!important}',
    );
  });

  it('keeps the variables inline styles refer to', () => {
    expect(forContent('<p style="padding-top:var(--wp--preset--spacing--50)">x</p>')).toBe(
      '.entry-content{--wp--preset--spacing--50:min(6.5rem, 8vw)}',
    );
  });

  it('keeps layout rules for the layouts the content uses', () => {
    const css = forContent('<div class="wp-block-group is-layout-flow"><p>x</p></div>');
    expect(css).toBe(
      ':where(.entry-content .is-layout-flow)  > *{margin-block-start:1.2rem;margin-block-end:0}',
    );
  });

  it('adds a post’s block-supports rules for its own containers', () => {
    const blockSupports =
      '.wp-container-core-columns-is-layout-1.wp-container-core-columns-is-layout-1{flex-wrap:nowrap;gap:2em 4em;}.wp-container-core-group-is-layout-9{justify-content:center;}';
    const css = forContent(
      '<div class="wp-block-columns is-layout-flex wp-container-core-columns-is-layout-1"></div>',
      [site(GLOBAL), { css: blockSupports, origin: 'post' }],
    );
    expect(css).toBe(
      '.entry-content .is-layout-flex{display:flex}.entry-content .wp-container-core-columns-is-layout-1.wp-container-core-columns-is-layout-1{flex-wrap:nowrap;gap:2em 4em}',
    );
  });

  it('applies WordPress’s default presets, generated from core’s theme.json, without the plugin', () => {
    expect(
      forContent('<p class="has-vivid-red-color has-large-font-size">x</p>', [
        site(WORDPRESS_DEFAULT_PRESETS_CSS),
      ]),
    ).toBe(
      '.entry-content{--wp--preset--color--vivid-red:#cf2e2e;--wp--preset--font-size--large:36px}.entry-content .has-vivid-red-color{color:var(--wp--preset--color--vivid-red)!important}.entry-content .has-large-font-size{font-size:var(--wp--preset--font-size--large)!important}',
    );
  });

  it('puts the block library first, as WordPress prints it, with only the blocks the content has', () => {
    const library = {
      css: '.wp-block-quote{box-sizing:border-box;overflow-wrap:break-word}.wp-block-cover{position:relative}',
      origin: 'core' as const,
    };
    expect(
      forContent('<blockquote class="wp-block-quote has-vivid-red-color">x</blockquote>', [
        library,
        site(GLOBAL),
      ]),
    ).toBe(
      '.entry-content .wp-block-quote{box-sizing:border-box;overflow-wrap:break-word}.entry-content{--wp--preset--color--vivid-red:#cf2e2e}.entry-content .has-vivid-red-color{color:var(--wp--preset--color--vivid-red)!important}',
    );
  });
});
